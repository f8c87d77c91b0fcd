import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sampleTowns } from '../../../test/content.ts';
import { person, SAMPLE_PDF, submit, submitFiles, type TestPerson } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { sampleMembership, sampleNetwork } from '../../../test/scopes.ts';
import * as repo from './repo.ts';
import type { MembershipState } from './schema.ts';

const NETWORK = '/en/networks/green-towns';

const membership = (database: TestDatabase, network: { id: number; kind: number }, town: number, state: MembershipState, since?: string) =>
  sampleMembership(database, network, town, state, since ? { since } : {});

const stateOf = async (database: TestDatabase, id: number) => (await repo.membershipById(database.db, id))?.state;
const mailsTo = (database: TestDatabase, to: string) =>
  database.db.selectFrom('mail_outbox').select(['subject', 'text_body as text']).where('to_address', '=', to).orderBy('id').execute();

appTest('a network’s page lists its public members with filters, on a map, and on each town’s profile', async (app, database) => {
  const towns = await sampleTowns(database);
  const net = await sampleNetwork(database);
  await membership(database, net, towns.staraZagora, 'active', '2015-04-01T00:00:00.000Z');
  await membership(database, net, towns.botevgrad, 'on_hold', '2019-01-01T00:00:00.000Z');

  const list = await app.inject({ url: '/en/networks' });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /href="\/en\/networks\/green-towns">Green Towns<\/a>/);
  assert.match(list.body, /1 member\b/, 'members on hold are not counted in public');

  const page = await app.inject({ url: NETWORK });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>Green Towns<\/h1>/);
  assert.match(page.body, /href="\/en\/municipalities\/bg\/stara-zagora">Stara Zagora<\/a>/);
  assert.ok(!page.body.includes('Botevgrad'), 'a member on hold is hidden from the public list');
  assert.match((await app.inject({ url: `${NETWORK}?year=2015` })).body, /Stara Zagora/);
  assert.ok(!(await app.inject({ url: `${NETWORK}?year=2016` })).body.includes('stara-zagora">'), 'filtered by the year of joining');
  assert.ok(!(await app.inject({ url: `${NETWORK}?country=si` })).body.includes('stara-zagora">'), 'and by country');
  const map = (await app.inject({ url: `/en/networks/green-towns/map.json` })).json() as { places: unknown[][] };
  assert.deepEqual(map.places, [[42.4258, 25.6345, 'Stara Zagora', 'bg/stara-zagora']]);
  const mapUrl = '/en/networks/green-towns/map.json';
  const br = await app.inject({ url: mapUrl, headers: { 'accept-encoding': 'gzip, deflate, br' } });
  assert.equal(br.headers['content-encoding'], 'br', 'the map data goes compressed to a browser');
  assert.match(String(br.headers.vary), /accept-encoding/i);
  assert.deepEqual(JSON.parse(brotliDecompressSync(br.rawPayload).toString()), map);
  const gz = await app.inject({ url: mapUrl, headers: { 'accept-encoding': 'br;q=0, gzip' } });
  assert.equal(gz.headers['content-encoding'], 'gzip', 'an encoding refused with q=0 is not used');
  assert.deepEqual(JSON.parse(gunzipSync(gz.rawPayload).toString()), map);
  const again = await app.inject({ url: mapUrl, headers: { 'if-none-match': String(br.headers.etag) } });
  assert.equal(again.statusCode, 304, 'a browser that has it gets a 304');

  const profile = await app.inject({ url: '/en/municipalities/bg/stara-zagora' });
  assert.match(profile.body, /id="networks-heading">Networks</);
  assert.match(profile.body, /href="\/en\/networks\/green-towns">Green Towns<\/a>[^<]*<span class="place-meta">Member · since 2015/);
  assert.ok(!(await app.inject({ url: '/en/municipalities/bg/botevgrad' })).body.includes('networks-heading'), 'on hold: not shown');

  assert.equal((await app.inject({ url: '/en/networks/nothing-here' })).statusCode, 404);
  assert.equal((await app.inject({ url: `${NETWORK}?page=2` })).statusCode, 404);
  assert.equal((await app.inject({ url: `${NETWORK}?year=abc&country=zz` })).statusCode, 200, 'a filter that makes no sense is left out');
});

/** Takes a step as a person through the membership's page, as the browser would. */
const step = (app: Parameters<Parameters<typeof appTest>[1]>[0], page: string, name: string, who: TestPerson, fields = {}) =>
  name === 'sendCommitment'
    ? submitFiles(app, page, fields, { commitment: { name: 'decision.pdf', data: SAMPLE_PDF } }, who, `${page}/${name}`)
    : submit(app, page, fields, who, `${page}/${name}`);

appTest(
  'a town applies, is found eligible, sends its commitment and becomes a member: each step recorded and mailed to both sides',
  async (app, database) => {
    const towns = await sampleTowns(database);
    const net = await sampleNetwork(database);
    const mayor = await person(database, { roles: [['municipality_admin', towns.botevgrad]], email: 'mayor@botevgrad.example' });
    const coordinator = await person(database, { roles: [['network_coordinator', net.id]], email: 'coord@green.example' });

    const applied = await submit(app, `${NETWORK}/apply`, { member: `municipality:${towns.botevgrad}`, kind: String(net.kind) }, mayor);
    assert.equal(applied.statusCode, 303);
    const page = String(applied.headers.location);
    const id = Number(/memberships\/(\d+)$/.exec(page)?.[1]);
    assert.equal(await stateOf(database, id), 'draft');

    assert.equal((await step(app, page, 'submit', mayor)).statusCode, 303);
    assert.equal(await stateOf(database, id), 'submitted');
    const refusedEarly = await step(app, page, 'acceptCommitment', coordinator);
    assert.equal(refusedEarly.statusCode, 422, 'a step the state does not allow is refused');
    assert.match(refusedEarly.body, /This cannot be done in the membership’s present state|cannot be done/);
    assert.equal(await stateOf(database, id), 'submitted');

    assert.equal((await step(app, page, 'findEligible', coordinator)).statusCode, 303);
    const badDate = await step(app, page, 'sendCommitment', mayor, { commitment_date: '2999-01-01' });
    assert.equal(badDate.statusCode, 422, 'a commitment dated in the future is refused');
    assert.match(badDate.body, /value="2999-01-01"/, 'keeping what was typed');
    assert.equal(await stateOf(database, id), 'eligible');
    assert.equal((await step(app, page, 'sendCommitment', mayor, { commitment_date: '2026-03-27' })).statusCode, 303);
    assert.equal((await step(app, page, 'acceptCommitment', coordinator)).statusCode, 303);

    const m = await repo.membershipById(database.db, id);
    assert.equal(m?.state, 'active');
    assert.equal(m?.since, '2026-03-27T00:00:00.000Z', 'the commitment’s date is the join date');
    assert.equal(m?.report_due_at, '2028-03-27T00:00:00.000Z', 'the first report is due two years later');

    const history = (await repo.eventsOf(database.db, id)).map((e) => [e.from_state, e.to_state, e.actor_id]);
    assert.deepEqual(history, [
      [null, 'draft', mayor.id],
      ['draft', 'submitted', mayor.id],
      ['submitted', 'eligible', coordinator.id],
      ['eligible', 'commitment_pending', mayor.id],
      ['commitment_pending', 'active', coordinator.id],
    ]);
    for (const to of ['mayor@botevgrad.example', 'coord@green.example']) {
      const subjects = (await mailsTo(database, to)).map((x) => x.subject);
      assert.deepEqual(
        subjects,
        [
          'Botevgrad in Green Towns: Application submitted',
          'Botevgrad in Green Towns: Eligible: commitment awaited',
          'Botevgrad in Green Towns: Commitment sent: being checked',
          'Botevgrad in Green Towns: Active',
        ],
        `${to} is told of every step`,
      );
    }
    const shown = await app.inject({ url: page, headers: { cookie: mayor.cookie } });
    assert.match(shown.body, /Next report due/);
    assert.match(shown.body, /Ask for more time/);
    assert.match(shown.headers['cache-control'] ?? '', /no-store/);
  },
);

appTest('a refusal or an end needs a reason, which the member is told', async (app, database) => {
  const towns = await sampleTowns(database);
  const net = await sampleNetwork(database);
  await person(database, { roles: [['municipality_admin', towns.botevgrad]], email: 'mayor2@botevgrad.example' });
  const coordinator = await person(database, { roles: [['network_coordinator', net.id]] });
  const id = await membership(database, net, towns.botevgrad, 'submitted');
  const page = `${NETWORK}/memberships/${id}`;
  const bare = await step(app, page, 'refuse', coordinator, { reason: '   ' });
  assert.equal(bare.statusCode, 422);
  assert.match(bare.body, /Enter a reason/);
  assert.equal(await stateOf(database, id), 'submitted');
  assert.equal((await step(app, page, 'refuse', coordinator, { reason: 'Only towns of the Danube region may join.' })).statusCode, 303);
  assert.equal(await stateOf(database, id), 'refused');
  const [mail] = (await mailsTo(database, 'mayor2@botevgrad.example')).slice(-1);
  assert.match(mail?.text ?? '', /Reason: Only towns of the Danube region may join\./);
});

appTest(
  'one town’s staff and another network’s coordinators cannot see or move a membership, and nothing changes',
  async (app, database) => {
    const towns = await sampleTowns(database);
    const net = await sampleNetwork(database);
    const other = await sampleNetwork(database, 'blue-towns', 'Blue Towns');
    const id = await membership(database, net, towns.botevgrad, 'submitted');
    const page = `${NETWORK}/memberships/${id}`;
    const mayor = await person(database, { roles: [['municipality_admin', towns.botevgrad]] });
    const strangerMayor = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
    const otherCoordinator = await person(database, { roles: [['network_coordinator', other.id]] });
    const citizen = await person(database);

    for (const who of [strangerMayor, otherCoordinator, citizen]) {
      assert.equal((await app.inject({ url: page, headers: { cookie: who.cookie } })).statusCode, 404, `${who.name} sees no such page`);
    }
    const visitor = await app.inject({ url: page });
    assert.equal(visitor.statusCode, 303, 'a visitor is asked to sign in');
    assert.match(String(visitor.headers.location), /^\/en\/sign-in\?next=/);
    // The member's own staff may not take the coordinators' steps.
    const { cookie, csrf } = await (async () => {
      const res = await app.inject({ url: page, headers: { cookie: mayor.cookie } });
      return {
        cookie: mayor.cookie + res.cookies.map((c) => `; ${c.name}=${c.value}`).join(''),
        csrf: /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1] ?? '',
      };
    })();
    const post = (url: string, who = cookie) =>
      app.inject({
        method: 'POST',
        url,
        headers: { cookie: who, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `_csrf=${encodeURIComponent(csrf)}&reason=x`,
      });
    assert.equal((await post(`${page}/findEligible`)).statusCode, 403);
    assert.equal((await post(`${page}/fallOverdue`)).statusCode, 404, 'the clock’s steps have no address');
    assert.equal(
      (await post(`/en/networks/blue-towns/memberships/${id}/withdraw`)).statusCode,
      404,
      'nor does a membership under another network',
    );
    const noToken = await app.inject({
      method: 'POST',
      url: `${page}/withdraw`,
      headers: { cookie: mayor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'reason=x',
    });
    assert.equal(noToken.statusCode, 403, 'a form without its token is refused');
    const forOther = await submit(app, `${NETWORK}/apply`, { member: `municipality:${towns.staraZagora}`, kind: String(net.kind) }, mayor);
    assert.equal(forOther.statusCode, 403, 'nobody applies for a town they do not work for');
    assert.equal(await stateOf(database, id), 'submitted');
    assert.equal((await repo.eventsOf(database.db, id)).length, 0);
    assert.equal((await repo.membershipsOf(database.db, 'municipality', towns.staraZagora)).length, 0);
  },
);

appTest('the apply form refuses a missing choice and a kind the town may not hold, keeping the choices', async (app, database) => {
  const towns = await sampleTowns(database);
  const net = await sampleNetwork(database);
  await database.db.updateTable('membership_kinds').set({ countries: 'SI' }).where('id', '=', net.kind).execute();
  const mayor = await person(database, { roles: [['municipality_admin', towns.botevgrad]] });
  const none = await submit(app, `${NETWORK}/apply`, { member: `municipality:${towns.botevgrad}` }, mayor);
  assert.equal(none.statusCode, 422);
  assert.match(none.body, /<option value="municipality:\d+" selected>Botevgrad<\/option>/);
  const wrongCountry = await submit(app, `${NETWORK}/apply`, { member: `municipality:${towns.botevgrad}`, kind: String(net.kind) }, mayor);
  assert.equal(wrongCountry.statusCode, 422);
  assert.match(wrongCountry.body, /not open to members in this country/);
  assert.equal((await repo.membershipsOf(database.db, 'municipality', towns.botevgrad)).length, 0);
});

appTest('coordinators list every membership by state, on hold greyed, and their work page says what waits', async (app, database) => {
  const towns = await sampleTowns(database);
  const net = await sampleNetwork(database);
  const other = await sampleNetwork(database, 'blue-towns', 'Blue Towns');
  await membership(database, net, towns.staraZagora, 'on_hold', '2015-04-01T00:00:00.000Z');
  await membership(database, net, towns.botevgrad, 'submitted');
  const coordinator = await person(database, { roles: [['network_coordinator', net.id]] });
  const otherCoordinator = await person(database, { roles: [['network_coordinator', other.id]] });
  const manage = `${NETWORK}/manage`;

  const all = await app.inject({ url: manage, headers: { cookie: coordinator.cookie } });
  assert.equal(all.statusCode, 200);
  assert.match(all.body, /<tr class="muted">/, 'on hold is greyed');
  assert.match(all.body, /Application submitted \(1\)/);
  assert.match(all.headers['cache-control'] ?? '', /no-store/);
  const submitted = await app.inject({ url: `${manage}?state=submitted`, headers: { cookie: coordinator.cookie } });
  assert.match(submitted.body, /memberships\/\d+">Botevgrad</);
  assert.ok(!submitted.body.includes('>Stara Zagora<'), 'filtered by state');
  assert.match(
    (await app.inject({ url: NETWORK, headers: { cookie: coordinator.cookie } })).body,
    /href="\/en\/networks\/green-towns\/manage"/,
  );
  assert.ok(!(await app.inject({ url: NETWORK })).body.includes('/manage"'), 'the public gets no such link');

  assert.equal((await app.inject({ url: manage, headers: { cookie: otherCoordinator.cookie } })).statusCode, 403);
  assert.equal((await app.inject({ url: manage })).statusCode, 303, 'a visitor is asked to sign in');
  const work = await app.inject({ url: '/en/work', headers: { cookie: coordinator.cookie } });
  assert.match(work.body, /href="\/en\/networks\/green-towns\/manage"/);
  assert.match(work.body, /1 application or commitment to decide/);
});

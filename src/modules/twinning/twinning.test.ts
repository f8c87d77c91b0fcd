import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import * as repo from './repo.ts';

const mailsTo = async (database: Parameters<Parameters<typeof appTest>[1]>[1], to: string) =>
  (await database.db.selectFrom('mail_outbox').select('subject').where('to_address', '=', to).orderBy('id').execute()).map(
    (m) => m.subject,
  );

appTest(
  'one town proposes, the other confirms: both profiles show their twin on a map; either side ends it with a date',
  async (app, database) => {
    const towns = await sampleTowns(database);
    const sz = await person(database, { roles: [['municipality_admin', towns.staraZagora]], email: 'sz@example.eu' });
    const btg = await person(database, { roles: [['municipality_admin', towns.botevgrad]], email: 'btg@example.eu' });
    const propose = `/en/twinning/propose?with=${towns.botevgrad}`;

    const profile = await app.inject({ url: '/en/municipalities/bg/botevgrad', headers: { cookie: sz.cookie } });
    assert.match(profile.body, /href="\/en\/twinning\/propose\?with=\d+">Propose a twinning with this town/);
    const sent = await submit(app, propose, { town: String(towns.staraZagora), kind: 'formal', since_year: '1994' }, sz);
    assert.equal(sent.statusCode, 303);
    const page = String(sent.headers.location).replace(/\?.*$/, '');
    const id = Number(page.split('/').pop());
    assert.equal((await repo.twinningById(database.db, id))?.state, 'proposed');
    assert.ok(
      !(await app.inject({ url: '/en/municipalities/bg/stara-zagora' })).body.includes('id="twins"'),
      'not shown before it is confirmed',
    );
    // The token comes from a page with a form; the proposer's own twinning page offers nothing to press.
    assert.equal((await submit(app, propose, {}, sz, `${page}/accept`)).statusCode, 403, 'the proposer cannot confirm for the other town');

    assert.equal((await submit(app, page, {}, btg, `${page}/accept`)).statusCode, 303);
    for (const slug of ['stara-zagora', 'botevgrad']) {
      const body = (await app.inject({ url: `/en/municipalities/bg/${slug}` })).body;
      assert.match(body, /id="twins-heading">Twin towns</, slug);
      assert.match(body, /Twinning agreement · since 1994/);
      assert.match(body, /class="places-map"/, 'on a map');
    }
    assert.match((await app.inject({ url: '/en/twinning' })).body, /Stara Zagora<\/a> \(Bulgaria\) – <a[^>]*>Botevgrad/);
    const api = (await app.inject({ url: `/api/v1/twinnings?municipality=${towns.botevgrad}` })).json() as {
      data: { towns: { name: string }[]; kind: string; sinceYear: number }[];
    };
    assert.deepEqual(
      api.data.map((d) => [d.towns.map((x) => x.name), d.kind, d.sinceYear]),
      [[['Stara Zagora', 'Botevgrad'], 'formal', 1994]],
    );
    assert.equal((await app.inject({ url: '/api/v1/twinnings?municipality=abc' })).statusCode, 400);
    const again = await submit(app, propose, { town: String(towns.staraZagora), kind: 'formal' }, sz);
    assert.equal(again.statusCode, 422, 'no second twinning of the same towns');

    const future = await submit(app, page, { ended_on: '2999-01-01' }, btg, `${page}/end`);
    assert.equal(future.statusCode, 422);
    assert.match(future.body, /value="2999-01-01"/);
    assert.equal((await submit(app, page, { ended_on: '2026-11-30' }, btg, `${page}/end`)).statusCode, 303);
    const ended = await repo.twinningById(database.db, id);
    assert.deepEqual([ended?.state, ended?.ended_on], ['ended', '2026-11-30']);
    assert.ok(
      !(await app.inject({ url: '/en/municipalities/bg/botevgrad' })).body.includes('id="twins"'),
      'an ended twinning leaves the profile',
    );
    for (const to of ['sz@example.eu', 'btg@example.eu']) {
      assert.deepEqual(await mailsTo(database, to), [
        'Twinning of Stara Zagora and Botevgrad: Proposed: waiting for the other town',
        'Twinning of Stara Zagora and Botevgrad: Confirmed by both towns',
        'Twinning of Stara Zagora and Botevgrad: Ended',
      ]);
    }
  },
);

appTest('a proposal in another town’s name, to itself or with bad input is refused, and nothing changes', async (app, database) => {
  const towns = await sampleTowns(database);
  const sz = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
  const citizen = await person(database);
  const propose = `/en/twinning/propose?with=${towns.botevgrad}`;
  const forOther = await submit(
    app,
    `/en/twinning/propose?with=${towns.staraZagora}`,
    { town: String(towns.botevgrad), kind: 'formal' },
    sz,
  );
  assert.equal(forOther.statusCode, 403, 'only a town’s own staff propose in its name');
  const self = await submit(app, `/en/twinning/propose?with=${towns.staraZagora}`, { town: String(towns.staraZagora), kind: 'formal' }, sz);
  assert.equal(self.statusCode, 422);
  assert.match(self.body, /cannot twin with itself/);
  const bad = await submit(app, propose, { town: String(towns.staraZagora), kind: 'marriage', since_year: '1066' }, sz);
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /Enter a year from 1900/);
  assert.match(bad.body, /value="1066"/, 'keeping what was typed');
  assert.equal((await app.inject({ url: propose })).statusCode, 303, 'a visitor is asked to sign in');
  assert.equal((await app.inject({ url: '/en/twinning/propose?with=999999', headers: { cookie: sz.cookie } })).statusCode, 404);
  const noTown = await app.inject({ url: propose, headers: { cookie: citizen.cookie } });
  assert.doesNotMatch(noTown.body, /<option value="\d+"/, 'a citizen has no town to propose for');
  assert.equal((await database.db.selectFrom('twinnings').select('id').execute()).length, 0);
});

appTest('a proposal is the two towns’ business: a third town’s staff and citizens see no such page', async (app, database) => {
  const towns = await sampleTowns(database);
  const sz = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
  const third = await person(database, { roles: [['municipality_admin', 3]] });
  const citizen = await person(database);
  const sent = await submit(
    app,
    `/en/twinning/propose?with=${towns.botevgrad}`,
    { town: String(towns.staraZagora), kind: 'friendship' },
    sz,
  );
  const page = String(sent.headers.location).replace(/\?.*$/, '');
  for (const who of [third, citizen]) {
    assert.equal((await app.inject({ url: page, headers: { cookie: who.cookie } })).statusCode, 404);
  }
  assert.equal(
    (await submit(app, `/en/twinning/propose?with=${towns.botevgrad}`, {}, third, `${page}/accept`).catch(() => ({ statusCode: 0 })))
      .statusCode !== 303,
    true,
  );
  const id = Number(page.split('/').pop());
  assert.equal((await repo.twinningById(database.db, id))?.state, 'proposed');
});

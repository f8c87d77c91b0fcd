import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { sampleTowns } from '../../../test/content.ts';
import { PASSWORD, person, submit, type TestPerson } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { sampleProcess, sampleProposal } from '../../../test/participation.ts';

const supportsOf = async (database: TestDatabase, id: number) => {
  const row = await database.db.selectFrom('proposals').select('supports_count').where('id', '=', id).executeTakeFirstOrThrow();
  const rows = await database.db.selectFrom('supports').select('user_id').where('proposal_id', '=', id).execute();
  return { count: row.supports_count, rows: rows.length };
};

/** Presses a button of the proposal page as this person. */
const press = (app: FastifyInstance, url: string, who: TestPerson, action: 'support' | 'support/withdraw') =>
  submit(app, url, {}, who, `${url}/${action}`);

async function setUp(database: TestDatabase, options: Parameters<typeof sampleProcess>[2] = {}) {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, options);
  const author = await person(database);
  const id = await sampleProposal(database, p.id, author.id);
  return { p, id, url: `/en${p.path}/proposals/${id}` };
}

appTest('one support per person, withdrawn and given again, with the threshold meter', async (app, database) => {
  const { id, url } = await setUp(database, { threshold: 300 });
  const anonymous = await app.inject({ url });
  assert.match(anonymous.body, /0 of 300 supports needed for an answer/);
  assert.match(anonymous.body, /<meter min="0" max="300" value="0" aria-labelledby="support-progress"/);
  assert.match(anonymous.body, /Sign in to support this proposal/);
  assert.ok(!anonymous.body.includes('name="_csrf"'), 'a reader’s page holds no form token, so it can be shared');

  const citizen = await person(database);
  const given = await press(app, url, citizen, 'support');
  assert.equal(given.statusCode, 303);
  assert.equal(given.headers.location, `${url}?notice=supported#supports`);
  const page = await app.inject({ url: `${url}?notice=supported`, headers: { cookie: citizen.cookie } });
  assert.match(page.body, /You support this proposal\./);
  assert.match(page.body, /1 of 300 supports needed for an answer/);
  assert.match(page.body, /<meter min="0" max="300" value="1"/);
  assert.match(page.body, />Withdraw my support</);
  assert.equal(page.headers['cache-control'], 'private, no-store', 'a person’s support state is never kept for others');
  assert.deepEqual(await supportsOf(database, id), { count: 1, rows: 1 });

  const again = await press(app, url, citizen, 'support');
  assert.equal(again.statusCode, 422);
  assert.match(again.body, /<title>Error: More benches in the park/);
  assert.match(again.body, /You already support this proposal\./);
  assert.deepEqual(await supportsOf(database, id), { count: 1, rows: 1 }, 'a second support changes nothing');
  const shared = await app.inject({ url });
  assert.ok(!shared.body.includes('You support this'), 'nobody else sees it as theirs');
  assert.match(shared.body, /1 of 300 supports/);

  assert.equal((await press(app, url, citizen, 'support/withdraw')).statusCode, 303);
  assert.deepEqual(await supportsOf(database, id), { count: 0, rows: 0 });
  assert.equal((await press(app, url, citizen, 'support/withdraw')).statusCode, 303);
  assert.deepEqual(await supportsOf(database, id), { count: 0, rows: 0 }, 'withdrawing twice takes nothing more');
  const after = await app.inject({ url, headers: { cookie: citizen.cookie } });
  assert.match(after.body, /<button type="submit">Support<\/button>/);
  assert.equal((await press(app, url, citizen, 'support')).statusCode, 303);
  assert.deepEqual(await supportsOf(database, id), { count: 1, rows: 1 });
});

appTest('a limit per person in a process: supports left, and the one too many refused', async (app, database) => {
  const { p, id, url } = await setUp(database, { limit: 2 });
  const second = await sampleProposal(database, p.id, null, { title: 'A second proposal' });
  const third = await sampleProposal(database, p.id, null, { title: 'A third proposal' });
  const citizen = await person(database);
  assert.match((await app.inject({ url, headers: { cookie: citizen.cookie } })).body, /You have 2 of 2 supports left/);
  assert.equal((await press(app, url, citizen, 'support')).statusCode, 303);
  const secondUrl = `/en${p.path}/proposals/${second}`;
  assert.equal((await press(app, secondUrl, citizen, 'support')).statusCode, 303);
  const thirdUrl = `/en${p.path}/proposals/${third}`;
  assert.match((await app.inject({ url: thirdUrl, headers: { cookie: citizen.cookie } })).body, /You have 0 of 2 supports left/);
  const refused = await press(app, thirdUrl, citizen, 'support');
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /You have used all your supports in this process/);
  assert.deepEqual(await supportsOf(database, third), { count: 0, rows: 0 });
  assert.equal((await press(app, url, citizen, 'support/withdraw')).statusCode, 303);
  assert.match((await app.inject({ url: thirdUrl, headers: { cookie: citizen.cookie } })).body, /You have 1 of 2 supports left/);
  assert.equal((await press(app, thirdUrl, citizen, 'support')).statusCode, 303);
  assert.deepEqual(await supportsOf(database, id), { count: 0, rows: 0 });
  assert.deepEqual(await supportsOf(database, third), { count: 1, rows: 1 });

  const racer = await person(database);
  const urls = [url, secondUrl, thirdUrl];
  const raced = await Promise.all(urls.map((u) => press(app, u, racer, 'support')));
  assert.deepEqual(raced.map((r) => r.statusCode).sort(), [303, 303, 422], 'supports sent at once cannot pass the limit');
  const given = await database.db.selectFrom('supports').select('id').where('user_id', '=', racer.id).execute();
  assert.equal(given.length, 2);
});

appTest('where only residents support, a person not verified is sent to verify', async (app, database) => {
  const { p, id, url } = await setUp(database, { supporters: 'census' });
  const citizen = await person(database);
  const res = await press(app, url, citizen, 'support');
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Only residents can support in this process\./);
  assert.match(res.body, new RegExp(`<a href="/en${p.path}/verify">Verify that you live here</a>`));
  assert.deepEqual(await supportsOf(database, id), { count: 0, rows: 0 });
});

appTest('outside the phase, or without a confirmed account, supporting is refused and changes nothing', async (app, database) => {
  const towns = await sampleTowns(database);
  const closed = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { actions: ['comment'] });
  const ended = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { window: [-30, -1] });
  const open = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad });
  const citizen = await person(database);
  const formPage = `/en${open.path}/proposals/${await sampleProposal(database, open.id, null)}`;
  for (const q of [closed, ended]) {
    const id = await sampleProposal(database, q.id, null, { supports: 3 });
    const url = `/en${q.path}/proposals/${id}`;
    const page = await app.inject({ url, headers: { cookie: citizen.cookie } });
    assert.match(page.body, /Supporting is not open in this phase/);
    assert.ok(!page.body.includes('>Support<'));
    for (const action of ['support', 'support/withdraw'])
      assert.equal((await submit(app, formPage, {}, citizen, `${url}/${action}`)).statusCode, 403, `${q.slug} ${action}`);
    assert.deepEqual(await supportsOf(database, id), { count: 3, rows: 0 });
  }
  const id = await sampleProposal(database, open.id, null);
  const url = `/en${open.path}/proposals/${id}`;
  const unconfirmed = await person(database, { confirmed: false });
  assert.equal((await submit(app, '/en/account', {}, unconfirmed, `${url}/support`)).statusCode, 403);
  const otherStaff = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
  assert.equal((await press(app, url, otherStaff, 'support')).statusCode, 303, 'staff of any town support as the people they are');
  const anonymous = await submit(app, '/en/sign-in', {}, undefined, `${url}/support`);
  assert.equal(anonymous.statusCode, 303);
  assert.match(String(anonymous.headers.location), /^\/en\/sign-in/);
  assert.deepEqual(await supportsOf(database, id), { count: 1, rows: 1 });
});

appTest('fifty people supporting at once are fifty supports; one person twice at once is one', async (app, database) => {
  const { id, url } = await setUp(database, { threshold: 100 });
  const people = await Promise.all(Array.from({ length: 50 }, () => person(database)));
  const forms = await Promise.all(people.map(async (who) => ({ who, page: await app.inject({ url, headers: { cookie: who.cookie } }) })));
  const posts = forms.map(({ who, page }) => {
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const cookie = [who.cookie, ...page.cookies.map((c) => `${c.name}=${c.value}`)].join('; ');
    return { cookie, payload: new URLSearchParams({ _csrf: csrf }).toString() };
  });
  const send = (post: { cookie: string; payload: string }, action = 'support') =>
    app.inject({
      method: 'POST',
      url: `${url}/${action}`,
      headers: { cookie: post.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: post.payload,
    });
  const answers = await Promise.all(posts.map((post) => send(post)));
  assert.deepEqual(
    answers.map((a) => a.statusCode),
    Array(50).fill(303),
  );
  assert.deepEqual(await supportsOf(database, id), { count: 50, rows: 50 });

  const one = posts[0]!;
  const twice = await Promise.all([send(one), send(one), send(one)]);
  assert.ok(
    twice.every((a) => a.statusCode === 422),
    'already supported: each refused',
  );
  assert.deepEqual(await supportsOf(database, id), { count: 50, rows: 50 });
  const back = await Promise.all([send(one, 'support/withdraw'), send(one, 'support/withdraw')]);
  assert.deepEqual(
    back.map((a) => a.statusCode),
    [303, 303],
  );
  assert.deepEqual(await supportsOf(database, id), { count: 49, rows: 49 }, 'withdrawn twice at once is withdrawn once');
  const again = await Promise.all([send(one), send(one)]);
  assert.deepEqual(again.map((a) => a.statusCode).sort(), [303, 422]);
  assert.deepEqual(await supportsOf(database, id), { count: 50, rows: 50 }, 'supported twice at once is supported once');
  assert.match((await app.inject({ url })).body, /50 of 100 supports needed for an answer/);
});

appTest('a person’s proposals and supports are in their data; deleting the account takes the supports back', async (app, database) => {
  const { p, id, url } = await setUp(database);
  const citizen = await person(database);
  const own = await sampleProposal(database, p.id, citizen.id, { title: 'My own idea' });
  assert.equal((await press(app, url, citizen, 'support')).statusCode, 303);
  const data = JSON.parse((await app.inject({ url: '/en/account/data', headers: { cookie: citizen.cookie } })).body);
  assert.deepEqual(
    data.participation.proposals.map((x: { id: number; title: string }) => [x.id, x.title]),
    [[own, 'My own idea']],
  );
  assert.deepEqual(
    data.participation.supports.map((s: { proposal: number }) => s.proposal),
    [id],
  );
  const deleted = await submit(app, '/en/account/delete', { current_password: PASSWORD }, citizen);
  assert.equal(deleted.statusCode, 303);
  assert.deepEqual(await supportsOf(database, id), { count: 0, rows: 0 });
  const page = await app.inject({ url: `/en${p.path}/proposals/${own}` });
  assert.equal(page.statusCode, 200, 'what they proposed stays');
  assert.match(page.body, /Deleted account/);
});

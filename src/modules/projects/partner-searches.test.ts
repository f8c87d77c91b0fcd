import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { demoProgrammes } from './service/seeds.ts';

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const SEARCH = {
  title: 'Partners for a network of towns on active citizenship',
  description: 'Stara Zagora looks for four towns to apply together for the networks of towns strand.',
  size: 'any',
};
type Call = { id: number; state: string; title: string };

appTest(
  'a town’s search for partners names an EU call: each page links the other, and only calls still open may be named',
  async (app, database) => {
    await demoProgrammes.run(app.context);
    const calls = ((await app.inject({ url: '/api/v1/calls' })).json() as { data: Call[] }).data;
    const open = calls.find((c) => c.state === 'open')!;
    const closed = calls.find((c) => c.state === 'closed')!;
    const towns = await sampleTowns(database);
    const sz = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
    const form = { ...SEARCH, town: String(towns.staraZagora), deadline: future(20) };

    const blank = await app.inject({ url: '/en/partner-search/new', headers: { cookie: sz.cookie } });
    assert.match(blank.body, new RegExp(`<option value="${open.id}">[^<]*${open.title.slice(0, 20)}`), 'open calls are offered');
    assert.doesNotMatch(blank.body, new RegExp(`<option value="${closed.id}">`), 'closed ones are not');

    for (const forged of [String(closed.id), '999999', 'abc']) {
      const refused = await submit(app, '/en/partner-search/new', { ...form, funding_call: forged }, sz);
      assert.equal(refused.statusCode, 422, forged);
      assert.match(refused.body, /Choose one of the options/, forged);
      assert.match(refused.body, /value="Partners for a network of towns on active citizenship"/, 'what was typed is kept');
    }
    assert.doesNotMatch((await app.inject({ url: '/en/partner-search' })).body, /active citizenship/, 'nothing was posted');

    const posted = await submit(app, '/en/partner-search/new', { ...form, funding_call: String(open.id) }, sz);
    assert.equal(posted.statusCode, 303);
    const search = (await app.inject({ url: String(posted.headers.location) })).body;
    assert.match(search, new RegExp(`<dt>EU call</dt><dd><a href="/en/calls/${open.id}">`));
    const callPage = (await app.inject({ url: `/en/calls/${open.id}` })).body;
    assert.match(callPage, /<h2[^>]*>Towns looking for partners for this call<\/h2>/);
    assert.match(callPage, /href="\/en\/partner-search\/\d+">Partners for a network of towns on active citizenship</);
    assert.doesNotMatch((await app.inject({ url: `/en/calls/${closed.id}` })).body, /Towns looking for partners/);
    const api = (await app.inject({ url: '/api/v1/partner-calls' })).json() as { data: { funding_call: { id: number } | null }[] };
    assert.equal(api.data[0]?.funding_call?.id, open.id);

    // Without a call named, the search is posted as before.
    assert.equal((await submit(app, '/en/partner-search/new', { ...form, funding_call: '' }, sz)).statusCode, 303);
  },
);

import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { fieldError } from '../../../test/input.ts';

const PROPOSAL = {
  area: 'environment',
  description: 'Trees along the boulevards.',
  results: '300 trees',
  starts_on: '2025-03-01',
  ends_on: '',
};

async function setUp(app: Parameters<Parameters<typeof appTest>[1]>[0], database: TestDatabase) {
  const { staraZagora, botevgrad } = await sampleTowns(database);
  const rep = await person(database);
  await submit(app, '/en/organisations/new', { name: 'Zelena Zagora', kind: 'ngo', country: 'BG' }, rep);
  const org = (await database.db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
  const staff = await person(database, { roles: [['municipality_editor', staraZagora]] });
  const otherStaff = await person(database, { roles: [['municipality_admin', botevgrad]] });
  return { staraZagora, botevgrad, rep, org, staff, otherStaff };
}

const count = async (database: TestDatabase) => (await database.db.selectFrom('partnerships').select('id').execute()).length;

appTest('an organisation proposes, the town’s staff confirm, and it shows on both profiles and in the list', async (app, database) => {
  const { staraZagora, rep, org, staff, otherStaff } = await setUp(app, database);
  const townPage = '/en/municipalities/bg/stara-zagora';
  assert.ok(
    (await app.inject({ url: townPage, headers: { cookie: rep.cookie } })).body.includes(`/en/partnerships/propose?town=${staraZagora}`),
  );
  const form = `/en/partnerships/propose?town=${staraZagora}`;
  const made = await submit(app, form, { ...PROPOSAL, organisation: String(org) }, rep);
  assert.equal(made.statusCode, 303);
  const path = String(made.headers.location).replace(/\?.*/, '');
  assert.match(path, /^\/en\/partnerships\/\d+$/);

  // Not public until confirmed; the other town's staff and the public see nothing.
  assert.equal((await app.inject({ url: path })).statusCode, 404, 'a visitor sees none');
  assert.equal((await app.inject({ url: path, headers: { cookie: otherStaff.cookie } })).statusCode, 404);
  assert.ok(!(await app.inject({ url: '/en/partnerships' })).body.includes('Trees along the boulevards.'));
  const repView = (await app.inject({ url: path, headers: { cookie: rep.cookie } })).body;
  assert.ok(!repView.includes(`${path}/confirm`), 'the proposer cannot confirm their own proposal');
  assert.equal((await submit(app, '/en/organisations/new', {}, rep, `${path}/confirm`)).statusCode, 403);
  assert.ok(
    (await app.inject({ url: '/en/work', headers: { cookie: staff.cookie } })).body.includes(`href="${path}"`),
    'it waits for the town',
  );
  assert.equal((await submit(app, '/en/organisations/new', {}, staff, `${path}/confirm`)).statusCode, 303);

  const work = (await app.inject({ url: '/en/work', headers: { cookie: staff.cookie } })).body;
  assert.ok(!work.includes(`href="${path}"`), 'nothing waits once confirmed');
  const row = await database.db.selectFrom('partnerships').select(['state', 'town_confirmed', 'decided_by']).executeTakeFirstOrThrow();
  assert.deepEqual(row, { state: 'confirmed', town_confirmed: 1, decided_by: staff.id });

  for (const url of [townPage, '/en/organisations/zelena-zagora', '/en/partnerships', '/en/partnerships?area=environment&country=bg']) {
    assert.ok((await app.inject({ url })).body.includes('Trees along the boulevards.'), url);
  }
  assert.ok(!(await app.inject({ url: '/en/partnerships?area=health' })).body.includes('Trees along'));
  assert.ok(!(await app.inject({ url: '/en/partnerships?country=si' })).body.includes('Trees along'));
  const api = (await app.inject({ url: '/api/v1/partnerships?area=environment' })).json() as {
    data: { town: string; organisations: unknown }[];
  };
  assert.deepEqual([api.data[0]!.town, api.data[0]!.organisations], ['Stara Zagora', [{ slug: 'zelena-zagora', name: 'Zelena Zagora' }]]);
  assert.equal((await app.inject({ url: '/api/v1/partnerships?area=<script>' })).statusCode, 400);
  assert.equal(
    (await submit(app, '/en/organisations/new', {}, staff, `${path}/decline`)).statusCode,
    403,
    'once confirmed it is not declined',
  );
});

appTest('a town proposes and the organisation confirms or declines; another town’s staff cannot act for it', async (app, database) => {
  const { staraZagora, botevgrad, rep, org, staff, otherStaff } = await setUp(app, database);
  const form = `/en/partnerships/propose?organisation=${org}`;
  const forged = await submit(app, form, { ...PROPOSAL, town: String(staraZagora) }, otherStaff);
  assert.equal(forged.statusCode, 403, 'staff of one town cannot propose for another');
  assert.equal(await count(database), 0);
  const made = await submit(app, form, { ...PROPOSAL, town: String(botevgrad) }, otherStaff);
  const path = String(made.headers.location).replace(/\?.*/, '');
  assert.equal((await app.inject({ url: path, headers: { cookie: staff.cookie } })).statusCode, 404, 'staff of another town do not see it');
  assert.ok(
    (await app.inject({ url: '/en/work', headers: { cookie: rep.cookie } })).body.includes(`href="${path}"`),
    'it waits for the representative',
  );
  assert.equal((await submit(app, '/en/organisations/new', {}, rep, `${path}/decline`)).statusCode, 303);
  assert.equal((await database.db.selectFrom('partnerships').select('state').executeTakeFirstOrThrow()).state, 'declined');
  const again = await submit(app, '/en/organisations/new', {}, otherStaff, `${path}/confirm`);
  assert.equal(again.statusCode, 403);
  assert.ok(!(await app.inject({ url: '/en/partnerships' })).body.includes('Trees along'));
});

appTest('bad proposals are refused with the fields kept and nothing stored', async (app, database) => {
  const { staraZagora, rep, org } = await setUp(app, database);
  const form = `/fr/partnerships/propose?town=${staraZagora}`;
  const bad = await submit(
    app,
    form,
    {
      organisation: String(org),
      area: 'magic',
      description: '<script>x</script>'.repeat(400),
      starts_on: '2025-02-30',
      ends_on: '2024-01-01',
    },
    rep,
  );
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /<title>Erreur/);
  for (const f of ['area', 'description', 'starts_on']) assert.ok(fieldError(bad.body, f), f);
  assert.ok(bad.body.includes('&lt;script>x&lt;/script>'));
  const ends = await submit(app, form, { ...PROPOSAL, organisation: String(org), ends_on: '2024-01-01' }, rep);
  assert.equal(ends.statusCode, 422);
  assert.ok(fieldError(ends.body, 'ends_on'));
  // An organisation the person does not represent, and one that does not exist.
  const stranger = await person(database);
  assert.equal((await submit(app, form, { ...PROPOSAL, organisation: String(org) }, stranger)).statusCode, 403);
  assert.equal((await submit(app, form, { ...PROPOSAL, organisation: '999999' }, rep)).statusCode, 403);
  assert.equal((await submit(app, form, { ...PROPOSAL, organisation: 'abc' }, rep)).statusCode, 422);
  assert.equal((await app.inject({ url: '/en/partnerships/propose?town=99999999', headers: { cookie: rep.cookie } })).statusCode, 404);
  assert.equal(
    (await app.inject({ url: '/en/partnerships/propose?town=1&organisation=1', headers: { cookie: rep.cookie } })).statusCode,
    404,
  );
  assert.equal((await app.inject({ url: '/en/partnerships/2147483648' })).statusCode, 404);
  assert.equal(await count(database), 0);
});

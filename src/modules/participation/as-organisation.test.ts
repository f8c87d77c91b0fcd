import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { sampleTowns } from '../../../test/content.ts';
import { organisation, person, submit, type TestPerson } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { type SampleProcess, sampleProcess } from '../../../test/participation.ts';

interface World {
  p: SampleProcess;
  green: { id: number; slug: string };
  other: { id: number; slug: string };
  rep: TestPerson;
  otherRep: TestPerson;
  citizen: TestPerson;
}

/** A process open for proposals, debates and comments; Green Botevgrad with its representative, another organisation with its own. */
async function world(database: TestDatabase): Promise<World> {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(
    database,
    { type: 'municipality', id: towns.botevgrad },
    { actions: ['propose', 'support', 'comment', 'debate'] },
  );
  const green = await organisation(database, 'Green Botevgrad');
  const other = await organisation(database, 'Sofia Cyclists');
  const rep = await person(database, { name: 'Maria Koleva', roles: [['organisation_representative', green.id]] });
  const otherRep = await person(database, { name: 'Ivo Cyclist', roles: [['organisation_representative', other.id]] });
  const citizen = await person(database, { name: 'Citizen Petar' });
  return { p, green, other, rep, otherRep, citizen };
}

const PROPOSAL = { title: 'Repair café in the library', body: 'Once a month, volunteers repair what people bring.', area: 'environment' };
const propose = (app: FastifyInstance, w: World, who: TestPerson, fields: Record<string, string>) =>
  submit(app, `/en${w.p.path}/proposals/new`, { ...PROPOSAL, step: 'publish', ...fields }, who, `/en${w.p.path}/proposals`);
const openDebate = (app: FastifyInstance, w: World, who: TestPerson, fields: Record<string, string>) =>
  submit(
    app,
    `/en${w.p.path}/debates/new`,
    { title: 'Trees or parking?', body: 'What should the square hold?', closes_on: '', ...fields },
    who,
  );
const countOf = async (database: TestDatabase, table: 'proposals' | 'debates' | 'comments') =>
  Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** "By Green Botevgrad" linking its profile, with the small organisation label. */
const byGreen = (w: World) =>
  new RegExp(`By <a href="/en/organisations/${w.green.slug}">Green Botevgrad</a> <span class="tag tag--organisation">organisation`);

appTest('a representative chooses to publish a proposal as the organisation; others see no choice', async (app, database) => {
  const w = await world(database);
  const form = (await app.inject({ url: `/en${w.p.path}/proposals/new`, headers: { cookie: w.rep.cookie } })).body;
  assert.match(form, /<legend>Publish as<\/legend>/);
  assert.match(form, /type="radio" id="publish_as-self" name="publish_as" value checked/);
  assert.match(form, new RegExp(`value="${w.green.id}"[^>]*/><label[^>]*>Green Botevgrad</label>`));
  assert.ok(!form.includes('Sofia Cyclists'), 'only the organisations the person represents');
  const plain = (await app.inject({ url: `/en${w.p.path}/proposals/new`, headers: { cookie: w.citizen.cookie } })).body;
  assert.ok(!plain.includes('Publish as'), 'a citizen is offered no choice');

  const res = await propose(app, w, w.rep, { publish_as: String(w.green.id) });
  assert.equal(res.statusCode, 303);
  const page = (await app.inject({ url: String(res.headers.location) })).body;
  assert.match(page, byGreen(w));
  assert.ok(!page.includes('Maria Koleva'), 'the page names the organisation, not the person');
  const row = await database.db.selectFrom('proposals').select(['author_id', 'organisation_id']).executeTakeFirstOrThrow();
  assert.deepEqual(row, { author_id: w.rep.id, organisation_id: w.green.id }, 'the author stays recorded');
  assert.match((await app.inject({ url: `/en${w.p.path}` })).body, byGreen(w), 'the list shows it too');

  const own = await propose(app, w, w.rep, { title: 'In my own name', publish_as: '' });
  assert.match((await app.inject({ url: String(own.headers.location) })).body, /By Maria Koleva/);

  const api = (await app.inject({ url: `/api/v1/proposals?process=${w.p.slug}` })).json() as {
    data: { title: string; author: { name: string | null; organisation: string | null; organisationUrl: string | null } }[];
  };
  const asOrg = api.data.find((x) => x.title === PROPOSAL.title)!;
  assert.equal(asOrg.author.name, null);
  assert.equal(asOrg.author.organisation, 'Green Botevgrad');
  assert.match(String(asOrg.author.organisationUrl), new RegExp(`/en/organisations/${w.green.slug}$`));
  assert.deepEqual(api.data.find((x) => x.title === 'In my own name')!.author, {
    name: 'Maria Koleva',
    organisation: null,
    organisationUrl: null,
  });

  const feed = (await app.inject({ url: `/en/feeds/proposals.atom?process=${w.p.slug}` })).body;
  assert.match(feed, /<name>Green Botevgrad<\/name>\s*<uri>[^<]*\/en\/organisations\/green-botevgrad<\/uri>/);
});

appTest(
  'publishing as an organisation one does not represent is refused, says why, keeps the text and stores nothing',
  async (app, database) => {
    const w = await world(database);
    const cases: [TestPerson, string][] = [
      [w.rep, String(w.other.id)],
      [w.rep, '999999'],
      [w.rep, 'green'],
      [w.rep, `${w.green.id} OR 1=1`],
      [w.rep, '9'.repeat(400)],
      [w.rep, '<script>alert(1)</script>'],
      [w.otherRep, String(w.green.id)],
      [w.citizen, String(w.green.id)],
    ];
    for (const [who, value] of cases) {
      const res = await propose(app, w, who, { publish_as: value });
      assert.equal(res.statusCode, 422, value);
      assert.match(res.body, /<title>Error: Write a proposal/);
      assert.match(res.body, /You do not represent this organisation \(any more\)/);
      assert.match(res.body, /Repair café in the library/, 'the typed title comes back');
      assert.ok(!res.body.includes('<script>alert(1)'));
      const debate = await openDebate(app, w, who, { publish_as: value });
      assert.equal(debate.statusCode, 422, value);
      assert.match(debate.body, /You do not represent this organisation/);
      assert.match(debate.body, /Trees or parking\?/);
    }
    assert.equal(await countOf(database, 'proposals'), 0);
    assert.equal(await countOf(database, 'debates'), 0);

    const visitor = await app.inject({ url: `/en${w.p.path}/proposals/new` });
    assert.match(String(visitor.headers.location), /^\/en\/sign-in\?next=/);
    const forged = await app.inject({
      method: 'POST',
      url: `/en${w.p.path}/debates/new`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...PROPOSAL, publish_as: String(w.green.id) }).toString(),
    });
    assert.notEqual(forged.statusCode, 200);
    assert.equal(await countOf(database, 'debates'), 0, 'a visitor stores nothing');
  },
);

appTest('a debate and comments as the organisation show it, in pages, the API and the profile', async (app, database) => {
  const w = await world(database);
  const res = await openDebate(app, w, w.rep, { publish_as: String(w.green.id) });
  assert.equal(res.statusCode, 303);
  const path = String(res.headers.location);
  const page = (await app.inject({ url: path, headers: { cookie: w.rep.cookie } })).body;
  assert.match(page, byGreen(w));
  assert.match(page, /id="comment-publish_as"/, 'the comment form offers the choice to a representative');
  assert.ok(!(await app.inject({ url: path, headers: { cookie: w.citizen.cookie } })).body.includes('Publish as'));

  const said = await submit(
    app,
    path,
    { body: 'We will plant ten lime trees.', stance: 'for', publish_as: String(w.green.id) },
    w.rep,
    `${path}/comments`,
  );
  assert.equal(said.statusCode, 303);
  const commentId = String(said.headers.location).split('-').at(-1);
  const thread = (await app.inject({ url: path })).body;
  assert.match(
    thread,
    new RegExp(`<strong><a href="/en/organisations/${w.green.slug}">Green Botevgrad</a></strong> <span class="tag tag--organisation">`),
  );
  const answerForm = (await app.inject({ url: `/en${w.p.path}/comments/${commentId}/answer`, headers: { cookie: w.rep.cookie } })).body;
  assert.match(answerForm, /<legend>Publish as<\/legend>/);
  assert.match(answerForm, /<blockquote class="comment"><p class="meta">Green Botevgrad<\/p>/);
  for (const [who, value] of [
    [w.otherRep, String(w.green.id)],
    [w.rep, 'x'],
    [w.citizen, String(w.other.id)],
  ] as const) {
    const refused = await submit(app, path, { body: 'Forged words', stance: 'for', publish_as: value }, who, `${path}/comments`);
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Publish as: You do not represent this organisation/);
    assert.match(refused.body, /Forged words/);
  }
  assert.equal(await countOf(database, 'comments'), 1);
  const row = await database.db.selectFrom('comments').select(['author_id', 'organisation_id']).executeTakeFirstOrThrow();
  assert.deepEqual(row, { author_id: w.rep.id, organisation_id: w.green.id });

  const id = path.split('/').at(-1);
  const api = (await app.inject({ url: `/api/v1/debates/${id}` })).json() as { organisation: { name: string; url: string } | null };
  assert.equal(api.organisation?.name, 'Green Botevgrad');
  assert.match(String(api.organisation?.url), /\/en\/organisations\/green-botevgrad$/);
  const mine = await openDebate(app, w, w.citizen, { title: 'A citizen asks' });
  const citizenDebate = (await app.inject({ url: `/api/v1/debates/${String(mine.headers.location).split('/').at(-1)}` })).json();
  assert.equal(citizenDebate.organisation, null);

  await propose(app, w, w.rep, { publish_as: String(w.green.id) });
  const profile = (await app.inject({ url: `/en/organisations/${w.green.slug}` })).body;
  assert.match(profile, /id="participation-heading"/);
  assert.match(profile, /Recent proposals.*Repair café in the library/s);
  assert.match(profile, /Recent debates.*Trees or parking\?/s);
  const otherProfile = (await app.inject({ url: `/en/organisations/${w.other.slug}` })).body;
  assert.ok(!otherProfile.includes('Repair café'), 'another organisation lists none of it');
});

appTest(
  'what was published stays under the organisation when its author leaves it, and falls back to them if it goes',
  async (app, database) => {
    const w = await world(database);
    const res = await propose(app, w, w.rep, { publish_as: String(w.green.id) });
    const url = String(res.headers.location).replace(/\?.*$/, '');
    await database.db.deleteFrom('role_grants').where('user_id', '=', w.rep.id).execute();
    assert.match((await app.inject({ url })).body, byGreen(w), 'still the organisation’s');
    const form = (await app.inject({ url: `/en${w.p.path}/proposals/new`, headers: { cookie: w.rep.cookie } })).body;
    assert.ok(!form.includes('Publish as'), 'no longer offered');
    const late = await propose(app, w, w.rep, { title: 'Too late', publish_as: String(w.green.id) });
    assert.equal(late.statusCode, 422, 'represents it no more at the time of posting');

    const data = (await app.inject({ url: '/en/account/data', headers: { cookie: w.rep.cookie } })).json();
    assert.deepEqual(
      data.participation.proposals.map((p: { title: string; organisation: unknown }) => [p.title, p.organisation]),
      [[PROPOSAL.title, { id: w.green.id, name: 'Green Botevgrad' }]],
    );

    await database.db.deleteFrom('organisations').where('id', '=', w.green.id).execute();
    const after = (await app.inject({ url })).body;
    assert.match(after, /By Maria Koleva/, 'the person, once the organisation is gone');
    assert.ok(!after.includes('Green Botevgrad'));
  },
);

appTest('supports stay personal: a representative supports once, as themselves', async (app, database) => {
  const w = await world(database);
  const res = await propose(app, w, w.citizen, {});
  const url = String(res.headers.location).replace(/\?.*$/, '');
  const page = (await app.inject({ url, headers: { cookie: w.rep.cookie } })).body;
  const supportForm = /<form[^>]*action="[^"]*\/support"[\s\S]*?<\/form>/.exec(page)?.[0];
  assert.ok(supportForm, 'the representative may support it');
  assert.ok(!supportForm.includes('publish_as'), 'supporting offers no organisation');
  for (let i = 0; i < 2; i++) await submit(app, url, { publish_as: String(w.green.id) }, w.rep, `${url}/support`);
  const row = await database.db.selectFrom('proposals').select('supports_count').executeTakeFirstOrThrow();
  assert.equal(row.supports_count, 1);
});

import assert from 'node:assert/strict';
import { parseFeed } from '@rowanmanning/feed-parser';
import type { FastifyInstance } from 'fastify';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit, type TestPerson } from '../../../test/factories.ts';
import { appTest, mailAppTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { linkIn, type TestSmtp } from '../../../test/helpers/smtp.ts';
import { CHARACTERS_ERROR, fieldError } from '../../../test/input.ts';

const PROPOSAL = { area: 'environment', description: 'Trees along the boulevards.', results: '', starts_on: '2025-03-01', ends_on: '' };

/** Two towns with their staff, three organisations each with a representative, and the portal mailing through a real SMTP server. */
async function setting(app: FastifyInstance, database: TestDatabase) {
  const { staraZagora, botevgrad } = await sampleTowns(database);
  const staff = await person(database, { roles: [['municipality_editor', staraZagora]], email: 'staff@stara-zagora.example.eu' });
  const otherStaff = await person(database, { roles: [['municipality_admin', botevgrad]], email: 'staff@botevgrad.example.eu' });
  const reps: TestPerson[] = [];
  const orgs: number[] = [];
  for (const [name, email] of [
    ['Zelena Zagora', 'zelena@example.eu'],
    ['Thracian University', 'thracian@example.eu'],
    ['Bike Works', 'bikes@example.eu'],
  ] as const) {
    const rep = await person(database, { email });
    await submit(app, '/en/organisations/new', { name, kind: 'ngo', country: 'BG' }, rep);
    reps.push(rep);
    orgs.push((await database.db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id);
  }
  return { staraZagora, botevgrad, staff, otherStaff, reps, orgs };
}

/** A mail test, its function taking the portal, the database and the SMTP server in that order. */
const mailTest = (name: string, fn: (app: FastifyInstance, database: TestDatabase, smtp: TestSmtp) => Promise<void>) =>
  mailAppTest(name, ({ app, database, smtp }) => fn(app, database, smtp));

const decide = (app: FastifyInstance, who: TestPerson, path: string, step: 'confirm' | 'decline') =>
  submit(app, '/en/organisations/new', {}, who, `${path}/${step}`);
const count = async (database: TestDatabase) => (await database.db.selectFrom('partnerships').select('id').execute()).length;
const sides = async (database: TestDatabase) =>
  (
    await database.db.selectFrom('partnership_organisations').select(['organisation_id', 'confirmed']).orderBy('organisation_id').execute()
  ).map((r) => r.confirmed);

mailTest(
  'an organisation proposes with two more; each side is mailed and confirms for itself; public once all have',
  async (app, database, smtp) => {
    const { staraZagora, staff, otherStaff, reps, orgs } = await setting(app, database);
    const [a, b, c] = reps as [TestPerson, TestPerson, TestPerson];
    const made = await submit(
      app,
      `/en/partnerships/propose?town=${staraZagora}`,
      { ...PROPOSAL, organisation: String(orgs[0]), partners: ['thracian university', 'bike-works', ''] },
      a,
    );
    assert.equal(made.statusCode, 303);
    const path = String(made.headers.location).replace(/\?.*/, '');

    const toTown = await smtp.messageTo(staff.email);
    assert.equal(toTown.subject, 'Zelena Zagora proposes a partnership (Urban environment and ecology)');
    assert.match(toTown.text ?? '', /between Stara Zagora, Bike Works, Thracian University, Zelena Zagora/);
    assert.equal(new URL(linkIn(toTown, '/partnerships/')).pathname, path);
    for (const rep of [b, c]) assert.match((await smtp.messageTo(rep.email)).subject ?? '', /^Zelena Zagora proposes a partnership/);
    assert.ok(
      !smtp.messages.some((m) => m.to?.some((t) => [a.email, otherStaff.email].includes(t.address ?? ''))),
      'not the proposer nor another town',
    );

    // The page says who has confirmed; each confirms only for their own side.
    const page = (await app.inject({ url: path, headers: { cookie: b.cookie } })).body;
    assert.match(page, /Zelena Zagora<\/a><span class="meta"> \(confirmed\)/);
    assert.match(page, /Thracian University<\/a><span class="meta"> \(not confirmed yet\)/);
    assert.equal((await decide(app, a, path, 'confirm')).statusCode, 403, 'the proposer has confirmed already');
    assert.equal((await decide(app, otherStaff, path, 'confirm')).statusCode, 404, 'another town’s staff do not even see it');
    assert.equal((await decide(app, b, path, 'confirm')).statusCode, 303);
    assert.deepEqual(await sides(database), [1, 1, 0]);
    assert.equal((await decide(app, b, path, 'decline')).statusCode, 403, 'B has answered; it cannot decline for C');
    assert.equal((await smtp.messageTo(a.email)).subject, 'Thracian University confirmed the partnership (Urban environment and ecology)');
    assert.equal((await decide(app, staff, path, 'confirm')).statusCode, 303);
    assert.equal((await app.inject({ url: path })).statusCode, 404, 'not public while an organisation has not confirmed');
    assert.ok(!(await app.inject({ url: '/en/partnerships' })).body.includes('Trees along the boulevards.'));

    assert.equal((await decide(app, c, path, 'confirm')).statusCode, 303);
    const row = await database.db.selectFrom('partnerships').select(['state', 'town_confirmed']).executeTakeFirstOrThrow();
    assert.deepEqual([row, await sides(database)], [{ state: 'confirmed', town_confirmed: 1 }, [1, 1, 1]]);
    const done = await smtp.messageTo(a.email);
    assert.equal(done.subject, 'The partnership (Urban environment and ecology) is confirmed by every side');
    assert.match(done.text ?? '', /Bike Works confirmed the partnership/);

    const list = (await app.inject({ url: '/en/partnerships' })).body;
    for (const name of ['Zelena Zagora', 'Thracian University', 'Bike Works']) assert.ok(list.includes(`>${name}</a>`), name);
    for (const url of ['/en/organisations/thracian-university', '/en/organisations/bike-works', '/en/municipalities/bg/stara-zagora'])
      assert.ok((await app.inject({ url })).body.includes('Trees along the boulevards.'), url);
  },
);

mailTest('a town proposes with two organisations; one declines, and the town is told', async (app, database, smtp) => {
  const { staraZagora, staff, reps, orgs } = await setting(app, database);
  const [a, b, c] = reps as [TestPerson, TestPerson, TestPerson];
  const made = await submit(
    app,
    `/en/partnerships/propose?organisation=${orgs[0]}`,
    { ...PROPOSAL, town: String(staraZagora), partners: ['Bike Works'] },
    staff,
  );
  const path = String(made.headers.location).replace(/\?.*/, '');
  for (const rep of [a, c])
    assert.equal((await smtp.messageTo(rep.email)).subject, 'Stara Zagora proposes a partnership (Urban environment and ecology)');
  assert.equal((await decide(app, b, path, 'confirm')).statusCode, 404, 'an organisation not in it sees nothing');
  assert.equal((await decide(app, c, path, 'decline')).statusCode, 303);
  const told = await smtp.messageTo(staff.email);
  assert.equal(told.subject, 'Bike Works declined the partnership (Urban environment and ecology)');
  assert.equal(new URL(linkIn(told, '/partnerships/')).pathname, path);
  assert.equal((await decide(app, a, path, 'confirm')).statusCode, 403, 'once declined nobody confirms');
  assert.equal((await database.db.selectFrom('partnerships').select('state').executeTakeFirstOrThrow()).state, 'declined');
});

appTest('the sitemap lists profiles and public partnerships, and the feed tells of new ones with every partner', async (app, database) => {
  const { staraZagora, staff, reps, orgs } = await setting(app, database);
  const made = await submit(
    app,
    `/en/partnerships/propose?town=${staraZagora}`,
    { ...PROPOSAL, organisation: String(orgs[0]), partners: 'Bike Works' },
    reps[0],
  );
  const path = String(made.headers.location).replace(/\?.*/, '');
  const id = path.split('/').at(-1);
  assert.ok((await app.inject({ url: '/sitemap.xml' })).body.includes('<loc>http://portal.test/sitemaps/organisations-all.xml</loc>'));
  const before = (await app.inject({ url: '/sitemaps/organisations-all.xml' })).body;
  assert.ok(before.includes('<loc>http://portal.test/en/organisations/bike-works</loc>'));
  assert.ok(!before.includes(`/partnerships/${id}<`), 'a proposal is not listed');
  assert.equal((await app.inject({ url: '/sitemaps/organisations-2.xml' })).statusCode, 404);
  const feedOf = async () => parseFeed((await app.inject({ url: '/en/feeds/partnerships.rss' })).body);
  assert.deepEqual((await feedOf()).items, []);

  await decide(app, staff, path, 'confirm');
  await decide(app, reps[2]!, path, 'confirm');
  assert.ok(
    (await app.inject({ url: '/sitemaps/organisations-all.xml' })).body.includes(`<loc>http://portal.test/en/partnerships/${id}</loc>`),
  );
  const links = (await app.inject({ url: '/en/partnerships' })).body;
  assert.ok(links.includes('<link rel="alternate" type="application/rss+xml"'), 'the list links its feed');
  const feed = await feedOf();
  assert.equal(feed.items[0]?.title, 'Partnership on Urban environment and ecology: Stara Zagora, Zelena Zagora, Bike Works');
  assert.equal(feed.items[0]?.url, `http://portal.test${path}`);
  const atom = await app.inject({ url: '/bg/feeds/partnerships.atom' });
  assert.match(String(atom.headers['content-type']), /^application\/atom\+xml/);
  assert.match(parseFeed(atom.body).items[0]?.title ?? '', /^Партньорство: .*Bike Works/);
});

appTest('naming the other organisations wrongly is refused with what was typed kept and nothing stored', async (app, database) => {
  const { staraZagora, reps, orgs } = await setting(app, database);
  const form = `/en/partnerships/propose?town=${staraZagora}`;
  const refused = async (partners: string[], error: RegExp | string, who = reps[0]!) => {
    const res = await submit(app, form, { ...PROPOSAL, organisation: String(orgs[0]), partners }, who);
    assert.equal(res.statusCode, 422, partners.join());
    assert.match(res.body, /<title>Error: /);
    const shown = fieldError(res.body, 'partners') ?? '';
    if (typeof error === 'string') assert.equal(shown, error);
    else assert.match(shown, error);
    return res.body;
  };
  await refused(['Zelena Zagora'], '“Zelena Zagora” is named twice: each organisation takes part once.');
  await refused(['Bike Works', 'bike-works'], '“bike-works” is named twice: each organisation takes part once.');
  const unknown = await refused(['Thracian University', 'Nobody Ltd'], /^No organisation is called “Nobody Ltd”/);
  assert.ok(unknown.includes('value="Thracian University"') && unknown.includes('value="Nobody Ltd"'), 'what was typed stays');
  await refused(['a', 'b', 'c', 'd', 'e'], 'A partnership has at most five organisations.');
  await refused(['x'.repeat(161)], /160/);
  await refused(['Bike\u0007Works'], CHARACTERS_ERROR);
  const script = await refused(['<script>alert(1)</script>'], /^No organisation is called “&lt;script>alert\(1\)&lt;\/script>”/);
  assert.ok(!script.includes('<script>alert(1)'));

  // Two organisations of one name: the address tells them apart.
  const twin = await person(database);
  await submit(app, '/en/organisations/new', { name: 'Bike Works', kind: 'business', country: 'SI' }, twin);
  await refused(['Bike Works'], /^Several organisations are called “Bike Works”: give the address of the one you mean, e\.g\. bike-works/);
  assert.equal(await count(database), 0);
  assert.equal(
    (await submit(app, form, { ...PROPOSAL, organisation: String(orgs[1]), partners: ['Bike Works'] }, reps[0])).statusCode,
    403,
  );
  assert.equal(
    (await submit(app, form, { ...PROPOSAL, organisation: String(orgs[0]), partners: ['bike-works'] }, reps[0])).statusCode,
    303,
  );
  assert.equal(await count(database), 1);
});

import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { sampleTowns } from '../../../test/content.ts';
import { person } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { sampleProcess, sampleProposal } from '../../../test/participation.ts';
import type { ModuleContext } from '../../core/modules.ts';
import * as repo from './repo.ts';
import { visitSeed } from './service/lists.ts';
import { demoProcesses, demoProposals } from './service/seeds.ts';

/** The titles a list shows, in its order. */
const titles = (body: string) => [...body.matchAll(/<h3><a href="[^"]+\/proposals\/\d+"[^>]*>([^<]+)<\/a><\/h3>/g)].map((m) => m[1]);

async function setUp(database: TestDatabase) {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { threshold: 20 });
  const citizen = await person(database);
  const author = await person(database, { name: 'Ana Petrova', email: 'ana.petrova@example.eu' });
  const place: [number, number, string] = [42.907, 23.791, 'Main square'];
  const alpha = await sampleProposal(database, p.id, author.id, { title: 'Alpha', supports: 5, comments: 1, age: 3, place });
  const bravo = await sampleProposal(database, p.id, author.id, {
    title: 'Bravo',
    area: 'culture',
    supports: 9,
    age: 2,
    state: 'accepted',
  });
  const charlie = await sampleProposal(database, p.id, citizen.id, { title: 'Charlie', supports: 1, comments: 7, age: 1 });
  const hidden = await sampleProposal(database, p.id, author.id, { title: 'Hidden one', hidden: true, supports: 99, place });
  const withdrawn = await sampleProposal(database, p.id, author.id, { title: 'Withdrawn one', withdrawn: true, supports: 98, place });
  const elsewhere = await sampleProcess(database, { type: 'municipality', id: towns.staraZagora });
  await sampleProposal(database, elsewhere.id, author.id, { title: 'Of another process' });
  await repo.insertSupport(database.db, {
    proposal_id: alpha,
    process_id: p.id,
    user_id: citizen.id,
    created_at: new Date().toISOString(),
  });
  return { p, citizen, author, alpha, bravo, charlie, hidden, withdrawn, elsewhere };
}

appTest('the process page lists its proposals by each order and filter, never the hidden ones', async (app, database) => {
  const { p, citizen } = await setUp(database);
  const list = async (query: string, who = citizen) =>
    titles((await app.inject({ url: `/en${p.path}?${query}`, headers: who ? { cookie: who.cookie } : {} })).body);
  assert.deepEqual(await list('sort=newest'), ['Charlie', 'Bravo', 'Alpha']);
  assert.deepEqual(await list('sort=supports'), ['Bravo', 'Alpha', 'Charlie']);
  assert.deepEqual(await list('sort=comments'), ['Charlie', 'Alpha', 'Bravo']);
  assert.deepEqual(await list('sort=newest&area=culture'), ['Bravo']);
  assert.deepEqual(await list('sort=newest&area=sport'), ['Charlie', 'Bravo', 'Alpha'], 'an area not of the process reads as none');
  assert.deepEqual(await list('sort=newest&state=accepted'), ['Bravo']);
  assert.deepEqual(await list('sort=newest&state=none'), ['Charlie', 'Alpha']);
  assert.deepEqual(await list('sort=newest&mine=1'), ['Charlie']);
  assert.deepEqual(await list('sort=newest&supported=1'), ['Alpha']);
  assert.deepEqual(await list('sort=newest&mine=1&area=culture'), []);
  const anonymous = await app.inject({ url: `/en${p.path}?sort=newest&mine=1` });
  assert.deepEqual(titles(anonymous.body), ['Charlie', 'Bravo', 'Alpha'], 'nobody signed in has proposals of their own');
  assert.ok(!anonymous.body.includes('My proposals'), 'and is not offered the filter');
  assert.match(anonymous.headers['cache-control'] as string, /public/);

  const mine = await app.inject({ url: `/en${p.path}?sort=newest`, headers: { cookie: citizen.cookie } });
  assert.equal(mine.headers['cache-control'], 'private, no-store', 'the person’s supports are shown: kept by nobody');
  assert.match(mine.body, /Alpha<\/a><\/h3>[\s\S]*?<span class="tag">You support this<\/span>/);
  assert.equal(mine.body.split('You support this').length, 2, 'only on what the person supports');
  // The list is kept for every reader; the mark is the supporter's alone, read for each request.
  const other = await person(database, { name: 'Other Olga' });
  for (const who of [other, undefined]) {
    const res = await app.inject({ url: `/en${p.path}?sort=newest`, headers: who ? { cookie: who.cookie } : {} });
    assert.ok(!res.body.includes('You support this'), who ? 'another person' : 'a visitor');
  }
  assert.match(mine.body, /By Ana Petrova · Urban environment and ecology/);
  assert.match(mine.body, /3 proposals\./);
  for (const hidden of ['Hidden one', 'Withdrawn one', 'Of another process']) assert.ok(!mine.body.includes(hidden), hidden);
  assert.match(
    mine.body,
    /<link rel="alternate" type="application\/rss\+xml" title="Proposals: Ideas for a greener town" href="[^"]*\/en\/feeds\/proposals\.rss\?process=/,
  );
  assert.match(mine.body, /data-source="\/en\/participation\/[^"]+\/proposals\/map\.json\?sort=newest"/);
  assert.match(mine.body, /data-base="\/en\/participation\/[^"]+\/proposals\/"/);
});

appTest('the random order is stable for a seed, which the pager and the filters keep', async (app, database) => {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad });
  for (let i = 0; i < 25; i++) await sampleProposal(database, p.id, null, { title: `Proposal ${String(i).padStart(2, '0')}` });
  await sampleProposal(database, p.id, null, { title: 'Never shown', hidden: true });
  const first = await app.inject({ url: `/en${p.path}` });
  const seed = /<input type="hidden" name="seed" value="(\d+)"/.exec(first.body)?.[1];
  assert.ok(seed, 'the first visit picks a seed, which the filters keep');
  assert.match(first.body, /In random order/);
  const next = /<a href="([^"]+)" rel="next">/.exec(first.body)?.[1]?.replaceAll('&amp;', '&');
  assert.ok(next?.includes(`seed=${seed}`) && next.includes('page=2'), 'the pager keeps the seed');
  const again = await app.inject({ url: `/en${p.path}?sort=random&seed=${seed}` });
  assert.deepEqual(titles(again.body), titles(first.body), 'the same seed, the same order');
  const second = titles((await app.inject({ url: next! })).body);
  const all = [...titles(first.body), ...second];
  assert.equal(titles(first.body).length, 20);
  assert.equal(second.length, 5);
  assert.equal(new Set(all).size, 25, 'two pages of one seed show every proposal once');
  const orders = new Set<string>();
  for (const s of [1, 500_000_000, 1_000_000_000, 1_500_000_000])
    orders.add(titles((await app.inject({ url: `/en${p.path}?sort=random&seed=${s}` })).body).join());
  assert.ok(orders.size > 1, 'other seeds, other orders');
  const junk = await app.inject({ url: `/en${p.path}?sort=sideways&seed=-4&page=0&state=<script>` });
  assert.equal(junk.statusCode, 200, 'a hand-edited address still shows the list');
  assert.equal(titles(junk.body).length, 20);
  assert.ok(!junk.body.includes('<script>'));
});

appTest('a person keeps their own random order all day; visitors share a few orders of the hour', async (app, database) => {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad });
  for (let i = 0; i < 25; i++) await sampleProposal(database, p.id, null, { title: `Proposal ${String(i).padStart(2, '0')}` });
  const [ana, ivan] = [await person(database), await person(database)];
  const seedFor = async (who?: { cookie: string }) => {
    const res = await app.inject({ url: `/en${p.path}`, headers: who ? { cookie: who.cookie } : {} });
    return /<input type="hidden" name="seed" value="(\d+)"/.exec(res.body)?.[1];
  };
  const anaFirst = await seedFor(ana);
  assert.ok(anaFirst);
  assert.equal(await seedFor(ana), anaFirst, 'coming back, Ana finds the list as she left it');
  assert.notEqual(await seedFor(ivan), anaFirst, 'Ivan has an order of his own');
  const visitors = new Set<string | undefined>();
  for (let i = 0; i < 120; i++) visitors.add(await seedFor());
  assert.ok(visitors.size > 1, 'visitors do not all see the same proposals first');
  assert.ok(visitors.size <= 32, 'visitors share the orders of the hour');
  const now = Date.UTC(2026, 11, 1, 10);
  const day = 24 * 3600_000;
  assert.equal(visitSeed(p.id, ana.id, now), visitSeed(p.id, ana.id, now + 3600_000));
  assert.notEqual(visitSeed(p.id, ana.id, now), visitSeed(p.id, ana.id, now + day), 'the next day, others first');
});

appTest('the map, CSV, GeoJSON and the feed show the public proposals only', async (app, database) => {
  const { p, citizen, alpha, hidden, elsewhere } = await setUp(database);
  await sampleProposal(database, p.id, null, { title: '=HYPERLINK("http://evil.example")', age: 4 });
  const index = (await app.inject({ url: '/sitemap.xml' })).body;
  assert.ok(index.includes(`/sitemaps/proposals-${p.id}-1.xml`) && index.includes(`/sitemaps/proposals-${elsewhere.id}-1.xml`));
  const sitemap = (await app.inject({ url: `/sitemaps/proposals-${p.id}-1.xml` })).body;
  assert.ok(sitemap.includes(`/participation/${p.slug}/proposals/${alpha}<`), 'the sitemap lists its proposals');
  assert.ok(!sitemap.includes(`/proposals/${hidden}<`), 'never a hidden one');
  assert.equal((await app.inject({ url: '/sitemaps/proposals-999999-1.xml' })).statusCode, 404);
  const map = await app.inject({ url: `/en${p.path}/proposals/map.json?sort=newest` });
  assert.equal(map.statusCode, 200);
  assert.deepEqual(map.json(), { places: [[42.907, 23.791, 'Alpha', String(alpha)]] });
  assert.deepEqual((await app.inject({ url: `/en${p.path}/proposals/map.json?area=culture` })).json(), { places: [] });
  const supported = await app.inject({ url: `/en${p.path}/proposals/map.json?supported=1`, headers: { cookie: citizen.cookie } });
  assert.equal(supported.json().places.length, 1);
  assert.equal(supported.headers['cache-control'], 'private, no-store');

  const csv = await app.inject({ url: `/en${p.path}/proposals.csv` });
  assert.equal(csv.statusCode, 200);
  assert.match(csv.headers['content-type'] as string, /^text\/csv/);
  const rows = parse(csv.body, { columns: true, bom: true }) as Record<string, string>[];
  assert.deepEqual(
    rows.map((r) => r.title),
    ['Charlie', 'Bravo', 'Alpha', '\'=HYPERLINK("http://evil.example")'],
    'newest first, a formula kept as text',
  );
  assert.equal(rows[1]!.answer, 'accepted');
  assert.equal(rows[2]!.author, 'Ana Petrova');
  assert.ok(!csv.body.includes('@example.eu'), 'no email');

  const geo = await app.inject({ url: `/en${p.path}/proposals.geojson` });
  assert.match(geo.headers['content-type'] as string, /^application\/geo\+json/);
  const features = geo.json().features;
  assert.equal(features.length, 1);
  assert.deepEqual(features[0].geometry, { type: 'Point', coordinates: [23.791, 42.907] });
  assert.equal(features[0].properties.title, 'Alpha');

  const rss = await app.inject({ url: `/en/feeds/proposals.rss?process=${p.slug}` });
  assert.equal(rss.statusCode, 200);
  assert.match(rss.body, /<title><!\[CDATA\[Charlie\]\]><\/title>/);
  assert.ok(!rss.body.includes('Hidden one') && !rss.body.includes('Withdrawn one'));
  assert.equal((await app.inject({ url: '/en/feeds/proposals.atom?process=no-such-process' })).statusCode, 404);
  assert.equal((await app.inject({ url: '/en/feeds/proposals.atom' })).statusCode, 404);
  const draft = await sampleProcess(database, { type: 'municipality', id: 1 }, { published: false });
  assert.equal((await app.inject({ url: `/en/feeds/proposals.rss?process=${draft.slug}` })).statusCode, 404);
  assert.equal((await app.inject({ url: `/en${draft.path}/proposals.csv` })).statusCode, 404, 'a draft’s data is not out either');
});

appTest('the API gives public proposals, filtered and paged, and one with its published answer', async (app, database) => {
  const { p, alpha, bravo, charlie, hidden } = await setUp(database);
  const at = new Date().toISOString();
  await database.db
    .insertInto('proposal_answers')
    .values({
      proposal_id: bravo,
      state: 'accepted',
      text: 'We **will** do it.',
      cost_cents: 1_250_000,
      author_id: null,
      publish_at: at,
      published: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await database.db
    .insertInto('proposal_answers')
    .values({
      proposal_id: alpha,
      state: 'rejected',
      text: 'Not yet public.',
      cost_cents: null,
      author_id: null,
      publish_at: at,
      published: 0,
      created_at: at,
      updated_at: at,
    })
    .execute();

  const all = await app.inject({ url: `/api/v1/proposals?process=${p.slug}` });
  assert.equal(all.statusCode, 200);
  assert.deepEqual(
    all.json().data.map((x: { id: number }) => x.id),
    [charlie, bravo, alpha],
  );
  assert.ok(!all.body.includes('@example.eu'), 'no email');
  const a = all.json().data[2];
  assert.deepEqual(a.location, { latitude: 42.907, longitude: 23.791, address: 'Main square' });
  assert.deepEqual(a.author, { name: 'Ana Petrova', organisation: null, organisationUrl: null });
  assert.equal((await app.inject({ url: `/api/v1/proposals?process=${p.slug}&area=culture` })).json().data.length, 1);
  assert.equal((await app.inject({ url: `/api/v1/proposals?process=${p.slug}&state=accepted` })).json().data[0].id, bravo);
  const everywhere = (await app.inject({ url: '/api/v1/proposals' })).json().data;
  assert.equal(everywhere.length, 4, 'every published process, never the hidden or withdrawn ones');
  const paged = (await app.inject({ url: `/api/v1/proposals?process=${p.slug}&cursor=${charlie}` })).json();
  assert.deepEqual(
    paged.data.map((x: { id: number }) => x.id),
    [bravo, alpha],
  );
  assert.equal(paged.next, null);
  for (const bad of ['cursor=abc', 'state=maybe', 'colour=red', 'cursor=0'])
    assert.equal((await app.inject({ url: `/api/v1/proposals?${bad}` })).statusCode, 400, bad);
  assert.equal((await app.inject({ url: '/api/v1/proposals?process=no-such' })).statusCode, 404);

  const one = await app.inject({ url: `/api/v1/proposals/${bravo}` });
  assert.deepEqual(one.json().answer, { state: 'accepted', text: '<p>We <strong>will</strong> do it.</p>', costCents: 1250000 });
  assert.equal((await app.inject({ url: `/api/v1/proposals/${alpha}` })).json().answer, null, 'an answer not yet published is not out');
  assert.equal((await app.inject({ url: `/api/v1/proposals/${hidden}` })).statusCode, 404);
  assert.equal((await app.inject({ url: '/api/v1/proposals/abc' })).statusCode, 400);
  const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json();
  assert.ok(doc.paths['/proposals'] && doc.paths['/proposals/{id}'] && doc.components.schemas.ProposalPage);

  const page = await app.inject({ url: `/en${p.path}/proposals/${bravo}` });
  assert.match(page.body, /id="answer-heading">The town’s answer</);
  assert.match(page.body, /We <strong>will<\/strong> do it\./);
  assert.match(page.body, /Estimated cost: 12,500 EUR/);
  assert.ok(!(await app.inject({ url: `/en${p.path}/proposals/${alpha}` })).body.includes('Not yet public'));
});

appTest(
  'the demo gives Botevgrad’s ideas ten proposals in Bulgarian, supported, and adds nothing when run again',
  async (app, database) => {
    await sampleTowns(database);
    const ctx = { database } as unknown as ModuleContext;
    for (let i = 0; i < 2; i++) for (const seed of [demoProcesses, demoProposals]) await seed.run(ctx);
    const rows = await database.db.selectFrom('proposals').selectAll().execute();
    assert.equal(rows.length, 10);
    assert.equal(new Set(rows.map((r) => r.area)).size, 7, 'in all seven areas');
    assert.ok(
      rows.filter((r) => r.latitude !== null).every((r) => Math.abs(r.latitude! - 42.907) < 0.01 && Math.abs(r.longitude! - 23.791) < 0.01),
    );
    for (const r of rows) {
      const given = await database.db.selectFrom('supports').select('id').where('proposal_id', '=', r.id).execute();
      assert.equal(r.supports_count, given.length, r.title);
    }
    const page = await app.inject({ url: '/bg/participation/botevgrad-ideas?sort=supports' });
    assert.equal(titles(page.body).length, 10);
    assert.match(page.body, /Велоалея по бул\. „Васил Левски“/);
    const map = await app.inject({ url: '/bg/participation/botevgrad-ideas/proposals/map.json' });
    assert.equal(map.json().places.length, 7);
  },
);

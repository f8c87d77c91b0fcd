import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { sampleProject } from '../../../test/projects.ts';
import { demoProjects } from './service/project-seeds.ts';
import { demoProgrammes } from './service/seeds.ts';

type Partner = {
  kind: string;
  name: string;
  country: string;
  type: string;
  role: string;
  municipalityId: number | null;
  profileUrl: string | null;
};

appTest(
  'the demo EC-NET is a closed Europe for Citizens project with RIC Slovenska Bistrica among its partners; seeding twice changes nothing',
  async (app, database) => {
    await sampleTowns(database);
    await demoProgrammes.run(app.context);
    await demoProjects.run(app.context);
    await demoProjects.run(app.context);
    assert.equal((await database.db.selectFrom('projects').select('id').execute()).length, 1);
    const page = await app.inject({ url: '/en/projects/ec-net' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /The European Citizenship Network of Towns/);
    assert.match(page.body, /November 2, 2020/);
    assert.match(page.body, /November 1, 2022/);
    assert.match(page.body, /RIC Slovenska Bistrica/);
    assert.match(page.body, /Europe for Citizens/);
    assert.match(page.body, /International events[\s\S]*100 % of the target/);
    assert.match((await app.inject({ url: '/sl/projects/ec-net' })).body, /Evropska mreža mest za državljanstvo/);

    const id = (await database.db.selectFrom('projects').select('id').executeTakeFirstOrThrow()).id;
    const one = (await app.inject({ url: `/api/v1/projects/${id}?lang=sl` })).json() as {
      title: string;
      state: string;
      programme: string;
      indicators: unknown[];
    };
    assert.equal(one.title, 'Evropska mreža mest za državljanstvo');
    assert.equal(one.state, 'closed');
    assert.equal(one.programme, 'europe-for-citizens');
    assert.equal(one.indicators.length, 4);
    const partners = ((await app.inject({ url: `/api/v1/projects/${id}/partners` })).json() as { data: Partner[] }).data;
    assert.equal(partners[0]!.role, 'coordinator', 'the coordinator first');
    assert.equal(partners[0]!.name, 'Slovenska Bistrica');
    assert.match(partners[0]!.profileUrl ?? '', /\/en\/municipalities\/si\/slovenska-bistrica$/);
    const ric = partners.find((p) => p.name === 'RIC Slovenska Bistrica')!;
    assert.deepEqual([ric.kind, ric.country, ric.type, ric.profileUrl], ['organisation', 'SI', 'public_body', null]);
    const geo = await app.inject({ url: `/api/v1/projects/${id}/partners.geojson` });
    assert.match(String(geo.headers['content-type']), /application\/geo\+json/);
    const features = (geo.json() as { features: { geometry: { coordinates: number[] }; properties: { name: string } }[] }).features;
    assert.equal(features.length, partners.length, 'every partner of the sample is in a town with coordinates');
    assert.deepEqual(features.find((f) => f.properties.name === 'RIC Slovenska Bistrica')!.geometry.coordinates, [15.5744, 46.3928]);
  },
);

appTest('the projects API filters like the list and names a bad parameter', async (app, database) => {
  const towns = await sampleTowns(database);
  await sampleProject(database, { coordinator: towns.staraZagora, acronym: 'AAA', state: 'closed', startsOn: '2019-01-01' });
  await sampleProject(database, { coordinator: towns.botevgrad, acronym: 'BBB', state: 'running', startsOn: '2021-01-01' });
  await sampleProject(database, { coordinator: towns.botevgrad, acronym: 'CCC', state: 'planned', startsOn: '2026-01-01' });
  const list = async (q: string) =>
    ((await app.inject({ url: `/api/v1/projects${q}` })).json() as { data: { acronym: string }[]; next: number | null }).data.map(
      (p) => p.acronym,
    );
  assert.deepEqual(await list(''), ['BBB', 'CCC', 'AAA'], 'running, planned, closed');
  assert.deepEqual(await list('?state=closed'), ['AAA']);
  assert.deepEqual(await list('?country=GR'), []);
  assert.deepEqual(await list('?programme=nothing'), []);
  const bad: [string, string][] = [
    ['?state=done', 'state'],
    ['?country=bulgaria', 'country'],
    ['?page=0', 'page'],
    ['?colour=red', 'colour'],
    ['?lang=xx', 'lang'],
  ];
  for (const [q, name] of bad) {
    const res = await app.inject({ url: `/api/v1/projects${q}` });
    assert.equal(res.statusCode, 400, q);
    assert.match(String(res.headers['content-type']), /problem\+json/);
    assert.match(res.body, new RegExp(name), q);
  }
  assert.equal((await app.inject({ url: '/api/v1/projects/abc' })).statusCode, 400);
  assert.equal((await app.inject({ url: '/api/v1/projects/999999' })).statusCode, 404);
  assert.equal((await app.inject({ url: '/api/v1/projects/999999/partners' })).statusCode, 404);
  for (const big of ['2147483648', '9999999999'])
    for (const tail of ['', '/partners', '/partners.geojson'])
      assert.equal((await app.inject({ url: `/api/v1/projects/${big}${tail}` })).statusCode, 400, `an id past the largest integer${tail}`);
  const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json() as { paths: Record<string, unknown> };
  for (const path of ['/projects', '/projects/{id}', '/projects/{id}/partners', '/projects/{id}/partners.geojson'])
    assert.ok(doc.paths[path], path);
  const html = await app.inject({ url: '/en/projects?country=BG' });
  assert.match(html.body, /3 projects/);
  assert.match((await app.inject({ url: '/en/programmes' })).body, /href="\/en\/projects"/, 'the programmes page links the projects');
  const sitemap = await app.inject({ url: '/sitemap.xml' });
  assert.equal(sitemap.statusCode, 200);
});

appTest('a project’s published events are on its timeline in date order; drafts are not', async (app, database) => {
  const towns = await sampleTowns(database);
  const id = await sampleProject(database, { coordinator: towns.staraZagora, acronym: 'AAA' });
  const at = new Date().toISOString();
  const event = async (slug: string, startsAt: string, state: 'published' | 'draft', title: string) => {
    const item = await database.db
      .insertInto('content_items')
      .values({
        type: 'event',
        owner_type: 'project',
        owner_id: id,
        country: null,
        original_language: 'en',
        slug,
        state,
        published_at: state === 'published' ? at : null,
        image: null,
        tags: '',
        starts_at: startsAt,
        ends_at: null,
        time_zone: 'Europe/Ljubljana',
        all_day: 0,
        venue_name: null,
        venue_address: null,
        latitude: null,
        longitude: null,
        online_url: null,
        organiser: null,
        capacity: null,
        deadline: null,
        contact: null,
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto('content_texts')
      .values({
        item_id: item.id,
        language: 'en',
        title,
        summary: '',
        body_source: '',
        body_html: '',
        image_alt: null,
        goal: null,
        problem: null,
        solution: null,
        results: null,
        cost: null,
        reuse: null,
        updated_at: at,
      })
      .execute();
  };
  await event('partner-meeting', '2021-06-10T08:00:00.000Z', 'published', 'Partner meeting in Maribor');
  await event('kick-off', '2020-12-14T08:00:00.000Z', 'published', 'Kick-off meeting');
  await event('secret', '2021-01-10T08:00:00.000Z', 'draft', 'A draft meeting');
  const body = (await app.inject({ url: '/en/projects/aaa' })).body;
  assert.match(body, /The project starts[\s\S]*Kick-off meeting[\s\S]*Partner meeting in Maribor[\s\S]*The project ends/);
  assert.doesNotMatch(body, /A draft meeting/);
});

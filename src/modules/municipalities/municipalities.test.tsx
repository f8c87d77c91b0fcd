import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SAMPLE_CSV } from '../../../test/fixtures/municipalities.ts';
import { appTest, testConfig } from '../../../test/helpers/app.ts';
import { dbTest } from '../../../test/helpers/db.ts';
import { buildApp } from '../../core/app.ts';
import { migrateToLatest } from '../../core/db/migrate.ts';
import type { ModuleManifest } from '../../core/modules.ts';
import { modules } from '../index.ts';
import { editDistance, searchMunicipalities } from './service/directory.ts';
import { CsvImportError, csvRecords, geoNamesRecords, importRecords } from './service/import.ts';

test('edit distance counts a swap of neighbours as one typo', () => {
  assert.equal(editDistance('botevgrad', 'botevgard'), 1);
  assert.equal(editDistance('zagora', 'zgora'), 1);
  assert.equal(editDistance('lodz', 'lodz'), 0);
  assert.equal(editDistance('abc', ''), 3);
  assert.equal(editDistance('kazanlak', 'kazanlka', 2), 1, 'a limit keeps what is within it');
  assert.equal(editDistance('botevgrad', 'sofia', 1), 2, 'and says "one past" for anything farther');
  assert.equal(editDistance('stara zagora', 'stara zagroa', 1), 1);
});

dbTest('the GeoNames import brings every EU place once, again and again, without undoing edits', async ({ db }) => {
  await migrateToLatest(db, modules);
  const records = geoNamesRecords();
  assert.ok(records.length > 50_000, `${records.length} places`);
  const first = await importRecords(db, records);
  assert.deepEqual(first, { added: records.length, updated: 0 });
  const countries = await db.selectFrom('municipalities').select('country').distinct().execute();
  assert.equal(countries.length, 27);
  const sz = await db
    .selectFrom('municipalities')
    .selectAll()
    .where('country', '=', 'BG')
    .where('slug', '=', 'stara-zagora')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('municipalities')
    .set({ population: 1, name: 'Old Zagora', edited_fields: ',population,name,' })
    .where('id', '=', sz.id)
    .execute();
  const second = await importRecords(db, records);
  assert.deepEqual(second, { added: 0, updated: records.length });
  const after = await db.selectFrom('municipalities').selectAll().where('id', '=', sz.id).executeTakeFirstOrThrow();
  assert.equal(after.population, 1, 'an edited population is kept');
  assert.equal(after.name, 'Old Zagora', 'an edited name is kept');
  assert.equal(after.latitude, sz.latitude);
  const count = await db
    .selectFrom('municipalities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(count.n), records.length);
  const slugs = await db.selectFrom('municipalities').select(['country', 'slug']).execute();
  assert.equal(new Set(slugs.map((s) => `${s.country}/${s.slug}`)).size, slugs.length, 'slugs are unique per country');

  for (const [query, name, country] of [
    ['stara zagora', 'Old Zagora', 'BG'],
    ['lodz', 'Łódź', 'PL'],
    ['Łódź', 'Łódź', 'PL'],
    ['Θεσσαλονίκη', 'Thessaloníki', 'GR'],
    ['thessaloniki', 'Thessaloníki', 'GR'],
    ['slovenska bistrica', 'Slovenska Bistrica', 'SI'],
    ['botevgrad', 'Botevgrad', 'BG'],
    ['BOTEVGARD', 'Botevgrad', 'BG'],
    ['Ботевград', 'Botevgrad', 'BG'],
    ['Helsink', 'Helsinki', 'FI'],
  ] as const) {
    const [top] = await searchMunicipalities(db, query, 5);
    assert.equal(`${top?.name}/${top?.country}`, `${name}/${country}`, query);
  }
});

dbTest('the CSV format imports native names and regions, and Cyrillic or Greek finds them', async ({ db }) => {
  await migrateToLatest(db, modules);
  assert.deepEqual(await importRecords(db, csvRecords(SAMPLE_CSV)), { added: 8, updated: 0 });
  const [sz] = await searchMunicipalities(db, 'Стара Загора');
  assert.equal(sz?.native_name, 'Стара Загора');
  assert.equal(sz?.region_name, 'Stara Zagora');
  assert.equal(sz?.match, 'exact');
  const novo = await db
    .selectFrom('municipalities')
    .select(['slug', 'population'])
    .where('country', '=', 'BG')
    .where('name', '=', 'Novo Selo')
    .orderBy('population', 'desc')
    .execute();
  assert.deepEqual(
    novo.map((n) => n.slug),
    ['novo-selo', 'novo-selo-smolyan'],
    'the bigger place keeps the plain slug',
  );
  const ranked = await searchMunicipalities(db, 'novo');
  assert.deepEqual(
    ranked.map((r) => r.population),
    [1500, 900],
    'bigger first',
  );
  assert.deepEqual(await searchMunicipalities(db, '   '), []);
  assert.deepEqual(await searchMunicipalities(db, "%_'; drop table municipalities; --"), []);
});

test('a bad CSV is refused whole, with the line of each problem', () => {
  const bad = `country,code,name,population,latitude,longitude
XX,1,Atlantis,100,0,0
BG,,Nowhere,abc,95,0
SI,2,${'x'.repeat(201)},10,46,200
`;
  assert.throws(
    () => csvRecords(bad),
    (e: Error) =>
      e instanceof CsvImportError &&
      /line 2: country "XX" is not an EU member state code/.test(e.message) &&
      /line 3: code is missing/.test(e.message) &&
      /line 3: population must be a whole number/.test(e.message) &&
      /line 3: latitude must be between -90 and 90/.test(e.message) &&
      /line 4: name is missing or longer than 200/.test(e.message) &&
      /line 4: longitude must be between -180 and 180/.test(e.message),
  );
  assert.throws(() => csvRecords('country,code\n"BG,1\n'), CsvImportError);
});

async function withSample(app: { context: { database: { db: Parameters<typeof importRecords>[0] } } }) {
  await importRecords(app.context.database.db, csvRecords(SAMPLE_CSV));
}

appTest('browse by country, region and sort, with pages; bad filters are not found', async (app) => {
  await withSample(app);
  const all = await app.inject({ url: '/en/municipalities' });
  assert.equal(all.statusCode, 200);
  assert.ok(all.body.indexOf('>Łódź</a>') < all.body.indexOf('>Helsinki</a>'), 'largest first');
  const bg = await app.inject({ url: '/bg/municipalities/bg' });
  assert.equal(bg.statusCode, 200);
  assert.match(bg.body, /<html lang="bg"/);
  assert.ok(bg.body.includes('Stara Zagora') && !bg.body.includes('Helsinki'));
  const byName = await app.inject({ url: '/en/municipalities?country=bg&sort=name' });
  assert.ok(byName.body.indexOf('>Botevgrad</a>') < byName.body.indexOf('>Stara Zagora</a>'));
  const region = await app.inject({ url: '/en/municipalities?country=bg&region=smolyan' });
  assert.match(region.body, /<option value="smolyan" selected>Smolyan \(1\)<\/option>/);
  assert.equal((region.body.match(/class="place"/g) ?? []).length, 1);
  for (const url of [
    '/en/municipalities/xx',
    '/en/municipalities?country=us',
    '/en/municipalities?page=2',
    '/en/municipalities?page=0',
    '/en/municipalities?page=abc',
  ]) {
    assert.equal((await app.inject({ url })).statusCode, 404, url);
  }
});

appTest('a profile page shows the place, its neighbours, structured data and alternates', async (app) => {
  await withSample(app);
  const res = await app.inject({ url: '/fr/municipalities/bg/stara-zagora' });
  assert.equal(res.statusCode, 200);
  assert.match(
    res.body,
    /<h1><span>Стара Загора<\/span><span class="profile-name-other"> Stara Zagora<\/span><\/h1>/,
    'the name in its own script, and as a French reader knows it beside',
  );
  assert.match(res.body, /<link rel="canonical" href="http:\/\/portal\.test\/fr\/municipalities\/bg\/stara-zagora"\/>/);
  assert.ok(res.body.includes('<link rel="alternate" hreflang="bg" href="http://portal.test/bg/municipalities/bg/stara-zagora"/>'));
  assert.match(res.body, /<meta property="og:title" content="Stara Zagora"\/>/);
  const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(res.body)?.[1] ?? '{}');
  assert.equal(ld['@type'], 'City');
  assert.equal(ld.geo.latitude, 42.4258);
  assert.equal((await app.inject({ url: '/en/municipalities/bg/nowhere' })).statusCode, 404);
  assert.equal((await app.inject({ url: '/en/municipalities/zz/stara-zagora' })).statusCode, 404);
});

appTest('the search box finds a town in any script and leads to its profile', async (app) => {
  await withSample(app);
  for (const q of ['Стара Загора', 'stara zagora', 'slovenska bistrica', 'botevgrad', 'Θεσσαλονίκη', 'lodz']) {
    const res = await app.inject({ url: `/en/search?q=${encodeURIComponent(q)}` });
    assert.match(res.body, /<h3><a href="\/en\/municipalities\/[a-z]{2}\/[a-z-]+">/, q);
  }
  const sz = await app.inject({ url: `/bg/search?q=${encodeURIComponent('Стара Загора')}` });
  assert.ok(sz.body.includes('href="/bg/municipalities/bg/stara-zagora"'));
});

appTest('the API lists with filters and a cursor that walks every page once', async (app) => {
  await withSample(app);
  const seen: string[] = [];
  let url: string | null = '/api/v1/municipalities?limit=3&sort=name';
  while (url) {
    const res: Awaited<ReturnType<typeof app.inject>> = await app.inject({ url });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    const body = res.json() as { data: { name: string }[]; next: string | null };
    seen.push(...body.data.map((d) => d.name));
    url = body.next ? `/api/v1/municipalities?limit=3&sort=name&cursor=${body.next}` : null;
  }
  assert.equal(seen.length, 8);
  assert.equal(new Set(seen).size, 7, 'two places are called Novo Selo');
  const bg = (await app.inject({ url: '/api/v1/municipalities?country=bg' })).json();
  assert.deepEqual(
    bg.data.map((d: { name: string }) => d.name),
    ['Stara Zagora', 'Botevgrad', 'Novo Selo', 'Novo Selo'],
  );
  const q = (await app.inject({ url: `/api/v1/municipalities?q=${encodeURIComponent('Θεσσαλονίκη')}` })).json();
  assert.equal(q.data[0].name, 'Thessaloniki');
  assert.equal(q.data[0].nativeName, 'Θεσσαλονίκη');
  const one = (await app.inject({ url: `/api/v1/municipalities/${q.data[0].id}` })).json();
  assert.equal(one.population, 325182);
  assert.deepEqual(one.location, { latitude: 40.6403, longitude: 22.9439 });
});

appTest('bad API parameters get a 400 problem description naming them', async (app) => {
  for (const [url, name] of [
    ['/api/v1/municipalities?country=us', 'country'],
    ['/api/v1/municipalities?limit=1000', 'limit'],
    ['/api/v1/municipalities?limit=-1', 'limit'],
    ['/api/v1/municipalities?sort=size', 'sort'],
    ['/api/v1/municipalities?cursor=nonsense', 'cursor'],
    ['/api/v1/municipalities?colour=red', 'colour'],
    [`/api/v1/municipalities?q=${'x'.repeat(201)}`, 'q'],
    ['/api/v1/municipalities/abc', 'id'],
  ] as const) {
    const res = await app.inject({ url });
    assert.equal(res.statusCode, 400, url);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    const body = res.json();
    assert.equal(body.status, 400);
    assert.ok(
      body.errors.some((e: { name: string; reason: string }) => e.name === name || (name === 'colour' && e.reason.includes('colour'))),
      `${url}: ${JSON.stringify(body)}`,
    );
  }
  const missing = await app.inject({ url: '/api/v1/municipalities/999999' });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().title, 'Not found');
});

appTest('the sitemap indexes a sitemap per country chunk, each page with its 24 language versions', async (app) => {
  await withSample(app);
  const index = await app.inject({ url: '/sitemap.xml' });
  assert.equal(index.statusCode, 200);
  assert.match(String(index.headers['content-type']), /application\/xml/);
  for (const chunk of ['pages-all', 'municipalities-bg-1', 'municipalities-si-1', 'municipalities-gr-1']) {
    assert.ok(index.body.includes(`<loc>http://portal.test/sitemaps/${chunk}.xml</loc>`), chunk);
  }
  const bg = await app.inject({ url: '/sitemaps/municipalities-bg-1.xml' });
  assert.ok(bg.body.includes('<loc>http://portal.test/en/municipalities/bg/stara-zagora</loc>'));
  assert.ok(bg.body.includes('<xhtml:link rel="alternate" hreflang="bg" href="http://portal.test/bg/municipalities/bg/stara-zagora"/>'));
  assert.equal((bg.body.match(/<url>/g) ?? []).length, 4);
  assert.equal((bg.body.match(/hreflang=/g) ?? []).length, 4 * 24);
  for (const url of [
    '/sitemaps/municipalities-bg-2.xml',
    '/sitemaps/municipalities-xx-1.xml',
    '/sitemaps/nothing-all.xml',
    '/sitemaps/municipalities-bg-0.xml',
  ]) {
    assert.equal((await app.inject({ url })).statusCode, 404, url);
  }
  assert.match((await app.inject({ url: '/robots.txt' })).body, /Sitemap: http:\/\/portal\.test\/sitemap\.xml/);
});

appTest('GeoJSON and CSV exports carry every place of the filter', async (app) => {
  await withSample(app);
  const geo = await app.inject({ url: '/api/v1/municipalities.geojson?country=bg' });
  assert.equal(geo.statusCode, 200);
  assert.match(String(geo.headers['content-type']), /application\/geo\+json/);
  const fc = geo.json();
  assert.equal(fc.type, 'FeatureCollection');
  assert.equal(fc.features.length, 4);
  const sz = fc.features.find((f: { properties: { name: string } }) => f.properties.name === 'Stara Zagora');
  assert.deepEqual(sz.geometry, { type: 'Point', coordinates: [25.6345, 42.4258] });
  const csv = await app.inject({ url: '/api/v1/municipalities.csv' });
  assert.equal(csv.statusCode, 200);
  assert.equal(csv.headers['access-control-allow-origin'], '*');
  const lines = csv.body.trim().split('\n');
  assert.equal(lines[0], 'id,country,name,native_name,population,latitude,longitude,region_code,region_name,joined,url');
  assert.equal(lines.length, 9);
  assert.ok(lines.some((l) => l.includes('Łódź') && l.includes('664071')));
  assert.equal((await app.inject({ url: '/api/v1/municipalities.csv?country=zz' })).statusCode, 400);
  assert.equal((await app.inject({ url: '/api/v1/municipalities.geojson?q=x' })).statusCode, 400);
});

appTest('the OpenAPI document describes the API and validates', async (app) => {
  const res = await app.inject({ url: '/api/v1/openapi.json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  await SwaggerParser.validate(structuredClone(doc));
  for (const path of ['/municipalities', '/municipalities/{id}', '/municipalities.geojson', '/municipalities.csv'])
    assert.ok(doc.paths[path], path);
  assert.equal(doc.servers[0].url, 'http://portal.test/api/v1');
});

dbTest('other modules add their sections to a profile: news, events, networks and the like', async (database) => {
  await migrateToLatest(database.db, modules);
  await importRecords(database.db, csvRecords(SAMPLE_CSV));
  const news: ModuleManifest = {
    name: 'newsroom-fixture',
    sections: {
      'municipality.profile': async (subject, { t }) => {
        const m = subject as { name: string; country: string };
        return m.country === 'BG' ? (
          <section aria-labelledby="news-heading">
            <h2 id="news-heading">
              {t('nav.home')}: news of {m.name}
            </h2>
          </section>
        ) : null;
      },
    },
  };
  const app = await buildApp({ config: testConfig(database), database, modules: [...modules, news], logger: false });
  try {
    assert.match(
      (await app.inject({ url: '/en/municipalities/bg/stara-zagora' })).body,
      /<h2 id="news-heading">Home: news of Stara Zagora<\/h2>/,
    );
    assert.ok(!(await app.inject({ url: '/en/municipalities/fi/helsinki' })).body.includes('news-heading'), 'a section may show nothing');
  } finally {
    await app.close();
  }
});

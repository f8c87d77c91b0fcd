import assert from 'node:assert/strict';
import { SAMPLE_CSV } from '../../../test/fixtures/municipalities.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { csvRecords, importRecords } from './service/import.ts';

type App = Parameters<Parameters<typeof appTest>[1]>[0];

async function withSample(app: App) {
  await importRecords(app.context.database.db, csvRecords(SAMPLE_CSV));
}

async function join(app: App, slug: string) {
  const now = new Date().toISOString();
  await app.context.database.db.updateTable('municipalities').set({ joined_at: now, join_rank: 1 }).where('slug', '=', slug).execute();
}

const listed = (body: string) => [...body.matchAll(/class="place"[\s\S]*?<a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
const nameField = (body: string) => /<input type="search" id="name" name="name" value="([^"]*)"/.exec(body)?.[1];

appTest('the name filter finds places by part of their name, accents, case and script aside', async (app) => {
  await withSample(app);
  for (const [name, expected] of [
    ['zagora', ['Stara Zagora']],
    ['ZAGORA', ['Stara Zagora']],
    ['Загора', ['Stara Zagora']],
    ['lodz', ['Łódź']],
    ['novo', ['Novo Selo', 'Novo Selo']],
    ['nowhere at all', []],
  ] as const) {
    const res = await app.inject({ url: `/en/municipalities?name=${encodeURIComponent(name)}` });
    assert.equal(res.statusCode, 200, name);
    assert.deepEqual(listed(res.body), expected, name);
    assert.equal(nameField(res.body), name, 'what the reader typed stays in the field');
  }
  const none = await app.inject({ url: '/en/municipalities?name=nowhere' });
  assert.match(none.body, /No municipality matches these filters\./);
  assert.match(none.body, /0 places with “nowhere” in the name\./);
  const inCountry = await app.inject({ url: '/en/municipalities/bg?name=novo' });
  assert.match(inCountry.body, /2 places with “novo” in the name\. Joined towns first, then the largest\./);
});

appTest('the sort is shown, stated above the list and honest: joined first, by name, or by population alone', async (app) => {
  await withSample(app);
  await join(app, 'botevgrad');
  const joined = await app.inject({ url: '/en/municipalities/bg' });
  assert.deepEqual(listed(joined.body), ['Botevgrad', 'Stara Zagora', 'Novo Selo', 'Novo Selo'], 'by default the joined town leads');
  assert.match(joined.body, /<option value="joined" selected>Joined towns first<\/option>/);
  assert.match(joined.body, /<p class="list-order">Joined towns first, then the largest\.<\/p>/);
  const population = await app.inject({ url: '/en/municipalities/bg?sort=population' });
  assert.deepEqual(listed(population.body), ['Stara Zagora', 'Botevgrad', 'Novo Selo', 'Novo Selo']);
  assert.match(population.body, /<option value="population" selected>/);
  assert.match(population.body, /<p class="list-order">Largest first, by population\.<\/p>/);
  const byName = await app.inject({ url: '/de/municipalities/bg?sort=name' });
  assert.deepEqual(listed(byName.body), ['Botevgrad', 'Novo Selo', 'Novo Selo', 'Stara Zagora']);
  assert.match(byName.body, /<p class="list-order">Alphabetisch nach Namen\.<\/p>/);
  for (const sort of ['size', '', '<script>', 'name&sort=population']) {
    const res = await app.inject({ url: `/en/municipalities/bg?sort=${encodeURIComponent(sort)}` });
    assert.equal(res.statusCode, 200, sort);
    assert.deepEqual(listed(res.body), listed(joined.body), `an unknown sort "${sort}" reads as the default`);
  }
});

appTest('a hostile or oversized name is no error: it is kept in the field, escaped, and matches nothing', async (app) => {
  await withSample(app);
  const script = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
  const hostile = await app.inject({ url: `/en/municipalities?name=${encodeURIComponent(script)}` });
  assert.equal(hostile.statusCode, 200);
  assert.ok(!hostile.body.includes('<script>alert') && !hostile.body.includes('<img src=x'), 'nothing of it runs');
  assert.ok(nameField(hostile.body)?.startsWith('&lt;script>alert(1)&lt;/script>&quot;>'), nameField(hostile.body));
  assert.match(hostile.body, /“&lt;script>alert\(1\)&lt;\/script>&quot;>&lt;img src=x onerror=alert\(2\)>” in the name/);
  const long = await app.inject({ url: `/en/municipalities?name=${'a'.repeat(10_000)}` });
  assert.equal(long.statusCode, 200);
  assert.equal(nameField(long.body), 'a'.repeat(100), 'the field keeps as much as it takes');
  const twice = await app.inject({ url: '/en/municipalities?name=zagora&name=lodz' });
  assert.equal(twice.statusCode, 200);
  assert.equal(listed(twice.body).length, 8, 'a repeated name reads as none');
  const wildcards = await app.inject({ url: `/en/municipalities?name=${encodeURIComponent('%_%')}` });
  assert.equal(wildcards.statusCode, 200);
  assert.equal(listed(wildcards.body).length, 8, 'a name of no letters or digits filters nothing');
  const inside = await app.inject({ url: `/en/municipalities?name=${encodeURIComponent('st%ra')}` });
  assert.deepEqual(listed(inside.body), [], 'a wildcard inside a name is no wildcard');
});

appTest('pages keep the filters, and the map takes the same ones', async (app) => {
  const rows = Array.from({ length: 60 }, (_, i) => `BG,T${i},Test Town ${i},${1000 + i},42.${i},25.${i},Smolyan,`);
  await importRecords(app.context.database.db, csvRecords(`${SAMPLE_CSV}${rows.join('\n')}\n`));
  const first = await app.inject({ url: '/en/municipalities?country=bg&name=test&sort=name' });
  assert.match(first.body, /60 places with “test” in the name\./);
  assert.match(first.body, /<a href="\/en\/municipalities\?country=bg&amp;name=test&amp;sort=name&amp;page=2" rel="next">/);
  const second = await app.inject({ url: '/en/municipalities?country=bg&name=test&sort=name&page=2' });
  assert.equal(listed(second.body).length, 10);
  assert.match(second.body, /<a href="\/en\/municipalities\?country=bg&amp;name=test&amp;sort=name" rel="prev">/);
  assert.match(second.body, /data-source="\/en\/municipalities\/map\.json\?country=bg&amp;name=test&amp;sort=name"/);

  const map = await app.inject({ url: '/en/municipalities/map.json?country=bg&name=test&sort=name' });
  assert.equal(map.statusCode, 200);
  const places = map.json().places as [number, number, string, string][];
  assert.equal(places.length, 60);
  assert.deepEqual(places[0], [42, 25, 'Test Town 0', 'bg/test-town-0']);
  assert.ok(
    places.every((p) => p.length === 4),
    'coordinates, name and address only',
  );
  const zagora = await app.inject({ url: '/en/municipalities/map.json?name=zagora&country=xx&sort=bogus' });
  assert.deepEqual(zagora.json().places, [[42.4258, 25.6345, 'Stara Zagora', 'bg/stara-zagora']], 'bad filters read as absent');
  const hostile = await app.inject({ url: `/en/municipalities/map.json?name=${encodeURIComponent('<script>')}&region=${'r'.repeat(500)}` });
  assert.equal(hostile.statusCode, 200);
  assert.deepEqual(hostile.json().places, []);
});

appTest('the home page maps the towns that joined, and has no such section before any did', async (app) => {
  await withSample(app);
  const before = await app.inject({ url: '/en/' });
  assert.ok(!before.body.includes('joined-map') && !before.body.includes('markercluster'), 'no empty map');
  await join(app, 'stara-zagora');
  await app.context.database.db
    .updateTable('municipalities')
    .set({ name: 'Zagora</script><b>' })
    .where('slug', '=', 'stara-zagora')
    .execute();
  const home = await app.inject({ url: '/fi/' });
  assert.match(home.body, /<h2 id="joined-heading">Liittyneet kunnat<\/h2>/);
  assert.match(home.body, /<script src="\/static\/places-map\.js\?v=[^"]+" defer>/);
  const block = /<script type="application\/json">(.*?)<\/script>/.exec(home.body)?.[1] ?? '';
  assert.ok(!block.includes('<'), 'a name cannot end the data block');
  assert.deepEqual(JSON.parse(block), [[42.4258, 25.6345, 'Zagora</script><b>', 'bg/stara-zagora']]);
});

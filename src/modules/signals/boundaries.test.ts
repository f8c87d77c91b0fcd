import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { person, submit, submitFiles } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { box, countOf, open311Towns, postAs } from '../../../test/signals-open311.ts';
import { boundaryOf } from './service/boundaries.ts';
import { placePoint } from './service/routing.ts';

const PAGE = '/en/municipalities/bg/stara-zagora/signals/boundary';

const AROUND_STARA_ZAGORA = box(42.3, 25.4, 42.6, 25.9);
const file = (value: unknown, name = 'town.geojson') => ({
  boundary: { name, data: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)), type: 'application/geo+json' },
});

appTest("a town's staff draw its boundary, and reports are placed by it", async (app, database) => {
  const towns = await open311Towns(database);
  const staff = await person(database, { roles: [['municipality_editor', towns.staraZagora]] });
  const botevgradStaff = await person(database, { roles: [['municipality_admin', towns.botevgrad]] });
  const citizen = await person(database);

  assert.equal((await app.inject({ url: PAGE })).statusCode, 303, 'a visitor signs in first');
  for (const who of [citizen, botevgradStaff]) {
    assert.equal((await app.inject({ url: PAGE, headers: { cookie: who.cookie } })).statusCode, 403);
    assert.equal((await postAs(app, PAGE, {}, who)).statusCode, 403);
    assert.equal((await postAs(app, `${PAGE}/remove`, {}, who)).statusCode, 403);
  }
  // Botevgrad's staff load their own page, and post its form to Stara Zagora's address.
  const sneaky = await submitFiles(
    app,
    '/en/municipalities/bg/botevgrad/signals/boundary',
    {},
    file(AROUND_STARA_ZAGORA),
    botevgradStaff,
    PAGE,
  );
  assert.equal(sneaky.statusCode, 403);
  assert.equal(await countOf(database, 'signal_boundaries'), 0);
  assert.equal(
    (await app.inject({ url: '/en/municipalities/bg/atlantis/signals/boundary', headers: { cookie: staff.cookie } })).statusCode,
    404,
  );

  const empty = await app.inject({ url: PAGE, headers: { cookie: staff.cookie } });
  assert.equal(empty.statusCode, 200);
  assert.equal(empty.headers['cache-control'], 'no-store');
  assert.match(empty.body, /No boundary is drawn/);

  const saved = await submitFiles(app, PAGE, {}, file({ type: 'Feature', properties: {}, geometry: AROUND_STARA_ZAGORA }), staff);
  assert.equal(saved.statusCode, 303, saved.body);
  assert.equal(saved.headers.location, `${PAGE}?notice=saved`);
  const row = await database.db.selectFrom('signal_boundaries').selectAll().executeTakeFirstOrThrow();
  assert.equal(row.municipality_id, towns.staraZagora);
  assert.deepEqual([row.min_lat, row.max_lat, row.min_lon, row.max_lon], [42.3, 42.6, 25.4, 25.9]);
  assert.deepEqual(await placePoint(database.db, { latitude: 42.59, longitude: 25.85 }), {
    municipalityId: towns.staraZagora,
    by: 'boundary',
  });
  const shown = await app.inject({ url: `${PAGE}?notice=saved`, headers: { cookie: staff.cookie } });
  assert.match(shown.body, /The boundary is saved/);
  assert.match(shown.body, /class="map boundary-map"/);
  assert.match(shown.body, /latitude 42\.30000 to 42\.60000/);

  const removed = await submit(app, PAGE, {}, staff, `${PAGE}/remove`);
  assert.equal(removed.statusCode, 303);
  assert.equal(await countOf(database, 'signal_boundaries'), 0);
  assert.equal((await placePoint(database.db, { latitude: 42.59, longitude: 25.85 }))?.by, 'centre');
  const actions = await database.db.selectFrom('audit_log').select(['action', 'actor_id']).orderBy('id').execute();
  assert.deepEqual(actions, [
    { action: 'signals.boundary.save', actor_id: staff.id },
    { action: 'signals.boundary.remove', actor_id: staff.id },
  ]);
});

appTest('a boundary file is checked strictly: a refused one says why and changes nothing', async (app, database) => {
  await open311Towns(database);
  const admin = await person(database, { roles: [['platform_admin', null]] });
  const ring = AROUND_STARA_ZAGORA.coordinates[0]!;
  const cases: [unknown, RegExp][] = [
    ['{"type": "Polygon", ', /not valid JSON/],
    [{ type: 'Point', coordinates: [25, 42] }, /holds no Polygon or MultiPolygon/],
    [{ type: 'FeatureCollection', features: [] }, /holds no polygon/],
    [{ type: 'Polygon', coordinates: [ring.slice(0, 3)] }, /fewer than four positions/],
    [{ type: 'Polygon', coordinates: [[...ring.slice(0, 4), [25.5, 42.5]]] }, /not closed/],
    [{ type: 'Polygon', coordinates: [ring.map(([lon, lat]) => [lon! + 200, lat])] }, /outside WGS 84/],
    [{ type: 'Polygon', coordinates: [ring.map(([lon, lat]) => [String(lon), lat])] }, /not a pair of numbers/],
    [{ type: 'Polygon', coordinates: [[...ring.slice(0, 4), ['<script>', 1]]] }, /not a pair of numbers/],
    [' '.repeat(2 * 1024 * 1024 + 1), /larger than 2 MB/],
  ];
  for (const [value, message] of cases) {
    const res = await submitFiles(app, PAGE, {}, file(value), admin);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<title>Error: /);
    assert.match(res.body, message);
    assert.ok(!res.body.includes('<script>'), 'nothing of the file is echoed as markup');
  }
  const none = await submitFiles(app, PAGE, {}, {}, admin);
  assert.equal(none.statusCode, 422);
  assert.match(none.body, /Choose a GeoJSON file/);
  assert.equal(await countOf(database, 'signal_boundaries'), 0);
  assert.equal(await countOf(database, 'audit_log'), 0);
});

test('a MultiPolygon, a collection of features, and positions with a height read as one area', () => {
  const two = boundaryOf({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: box(1, 1, 2, 2) },
      { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [box(3, 3, 4, 4).coordinates] } },
    ],
  });
  assert.ok(two.ok);
  assert.equal(two.boundary.area.type, 'MultiPolygon');
  assert.deepEqual(two.boundary.box, { min_lat: 1, max_lat: 4, min_lon: 1, max_lon: 4 });
  const high = boundaryOf({ type: 'Polygon', coordinates: [box(1, 1, 2, 2).coordinates[0]!.map(([a, b]) => [a, b, 500])] });
  assert.ok(high.ok);
  assert.deepEqual(high.boundary.area.coordinates[0]![0], [1, 1]);
  assert.deepEqual(boundaryOf({ type: 'Feature', geometry: { type: 'Feature', geometry: box(1, 1, 2, 2) } }), {
    ok: false,
    reason: 'type',
  });
  assert.deepEqual(boundaryOf(null), { ok: false, reason: 'type' });
});

const bin = new URL('../../../bin/municipium.js', import.meta.url).pathname;

appTest('municipium import-boundaries reads a FeatureCollection and says what it imported and skipped', async (_app, database) => {
  const towns = await open311Towns(database);
  const dir = mkdtempSync(join(tmpdir(), 'municipium-boundaries-'));
  const path = join(dir, 'towns.geojson');
  writeFileSync(
    path,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { jurisdiction_id: 'bg/stara-zagora' }, geometry: AROUND_STARA_ZAGORA },
        { type: 'Feature', properties: { country: 'BG', slug: 'botevgrad' }, geometry: box(42.85, 23.7, 43.2, 23.9) },
        { type: 'Feature', properties: { country: 'bg', slug: 'atlantis' }, geometry: box(1, 1, 2, 2) },
        { type: 'Feature', properties: {}, geometry: box(1, 1, 2, 2) },
        { type: 'Feature', properties: { jurisdiction_id: 'fi/helsinki' }, geometry: { type: 'Point', coordinates: [1, 1] } },
      ],
    }),
  );
  const env = { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: database.url, DATA_DIR: dir };
  const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
  const res = run(['import-boundaries', path]);
  assert.equal(res.status, 0, res.stderr);
  assert.match(res.stdout, /Imported 2 boundaries, skipped 3\./);
  assert.match(res.stdout, /feature 3: bg\/atlantis is not in the directory/);
  assert.match(res.stdout, /feature 4: names no town/);
  assert.match(res.stdout, /feature 5: the geometry is refused \(type\)/);
  const rows = await database.db.selectFrom('signal_boundaries').select('municipality_id').orderBy('municipality_id').execute();
  assert.deepEqual(rows.map((r) => r.municipality_id).sort(), [towns.staraZagora, towns.botevgrad].sort());
  assert.match(run(['import-boundaries', path]).stdout, /Imported 2 boundaries/, 'again, safely');
  assert.equal(await countOf(database, 'signal_boundaries'), 2);

  writeFileSync(path, 'not json');
  const bad = run(['import-boundaries', path]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /is not JSON/);
  writeFileSync(path, '{"type": "Polygon"}');
  assert.match(run(['import-boundaries', path]).stderr, /not a GeoJSON FeatureCollection/);
  const missing = run(['import-boundaries']);
  assert.notEqual(missing.status, 0);
  assert.match(missing.stderr, /missing required argument 'file'/);
});

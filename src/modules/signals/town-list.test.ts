import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appTest } from '../../../test/helpers/app.ts';
import { CENTRE, count, sampleReport, signalTowns } from '../../../test/signals.ts';
import { demoSignals } from './service/seeds.ts';

const titles = (body: string) => [...body.matchAll(/<h2><a href="\/en\/signals\/\d+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);

appTest('a town’s reports: newest first, 20 a page, filtered by state and category, on a map; only public ones', async (app, database) => {
  const towns = await signalTowns(database);
  const day = (n: number) => new Date(Date.UTC(2026, 10, 1 + n)).toISOString();
  for (let i = 0; i < 23; i++)
    await sampleReport(database, {
      municipalityId: towns.staraZagora,
      categoryId: i % 2 ? towns.lighting : towns.roads,
      at: [CENTRE[0] + i / 1000, CENTRE[1]],
      address: `Street ${i}`,
      state: i < 3 ? 'fixed' : 'open',
      createdAt: day(i),
    });
  await sampleReport(database, {
    municipalityId: towns.staraZagora,
    categoryId: towns.roads,
    at: CENTRE,
    address: 'Hidden one',
    hidden: true,
    createdAt: day(30),
  });
  await sampleReport(database, {
    municipalityId: towns.staraZagora,
    categoryId: towns.roads,
    at: CENTRE,
    address: 'Waiting one',
    confirmed: false,
    createdAt: day(30),
  });
  await sampleReport(database, {
    municipalityId: towns.botevgrad,
    categoryId: towns.botevgradRoads,
    at: [42.9, 23.78],
    address: 'In Botevgrad',
    createdAt: day(30),
  });

  const base = '/en/municipalities/bg/stara-zagora/signals';
  const first = await app.inject({ url: base });
  assert.equal(first.statusCode, 200);
  assert.match(first.body, /<h1>Reported problems in Stara Zagora<\/h1>/);
  assert.match(first.body, /23 reports, newest first/);
  const shown = titles(first.body);
  assert.equal(shown.length, 20);
  assert.equal(shown[0], 'Roads and pavements: Street 22');
  assert.equal(shown[1], 'Street lighting: Street 21');
  assert.doesNotMatch(first.body, /Hidden one|Waiting one|In Botevgrad/);
  assert.match(first.body, /href="\/en\/signals\/new\?town=bg\/stara-zagora"/);
  assert.match(first.body, /data-source="\/en\/municipalities\/bg\/stara-zagora\/signals\/map.json"/);
  assert.match(first.body, /rel="next"/);
  const second = await app.inject({ url: `${base}?page=2` });
  assert.deepEqual(titles(second.body), ['Roads and pavements: Street 2', 'Street lighting: Street 1', 'Roads and pavements: Street 0']);
  assert.equal((await app.inject({ url: `${base}?page=3` })).statusCode, 404);
  assert.equal((await app.inject({ url: `${base}?page=x` })).statusCode, 404);

  const closed = await app.inject({ url: `${base}?state=closed` });
  assert.deepEqual(titles(closed.body), ['Roads and pavements: Street 2', 'Street lighting: Street 1', 'Roads and pavements: Street 0']);
  assert.match(closed.body, /<option value="closed" selected>Closed<\/option>/);
  assert.equal(titles((await app.inject({ url: `${base}?state=fixed&category=${towns.lighting}` })).body).length, 1);
  assert.equal(titles((await app.inject({ url: `${base}?state=open&category=${towns.roads}` })).body).length, 10);
  const lenient = await app.inject({ url: `${base}?state=<script>&category=abc` });
  assert.equal(lenient.statusCode, 200, 'a filter that does not fit reads as absent');
  assert.match(lenient.body, /23 reports/);
  assert.doesNotMatch(lenient.body, /<script>&/);

  const map = await app.inject({ url: `${base}/map.json?state=closed` });
  assert.equal(map.statusCode, 200);
  const places = map.json().places as [number, number, string, string][];
  assert.equal(places.length, 3);
  assert.deepEqual(places[0], [42.4278, 25.6345, 'Roads and pavements', places[0]![3]]);
  assert.match(places[0]![3], /^\d+$/);
  assert.equal((await app.inject({ url: `${base}/map.json` })).json().places.length, 23);

  assert.equal((await app.inject({ url: '/en/municipalities/bg/nowhere/signals' })).statusCode, 404);
  const notTaking = await app.inject({ url: '/en/municipalities/si/slovenska-bistrica/signals' });
  assert.equal(notTaking.statusCode, 200);
  assert.match(notTaking.body, /Slovenska Bistrica does not take reports on the portal yet/);
});

appTest('the towns that take reports are listed, and a town’s profile links to its reports', async (app, database) => {
  const towns = await signalTowns(database);
  await sampleReport(database, { municipalityId: towns.staraZagora, categoryId: towns.roads, at: CENTRE });
  const index = await app.inject({ url: '/en/signals' });
  assert.equal(index.statusCode, 200);
  assert.match(index.body, /href="\/en\/municipalities\/bg\/botevgrad\/signals">Botevgrad/);
  assert.match(index.body, /href="\/en\/municipalities\/bg\/stara-zagora\/signals">Stara Zagora/);
  assert.doesNotMatch(index.body, /novo-selo/);
  const profile = await app.inject({ url: '/en/municipalities/bg/stara-zagora' });
  assert.match(profile.body, /1 open report/);
  assert.match(profile.body, /href="\/en\/municipalities\/bg\/stara-zagora\/signals">Reported problems in Stara Zagora/);
  const none = await app.inject({ url: '/en/municipalities/bg/novo-selo' });
  assert.doesNotMatch(none.body, /Reported problems/);
});

appTest(
  'the demo: Stara Zagora and Botevgrad hold reports in several states, some with photos, in Bulgarian; once',
  async (app, database) => {
    const { sampleTowns } = await import('../../../test/content.ts');
    await sampleTowns(database);
    await demoSignals.run(app.context);
    await demoSignals.run(app.context);
    const rows = await database.db.selectFrom('signals').selectAll().execute();
    assert.equal(rows.length, 16, 'running it again adds nothing');
    assert.deepEqual([...new Set(rows.map((r) => r.state))].sort(), [
      'action_scheduled',
      'confirmed',
      'duplicate',
      'fixed',
      'investigating',
      'not_responsible',
      'open',
      'reopened',
    ]);
    assert.ok(rows.every((r) => r.confirmed === 1 && /[а-я]/.test(r.description)));
    assert.ok(rows.some((r) => r.responsible) && rows.some((r) => r.duplicate_of));
    const photos = await database.db.selectFrom('signal_photos').select('file').execute();
    assert.equal(photos.length, 6);
    for (const p of photos) assert.ok(existsSync(join(app.context.config.dataDir, 'uploads', 'signals', `${p.file}-1200.webp`)));
    assert.equal((await count(database, 'signal_updates')) > rows.length, true);
    const list = await app.inject({ url: '/bg/municipalities/bg/botevgrad/signals' });
    assert.match(list.body, /8 сигнала/);
    const duplicate = rows.find((r) => r.duplicate_of)!;
    const page = await app.inject({ url: `/bg/signals/${duplicate.id}` });
    assert.match(page.body, new RegExp(`href="/bg/signals/${duplicate.duplicate_of}">Повтаря сигнал № ${duplicate.duplicate_of}`));
  },
);

import assert from 'node:assert/strict';
import { parseFeed } from '@rowanmanning/feed-parser';
import { appTest } from '../../../test/helpers/app.ts';
import { assertNoAuthor } from '../../../test/open311.ts';
import { open311Towns, sampleSignal } from '../../../test/signals-open311.ts';
import { townStatistics } from './service/statistics.ts';

const FEED = '/en/feeds/signals';

appTest("a town's feed lists its public reports, of all categories or one, never who sent them", async (app, database) => {
  const t = await open311Towns(database);
  const pothole = await sampleSignal(database, { municipalityId: t.staraZagora, categoryId: t.roads, description: 'Pothole <b>deep</b>' });
  const tree = await sampleSignal(database, { municipalityId: t.staraZagora, categoryId: t.trees, state: 'fixed', address: null });
  const waiting = await sampleSignal(database, {
    municipalityId: t.staraZagora,
    categoryId: t.roads,
    confirmed: 0,
    description: 'WAITING',
  });
  const hidden = await sampleSignal(database, { municipalityId: t.staraZagora, categoryId: t.roads, hidden: 1, description: 'HIDDEN' });
  await sampleSignal(database, { municipalityId: t.botevgrad, categoryId: t.botevgradRoads, description: 'BOTEVGRAD' });

  const rss = await app.inject({ url: `${FEED}.rss?town=bg/stara-zagora` });
  assert.equal(rss.statusCode, 200);
  assert.match(String(rss.headers['content-type']), /application\/rss\+xml/);
  assertNoAuthor(rss.body);
  const feed = parseFeed(rss.body);
  assert.match(feed.title ?? '', /^Problem reports in Stara Zagora/);
  assert.deepEqual(
    feed.items.map((i) => [i.title, i.url]),
    [
      ['Trees & <hedges>', `http://portal.test/en/signals/${tree}`],
      ['Roads and pavements – Tsar Simeon Veliki 100', `http://portal.test/en/signals/${pothole}`],
    ],
  );
  assert.match(feed.items[0]!.description ?? '', /^Fixed: A deep pothole/);
  assert.match(feed.items[1]!.description ?? '', /^Open: Pothole <b>deep<\/b>/, 'words stay text');
  for (const secret of ['WAITING', 'HIDDEN', 'BOTEVGRAD', `/signals/${waiting}<`, `/signals/${hidden}<`])
    assert.ok(!rss.body.includes(secret), secret);

  const atom = await app.inject({ url: `${FEED}.atom?town=bg/stara-zagora&category=trees` });
  assert.equal(atom.statusCode, 200);
  assertNoAuthor(atom.body);
  const trees = parseFeed(atom.body);
  assert.match(trees.title ?? '', /^Trees & <hedges> in Stara Zagora/);
  assert.deepEqual(
    trees.items.map((i) => i.url),
    [`http://portal.test/en/signals/${tree}`],
  );

  for (const q of ['', '?town=bg/atlantis', '?town=<script>', '?town=bg/stara-zagora&category=nothing'])
    assert.equal((await app.inject({ url: `${FEED}.rss${q}` })).statusCode, 404, q);
});

appTest("a town's figures: reports by month, share fixed, median days to fix, by category", async (app, database) => {
  const t = await open311Towns(database);
  const now = new Date();
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const fixed = (created: number, days: number, categoryId = t.roads) =>
    sampleSignal(database, {
      municipalityId: t.staraZagora,
      categoryId,
      state: 'fixed',
      createdAt: ago(created),
      fixedAt: ago(created - days),
    });
  await fixed(40, 2);
  await fixed(40, 4);
  await fixed(10, 10, t.trees);
  await fixed(5, 3);
  await sampleSignal(database, { municipalityId: t.staraZagora, categoryId: t.roads, createdAt: ago(3) });
  await sampleSignal(database, {
    municipalityId: t.staraZagora,
    categoryId: t.roads,
    createdAt: ago(3),
    confirmed: 0,
    state: 'fixed',
    fixedAt: ago(1),
  });
  await sampleSignal(database, { municipalityId: t.staraZagora, categoryId: t.roads, createdAt: ago(3), hidden: 1 });
  await sampleSignal(database, {
    municipalityId: t.staraZagora,
    categoryId: t.roads,
    createdAt: ago(400),
    state: 'fixed',
    fixedAt: ago(399),
  });
  await sampleSignal(database, { municipalityId: t.botevgrad, categoryId: t.botevgradRoads, createdAt: ago(3) });

  const stats = await townStatistics(app.context, t.staraZagora, now);
  assert.equal(stats.months.length, 12);
  assert.equal(stats.reports, 5, 'public reports of the last 12 months only');
  assert.equal(stats.fixed, 4);
  assert.equal(stats.medianDaysToFix, 3.5, 'the middle two of 2, 3, 4, 10');
  assert.deepEqual(stats.byCategory, [
    { categoryId: t.roads, reports: 4, fixed: 3 },
    { categoryId: t.trees, reports: 1, fixed: 1 },
  ]);
  const month = now.toISOString().slice(0, 7);
  assert.equal(stats.months.at(-1)!.month, month);
  assert.equal(
    stats.months.reduce((n, m) => n + m.reports, 0),
    5,
  );

  const page = await app.inject({ url: '/en/municipalities/bg/stara-zagora/signals/statistics' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<caption>Reports by month<\/caption>/);
  assert.match(page.body, /<dd>80%<\/dd>/);
  assert.match(page.body, /3\.5 days/);
  assert.match(page.body, /Trees &amp; &lt;hedges/);
  assert.match(page.body, /rel="alternate" type="application\/rss\+xml"[^>]*signals\.rss\?town=bg%2Fstara-zagora/);
  const bg = await app.inject({ url: '/bg/municipalities/bg/stara-zagora/signals/statistics' });
  assert.match(bg.body, /Сигнали по месеци/);
  const empty = await app.inject({ url: '/en/municipalities/fi/helsinki/signals/statistics' });
  assert.equal(empty.statusCode, 200);
  assert.match(empty.body, /No report fixed yet/);
  assert.equal((await app.inject({ url: '/en/municipalities/bg/atlantis/signals/statistics' })).statusCode, 404);
  assert.equal((await app.inject({ url: '/en/municipalities/xx/atlantis/signals/statistics' })).statusCode, 404);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SAMPLE_CSV } from '../../../test/fixtures/municipalities.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { isLanguage } from '../../core/i18n/languages.ts';
import { csvRecords, importRecords } from '../municipalities/index.ts';
import { when } from './demo/when.ts';
import { CONTENT_TYPES, LIMITS, MAX_TAGS, POLICY_AREAS } from './schema.ts';
import { DEMO_ITEMS, demoContent } from './service/seeds.ts';

const DAY = 86_400_000;

appTest(
  'the demo fills a new portal once, with every type of item in several languages, from the towns the directory holds',
  async (app, { db }) => {
    const count = async (table: 'content_items' | 'content_texts') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    await demoContent.run(app.context);
    assert.equal(await count('content_items'), 0, 'nothing before the directory is imported: a later run fills the portal');

    await importRecords(db, csvRecords(SAMPLE_CSV));
    await demoContent.run(app.context);
    const items = await db.selectFrom('content_items').selectAll().execute();
    assert.deepEqual([...new Set(items.map((i) => i.type))].sort(), [...CONTENT_TYPES].sort());
    const languages = new Set((await db.selectFrom('content_texts').select('language').execute()).map((t) => t.language));
    assert.ok(languages.size >= 3, `languages: ${[...languages].join(', ')}`);
    assert.ok(items.some((i) => i.owner_type === 'platform'));

    // The sample holds a few of the demo's towns; the others' items are left out, not failed on.
    const towns = await db.selectFrom('municipalities').select(['id', 'country', 'slug']).execute();
    const owners = new Set(items.filter((i) => i.owner_type === 'municipality').map((i) => i.owner_id));
    const owned = towns
      .filter((t) => owners.has(t.id))
      .map((t) => `${t.country}/${t.slug}`)
      .sort();
    assert.deepEqual(owned, ['BG/botevgrad', 'BG/stara-zagora', 'FI/helsinki', 'GR/thessaloniki', 'PL/lodz', 'SI/slovenska-bistrica']);
    for (const i of items.filter((x) => x.owner_type === 'municipality'))
      assert.equal(i.country, towns.find((t) => t.id === i.owner_id)!.country);

    const before = [await count('content_items'), await count('content_texts')];
    await demoContent.run(app.context);
    assert.deepEqual([await count('content_items'), await count('content_texts')], before, 'a second run adds nothing');

    const latest = await app.inject({ url: '/en/latest' });
    assert.equal(latest.statusCode, 200);
    assert.match(latest.body, /Stara Zagora in European networks: the Strasbourg Club and Cities for Children/);
    const link = /href="(\/en\/events\/\d+-[^"]+)"/.exec((await app.inject({ url: '/en/events' })).body)?.[1];
    assert.ok(link, 'upcoming events are listed');
    assert.equal((await app.inject({ url: link })).statusCode, 200);
    const bg = await app.inject({ url: '/bg/news' });
    assert.match(bg.body, /Стара Загора в европейските мрежи/);
  },
);

test('demo items fit the forms and stay recent, upcoming and open whenever the portal starts', () => {
  const here = { latitude: 48.2, longitude: 16.4 };
  for (let month = 0; month < 12; month++) {
    const now = new Date(Date.UTC(2027, month, 27, 21, 30));
    const w = when(now);
    let upcoming = 0;
    let past = 0;
    for (const { town, build } of DEMO_ITEMS) {
      const spec = build(w, here);
      const name = `${town ?? 'platform'}: ${spec.texts[spec.language]?.title}`;
      assert.ok(isLanguage(spec.language) && Object.keys(spec.texts)[0] === spec.language, `${name}: original language first`);
      for (const [language, t] of Object.entries(spec.texts)) {
        assert.ok(isLanguage(language), name);
        for (const field of ['title', 'summary', 'goal', 'cost', 'reuse'] as const) {
          assert.ok((t[field]?.length ?? 0) <= LIMITS[field], `${name} [${language}]: ${field} too long`);
        }
        assert.ok(t.title && t.summary && t.body, `${name} [${language}]: title, summary and body`);
        if (spec.type === 'initiative') assert.ok(t.goal, `${name} [${language}]: goal`);
        if (spec.type === 'practice') assert.ok(t.problem && t.solution && t.results, `${name} [${language}]: problem, solution, results`);
      }
      assert.ok(spec.areas.length > 0 && spec.areas.every((a) => POLICY_AREAS.includes(a)), `${name}: areas`);
      assert.ok(
        (spec.tags ?? []).length <= MAX_TAGS && (spec.tags ?? []).every((t) => t === t.toLowerCase() && t.length <= 40 && !t.includes(',')),
        `${name}: tags`,
      );
      const published = Date.parse(spec.publishedAt);
      assert.ok(published <= now.getTime() && published >= now.getTime() - 60 * DAY, `${name}: published in the last 60 days`);
      if (spec.type === 'initiative') assert.ok(spec.deadline! > now.toISOString().slice(0, 10), `${name}: open`);
      if (spec.type === 'event') {
        const e = spec.event!;
        assert.ok(e.venueName || e.onlineUrl, `${name}: a venue or a link`);
        const starts = Date.parse(e.startsAt);
        assert.ok(!e.endsAt || Date.parse(e.endsAt) > starts, `${name}: ends after it starts`);
        assert.ok(starts > published, `${name}: announced before it happens`);
        assert.ok(starts < now.getTime() + 95 * DAY, `${name}: within three months`);
        const local = new Date(starts + (e.allDay ? 12 * 3_600_000 : 0)).toLocaleDateString('en-CA', {
          timeZone: e.timeZone,
        });
        assert.ok(!/-12-(2[4-9]|3[01])$|-01-01$/.test(local), `${name}: not over the holidays (${local})`);
        if (starts > now.getTime()) upcoming++;
        else past++;
      }
    }
    assert.ok(upcoming >= 8 && past >= 1 && past <= 3, `${now.toISOString()}: ${upcoming} upcoming, ${past} past`);
  }
});

import assert from 'node:assert/strict';
import { parseFeed } from '@rowanmanning/feed-parser';
import type { FastifyInstance } from 'fastify';
import { SAMPLE_CSV } from '../../../test/fixtures/municipalities.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { csvRecords, importRecords } from '../municipalities/index.ts';
import { type ItemSpec, insertItem } from './service/editing.ts';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

async function fill(app: FastifyInstance) {
  const { db } = app.context.database;
  await importRecords(db, csvRecords(SAMPLE_CSV));
  const town = async (slug: string) => {
    const m = await db.selectFrom('municipalities').select(['id', 'country']).where('slug', '=', slug).executeTakeFirstOrThrow();
    return { type: 'municipality' as const, id: m.id, country: m.country };
  };
  const specs: ItemSpec[] = [
    {
      type: 'news',
      owner: await town('stara-zagora'),
      language: 'en',
      publishedAt: ago(1),
      areas: ['environment'],
      tags: ['trees'],
      texts: {
        en: {
          title: 'Lindens planted along the boulevard',
          summary: 'The town adds two hundred trees.',
          body: 'Every street of the town centre gets shade.',
        },
        bg: {
          title: 'Засадени липи по булеварда',
          summary: 'Общината засажда двеста дървета.',
          body: 'Всяка улица в центъра ще има сянка.',
        },
      },
    },
    {
      type: 'news',
      owner: await town('helsinki'),
      language: 'fi',
      publishedAt: ago(2),
      areas: ['culture'],
      texts: {
        fi: {
          title: 'Kirjasto avataan uudelleen',
          summary: 'Keskustakirjasto avaa ovensa remontin jälkeen.',
          body: 'Uusi lukusali ja lasten osasto.',
        },
      },
    },
    {
      type: 'practice',
      owner: await town('lodz'),
      language: 'pl',
      publishedAt: ago(3),
      areas: ['economy', 'social'],
      texts: {
        pl: {
          title: 'Budżet obywatelski w mieście',
          summary: 'Mieszkańcy decydują o części wydatków.',
          body: 'Głosowanie trwa dwa tygodnie.',
          problem: 'Mało zaufania.',
          solution: 'Głosowanie.',
          results: 'Frekwencja 12%.',
        },
      },
    },
    {
      type: 'event',
      owner: await town('thessaloniki'),
      language: 'el',
      publishedAt: ago(4),
      areas: ['culture'],
      event: {
        startsAt: new Date(Date.now() + 10 * DAY).toISOString(),
        timeZone: 'Europe/Athens',
        venueName: 'Λιμάνι',
      },
      texts: { el: { title: 'Φεστιβάλ της πόλης', summary: 'Μουσική στο λιμάνι.', body: 'Τρεις μέρες συναυλιών.' } },
    },
    {
      type: 'initiative',
      owner: { type: 'platform' },
      language: 'en',
      publishedAt: ago(5),
      areas: ['climate'],
      deadline: '2099-06-30',
      texts: {
        en: {
          title: 'Covenant of Mayors: networks of towns invited as supporters',
          summary: 'Networks of local authorities can apply to support the town climate pledges.',
          body: 'Apply online; report every two years.',
          goal: 'Twenty supporting networks.',
        },
      },
    },
  ];
  for (const spec of specs) await insertItem(app.context, spec);
}

const hrefs = (html: string) => [...html.matchAll(/<li class="content-card"><article><h[23][^>]*><a href="([^"]+)"/g)].map((m) => m[1]);

appTest('full-text search in any language, whatever the accents, script or word form, with facets', async (app) => {
  await fill(app);
  const found = async (q: string) => hrefs((await app.inject({ url: `/en/latest?q=${encodeURIComponent(q)}` })).body);
  assert.deepEqual(await found('linden'), ['/en/news/1-lindens-planted-along-the-boulevard'], 'a stem finds the plural');
  assert.deepEqual(await found('липи'), ['/en/news/1-lindens-planted-along-the-boulevard'], 'Cyrillic finds the Bulgarian translation');
  assert.deepEqual(await found('lipi'), ['/en/news/1-lindens-planted-along-the-boulevard'], 'and so does its transliteration');
  assert.deepEqual(await found('budzet'), ['/en/good-practices/3-budzet-obywatelski-w-miescie'], 'accents do not matter');
  assert.deepEqual(await found('festival'), ['/en/events/4-festival-tis-polis'], 'Latin letters find Greek');
  assert.deepEqual(await found('ΦΕΣΤΙΒΑΛ'), ['/en/events/4-festival-tis-polis'], 'and case does not matter');
  assert.deepEqual(await found('kirjasto'), ['/en/news/2-kirjasto-avataan-uudelleen']);
  assert.deepEqual(await found('nothingmatchesthis'), []);
  assert.deepEqual(await found('"'), [], 'a query of punctuation finds nothing and breaks nothing');

  const town = await app.inject({ url: '/en/latest?q=town' });
  assert.deepEqual(
    hrefs(town.body).sort(),
    [
      '/en/initiatives/5-covenant-of-mayors-networks-of-towns-invited-as-supporters',
      '/en/news/1-lindens-planted-along-the-boulevard',
    ].sort(),
  );
  assert.match(town.body, /2 results for “town”/);
  assert.match(
    town.body,
    /<h2 class="facet-title">By type<\/h2><ul><li><a href="\/en\/latest\?q=town&amp;type=initiative">Initiative<\/a> \(1\)<\/li><li><a href="\/en\/latest\?q=town&amp;type=news">News<\/a> \(1\)<\/li><\/ul>/,
    'each type counted, equal counts in the order of their names',
  );
  assert.match(
    town.body,
    /By policy area<\/h2><ul><li><a [^>]*area=climate">Climate and energy<\/a> \(1\)<\/li><li><a [^>]*area=environment">Urban environment and ecology<\/a> \(1\)<\/li><\/ul>/,
  );
  assert.match(
    town.body,
    /By language<\/h2><ul><li><a [^>]*language=en">English<\/a> \(2\)<\/li><li><a [^>]*language=bg">[^<]+<\/a> \(1\)<\/li><\/ul>/,
    'items counted by the languages they are in',
  );
  const narrowed = hrefs((await app.inject({ url: '/en/latest?q=town&type=initiative' })).body);
  assert.deepEqual(
    narrowed,
    ['/en/initiatives/5-covenant-of-mayors-networks-of-towns-invited-as-supporters'],
    'a facet narrows the search',
  );
  const bg = await app.inject({ url: '/bg/search?q=%D0%BB%D0%B8%D0%BF%D0%B8' });
  assert.match(bg.body, /Засадени липи по булеварда/, 'the portal’s search box finds content too, in the reader’s language');
});

appTest('listings filter by type, country, municipality, area, language and tag; the reader’s language first', async (app) => {
  await fill(app);
  const list = async (url: string) => hrefs((await app.inject({ url })).body);
  assert.equal((await list('/en/latest')).length, 5);
  assert.deepEqual(await list('/en/latest?type=practice'), ['/en/good-practices/3-budzet-obywatelski-w-miescie']);
  assert.deepEqual(await list('/en/news?country=fi'), ['/en/news/2-kirjasto-avataan-uudelleen']);
  assert.deepEqual(
    await list('/en/latest?language=bg'),
    ['/en/news/1-lindens-planted-along-the-boulevard'],
    'items that exist in Bulgarian',
  );
  assert.deepEqual(await list('/en/areas/culture'), ['/en/news/2-kirjasto-avataan-uudelleen', '/en/events/4-festival-tis-polis']);
  assert.deepEqual(await list('/en/latest?tag=trees'), ['/en/news/1-lindens-planted-along-the-boulevard']);
  const helsinki = await app.context.database.db
    .selectFrom('municipalities')
    .select('id')
    .where('slug', '=', 'helsinki')
    .executeTakeFirstOrThrow();
  const own = await app.inject({ url: `/en/latest?municipality=${helsinki.id}` });
  assert.deepEqual(hrefs(own.body), ['/en/news/2-kirjasto-avataan-uudelleen']);
  assert.match(own.body, /From Helsinki only\./);
  assert.deepEqual(
    await list('/en/latest?country=zz&type=nonsense&area=%3Cscript%3E&page=-4'),
    await list('/en/latest'),
    'unknown filters are ignored, not an error',
  );
  const bg = await app.inject({ url: '/bg/news' });
  assert.match(bg.body, /Засадени липи по булеварда/, 'a Bulgarian reader sees the Bulgarian translation');
  assert.match(
    bg.body,
    /<h2 lang="fi"><a href="\/bg\/news\/2-kirjasto-avataan-uudelleen">Kirjasto avataan uudelleen<\/a><\/h2>/,
    'and other items in their own language, marked',
  );
  const events = await app.inject({ url: '/en/events' });
  assert.deepEqual(hrefs(events.body), ['/en/events/4-festival-tis-polis']);
  assert.match(events.body, /href="\/en\/events\.ics"/, 'events link their calendar feed');
  assert.match(
    events.body,
    /<link rel="alternate" type="application\/rss\+xml" title="Events" href="\/en\/feeds\/content\.rss\?type=event"\/>/,
  );
  assert.match(events.body, /<link rel="alternate" type="text\/calendar" title="Events" href="\/en\/events\.ics"\/>/, 'and in the head');
  assert.doesNotMatch((await app.inject({ url: '/en/news' })).body, /type="text\/calendar"/, 'news have no calendar');
});

appTest('every listing has RSS and Atom feeds that a feed reader parses', async (app) => {
  await fill(app);
  const read = async (url: string) => {
    const res = await app.inject({ url });
    assert.equal(res.statusCode, 200, url);
    return parseFeed(res.body);
  };
  const all = await read('/en/feeds/content.rss');
  assert.equal(all.items.length, 5);
  assert.equal(all.items[0]!.title, 'Lindens planted along the boulevard', 'newest first');
  assert.equal(all.items[0]!.url, 'http://portal.test/en/news/1-lindens-planted-along-the-boulevard');
  assert.deepEqual(
    (await read('/en/feeds/content.atom?country=bg')).items.map((i) => i.title),
    ['Lindens planted along the boulevard'],
  );
  assert.deepEqual(
    (await read('/bg/feeds/content.rss?country=bg')).items.map((i) => i.title),
    ['Засадени липи по булеварда'],
    'in the reader’s language',
  );
  const climate = await read('/en/feeds/content.rss?area=climate');
  assert.deepEqual(
    climate.items.map((i) => i.title),
    ['Covenant of Mayors: networks of towns invited as supporters'],
  );
  assert.match(climate.title ?? '', /Climate and energy/, 'a feed of an area is named after it');
  assert.deepEqual((await read('/en/feeds/content.atom?type=practice')).items.length, 1);
  const home = await app.inject({ url: '/en/' });
  assert.match(home.body, /What is new across Europe/);
});

appTest('the home page shows what is new, news from the country the reader chooses (never a guess) and events once', async (app) => {
  await fill(app);
  const section = (html: string, id: string) => new RegExp(`<section[^>]* aria-labelledby="${id}">([\\s\\S]*?)</section>`).exec(html)?.[1];
  // What is new: the top stories with their pictures, then the rest.
  const latest = (html: string) => `${section(html, 'featured-heading') ?? ''}${section(html, 'latest-heading') ?? ''}`;
  const fi = await app.inject({ url: '/fi/' });
  assert.equal(fi.statusCode, 200);
  assert.match(latest(fi.body), /Kirjasto avataan uudelleen/);
  const near = section(fi.body, 'near-heading')!;
  assert.ok(!near.includes('Kirjasto'), 'no country is guessed from the language');
  assert.match(near, /Valitse maasi/, 'the reader is asked to choose');
  assert.match(section((await app.inject({ url: '/fi/?country=fi' })).body, 'near-heading')!, /Kirjasto avataan uudelleen/);
  const pl = section((await app.inject({ url: '/fi/?country=pl' })).body, 'near-heading')!;
  assert.match(pl, /Budżet obywatelski/);
  assert.ok(!pl.includes('Kirjasto'), 'the chosen country only');
  assert.match(section((await app.inject({ url: '/en/?country=mt' })).body, 'near-heading')!, /No town in Malta has published/);
  const en = (await app.inject({ url: '/en/' })).body;
  assert.match(section(en, 'events-heading')!, /Φεστιβάλ της πόλης/, 'upcoming events');
  assert.ok(!latest(en).includes('Φεστιβάλ'), 'an event is not also listed as new');
  assert.equal((en.match(/name="q"/g) ?? []).length, 1, 'one search box');
  const profile = (await app.inject({ url: '/en/municipalities/gr/thessaloniki' })).body;
  assert.equal(profile.split('Φεστιβάλ της πόλης').length - 1, 1, 'an event is shown once on its town’s profile');
});

appTest('the read API filters like the pages, in the asked language, and explains bad parameters', async (app) => {
  await fill(app);
  const get = async (url: string) => app.inject({ url });
  const news = (await get('/api/v1/news?country=bg&lang=bg')).json();
  assert.equal(news.total, 1);
  assert.equal(news.items[0].title, 'Засадени липи по булеварда');
  assert.deepEqual(news.items[0].languages, ['bg', 'en']);
  assert.equal(news.items[0].owner.name, 'Stara Zagora');
  const events = (await get('/api/v1/events')).json();
  assert.equal(events.items[0].event.timeZone, 'Europe/Athens');
  assert.match(events.items[0].event.ics, /\.ics$/);
  const practice = (await get('/api/v1/good-practices')).json();
  assert.equal(practice.items[0].practice.results, 'Frekwencja 12%.');
  const searched = (await get('/api/v1/content?q=town')).json();
  assert.equal(searched.total, 2);
  assert.deepEqual(searched.facets.type, { news: 1, initiative: 1 });
  const paged = (await get('/api/v1/content?limit=2&page=2')).json();
  assert.equal(paged.items.length, 2);
  assert.equal(paged.next, 3);
  const one = await get(`/api/v1/content/${news.items[0].id}?lang=fi`);
  assert.equal(one.json().language, 'en', 'no Finnish text: the original');
  assert.equal(one.headers['access-control-allow-origin'], '*');

  for (const [url, name] of [
    ['/api/v1/content?country=zz', 'country'],
    ['/api/v1/content?limit=0', 'limit'],
    ['/api/v1/content?area=moon', 'area'],
    ['/api/v1/events?lang=xx', 'lang'],
    ['/api/v1/content?page=9999', 'page'],
    ['/api/v1/content?secret=1', 'secret'],
  ] as const) {
    const res = await get(url);
    assert.equal(res.statusCode, 400, url);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.ok(
      res.json().errors.some((e: { name: string }) => e.name === name || (name === 'secret' && e.name === 'unrecognized_keys')),
      `${url}: ${res.body}`,
    );
  }
  assert.equal((await get('/api/v1/content/abc')).statusCode, 400);
  assert.equal((await get('/api/v1/content/999999')).statusCode, 404);
  const doc = (await get('/api/v1/openapi.json')).json();
  for (const path of ['/content', '/news', '/events', '/initiatives', '/good-practices', '/content/{id}']) assert.ok(doc.paths[path], path);
});

appTest('published items are in the sitemap, drafts are not', async (app) => {
  await fill(app);
  const index = (await app.inject({ url: '/sitemap.xml' })).body;
  assert.match(index, /<loc>http:\/\/portal\.test\/sitemaps\/content-1\.xml<\/loc>/);
  const chunk = (await app.inject({ url: '/sitemaps/content-1.xml' })).body;
  assert.equal([...chunk.matchAll(/<url>/g)].length, 5);
  assert.match(chunk, /<loc>http:\/\/portal\.test\/en\/news\/1-lindens-planted-along-the-boulevard<\/loc>/);
  assert.match(chunk, /hreflang="bg"/);
  await app.context.database.db.updateTable('content_items').set({ state: 'draft' }).where('id', '=', 1).execute();
  assert.equal([...(await app.inject({ url: '/sitemaps/content-1.xml' })).body.matchAll(/<url>/g)].length, 4);
  assert.equal((await app.inject({ url: '/sitemaps/content-2.xml' })).statusCode, 404);
});

appTest('a search reads the newest texts first and older ones through the index, with the same answer', async (app) => {
  await fill(app);
  const { matchTexts } = await import('./fulltext.ts');
  const { visibleWhere } = await import('./repo.ts');
  const { db } = app.context.database;
  for (let n = 1; n <= 4; n++) {
    await insertItem(app.context, {
      type: 'news',
      owner: { type: 'platform' },
      language: 'en',
      publishedAt: ago(10 + n),
      areas: ['digital'],
      texts: {
        en: { title: `Town hall bulletin ${n}`, summary: 'What the town decided.', body: 'Minutes of the meeting.' },
      },
    });
  }
  const where = visibleWhere({}, new Date().toISOString());
  for (const q of ['town', 'festival', 'lipi', 'nothingatall']) {
    const all = (await matchTexts(db, q, 'en', 500, where)).map((m) => m.text_id);
    // Every way of splitting the texts into the newest, a span guessed from them, and the rest.
    for (const recent of [1, 2, 3]) {
      for (let limit = 1; limit <= all.length + 1; limit++) {
        const split = (await matchTexts(db, q, 'en', limit, where, recent)).map((m) => m.text_id);
        assert.deepEqual(split, all.slice(0, limit), `${q}, newest ${recent}, at most ${limit}`);
      }
    }
  }
  assert.equal((await matchTexts(db, 'town', 'en', 500, where)).length, 6, 'the sample has enough matches to split');
});

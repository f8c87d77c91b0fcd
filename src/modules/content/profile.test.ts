import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { person, submit } from '../../../test/factories.ts';
import { SAMPLE_CSV } from '../../../test/fixtures/municipalities.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { csvRecords, importRecords } from '../municipalities/index.ts';
import { insertItem } from './service/editing.ts';

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const STARA_ZAGORA = '/en/municipalities/bg/stara-zagora';
const BOTEVGRAD = '/en/municipalities/bg/botevgrad';

async function towns(app: FastifyInstance) {
  const { db } = app.context.database;
  await importRecords(db, csvRecords(SAMPLE_CSV));
  const town = async (slug: string) => {
    const m = await db.selectFrom('municipalities').select(['id', 'country']).where('slug', '=', slug).executeTakeFirstOrThrow();
    return { type: 'municipality', id: m.id, country: m.country };
  };
  return { staraZagora: await town('stara-zagora'), botevgrad: await town('botevgrad') };
}

const section = (html: string, id: string) => new RegExp(`<section id="${id}"[^>]*>([\\s\\S]*?)</section>`).exec(html)?.[1];

appTest('a town’s empty sections are left out for the public and shown with what to do to its own writers only', async (app, database) => {
  const { staraZagora } = await towns(app);
  const editor = await person(database, { roles: [['municipality_editor', staraZagora.id]] });
  const otherTown = await person(database, { roles: [['municipality_editor', staraZagora.id + 1]] });
  const citizen = await person(database);

  for (const who of [undefined, citizen, otherTown]) {
    const page = await app.inject({ url: STARA_ZAGORA, headers: who ? { cookie: who.cookie } : {} });
    assert.equal(section(page.body, 'news'), undefined, 'no empty news section');
    assert.equal(section(page.body, 'events'), undefined, 'no empty events section');
    assert.ok(!page.body.includes('href="#news"'), 'and no link to it');
  }
  const own = (await app.inject({ url: STARA_ZAGORA, headers: { cookie: editor.cookie } })).body;
  assert.match(section(own, 'news')!, /No news yet/);
  const write = (type: string) => `href="/en/newsroom/new?type=${type}&amp;owner=municipality%3A${staraZagora.id}"`;
  assert.ok(section(own, 'news')!.includes(`<a class="button button--secondary" ${write('news')}>Write the first story`));
  assert.ok(section(own, 'events')!.includes(`${write('event')}>Add an event in the newsroom`), 'the town already chosen as its owner');
  assert.match(own, /<nav class="section-nav" aria-label="On this page">[\s\S]*href="#news">News<[\s\S]*href="#events">Coming up</);
  assert.ok(
    !(await app.inject({ url: BOTEVGRAD, headers: { cookie: editor.cookie } })).body.includes('No news yet'),
    'only on their own town',
  );

  await insertItem(app.context, {
    type: 'news',
    owner: staraZagora,
    language: 'en',
    publishedAt: at(-1),
    areas: ['environment'],
    texts: { en: { title: 'Lindens planted', summary: 'Two hundred trees.', body: 'Shade.' } },
  });
  const published = (await app.inject({ url: STARA_ZAGORA })).body;
  assert.match(section(published, 'news')!, /Lindens planted/, 'the public sees a section once it has something');
  assert.equal(section(published, 'events'), undefined);
});

appTest('an event that lasts several days is listed once on its town’s profile, among the events', async (app) => {
  const { staraZagora } = await towns(app);
  // Running now, and for days to come: neither the start nor each day makes a second entry.
  await insertItem(app.context, {
    type: 'event',
    owner: staraZagora,
    language: 'en',
    publishedAt: at(-3),
    areas: ['culture'],
    event: { startsAt: at(-1), endsAt: at(4), timeZone: 'Europe/Sofia', venueName: 'Old town' },
    texts: { en: { title: 'Festival of roses', summary: 'Five days of music.', body: 'Music.' } },
  });
  const page = (await app.inject({ url: STARA_ZAGORA })).body;
  assert.equal(page.split('Festival of roses').length - 1, 1, 'one entry on the whole page');
  assert.match(section(page, 'events')!, /Festival of roses/);
  assert.equal(section(page, 'news'), undefined, 'not among the news');
});

appTest('a follower’s home page shows what their towns publish; a stranger’s and a visitor’s do not', async (app, database) => {
  const { staraZagora, botevgrad } = await towns(app);
  await insertItem(app.context, {
    type: 'news',
    owner: botevgrad,
    language: 'en',
    publishedAt: at(-2),
    areas: ['social'],
    texts: { en: { title: 'Botevgrad opens its budget', summary: 'Residents vote.', body: 'Vote.' } },
  });
  for (let i = 1; i <= 4; i += 1)
    await insertItem(app.context, {
      type: 'news',
      owner: staraZagora,
      language: 'en',
      publishedAt: at(-1 + i / 100),
      areas: ['culture'],
      texts: { en: { title: `Stara Zagora story ${i}`, summary: 'News.', body: 'Text.' } },
    });
  await insertItem(app.context, {
    type: 'event',
    owner: botevgrad,
    language: 'en',
    publishedAt: at(-1),
    areas: ['culture'],
    event: { startsAt: at(5), timeZone: 'Europe/Sofia' },
    texts: { en: { title: 'Botevgrad town fair', summary: 'Stalls.', body: 'Stalls.' } },
  });
  const follower = await person(database);
  assert.equal((await submit(app, BOTEVGRAD, {}, follower, `${BOTEVGRAD}/follow`)).statusCode, 303);

  const home = await app.inject({ url: '/en/', headers: { cookie: follower.cookie } });
  assert.equal(home.headers['cache-control'], 'no-store', 'a follower’s home page is their own');
  const following = /<section class="following" aria-labelledby="following-heading">([\s\S]*?)<\/section>/.exec(home.body)?.[1] ?? '';
  assert.match(following, /From towns you follow/);
  assert.match(following, /Botevgrad opens its budget/);
  assert.match(following, /Botevgrad town fair/, 'and their coming events');
  assert.ok(!following.includes('Stara Zagora story'), 'only the towns they follow');

  const stranger = await person(database);
  for (const headers of [{ cookie: stranger.cookie }, {}]) {
    const body = (await app.inject({ url: '/en/', headers })).body;
    assert.ok(!body.includes('From towns you follow'), 'no section for someone who follows nobody');
    assert.ok(!body.includes('class="following"'));
  }
});

appTest('the home page opens with the latest stories as cards with their pictures, and a plain card without one', async (app) => {
  const { staraZagora } = await towns(app);
  const { db } = app.context.database;
  const id = await insertItem(app.context, {
    type: 'news',
    owner: staraZagora,
    language: 'en',
    publishedAt: at(-1),
    areas: ['culture'],
    texts: { en: { title: 'Roses in bloom', summary: 'The valley is pink.', body: 'Roses.' } },
  });
  await insertItem(app.context, {
    type: 'news',
    owner: staraZagora,
    language: 'en',
    publishedAt: at(-2),
    areas: ['culture'],
    texts: { en: { title: 'A story without a picture', summary: 'Words only.', body: 'Words.' } },
  });
  await db.updateTable('content_items').set({ image: '1700000000000-abcdefabcdef' }).where('id', '=', id).execute();
  await db.updateTable('content_texts').set({ image_alt: 'Pickers in a rose field at dawn' }).where('item_id', '=', id).execute();

  const home = (await app.inject({ url: '/en/' })).body;
  const featured = /<section class="featured" aria-labelledby="featured-heading">([\s\S]*?)<\/section>/.exec(home)?.[1] ?? '';
  assert.match(featured, /<h2 id="featured-heading">Top stories<\/h2>/);
  assert.match(
    featured,
    /<img class="featured-picture" src="\/media\/content\/1700000000000-abcdefabcdef-600\.webp"[^>]* alt="Pickers in a rose field at dawn"/,
  );
  assert.match(featured, /<li class="featured-card featured-card--plain">[\s\S]*A story without a picture/);
  assert.ok(featured.indexOf('Roses in bloom') < featured.indexOf('A story without a picture'), 'newest first');
  assert.ok(home.indexOf('featured-heading') < home.indexOf('near-heading'), 'at the top of the page');
});

appTest('a home page without any story shows no featured section', async (app) => {
  const home = (await app.inject({ url: '/en/' })).body;
  assert.ok(!home.includes('featured-heading'));
});

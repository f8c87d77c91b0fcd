import assert from 'node:assert/strict';
import { parseFeed } from '@rowanmanning/feed-parser';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { idFrom, NEWS, sampleTowns } from '../../../test/content.ts';
import { person, submit } from '../../../test/factories.ts';
import { SAMPLE_CSV } from '../../../test/fixtures/municipalities.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { sampleNetwork } from '../../../test/scopes.ts';
import { runDemoSeeds } from '../../core/seeds.ts';
import { modules } from '../index.ts';
import { csvRecords, importRecords } from '../municipalities/index.ts';
import { insertItem } from './service/editing.ts';

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const GREEN = '/en/networks/green-towns';

const section = (html: string, id: string) => new RegExp(`<section id="${id}"[^>]*>([\\s\\S]*?)</section>`).exec(html)?.[1];
/** The items a page links to, in its order. */
const items = (html: string) => [...html.matchAll(/href="\/en\/(?:news|events)\/\d+-[a-z0-9-]+"/g)].map((m) => m[0].slice(6, -1));
const distinct = (list: string[]) => [...new Set(list)];

/** How many items the portal holds. */
const countItems = async ({ db }: TestDatabase) =>
  Number(
    (
      await db
        .selectFrom('content_items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Two networks and a town, each with news; the first network and the town with a coming event. */
async function publishers(app: FastifyInstance, database: TestDatabase) {
  const towns = await sampleTowns(database);
  const green = await sampleNetwork(database);
  const river = await sampleNetwork(database, 'river-towns', 'River Towns');
  const town = { type: 'municipality', id: towns.staraZagora, country: 'BG' };
  const net = (id: number) => ({ type: 'network', id, country: null });
  const item = (owner: { type: string; id: number; country: string | null }, title: string, days: number, event = false) =>
    insertItem(app.context, {
      type: event ? 'event' : 'news',
      owner,
      language: 'en',
      publishedAt: at(days),
      areas: ['europe'],
      ...(event ? { event: { startsAt: at(10), timeZone: 'Europe/Paris', venueName: 'Town hall' } } : {}),
      texts: { en: { title, summary: `${title}, in short.`, body: `${title}, told in full.` } },
    });
  await item(net(green.id), 'Green Towns plant a forest together', -1);
  await item(net(green.id), 'Green Towns welcome a new member', -2);
  await item(net(green.id), 'Green Towns meet in Lyon', -3, true);
  await item(net(river.id), 'River Towns clean their banks', -1);
  await item(town, 'Stara Zagora opens a library', -1);
  await item(town, 'Stara Zagora rose festival', -2, true);
  return { towns, green, river };
}

appTest(
  'a network’s news and events show on its page, in its listings, its feeds and its calendar; a town’s do not',
  async (app, database) => {
    const { green } = await publishers(app, database);

    const page = (await app.inject({ url: GREEN })).body;
    const news = section(page, 'news')!;
    assert.match(news, /Green Towns plant a forest together/);
    assert.match(news, /Green Towns welcome a new member/);
    assert.ok(news.indexOf('plant a forest') < news.indexOf('welcome a new member'), 'newest first');
    assert.ok(!news.includes('meet in Lyon'), 'an event is listed among the events only');
    assert.match(section(page, 'events')!, /Green Towns meet in Lyon/);
    for (const other of ['River Towns clean', 'Stara Zagora opens', 'Stara Zagora rose'])
      assert.ok(!page.includes(other), `not on the page: ${other}`);
    for (const link of [
      `href="/en/latest?network=${green.id}">Everything from this network<`,
      `href="/en/feeds/content.rss?network=${green.id}">News feed (RSS)<`,
      `href="/en/events?network=${green.id}">All events<`,
      `href="/en/events.ics?network=${green.id}">Subscribe to these events (iCalendar)<`,
    ])
      assert.ok(page.includes(link), link);
    const head = page.slice(0, page.indexOf('</head>'));
    assert.ok(
      head.includes(
        `<link rel="alternate" type="application/rss+xml" title="News and events from Green Towns" href="/en/feeds/content.rss?network=${green.id}"/>`,
      ),
    );
    assert.ok(
      head.includes(
        `type="application/atom+xml" title="News and events from Green Towns" href="/en/feeds/content.atom?network=${green.id}"`,
      ),
    );

    const latest = (await app.inject({ url: `/en/latest?network=${green.id}` })).body;
    assert.deepEqual(distinct(items(latest)).length, 3, 'everything the network published, and nothing else');
    assert.match(latest, /From the network Green Towns only\. <a href="\/en\/latest">Show all<\/a>/);
    assert.match(latest, new RegExp(`<input type="hidden" name="network" value="${green.id}"/>`), 'the filter form keeps the network');
    const onlyNews = (await app.inject({ url: `/en/news?network=${green.id}` })).body;
    assert.equal(distinct(items(onlyNews)).length, 2);
    assert.ok(!onlyNews.includes('River Towns clean'));
    const events = (await app.inject({ url: `/en/events?network=${green.id}` })).body;
    assert.deepEqual(
      distinct(items(events)).map((h) => h.replace(/\/\d+-/, '/')),
      ['/en/events/green-towns-meet-in-lyon'],
    );
    assert.match(events, new RegExp(`href="/en/events.ics\\?network=${green.id}"`), 'the listing offers the network’s calendar');

    for (const format of ['rss', 'atom']) {
      const res = await app.inject({ url: `/en/feeds/content.${format}?network=${green.id}` });
      assert.equal(res.statusCode, 200);
      const feed = parseFeed(res.body);
      assert.deepEqual(
        feed.items.map((i) => i.title),
        ['Green Towns plant a forest together', 'Green Towns welcome a new member', 'Green Towns meet in Lyon'],
        format,
      );
      assert.match(feed.title ?? '', /Green Towns/, 'the feed is named after the network');
    }
    const json = (await app.inject({ url: `/en/feeds/content.json?network=${green.id}` })).json() as { items: { title: string }[] };
    assert.equal(json.items.length, 3);

    const ics = await app.inject({ url: `/en/events.ics?network=${green.id}` });
    assert.match(String(ics.headers['content-type']), /^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(ics.body));
    assert.deepEqual(
      calendar.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('summary')),
      ['Green Towns meet in Lyon'],
    );
    assert.match(String(calendar.getFirstPropertyValue('x-wr-calname')), /Green Towns/);

    const api = (await app.inject({ url: `/api/v1/content?network=${green.id}` })).json() as {
      items: { title: string; owner: { type: string; id: number; name: string } }[];
    };
    assert.equal(api.items.length, 3);
    assert.ok(api.items.every((i) => i.owner.type === 'network' && i.owner.id === green.id && i.owner.name === 'Green Towns'));
  },
);

appTest('a network’s writers see its empty sections with the way to write the first one; nobody else does', async (app, database) => {
  const towns = await sampleTowns(database);
  const green = await sampleNetwork(database);
  const river = await sampleNetwork(database, 'river-towns', 'River Towns');
  const editor = await person(database, { roles: [['network_editor', green.id]] });
  const both = await person(database, {
    roles: [
      ['municipality_editor', towns.staraZagora],
      ['network_coordinator', green.id],
    ],
  });
  const otherNetwork = await person(database, { roles: [['network_editor', river.id]] });
  const townEditor = await person(database, { roles: [['municipality_editor', towns.staraZagora]] });

  for (const who of [undefined, await person(database), otherNetwork, townEditor]) {
    const page = (await app.inject({ url: GREEN, headers: who ? { cookie: who.cookie } : {} })).body;
    assert.equal(section(page, 'news'), undefined, 'no empty news section');
    assert.equal(section(page, 'events'), undefined, 'no empty events section');
  }
  for (const who of [editor, both]) {
    const page = (await app.inject({ url: GREEN, headers: { cookie: who.cookie } })).body;
    assert.match(section(page, 'news')!, /No news yet/);
    const write = `/en/newsroom/new?type=news&owner=network%3A${green.id}`;
    assert.ok(section(page, 'news')!.includes(`href="${write.replace('&', '&amp;')}">Write the first story in the newsroom<`));
    assert.ok(section(page, 'events')!.includes(`owner=network%3A${green.id}">Add an event in the newsroom<`));
    const form = (await app.inject({ url: write, headers: { cookie: who.cookie } })).body;
    assert.match(form, new RegExp(`<option value="network:${green.id}" selected`), 'the network is the owner already chosen');
  }
  const asked = await app.inject({ url: `/en/newsroom/new?owner=network%3A${river.id}`, headers: { cookie: both.cookie } });
  const owners = /<select id="owner"[\s\S]*?<\/select>/.exec(asked.body)?.[0] ?? '';
  assert.ok(!owners.includes(`network:${river.id}`), 'an owner the person does not write for is neither offered');
  assert.match(owners, /^<select id="owner" name="owner" required><option value="[a-z]+:\d+" selected>/, 'nor chosen: their first is');
});

appTest('a network’s editor publishes in its name, and never in another network’s or a town’s', async (app, database) => {
  const towns = await sampleTowns(database);
  const green = await sampleNetwork(database);
  const river = await sampleNetwork(database, 'river-towns', 'River Towns');
  const editor = await person(database, { roles: [['network_editor', green.id]] });
  const created = await submit(app, '/en/newsroom/new', { ...NEWS, owner: `network:${green.id}` }, editor);
  assert.equal(created.statusCode, 303);
  const id = idFrom(created.headers.location);
  assert.equal((await submit(app, `/en/newsroom/${id}/edit`, {}, editor, `/en/newsroom/${id}/publish?when=now`)).statusCode, 303);
  assert.match(section((await app.inject({ url: GREEN })).body, 'news')!, /Linden avenue replanted/, 'on the network’s page');
  assert.ok((await app.inject({ url: `/en/news?network=${green.id}` })).body.includes(`/en/news/${id}-linden-avenue-replanted`));
  assert.ok(!(await app.inject({ url: `/en/news?network=${river.id}` })).body.includes('Linden avenue'));

  const before = await countItems(database);
  const actions = async () => (await database.db.selectFrom('audit_log').select('action').execute()).length;
  const audited = await actions();
  for (const owner of [`network:${river.id}`, `municipality:${towns.staraZagora}`, 'platform']) {
    const refused = await submit(app, '/en/newsroom/new', { ...NEWS, title: 'Not ours to say', owner }, editor);
    assert.equal(refused.statusCode, 403, owner);
  }
  const riverItem = await insertItem(app.context, {
    type: 'news',
    owner: { type: 'network', id: river.id, country: null },
    language: 'en',
    publishedAt: at(-1),
    areas: ['europe'],
    texts: { en: { title: 'River news', summary: 'Theirs.', body: 'Theirs.' } },
  });
  assert.equal((await app.inject({ url: `/en/newsroom/${riverItem}/edit`, headers: { cookie: editor.cookie } })).statusCode, 404);
  const unpublish = await submit(app, `/en/newsroom/${id}/edit`, {}, editor, `/en/newsroom/${riverItem}/unpublish`);
  assert.equal(unpublish.statusCode, 404, 'another network’s item is as if it did not exist');
  assert.equal(await countItems(database), before + 1, 'nothing was added but the item made for the check');
  assert.equal(await actions(), audited, 'nothing was done');
  const theirs = (await app.inject({ url: '/en/networks/river-towns' })).body;
  assert.match(section(theirs, 'news')!, /River news/, 'still published');
  assert.ok(!theirs.includes('Not ours to say'));
});

appTest('a network filter that makes no sense reads as absent', async (app, database) => {
  const { green } = await publishers(app, database);
  const all = distinct(items((await app.inject({ url: '/en/latest' })).body));
  for (const value of ['abc', '-1', '0', '1e3', '2147483648', '%3Cscript%3Ealert(1)%3C%2Fscript%3E', '']) {
    const url = `/en/latest?network=${value}`;
    const res = await app.inject({ url });
    assert.equal(res.statusCode, 200, url);
    assert.deepEqual(distinct(items(res.body)), all, url);
    assert.ok(!res.body.includes('name="network"') && !res.body.includes('<script>alert'), url);
  }
  for (const url of [
    `/en/latest?network=${green.id}&network=2`,
    '/en/latest?network[]=1',
    '/en/news?network=x',
    '/en/events?network=1.5&view=month&month=2026-12',
    '/en/events.ics?network=1%20OR%201%3D1',
    '/en/feeds/content.rss?network=abc',
    '/en/feeds/content.atom?network=9999999999',
    '/en/feeds/content.json?network=-4',
  ])
    assert.equal((await app.inject({ url })).statusCode, 200, url);
  assert.equal(
    parseFeed((await app.inject({ url: '/en/feeds/content.rss?network=abc' })).body).items.length,
    parseFeed((await app.inject({ url: '/en/feeds/content.rss' })).body).items.length,
  );

  const nobody = (await app.inject({ url: '/en/latest?network=999999' })).body;
  assert.deepEqual(items(nobody), [], 'a network that does not exist has published nothing');
  assert.ok(!nobody.includes('From the network'), 'and is not named');

  const api = await app.inject({ url: '/api/v1/content?network=abc' });
  assert.equal(api.statusCode, 400, 'the API says what is wrong');
  assert.ok(api.json().errors.some((e: { name: string }) => e.name === 'network'));
});

appTest('the demo’s Strasbourg Club publishes two stories and a coming event, once', async (app, database) => {
  await importRecords(database.db, csvRecords(SAMPLE_CSV));
  await runDemoSeeds(modules, app.context);
  const club = await app.inject({ url: '/en/networks/strasbourg-club' });
  assert.equal(club.statusCode, 200);
  assert.equal(distinct(items(section(club.body, 'news')!)).length, 2);
  assert.match(section(club.body, 'news')!, /Mayors of the Strasbourg Club compare how residents take part in decisions/);
  assert.equal(distinct(items(section(club.body, 'events')!)).length, 1);
  assert.match(section(club.body, 'events')!, /The Strasbourg Club’s members meet in Strasbourg/);
  const bg = (await app.inject({ url: '/bg/networks/strasbourg-club' })).body;
  assert.match(section(bg, 'news')!, /Кметовете от Страсбургския клуб сравниха/, 'in the reader’s language');

  const before = await countItems(database);
  await runDemoSeeds(modules, app.context);
  assert.equal(await countItems(database), before, 'a second run adds nothing');
});

appTest(
  'before the directory is imported the networks’ demo publishes nothing, leaving the portal to a later, full run',
  async (app, database) => {
    await runDemoSeeds(modules, app.context);
    assert.equal((await app.inject({ url: '/en/networks/strasbourg-club' })).statusCode, 200);
    assert.equal(await countItems(database), 0);
  },
);

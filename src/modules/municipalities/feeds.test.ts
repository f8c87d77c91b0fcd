import assert from 'node:assert/strict';
import { idFrom, NEWS, sampleTowns } from '../../../test/content.ts';
import { person, submit } from '../../../test/factories.ts';
import { EVENT, entriesOf, FEED_ANSWERS, feedLinks } from '../../../test/feeds.ts';
import { appTest } from '../../../test/helpers/app.ts';

const TITLES = {
  en: { latest: 'Latest from Stara Zagora', events: 'Events in Stara Zagora' },
  bg: { latest: 'Най-новото от Stara Zagora', events: 'Събития в Stara Zagora' },
} as const;

appTest('a town’s profile links its own news as RSS and Atom and its events as iCalendar, in every language', async (app, database) => {
  const towns = await sampleTowns(database);
  const publish = async (town: number, item: Record<string, string | string[]>) => {
    const editor = await person(database, { roles: [['municipality_editor', town]] });
    const created = await submit(app, `/en/newsroom/new?type=${item.type}`, { ...item, owner: `municipality:${town}` }, editor);
    const id = idFrom(created.headers.location);
    assert.equal((await submit(app, `/en/newsroom/${id}/edit`, {}, editor, `/en/newsroom/${id}/publish?when=now`)).statusCode, 303);
    return editor;
  };
  const editor = await publish(towns.staraZagora, NEWS);
  await publish(towns.staraZagora, EVENT);
  await publish(towns.botevgrad, { ...EVENT, title: 'Botevgrad fair' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const get = (path: string, cookie?: string) => fetch(`http://127.0.0.1:${port}${path}`, { headers: cookie ? { cookie } : {} });
  const id = towns.staraZagora;

  for (const [lang, cookie, cached] of [
    ['en', undefined, null],
    ['bg', undefined, null],
    ['en', undefined, 'hit'],
    ['bg', undefined, 'hit'],
    ['bg', editor.cookie, null],
  ] as const) {
    const res = await get(`/${lang}/municipalities/bg/stara-zagora`, cookie);
    assert.equal(res.headers.get('x-cache'), cached, `${lang} ${cookie ? 'signed in' : cached}`);
    const words = TITLES[lang];
    assert.deepEqual(feedLinks(await res.text()), [
      { type: 'application/rss+xml', href: `/${lang}/feeds/content.rss?municipality=${id}`, text: words.latest },
      { type: 'application/atom+xml', href: `/${lang}/feeds/content.atom?municipality=${id}`, text: words.latest },
      { type: 'text/calendar', href: `/${lang}/events.ics?municipality=${id}`, text: words.events },
    ]);
  }

  for (const link of feedLinks(await (await get('/bg/municipalities/bg/stara-zagora')).text())) {
    const res = await get(link.href);
    assert.equal(res.status, 200, link.href);
    assert.match(res.headers.get('content-type') ?? '', FEED_ANSWERS[link.type]!, link.href);
    const entries = entriesOf(link.type, await res.text());
    assert.ok(entries.includes('Rose festival parade'), `${link.href} has the town’s event`);
    assert.ok(!entries.includes('Botevgrad fair'), `${link.href} has no other town’s`);
    if (link.type !== 'text/calendar') assert.ok(entries.includes(NEWS.title), `${link.href} has the town’s news`);
  }
  const quiet = feedLinks(await (await get('/en/municipalities/fi/helsinki')).text());
  assert.equal(quiet.length, 3, 'a town that has published nothing yet links its feeds too');
  for (const link of quiet) assert.equal((await get(link.href)).status, 200, link.href);
});

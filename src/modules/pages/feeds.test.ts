import assert from 'node:assert/strict';
import { idFrom, NEWS, sampleTowns } from '../../../test/content.ts';
import { person, submit } from '../../../test/factories.ts';
import { EVENT, entriesOf, FEED_ANSWERS, feedLinks, visibleLinks } from '../../../test/feeds.ts';
import { appTest } from '../../../test/helpers/app.ts';

const TITLES = {
  en: { latest: 'Latest on Municipium', events: 'Coming events on Municipium', calendar: 'Subscribe to these events (iCalendar)' },
  bg: {
    latest: 'Най-новото в Municipium',
    events: 'Предстоящи събития в Municipium',
    calendar: 'Абонамент за тези събития (iCalendar)',
  },
} as const;

appTest('the home page links the latest as RSS and Atom and the coming events as iCalendar, in every language', async (app, database) => {
  const { staraZagora } = await sampleTowns(database);
  const editor = await person(database, { roles: [['municipality_editor', staraZagora]] });
  for (const item of [{ ...NEWS }, EVENT]) {
    const created = await submit(app, `/en/newsroom/new?type=${item.type}`, { ...item, owner: `municipality:${staraZagora}` }, editor);
    const id = idFrom(created.headers.location);
    assert.equal((await submit(app, `/en/newsroom/${id}/edit`, {}, editor, `/en/newsroom/${id}/publish?when=now`)).statusCode, 303);
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const get = (path: string, cookie?: string) => fetch(`http://127.0.0.1:${port}${path}`, { headers: cookie ? { cookie } : {} });

  // Each language twice (the second from the page cache), then as a signed-in reader, whose page is
  // built around the parts kept for everyone.
  for (const [lang, cookie, cached] of [
    ['en', undefined, null],
    ['bg', undefined, null],
    ['en', undefined, 'hit'],
    ['bg', undefined, 'hit'],
    ['bg', editor.cookie, null],
  ] as const) {
    const res = await get(`/${lang}/`, cookie);
    assert.equal(res.headers.get('x-cache'), cached, `${lang} ${cookie ? 'signed in' : cached}`);
    const html = await res.text();
    const words = TITLES[lang];
    assert.deepEqual(feedLinks(html), [
      { type: 'application/rss+xml', href: `/${lang}/feeds/content.rss`, text: words.latest },
      { type: 'application/atom+xml', href: `/${lang}/feeds/content.atom`, text: words.latest },
      { type: 'text/calendar', href: `/${lang}/events.ics`, text: words.events },
    ]);
    assert.ok(
      visibleLinks(html).some((a) => a.href === `/${lang}/events.ics` && a.text === words.calendar),
      `${lang}: the calendar beside the coming events`,
    );
  }

  for (const link of feedLinks(await (await get('/bg/')).text())) {
    const res = await get(link.href);
    assert.equal(res.status, 200, link.href);
    assert.match(res.headers.get('content-type') ?? '', FEED_ANSWERS[link.type]!, link.href);
    const entries = entriesOf(link.type, await res.text());
    assert.ok(entries.includes('Rose festival parade'), `${link.href} has the event`);
    if (link.type !== 'text/calendar') assert.ok(entries.includes(NEWS.title), `${link.href} has the news`);
  }
});

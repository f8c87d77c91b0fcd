import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { csvRecords, importRecords } from '../../src/modules/municipalities/service/import.ts';
import { person, type TestPerson } from '../factories.ts';
import { SAMPLE_CSV } from '../fixtures/municipalities.ts';
import { axeViolations, launchBrowser, noBrowser, openPage, screenshots, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 16);

describe('the newsroom in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  let editor: TestPerson;

  before(async () => {
    database = await createTestDatabase('sqlite');
    ({ app, origin } = await servePortal(database));
    await importRecords(database.db, csvRecords(SAMPLE_CSV));
    const sz = await database.db.selectFrom('municipalities').select('id').where('slug', '=', 'stara-zagora').executeTakeFirstOrThrow();
    editor = await person(database, { roles: [['municipality_editor', sz.id]], name: 'Editor Elena' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  async function signedIn(): Promise<Page> {
    const page = await openPage(browser);
    const [name, value] = editor.cookie.split('=') as [string, string];
    await page.context().addCookies([{ name, value, url: origin }]);
    return page;
  }

  async function write(page: Page, type: 'news' | 'event', fields: Record<string, string>, areas: string[]) {
    await page.goto(`${origin}/en/newsroom`);
    await page.click(`a[href="/en/newsroom/new?type=${type}"]`);
    for (const [id, value] of Object.entries(fields)) await page.fill(`#${id}`, value);
    for (const a of areas) await page.check(`#areas-${a}`);
    await page.click('form.form button[type=submit]');
    await page.waitForURL(/\/newsroom\/\d+\/edit\?notice=content\.desk\.saved/);
    return Number(/\/newsroom\/(\d+)\//.exec(page.url())![1]);
  }

  test('an editor writes, translates, schedules and publishes news and an event; a citizen finds them, registers and takes the .ics', async () => {
    const page = await signedIn();
    const newsId = await write(
      page,
      'news',
      {
        title: 'Lindens replanted on the boulevard',
        summary: 'Two hundred young trees give the centre shade.',
        body: 'The gardeners planted them over three weekends.\n\n## Next\n\n- watering\n- a map of every tree',
        tags: 'trees',
      },
      ['environment'],
    );
    assert.deepEqual(await axeViolations(page), [], 'editor page');

    await page.selectOption('#add-language', 'bg');
    await page.click('nav form.filters button[type=submit]');
    await page.waitForURL(/language=bg/);
    await page.fill('#title', 'Липите по булеварда са засадени отново');
    await page.fill('#summary', 'Двеста млади дървета дават сянка в центъра.');
    await page.click('form.form[enctype] button[type=submit]');
    await page.waitForURL(/language=bg&notice=content\.desk\.saved/);

    await page.fill('#publish_at', inTwoDays);
    await page.fill('#time_zone', 'Europe/Sofia');
    await page.click('text=Schedule');
    await page.waitForURL(/notice=content\.desk\.scheduled/);
    assert.match((await page.textContent('main')) ?? '', /State: Scheduled/);
    const citizen = await openPage(browser);
    const early = await citizen.goto(`${origin}/en/news/${newsId}-lindens-replanted-on-the-boulevard`);
    assert.equal(early?.status(), 404, 'scheduled news is not out yet');
    await page.click('text=Publish now');
    await page.waitForURL(/notice=content\.desk\.published/);

    const eventId = await write(
      page,
      'event',
      {
        title: 'Tree planting with neighbours',
        summary: 'Bring gloves; we bring the saplings.',
        body: 'Meet at the fountain.',
        starts_at: '2099-04-18T10:00',
        ends_at: '2099-04-18T13:00',
        time_zone: 'Europe/Sofia',
        venue_name: 'City garden',
        venue_address: 'Stara Zagora',
        capacity: '30',
      },
      ['environment', 'social'],
    );
    await page.check('#registration');
    await page.click('form.form[enctype] button[type=submit]');
    await page.waitForURL(/notice=content\.desk\.saved/);
    await page.click('text=Publish now');
    await page.waitForURL(/notice=content\.desk\.published/);

    // A citizen searches, filters, reads, registers and takes the event into their calendar.
    await citizen.goto(`${origin}/en/latest`);
    await citizen.fill('#content-q', 'lindens');
    await citizen.click('form.filters button[type=submit]');
    await citizen.click(`a[href="/en/news/${newsId}-lindens-replanted-on-the-boulevard"]`);
    assert.equal(await citizen.textContent('h1'), 'Lindens replanted on the boulevard');
    assert.deepEqual(await axeViolations(citizen), [], 'news page');
    await citizen.goto(`${origin}/bg/news/${newsId}-lindens-replanted-on-the-boulevard`);
    assert.equal(await citizen.textContent('h1'), 'Липите по булеварда са засадени отново');

    await citizen.goto(`${origin}/en/events`);
    await citizen.selectOption('#content-area', 'social');
    await citizen.click('form.filters button[type=submit]');
    await citizen.waitForURL(/area=social/);
    await citizen.click(`a[href="/en/events/${eventId}-tree-planting-with-neighbours"]`);
    await citizen.fill('#name', 'Maria Petrova');
    await citizen.fill('#email', 'maria@example.eu');
    await citizen.click('#register-heading ~ form button[type=submit]');
    await citizen.waitForURL(/registered=confirmed/);
    assert.match((await citizen.textContent('.notice--success')) ?? '', /You are registered/);
    assert.deepEqual(await axeViolations(citizen), [], 'event page after registering');
    const [download] = await Promise.all([citizen.waitForEvent('download'), citizen.click('a[href$=".ics"]')]);
    const ics = readFileSync((await download.path())!, 'utf8');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
    assert.equal(event.summary, 'Tree planting with neighbours');
    assert.equal(event.startDate.toJSDate().toISOString(), '2099-04-18T07:00:00.000Z');

    await page.goto(`${origin}/en/newsroom/${eventId}/registrations`);
    assert.match((await page.textContent('table')) ?? '', /maria@example\.eu/);
    await citizen.context().close();
    await page.context().close();
  });

  test('newsroom and reading pages have no violations in en, bg and fi, with and without errors', async () => {
    const page = await signedIn();
    const item = await database.db
      .selectFrom('content_items')
      .select(['id', 'type', 'slug'])
      .where('type', '=', 'event')
      .executeTakeFirstOrThrow();
    const news = await database.db.selectFrom('content_items').select(['id', 'slug']).where('type', '=', 'news').executeTakeFirstOrThrow();
    // The pages people land on, kept as screenshots at phone and laptop widths for review.
    const shots: Record<string, string> = {
      '/': 'home',
      [`/news/${news.id}-${news.slug}`]: 'news-item',
      '/municipalities': 'directory',
      '/municipalities/bg/stara-zagora': 'profile',
      '/newsroom': 'newsroom-desk',
    };
    for (const lang of ['en', 'bg', 'fi']) {
      for (const path of [
        '/',
        '/latest',
        '/news',
        '/events',
        '/events?view=month&month=2099-04',
        '/areas/environment',
        '/latest?q=trees',
        `/events/${item.id}-${item.slug}`,
        `/news/${news.id}-${news.slug}`,
        '/municipalities',
        '/newsroom',
        '/newsroom/new?type=event',
        `/newsroom/${item.id}/edit`,
        `/newsroom/${item.id}/history`,
        `/newsroom/${item.id}/registrations`,
        `/newsroom/${item.id}/preview`,
        '/municipalities/bg/stara-zagora',
      ]) {
        await page.goto(`${origin}/${lang}${path}`);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.deepEqual(await axeViolations(page), [], `${lang}${path}`);
        const shot = lang === 'en' && shots[path];
        if (shot) for (const file of await screenshots(page, shot)) assert.ok(statSync(file).size > 10_000, `${file} shows a page`);
      }
      await page.goto(`${origin}/${lang}/newsroom/new?type=initiative`);
      await page.click('form.form button[type=submit]');
      assert.ok(await page.locator('.error-summary').count(), 'errors shown');
      assert.deepEqual(await axeViolations(page), [], `${lang} editor with errors`);
    }
    await page.context().close();
  });
});

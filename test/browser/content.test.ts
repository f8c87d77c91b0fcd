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

  async function signedIn(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const page = await openPage(browser, options);
    const [name, value] = editor.cookie.split('=') as [string, string];
    await page.context().addCookies([{ name, value, url: origin }]);
    return page;
  }

  async function write(page: Page, type: 'news' | 'event', fields: Record<string, string>, areas: string[]) {
    await page.goto(`${origin}/en/newsroom`);
    await page.click(`a[href="/en/newsroom/new?type=${type}"]`);
    await openSections(page);
    for (const [id, value] of Object.entries(fields)) {
      if (id === 'time_zone') await page.selectOption(`#${id}`, value);
      else await page.fill(`#${id}`, value);
    }
    for (const a of areas) await page.check(`#areas-${a}`);
    await page.click('form.form button[type=submit]');
    await page.waitForURL(/\/newsroom\/\d+\/edit\?notice=content\.desk\.saved/);
    return Number(/\/newsroom\/(\d+)\//.exec(page.url())![1]);
  }

  /** Opens the form's folded sections as a person does, by their titles. */
  async function openSections(page: Page) {
    const folded = page.locator('details.form-section:not([open]) > summary');
    while ((await folded.count()) > 0) await folded.first().click();
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
    await page.selectOption('#publish_time_zone', 'Europe/Sofia');
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

  test('the newsroom form folds into sections, places the venue on a map, formats and previews the text, and works without JavaScript', async () => {
    const page = await signedIn();
    await page.goto(`${origin}/en/newsroom/new?type=event`);
    assert.equal(await page.getAttribute('#section-text', 'open'), '', 'the first section is open');
    assert.equal(await page.isVisible('#starts_at'), false, 'the others are folded');
    await page.click('#section-place > summary');
    assert.ok(await page.isVisible('#starts_at'), 'a section opens by its title');
    assert.equal(await page.inputValue('#time_zone'), 'Europe/Sofia', 'the zone is the town’s');

    // The map sets the coordinates, and typed coordinates move the marker.
    const canvas = page.locator('.place-picker .map-canvas');
    assert.equal(await canvas.getAttribute('role'), 'region');
    await canvas.scrollIntoViewIfNeeded();
    await canvas.click({ position: { x: 120, y: 90 } });
    const clicked = [Number(await page.inputValue('#latitude')), Number(await page.inputValue('#longitude'))];
    assert.ok(clicked[0]! > 30 && clicked[0]! < 75 && clicked[1]! > -30 && clicked[1]! < 50, `a place in Europe: ${clicked}`);
    const marker = page.locator('.place-picker .leaflet-marker-icon');
    const at = (await marker.boundingBox())!;
    await page.mouse.move(at.x + at.width / 2, at.y + at.height - 4);
    await page.mouse.down();
    await page.mouse.move(at.x + at.width / 2 + 60, at.y + at.height + 40, { steps: 8 });
    await page.mouse.up();
    assert.notEqual(Number(await page.inputValue('#longitude')), clicked[1], 'dragging the marker moves the place');
    await page.fill('#latitude', '42.4258');
    await page.fill('#longitude', '25.6345');
    await page.waitForTimeout(400);
    const box = (await canvas.boundingBox())!;
    const moved = (await marker.boundingBox())!;
    assert.ok(Math.abs(moved.x + moved.width / 2 - (box.x + box.width / 2)) < 20, 'the marker follows typed coordinates');

    // The toolbar wraps the chosen words in Markdown, and the preview shows them as readers will.
    await page.click('#section-text > summary');
    await page.click('#section-text > summary');
    await page.fill('#title', 'Spring clean-up of the river bank');
    await page.fill('#summary', 'Neighbours clear the bank of the Bedechka together.');
    await page.fill('#body', 'Bring gloves and good shoes.');
    await page.evaluate(() => (document.querySelector('#body') as HTMLTextAreaElement).setSelectionRange(6, 12));
    await page.click('.md-toolbar [data-mark="bold"]');
    assert.equal(await page.inputValue('#body'), 'Bring **gloves** and good shoes.');
    await page.click('#body-preview-tab');
    await page.waitForSelector('#body-preview strong');
    assert.equal(await page.textContent('#body-preview strong'), 'gloves');
    assert.equal(await page.isVisible('#body'), false, 'the preview takes the text’s place');
    await openSections(page);
    assert.deepEqual(await axeViolations(page), [], 'editor with the preview and the map');
    for (const file of await screenshots(page, 'newsroom-editor')) assert.ok(statSync(file).size > 10_000, file);
    await page.click('#body-write-tab');
    await page.fill('#starts_at', '2099-04-25T09:00');
    await page.fill('#venue_name', 'Bedechka river bank');
    await page.check('#areas-environment');
    await page.click('form.form--sections > button[type=submit]');
    await page.waitForURL(/notice=content\.desk\.saved/);
    const saved = await database.db
      .selectFrom('content_items')
      .innerJoin('content_texts', 'content_texts.item_id', 'content_items.id')
      .select(['latitude', 'longitude', 'time_zone', 'body_source'])
      .where('title', '=', 'Spring clean-up of the river bank')
      .executeTakeFirstOrThrow();
    assert.deepEqual(saved, {
      latitude: 42.4258,
      longitude: 25.6345,
      time_zone: 'Europe/Sofia',
      body_source: 'Bring **gloves** and good shoes.',
    });
    await page.context().close();

    // axe needs JavaScript itself: the page without its scripts is checked with them blocked.
    const unscripted = await signedIn();
    await unscripted.route(/\/static\/(editor|vendor\/leaflet\/leaflet)\.js/, (route) => route.abort());
    await unscripted.goto(`${origin}/en/newsroom/new?type=event`);
    await openSections(unscripted);
    assert.deepEqual(await axeViolations(unscripted), [], 'editor without its scripts');
    await unscripted.context().close();

    // Without JavaScript: no toolbar, tabs or map; the sections still fold and the form still saves.
    const plain = await signedIn({ javaScriptEnabled: false });
    await plain.goto(`${origin}/en/newsroom/new?type=event`);
    for (const part of ['.md-toolbar', '.md-tabs', '.place-picker']) assert.equal(await plain.isVisible(part), false, part);
    await openSections(plain);
    await plain.fill('#title', 'Choir evening in the library');
    await plain.fill('#summary', 'The town choir sings songs of the region.');
    await plain.fill('#body', 'Free entry. **Bring a friend.**');
    await plain.fill('#starts_at', '2099-05-02T19:00');
    await plain.selectOption('#time_zone', 'Europe/Helsinki');
    await plain.fill('#venue_name', 'Town library');
    await plain.fill('#latitude', '42.43');
    await plain.fill('#longitude', '25.64');
    await plain.check('#areas-culture');
    await plain.click('form.form--sections > button[type=submit]');
    await plain.waitForURL(/notice=content\.desk\.saved/);
    const typed = await database.db
      .selectFrom('content_items')
      .select(['latitude', 'time_zone', 'starts_at'])
      .where('venue_name', '=', 'Town library')
      .executeTakeFirstOrThrow();
    assert.deepEqual(typed, { latitude: 42.43, time_zone: 'Europe/Helsinki', starts_at: '2099-05-02T16:00:00.000Z' });
    await plain.context().close();
  });
});

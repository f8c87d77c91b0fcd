import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { geoNamesRecords, importRecords } from '../../src/modules/municipalities/service/import.ts';
import { person } from '../factories.ts';
import { axeViolations, launchBrowser, noBrowser, openPage, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

describe('the municipality directory in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;

  before(async () => {
    database = await createTestDatabase('sqlite');
    ({ app, origin } = await servePortal(database));
    await importRecords(database.db, geoNamesRecords());
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  for (const [lang, query, name, path] of [
    ['bg', 'Стара Загора', 'Stara Zagora', '/municipalities/bg/stara-zagora'],
    ['sl', 'slovenska bistrica', 'Slovenska Bistrica', '/municipalities/si/slovenska-bistrica'],
    ['fi', 'botevgrad', 'Botevgrad', '/municipalities/bg/botevgrad'],
  ] as const) {
    test(`a visitor finds "${query}" from the home page search box and opens its profile (${lang})`, async () => {
      const page = await openPage(browser);
      await page.goto(`${origin}/${lang}/`);
      await page.fill('#site-search', query);
      await page.press('#site-search', 'Enter');
      await page.waitForURL(/\/search\?q=/);
      assert.deepEqual(await axeViolations(page), [], 'results page');
      await page.click(`.results a[href="/${lang}${path}"]`);
      await page.waitForURL(`${origin}/${lang}${path}`);
      assert.ok((await page.textContent('h1'))?.includes(name), 'the profile names the place');
      assert.deepEqual(await axeViolations(page), [], 'profile page');
      await page.context().close();
    });
  }

  test('the profile map draws with JavaScript and leaves a text fallback when tiles cannot load', async () => {
    const withJs = await openPage(browser);
    const failedTiles: string[] = [];
    withJs.on('requestfailed', (r) => {
      if (r.url().includes('/tile')) failedTiles.push(r.url());
    });
    await withJs.goto(`${origin}/en/municipalities/bg/stara-zagora`);
    await withJs.waitForSelector('.map--ready .leaflet-container');
    assert.equal(await withJs.locator('.map figcaption').isVisible(), true);
    assert.match((await withJs.textContent('.map figcaption')) ?? '', /42\.\d{4}, 25\.\d{4}/);
    assert.ok((await withJs.textContent('h1'))?.includes('Stara Zagora'), 'the page is whole although no tile loaded');
    await withJs.context().close();
    const noJs = await openPage(browser, { javaScriptEnabled: false });
    await noJs.goto(`${origin}/en/municipalities/bg/stara-zagora`);
    assert.equal(await noJs.locator('.leaflet-container').count(), 0);
    assert.match((await noJs.textContent('.map figcaption')) ?? '', /Open on OpenStreetMap/);
    await noJs.context().close();
  });

  test('the search box suggests municipality names while typing', async () => {
    const page = await openPage(browser);
    await page.goto(`${origin}/sl/`);
    await page.locator('#site-search').pressSequentially('stara zag', { delay: 20 });
    await page.waitForFunction(() => document.querySelectorAll('#suggestions-0 option').length > 0);
    const values = await page.$$eval('#suggestions-0 option', (options) => options.map((o) => (o as HTMLOptionElement).value));
    assert.equal(values[0], 'Stara Zagora');
    assert.deepEqual(await axeViolations(page), []);
    await page.context().close();
  });

  test('claim, review, proposal, edit and history pages have no violations in en, bg and fi', async () => {
    const sz = await database.db
      .selectFrom('municipalities')
      .select('id')
      .where('country', '=', 'BG')
      .where('slug', '=', 'stara-zagora')
      .executeTakeFirstOrThrow();
    const admin = await person(database, {
      roles: [
        ['platform_admin', null],
        ['municipality_admin', sz.id],
      ],
    });
    const page = await openPage(browser);
    const [name, value] = admin.cookie.split('=') as [string, string];
    await page.context().addCookies([{ name, value, url: origin }]);
    await page.goto(`${origin}/en/municipalities/propose`);
    await page.selectOption('#country', 'SI');
    await page.fill('#name', 'Kostanjevica na Krki');
    await page.click('form.form button[type=submit]');
    await page.goto(`${origin}/en/municipalities/bg/stara-zagora/edit`);
    await page.fill('#mayor_name', 'Zhivko Todorov');
    await page.check('#languages-bg');
    await page.click('form.form button[type=submit] >> nth=0');
    await page.waitForURL(/notice=saved/);
    for (const lang of ['en', 'bg', 'fi']) {
      for (const path of [
        '/municipalities/bg/botevgrad/claim',
        '/admin/claims',
        '/municipalities/propose',
        '/municipalities/bg/stara-zagora/edit',
        '/municipalities/bg/stara-zagora/history',
        '/municipalities/bg/stara-zagora',
      ]) {
        await page.goto(`${origin}/${lang}${path}`);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.deepEqual(await axeViolations(page), [], `${lang}${path}`);
      }
    }
    await page.goto(`${origin}/en/municipalities/bg/botevgrad/claim`);
    await page.click('form.form button[type=submit]');
    assert.deepEqual(await axeViolations(page), [], 'claim form with errors');
    await page.context().close();
  });

  test('browse and country pages have no violations in en, bg and fi', async () => {
    const page = await openPage(browser);
    for (const lang of ['en', 'bg', 'fi']) {
      for (const path of [
        '/municipalities',
        '/municipalities/bg',
        '/municipalities?country=si&sort=name&page=2',
        '/municipalities/gr/thessaloniki',
      ]) {
        await page.goto(`${origin}/${lang}${path}`);
        assert.deepEqual(await axeViolations(page), [], `${lang}${path}`);
      }
    }
    await page.context().close();
  });
});

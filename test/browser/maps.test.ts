import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { csvRecords, importRecords } from '../../src/modules/municipalities/service/import.ts';
import { NEWS } from '../content.ts';
import { person, submit, type TestPerson } from '../factories.ts';
import { SAMPLE_CSV } from '../fixtures/municipalities.ts';
import { axeViolations, launchBrowser, noBrowser, openPage, screenshots, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

// Sixty villages close together around Smolyan: enough for the map to cluster them.
// (A page without JavaScript is only read through locators: Playwright cannot evaluate in it.)
const VILLAGES = Array.from({ length: 60 }, (_, i) => `BG,V${i},Village ${i},${500 + i},41.${50 + i},24.${60 + i},Smolyan,`);

describe('maps, filters and tables on a phone in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  let staff: TestPerson;

  before(async () => {
    database = await createTestDatabase('sqlite');
    ({ app, origin } = await servePortal(database));
    await importRecords(database.db, csvRecords(`${SAMPLE_CSV}${VILLAGES.join('\n')}\n`));
    const { db } = database;
    const now = new Date().toISOString();
    await db.updateTable('municipalities').set({ joined_at: now, join_rank: 1 }).where('slug', 'in', ['stara-zagora', 'lodz']).execute();
    const sz = await db.selectFrom('municipalities').select('id').where('slug', '=', 'stara-zagora').executeTakeFirstOrThrow();
    staff = await person(database, {
      roles: [
        ['platform_admin', null],
        ['municipality_admin', sz.id],
      ],
      name: 'Administrator Aleksandrina Konstantinova-Hristova',
    });
    const news = { ...NEWS, title: 'Linden avenue replanted along the whole of the Tsar Simeon Veliki boulevard' };
    const created = await submit(app, '/en/newsroom/new?type=news', { ...news, owner: `municipality:${sz.id}` }, staff, '/en/newsroom/new');
    assert.equal(created.statusCode, 303);
    const fields = { country: 'SI', name: 'Kostanjevica na Krki', website: 'https://www.kostanjevica-na-krki.example.eu/obcina' };
    await submit(app, '/en/municipalities/propose', fields, staff);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  async function asStaff(options = {}): Promise<Page> {
    const page = await openPage(browser, options);
    const [name, value] = staff.cookie.split('=') as [string, string];
    await page.context().addCookies([{ name, value, url: origin }]);
    return page;
  }

  test('at 390 px no table page scrolls sideways: each row reads as label and value', async () => {
    const page = await asStaff({ viewport: { width: 390, height: 800 } });
    for (const path of ['/newsroom', '/admin/claims', '/admin/audit', '/municipalities/bg/stara-zagora/history', '/account/sessions']) {
      const res = await page.goto(`${origin}/en${path}`);
      assert.equal(res?.status(), 200, path);
      const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
      assert.ok(width <= 390, `${path} is ${width} px wide`);
      assert.deepEqual(await axeViolations(page), [], path);
    }
    await page.goto(`${origin}/en/newsroom`);
    const label = await page.$eval('.table td', (td) => getComputedStyle(td, '::before').content);
    assert.equal(label, '"Title"', 'a cell names its column');
    await screenshots(page, 'newsroom-desk');
    await page.setViewportSize({ width: 1366, height: 800 });
    assert.equal(await page.$eval('.table thead', (h) => getComputedStyle(h).position), 'static', 'a wide screen keeps the table');
    await page.context().close();
  });

  test('the directory map clusters the filtered towns with JavaScript; each popup links to the town', async () => {
    const page = await openPage(browser, { viewport: { width: 1366, height: 900 } });
    await page.goto(`${origin}/en/municipalities/bg`);
    await page.waitForSelector('.places-map.map--ready .marker-cluster');
    assert.ok((await page.locator('.marker-cluster').count()) > 0);
    assert.equal(await page.getAttribute('.places-map .map-canvas', 'role'), 'region');
    assert.equal(await page.getAttribute('.places-map .map-canvas', 'aria-label'), 'Map of the places in this list');
    assert.deepEqual(await axeViolations(page), [], 'directory with its map');
    await screenshots(page, 'directory-map');
    await page.setViewportSize({ width: 390, height: 900 });
    const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    assert.ok(width <= 390, `the directory with its map is ${width} px wide on a phone`);

    await page.goto(`${origin}/en/municipalities/bg?name=zagora`);
    await page.waitForSelector('.places-map.map--ready .leaflet-marker-icon');
    assert.equal(await page.locator('.leaflet-marker-icon').count(), 1, 'the map follows the name filter');
    await page.click('.leaflet-marker-icon');
    const link = page.locator('.leaflet-popup-content a');
    assert.equal(await link.textContent(), 'Stara Zagora');
    assert.equal(await link.getAttribute('href'), '/en/municipalities/bg/stara-zagora');
    await page.context().close();
  });

  test('without JavaScript the list is the page: no map, and the filters work', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 390, height: 900 } });
    await page.goto(`${origin}/en/municipalities/bg`);
    assert.equal(await page.locator('.places-map').isVisible(), false);
    assert.equal(await page.locator('.places .place').count(), 50);
    await page.fill('#name', 'village 1');
    await page.selectOption('#sort', 'name');
    await page.click('.filters button[type=submit]');
    await page.waitForURL(/name=village\+1/);
    assert.equal(await page.inputValue('#name'), 'village 1');
    assert.equal(await page.locator('.places .place').count(), 11);
    assert.equal(await page.textContent('.list-order'), '11 places with “village 1” in the name. In alphabetical order of name.');
    await page.context().close();
  });

  test('the home page maps the towns that joined', async () => {
    const page = await openPage(browser, { viewport: { width: 1366, height: 900 } });
    await page.goto(`${origin}/en/`);
    await page.waitForSelector('.joined-map .map--ready .leaflet-marker-icon');
    assert.equal(await page.locator('.joined-map .leaflet-marker-icon').count(), 2);
    assert.deepEqual(await axeViolations(page), []);
    await screenshots(page, 'home-map');
    await page.context().close();
  });
});

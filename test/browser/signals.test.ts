import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { person, type TestPerson } from '../factories.ts';
import { axeViolations, launchBrowser, noBrowser, openPage, screenshots, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { CENTRE, sampleReport, signalTowns } from '../signals.ts';

describe('reporting a problem in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  let citizen: TestPerson;
  let existing = 0;
  /** The report the walk files. */
  let filed = '';

  before(async () => {
    database = await createTestDatabase('sqlite');
    ({ app, origin } = await servePortal(database));
    const towns = await signalTowns(database);
    existing = await sampleReport(database, {
      municipalityId: towns.staraZagora,
      categoryId: towns.roads,
      at: CENTRE,
      address: 'Central square',
      description: 'A deep pothole by the fountain.',
      contactName: 'Secret Author',
    });
    citizen = await person(database, { name: 'Ivan Petrov' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  async function as(who: TestPerson): Promise<Page> {
    const page = await openPage(browser);
    const [name, value] = who.cookie.split('=') as [string, string];
    await page.context().addCookies([{ name, value, url: origin }]);
    return page;
  }

  test('a person clicks the place, adds a photo, and is offered the open report nearby before sending', async () => {
    const page = await as(citizen);
    await page.goto(`${origin}/en/signals/new?town=bg/stara-zagora`);
    assert.deepEqual(await axeViolations(page), [], 'the first step');
    assert.equal(await page.isVisible('button:has-text("Use my location")'), true, 'offered with JavaScript');
    await page.waitForSelector('.place-picker .map-canvas');
    const map = page.locator('.place-picker .map-canvas');
    const box = (await map.boundingBox())!;
    await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await page.waitForFunction(() => (document.querySelector('#latitude') as HTMLInputElement).value !== '', null, { timeout: 5000 });
    const lat = Number(await page.inputValue('#latitude'));
    const lon = Number(await page.inputValue('#longitude'));
    assert.ok(Math.abs(lat - CENTRE[0]) < 0.001 && Math.abs(lon - CENTRE[1]) < 0.001, `clicked the town's centre: ${lat}, ${lon}`);
    await page.fill('#address', 'By the fountain');
    await screenshots(page, 'signal-where');
    await page.click('button:has-text("Continue")');

    assert.match((await page.textContent('.lead')) ?? '', /Step 2 of 2/);
    assert.deepEqual(await axeViolations(page), [], 'the second step');
    await page.check('text=Roads and pavements');
    await page.fill('#description', 'The pothole by the fountain is getting deeper.');
    const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#666' } })
      .jpeg()
      .toBuffer();
    await page.setInputFiles('#photo-1', { name: 'pothole.jpg', mimeType: 'image/jpeg', buffer: photo });
    await screenshots(page, 'signal-what');
    await page.click('button:has-text("Continue")');

    assert.match((await page.textContent('#nearby-heading')) ?? '', /Reported nearby already/);
    const offer = page.locator('.callout');
    assert.match((await offer.textContent()) ?? '', /Roads and pavements: Central square/);
    assert.equal(await offer.locator(`form[action="/en/signals/${existing}/me-too"] button`).count(), 1, 'with "me too"');
    assert.doesNotMatch((await offer.textContent()) ?? '', /Secret Author/);
    assert.match((await page.textContent('form.report-form')) ?? '', /1 photo is attached/);
    assert.equal(await page.inputValue('#description'), 'The pothole by the fountain is getting deeper.', 'the form is filled again');
    assert.deepEqual(await axeViolations(page), [], 'the offer');
    await screenshots(page, 'signal-nearby');
    await page.click('button:has-text("Send the report")');

    assert.match((await page.textContent('[role=status]')) ?? '', /Your report is sent/);
    assert.match((await page.textContent('h1')) ?? '', /Roads and pavements: By the fountain/);
    assert.equal(await page.locator('img[src^="/signals/photos/"]').count(), 1);
    assert.doesNotMatch((await page.textContent('main')) ?? '', /Ivan Petrov/);
    assert.deepEqual(await axeViolations(page), [], 'the report page');
    await screenshots(page, 'signal-page');
    filed = page.url().replace(/\?.*$/, '').replace(`${origin}/en`, '');
    await page.context().close();
  });

  test('the form, a report and a town’s reports are accessible in English, Bulgarian and Finnish', async () => {
    const page = await as(citizen);
    for (const lang of ['en', 'bg', 'fi']) {
      for (const path of ['/signals/new', filed || `/signals/${existing}`, '/municipalities/bg/stara-zagora/signals', '/signals']) {
        const res = await page.goto(`${origin}/${lang}${path}`);
        assert.equal(res?.status(), 200, `${lang} ${path}`);
        assert.deepEqual(await axeViolations(page), [], `${lang} ${path}`);
      }
    }
    await page.goto(`${origin}/en/municipalities/bg/stara-zagora/signals`);
    await page.waitForSelector('.places-map.map--ready .leaflet-marker-icon');
    await screenshots(page, 'signal-list');
    await page.context().close();
  });

  test('without JavaScript the town and address place a report, and every category’s questions show', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 390, height: 900 } });
    await page.goto(`${origin}/en/signals/new`);
    assert.equal(await page.isVisible('button:has-text("Use my location")'), false);
    await page.selectOption('#town', 'bg/botevgrad');
    await page.fill('#address', 'Square of Liberty');
    await page.click('button:has-text("Continue")');
    assert.match((await page.textContent('form.report-form')) ?? '', /Place: Square of Liberty, Botevgrad/);
    await page.context().close();
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { sampleTowns } from '../content.ts';
import { organisation, person, type TestPerson } from '../factories.ts';
import { axeViolations, launchBrowser, noBrowser, openPage, screenshots, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { type SampleProcess, sampleProcess, sampleProposal } from '../participation.ts';

describe('proposals in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  let process: SampleProcess;
  let citizen: TestPerson;
  let neighbour: TestPerson;
  /** A representative of Green Botevgrad, an organisation of the directory. */
  let representative: TestPerson;
  /** The proposal the first walk publishes, which the second supports. */
  let published = '';

  before(async () => {
    database = await createTestDatabase('sqlite');
    ({ app, origin } = await servePortal(database));
    const towns = await sampleTowns(database);
    process = await sampleProcess(
      database,
      { type: 'municipality', id: towns.botevgrad },
      { title: 'Ideas for Botevgrad', threshold: 20, limit: 5 },
    );
    const author = await person(database, { name: 'Ana Petrova' });
    await sampleProposal(database, process.id, author.id, {
      title: 'Benches in the town park',
      supports: 4,
      place: [42.907, 23.791, 'Town park'],
    });
    await sampleProposal(database, process.id, author.id, { title: 'A summer cinema on the square', area: 'culture', supports: 7 });
    citizen = await person(database, { name: 'Ivan Ivanov' });
    neighbour = await person(database, { name: 'Elena Dimitrova' });
    const green = await organisation(database, 'Green Botevgrad');
    representative = await person(database, { name: 'Maria Koleva', roles: [['organisation_representative', green.id]] });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  async function as(who: TestPerson | undefined): Promise<Page> {
    const page = await openPage(browser);
    if (who) {
      const [name, value] = who.cookie.split('=') as [string, string];
      await page.context().addCookies([{ name, value, url: origin }]);
    }
    return page;
  }

  test('a citizen sees similar proposals, then publishes; another supports it', async () => {
    const page = await as(citizen);
    await page.goto(`${origin}/en${process.path}?sort=newest`);
    assert.deepEqual(await axeViolations(page), [], 'the list');
    await page.waitForSelector('#proposals .places-map.map--ready .leaflet-marker-icon');
    assert.equal(await page.locator('#proposals .leaflet-marker-icon').count(), 1, 'the proposals with a place are on the map');
    await page.click('#proposals .leaflet-marker-icon');
    const popup = page.locator('.leaflet-popup-content a');
    assert.equal(await popup.textContent(), 'Benches in the town park');
    assert.match((await popup.getAttribute('href')) ?? '', new RegExp(`^/en${process.path}/proposals/\\d+$`));
    await screenshots(page, 'proposals-list');
    await page.click('text=Write a proposal');
    assert.deepEqual(await axeViolations(page), [], 'the form');
    await page.fill('#title', 'More benches along the river park');
    await page.fill('#body', 'Ten **benches** along the river, so that older people can rest.');
    await page.selectOption('#area', 'environment');
    await page.fill('#address', 'River walk');
    await page.fill('#latitude', '42.9071');
    await page.fill('#longitude', '23.7884');
    await screenshots(page, 'proposal-form');
    await page.click('button:has-text("Continue")');
    assert.match((await page.textContent('#similar-heading')) ?? '', /Similar proposals/);
    assert.match((await page.textContent('.callout')) ?? '', /Benches in the town park/);
    assert.equal(await page.inputValue('#title'), 'More benches along the river park', 'the form is filled again');
    assert.deepEqual(await axeViolations(page), [], 'the form with similar proposals');
    await screenshots(page, 'proposal-similar');
    await page.click('button:has-text("Publish")');
    assert.match((await page.textContent('[role=status]')) ?? '', /Your proposal is published/);
    assert.match((await page.textContent('h1')) ?? '', /More benches along the river park/);
    assert.deepEqual(await axeViolations(page), [], 'the proposal page');
    published = page.url().replace(/\?.*$/, '');
    await page.context().close();

    const other = await as(neighbour);
    await other.goto(published);
    assert.match((await other.textContent('#support-progress')) ?? '', /0 of 20 supports needed for an answer/);
    await other.click('button:has-text("Support")');
    assert.match((await other.textContent('#support-progress')) ?? '', /1 of 20 supports needed for an answer/);
    assert.match((await other.textContent('#supports')) ?? '', /You have 4 of 5 supports left/);
    assert.equal(await other.getAttribute('meter', 'value'), '1');
    assert.deepEqual(await axeViolations(other), [], 'the proposal page, supported');
    await screenshots(other, 'proposal-page');
    await other.click('button:has-text("Withdraw my support")');
    assert.match((await other.textContent('#support-progress')) ?? '', /0 of 20 supports/);
    await other.context().close();
  });

  test('the list, the form and the proposal page are accessible in English, Bulgarian and Finnish', async () => {
    const page = await as(citizen);
    for (const lang of ['en', 'bg', 'fi']) {
      for (const path of [process.path, `${process.path}/proposals/new`, published.replace(`${origin}/en`, '')]) {
        const res = await page.goto(`${origin}/${lang}${path}`);
        assert.equal(res?.status(), 200, `${lang} ${path}`);
        assert.deepEqual(await axeViolations(page), [], `${lang} ${path}`);
      }
    }
    await page.context().close();
  });

  test('a representative publishes a proposal as the organisation, without JavaScript; it shows so in every language', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false });
    const [name, value] = representative.cookie.split('=') as [string, string];
    await page.context().addCookies([{ name, value, url: origin }]);
    await page.goto(`${origin}/en${process.path}/proposals/new`);
    await page.fill('#title', 'A repair café in the library');
    await page.fill('#body', 'Once a month our volunteers repair what people bring.');
    await page.selectOption('#area', 'environment');
    await page.check('label:has-text("Green Botevgrad")');
    await page.click('button:has-text("Continue")');
    assert.equal(await page.isChecked('label:has-text("Green Botevgrad")'), true, 'the choice is kept at the second step');
    await page.click('button:has-text("Publish")');
    assert.match((await page.textContent('h1')) ?? '', /A repair café in the library/);
    const by = page.locator('main .meta a[href="/en/organisations/green-botevgrad"]');
    assert.equal(await by.textContent(), 'Green Botevgrad');
    assert.equal(await page.locator('main .tag--organisation').first().textContent(), 'organisation');
    assert.equal(await page.locator('main').getByText('Maria Koleva').count(), 0, 'the person is not named');
    const proposal = page.url().replace(/\?.*$/, '').replace(`${origin}/en`, '');
    await page.context().close();
    // axe runs in the page: with JavaScript this time.
    const checked = await as(representative);
    for (const lang of ['en', 'bg', 'fi']) {
      for (const path of [`${process.path}/proposals/new`, proposal, '/organisations/green-botevgrad']) {
        const res = await checked.goto(`${origin}/${lang}${path}`);
        assert.equal(res?.status(), 200, `${lang} ${path}`);
        assert.deepEqual(await axeViolations(checked), [], `${lang} ${path}`);
      }
    }
    assert.match((await checked.textContent('#participation')) ?? '', /A repair café in the library/, 'the profile lists it');
    await checked.context().close();
  });

  test('without JavaScript the filters and the support button work, and the map stays out of the way', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 390, height: 900 } });
    const [name, value] = neighbour.cookie.split('=') as [string, string];
    await page.context().addCookies([{ name, value, url: origin }]);
    await page.goto(`${origin}/en${process.path}`);
    assert.equal(await page.locator('.places-map').isVisible(), false);
    await page.selectOption('#list-sort', 'supports');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/sort=supports/);
    assert.match((await page.textContent('#proposals ol.cards li h3')) ?? '', /A summer cinema on the square/);
    await page.click('#proposals ol.cards li h3 a');
    await page.click('button:has-text("Support")');
    assert.match((await page.textContent('#support-progress')) ?? '', /8 of 20 supports needed for an answer/);
    await page.context().close();
  });
});

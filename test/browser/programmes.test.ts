import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { demoProgrammes } from '../../src/modules/projects/service/seeds.ts';
import { person, type TestPerson } from '../factories.ts';
import { axeViolations, launchBrowser, noBrowser, pageAs, screenshots, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

/** Keeps a screenshot where people look for this module's, besides the test output. */
async function shoot(page: Parameters<typeof screenshots>[0], name: string) {
  for (const file of await screenshots(page, name)) copyFileSync(file, `/tmp/projects-${file.split('/').pop()}`);
}

describe('EU programmes and calls in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  let editor: TestPerson;

  before(async () => {
    database = await createTestDatabase('sqlite');
    ({ app, origin } = await servePortal(database));
    await demoProgrammes.run(app.context);
    editor = await person(database, { roles: [['platform_editor', null]], name: 'Editor Elena' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  test('without JavaScript, a platform editor adds a programme and a call through the forms', async () => {
    const page = await pageAs(browser, origin, editor);
    await page.context().route('**/*.js*', (route) => route.abort());
    await page.goto(`${origin}/en/programmes`);
    await page.click('text=Add a programme');
    assert.deepEqual(await axeViolations(page), [], 'the programme form');
    await page.fill('input[name=acronym]', 'EUI');
    await page.fill('input[name=name]', 'European Urban Initiative');
    await page.fill('input[name=website]', 'not a web address');
    await page.fill('textarea[name=strands]', 'Innovative actions\nCapacity building');
    await page.check('input[name=areas][value=economy]');
    await page.click('button:has-text("Save")');
    assert.match((await page.textContent('.error-summary')) ?? '', /Official website: Enter a web address/);
    assert.deepEqual(await axeViolations(page), [], 'the programme form with its error');
    assert.equal(await page.inputValue('input[name=name]'), 'European Urban Initiative', 'what was typed stays');
    await page.fill('input[name=website]', 'https://example.eu/eui');
    await page.click('button:has-text("Save")');
    assert.equal(new URL(page.url()).pathname, '/en/programmes/eui');
    assert.match((await page.textContent('main')) ?? '', /Capacity building/);

    await page.click('text=Add a call');
    assert.deepEqual(await axeViolations(page), [], 'the call form');
    await page.fill('input[name=reference]', 'EUI-IA-2027-DEMO');
    await page.fill('input[name=title]', 'Innovative actions for cities');
    await page.selectOption('select[name=strand]', { label: 'Innovative actions' });
    await page.check('input[name=applicants][value=municipality]');
    await page.fill('input[name=min_partners]', '1');
    await page.fill('input[name=opens_at]', '2099-01-10T09:00');
    await page.fill('input[name=deadline_at]', '2099-01-09T17:00');
    await page.selectOption('select[name=time_zone]', 'Europe/Helsinki');
    await page.fill('input[name=url]', 'https://example.eu/eui/ia');
    await page.click('button:has-text("Save")');
    assert.match((await page.textContent('.error-summary')) ?? '', /Deadline: The deadline must come after the opening/);
    assert.deepEqual(await axeViolations(page), [], 'the call form with its error');
    await page.fill('input[name=deadline_at]', '2099-03-14T17:00');
    await page.click('button:has-text("Save")');
    assert.match(new URL(page.url()).pathname, /^\/en\/calls\/\d+$/);
    assert.match((await page.textContent('main')) ?? '', /March 14, 2099, 5:00 PM \(Eastern European Time\)/);
    await page.context().close();
  });

  test('a reader filters the calls and opens one; the pages are accessible in English, Bulgarian and Finnish', async () => {
    const page = await pageAs(browser, origin);
    await page.goto(`${origin}/en/programmes`);
    await page.selectOption('select[name=area]', 'climate');
    await page.check('input[name=open]');
    await page.click('button:has-text("Show")');
    assert.match(page.url(), /area=climate/);
    const titles = await page.locator('main .cards--calls h3').allTextContents();
    assert.deepEqual(titles, ['Local climate adaptation projects (demo example)']);
    await page.click('text=Local climate adaptation projects (demo example)');
    assert.match((await page.textContent('main')) ?? '', /Closes in \d+ days/);
    const call = new URL(page.url()).pathname.replace('/en/', '/');

    for (const lang of ['en', 'bg', 'fi']) {
      for (const path of ['/programmes', '/programmes/cerv', call]) {
        await page.goto(`${origin}/${lang}${path}`);
        assert.deepEqual(await axeViolations(page), [], `${lang}${path}`);
      }
    }
    await page.goto(`${origin}/en/programmes`);
    await shoot(page, 'programmes-list');
    await page.goto(`${origin}/en${call}`);
    await shoot(page, 'programmes-call');
    await page.goto(`${origin}/bg/programmes/cerv`);
    await shoot(page, 'programmes-cerv-bg');
    await page.context().close();

    const signedIn = await pageAs(browser, origin, editor);
    for (const lang of ['en', 'bg', 'fi']) {
      for (const path of ['/programmes/new', '/programmes/cerv/edit', '/programmes/cerv/calls/new', `${call}/edit`]) {
        await signedIn.goto(`${origin}/${lang}${path}`);
        assert.deepEqual(await axeViolations(signedIn), [], `${lang}${path}`);
      }
    }
    await signedIn.goto(`${origin}/en/programmes/cerv/calls/new`);
    await shoot(signedIn, 'programmes-call-form');
    await signedIn.context().close();
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { sampleTowns } from '../content.ts';
import { person, type TestPerson } from '../factories.ts';
import { axeViolations, launchBrowser, noBrowser, openPage, screenshots, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

describe('recording an older twinning in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  let editor: TestPerson;

  before(async () => {
    database = await createTestDatabase('sqlite');
    ({ app, origin } = await servePortal(database));
    await sampleTowns(database);
    editor = await person(database, { roles: [['platform_editor', null]], name: 'Editor Elena' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  async function as(who: TestPerson, javaScriptEnabled: boolean) {
    const page = await openPage(browser, { javaScriptEnabled });
    const [name, value] = who.cookie.split('=') as [string, string];
    await page.context().addCookies([{ name, value, url: origin }]);
    return page;
  }

  test('without JavaScript, a platform editor finds both towns by typing, chooses among namesakes and records the twinning', async () => {
    const page = await as(editor, false);
    await page.goto(`${origin}/en/twinning`);
    await page.click('text=Record a twinning older than the portal');
    await page.fill('input[name=first]', 'Novo Selo');
    await page.fill('input[name=second]', 'Θεσσαλονίκη');
    await page.selectOption('select[name=kind]', 'friendship');
    await page.fill('input[name=since_year]', '1985');
    await page.fill('textarea[name=source]', 'https://example.eu/archive/twinning-1985');
    await page.click('button:has-text("Record the twinning")');
    assert.match((await page.textContent('.error-summary')) ?? '', /Several towns are called “Novo Selo”/);
    assert.equal(await page.inputValue('textarea[name=source]'), 'https://example.eu/archive/twinning-1985', 'what was typed stays');
    await page.selectOption('select[name=first_id]', { label: 'Novo Selo (Smolyan, Bulgaria)' });
    await page.click('button:has-text("Record the twinning")');
    assert.match((await page.textContent('[role=status]')) ?? '', /The twinning is recorded/);
    assert.match((await page.textContent('main .twinnings')) ?? '', /Novo Selo \(Bulgaria\) – Thessaloniki \(Greece\)/);
    assert.equal(await page.getAttribute('main .twinnings a[rel="nofollow noopener"]', 'href'), 'https://example.eu/archive/twinning-1985');
    await page.goto(`${origin}/en/municipalities/gr/thessaloniki#twins`);
    assert.equal(await page.locator('#twins a[href*="novo-selo"]').count(), 1, 'the profile shows the twin');
    await page.context().close();
  });

  test('the form, its errors with the towns to choose from, and the list are accessible', async () => {
    const page = await as(editor, true);
    await page.goto(`${origin}/en/twinning/record`);
    assert.deepEqual(await axeViolations(page), [], 'the empty form');
    await page.fill('input[name=first]', 'Novo Selo');
    await page.fill('input[name=second]', 'Helsinki');
    await page.click('button:has-text("Record the twinning")');
    assert.equal(await page.locator('select[name=first_id] option').count(), 3, 'two namesakes and the prompt');
    assert.deepEqual(await axeViolations(page), [], 'the form with its errors and the towns to choose from');
    for (const file of await screenshots(page, 'twinning-record-choose')) assert.ok(file);
    for (const lang of ['en', 'bg', 'fi']) {
      await page.goto(`${origin}/${lang}/twinning`);
      assert.deepEqual(await axeViolations(page), [], `${lang} list with a recorded twinning`);
    }
    await page.context().close();
  });
});

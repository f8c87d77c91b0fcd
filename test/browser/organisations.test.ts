import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { sampleTowns } from '../content.ts';
import { person, submit, type TestPerson } from '../factories.ts';
import { axeViolations, launchBrowser, noBrowser, pageAs, screenshots, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

describe('organisations and partnerships in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  let founder: TestPerson;
  let staff: TestPerson;
  let towns: Awaited<ReturnType<typeof sampleTowns>>;

  before(async () => {
    database = await createTestDatabase('sqlite');
    ({ app, origin } = await servePortal(database));
    towns = await sampleTowns(database);
    founder = await person(database, { name: 'Mira Petrova' });
    staff = await person(database, { roles: [['municipality_editor', towns.staraZagora]], name: 'Editor Elena' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  test('without JavaScript, a person registers an organisation and proposes a partnership; the town confirms; it shows', async () => {
    const page = await pageAs(browser, origin, founder);
    await page.context().route('**/*.js*', (route) => route.abort());
    await page.goto(`${origin}/en/organisations/new`);
    await page.fill('#name', 'Zelena Zagora');
    await page.fill('#town', 'Nowhere Town');
    await page.click('form.form button[type=submit]');
    assert.match((await page.textContent('.error-summary')) ?? '', /No single town of that name/);
    assert.equal(await page.inputValue('#name'), 'Zelena Zagora', 'what was typed stays');
    assert.deepEqual(await axeViolations(page), [], 'the form with its error');
    await page.fill('#town', 'Stara Zagora');
    await page.check('input[name=areas][value=environment]');
    await page.click('form.form button[type=submit]');
    assert.equal(new URL(page.url()).pathname, '/en/organisations/zelena-zagora');

    await page.goto(`${origin}/en/municipalities/bg/stara-zagora`);
    await page.click('a:has-text("Propose a partnership")');
    assert.deepEqual(await axeViolations(page), [], 'the proposal form');
    await page.selectOption('#area', 'environment');
    await page.fill('#description', 'Volunteers plant trees along the boulevards with the town.');
    await page.fill('#starts_on', '2025-03-01');
    await page.click('form.form button[type=submit]');
    assert.match((await page.textContent('main')) ?? '', /Proposed: waiting for the other side/);
    const proposal = new URL(page.url()).pathname;
    await page.context().close();

    const town = await pageAs(browser, origin, staff);
    await town.context().route('**/*.js*', (route) => route.abort());
    await town.goto(`${origin}/en/work`);
    await town.click(`a[href="${proposal}"]`);
    assert.deepEqual(await axeViolations(town), [], 'the proposal to confirm');
    await town.click('button:has-text("Confirm the partnership")');
    assert.match((await town.textContent('main')) ?? '', /Confirmed by both sides/);
    for (const path of ['/en/municipalities/bg/stara-zagora', '/en/organisations/zelena-zagora', '/en/partnerships']) {
      await town.goto(`${origin}${path}`);
      assert.match((await town.textContent('main')) ?? '', /Volunteers plant trees along the boulevards/, path);
    }
    await town.context().close();
  });

  test('without JavaScript, a representative proposes with a second organisation, which confirms on its own', async () => {
    const rector = await person(database, { name: 'Rector Ralitsa' });
    await submit(app, '/en/organisations/new', { name: 'Thracian University', kind: 'university', country: 'BG' }, rector);
    const page = await pageAs(browser, origin, founder);
    await page.context().route('**/*.js*', (route) => route.abort());
    await page.goto(`${origin}/en/partnerships/propose?town=${towns.staraZagora}`);
    await page.selectOption('#area', 'health');
    await page.fill('#description', 'Students measure the air in every district.');
    await page.fill('#starts_on', '2025-09-01');
    await page.fill('#partner-1', 'Thracian Univ');
    await page.click('form.form button[type=submit]');
    assert.match((await page.textContent('.error-summary')) ?? '', /No organisation is called “Thracian Univ”/);
    assert.equal(await page.inputValue('#description'), 'Students measure the air in every district.', 'what was typed stays');
    assert.deepEqual(await axeViolations(page), [], 'the form with an unknown organisation');
    await page.fill('#partner-1', 'Thracian University');
    await page.click('form.form button[type=submit]');
    const main = (await page.textContent('main')) ?? '';
    assert.match(main, /Zelena Zagora \(confirmed\)/);
    assert.match(main, /Thracian University \(not confirmed yet\)/);
    const proposal = new URL(page.url()).pathname;
    await page.context().close();

    const university = await pageAs(browser, origin, rector);
    await university.context().route('**/*.js*', (route) => route.abort());
    await university.goto(`${origin}/en/work`);
    await university.click(`a[href="${proposal}"]`);
    assert.deepEqual(await axeViolations(university), [], 'the proposal to confirm');
    await university.click('button:has-text("Confirm the partnership")');
    const after = (await university.textContent('main')) ?? '';
    assert.match(after, /Thracian University \(confirmed\)/);
    assert.match(after, /Stara Zagora \(not confirmed yet\)/, 'public only once the town has confirmed too');
    await university.context().close();
  });

  test('the pages are accessible in English, Bulgarian and Finnish', async () => {
    const page = await pageAs(browser, origin, founder);
    for (const lang of ['en', 'bg', 'fi']) {
      for (const path of [
        '/organisations',
        '/organisations/zelena-zagora',
        '/organisations/zelena-zagora/edit',
        '/partnerships',
        '/partnerships/1',
        '/partnerships/2',
        `/partnerships/propose?town=${towns.staraZagora}`,
      ]) {
        await page.goto(`${origin}/${lang}${path}`);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.deepEqual(await axeViolations(page), [], `${lang}${path}`);
      }
    }
    await page.goto(`${origin}/en/organisations/zelena-zagora`);
    await screenshots(page, 'organisation-profile');
    await page.context().close();
  });
});

import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { sampleTowns } from '../content.ts';
import { person, type TestPerson } from '../factories.ts';
import { axeViolations, launchBrowser, noBrowser, openPage, screenshots, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { sampleMembership, sampleNetwork } from '../scopes.ts';

describe('networks in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  let mayor: TestPerson;
  let coordinator: TestPerson;
  let szAdmin: TestPerson;

  before(async () => {
    database = await createTestDatabase('sqlite');
    ({ app, origin } = await servePortal(database));
    const towns = await sampleTowns(database);
    const net = await sampleNetwork(database);
    await sampleMembership(database, net, towns.staraZagora, 'active', {
      since: '2015-04-01T00:00:00.000Z',
      due: '2027-04-01T00:00:00.000Z',
    });
    mayor = await person(database, { roles: [['municipality_admin', towns.botevgrad]], name: 'Mayor Mila' });
    coordinator = await person(database, { roles: [['network_coordinator', net.id]], name: 'Coordinator Cvetan' });
    szAdmin = await person(database, { roles: [['municipality_admin', towns.staraZagora]], name: 'Admin Stoyan' });
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

  test('a town applies and submits; the coordinator confirms eligibility; every page is accessible in three languages', async () => {
    const page = await as(mayor);
    await page.goto(`${origin}/en/networks/green-towns`);
    assert.deepEqual(await axeViolations(page), [], 'network page');
    await page.click('text=Apply to join');
    assert.deepEqual(await axeViolations(page), [], 'apply form');
    await page.click('button[type=submit]:has-text("Start the application")');
    assert.match((await page.textContent('main .tag')) ?? '', /Application being written/);
    await page.click('button:has-text("Submit the application")');
    assert.match((await page.textContent('[role=status]')) ?? '', /Both sides have been told/);
    assert.deepEqual(await axeViolations(page), [], 'membership page');
    const membership = page.url().replace(/\?.*$/, '');
    await page.context().close();

    const coord = await as(coordinator);
    await coord.goto(membership);
    // Refusing without a reason is caught on the server, with the error beside the field.
    await coord.evaluate(() => document.querySelector('textarea[name=reason]')?.removeAttribute('required'));
    await coord.click('button:has-text("Refuse the application")');
    assert.match((await coord.textContent('[role=alert]')) ?? '', /Enter a reason/);
    assert.deepEqual(await axeViolations(coord), [], 'a refused step');
    await coord.click('button:has-text("Confirm eligibility")');
    assert.match((await coord.textContent('main .tag')) ?? '', /Eligible/);
    for (const lang of ['bg', 'fi']) {
      for (const path of ['/networks', '/networks/green-towns', membership.replace(`${origin}/en`, '')]) {
        await coord.goto(`${origin}/${lang}${path}`);
        assert.equal(await coord.getAttribute('html', 'lang'), lang);
        assert.deepEqual(await axeViolations(coord), [], `${lang}${path}`);
      }
    }
    await coord.context().close();
  });

  test('a coordinator adds a language to the network’s page and a kind of membership; the forms are accessible', async () => {
    const page = await as(coordinator);
    await page.goto(`${origin}/en/networks/green-towns`);
    await page.click('a:has-text("Settings")');
    assert.deepEqual(await axeViolations(page), [], 'settings');
    await page.selectOption('select[name=language]', 'fr');
    await page.click('button:has-text("Add its fields")');
    await page.fill('input[name=name_fr]', 'Villes vertes');
    await page.fill('input[name=name_en]', '');
    await page.click('button:has-text("Save")');
    assert.match((await page.textContent('[role=alert]')) ?? '', /Name \(English\): Fill in this field/);
    assert.equal(await page.inputValue('input[name=name_fr]'), 'Villes vertes', 'what was typed is kept');
    assert.deepEqual(await axeViolations(page), [], 'settings with errors');
    await page.fill('input[name=name_en]', 'Green Towns');
    await page.click('button:has-text("Save")');
    assert.match((await page.textContent('[role=status]')) ?? '', /Your changes are saved/);
    await page.goto(`${origin}/fr/networks/green-towns`);
    assert.equal(await page.textContent('h1'), 'Villes vertes');

    await page.goto(`${origin}/en/networks/green-towns/kinds`);
    await page.fill('input[name=code]', 'supporter');
    await page.fill('input[name=label_en]', 'Supporter');
    await page.fill('input[name=min_population]', '5000');
    await page.fill('input[name=max_population]', '100');
    await page.click('button:has-text("Add the kind")');
    assert.match((await page.textContent('[role=alert]')) ?? '', /must not be smaller than the smallest/);
    assert.deepEqual(await axeViolations(page), [], 'kinds with errors');
    await page.fill('input[name=max_population]', '');
    await page.click('button:has-text("Add the kind")');
    await page.click('a:has-text("Supporter")');
    assert.deepEqual(await axeViolations(page), [], 'a kind');
    await page.click('button:has-text("Delete this kind")');
    assert.match((await page.textContent('[role=status]')) ?? '', /deleted/);
    await page.context().close();
  });

  test('a town proposes a twinning and the other confirms it; both profiles show it; pages accessible', async () => {
    const page = await as(mayor);
    await page.goto(`${origin}/en/municipalities/bg/stara-zagora`);
    await page.click('text=Propose a twinning with this town');
    assert.deepEqual(await axeViolations(page), [], 'propose form');
    await page.selectOption('select[name=kind]', 'friendship');
    await page.fill('input[name=since_year]', '2005');
    await page.click('button:has-text("Send the proposal")');
    assert.match((await page.textContent('main .tag')) ?? '', /Proposed/);
    const twinning = page.url().replace(/\?.*$/, '');
    await page.context().close();

    const other = await as(szAdmin);
    await other.goto(twinning);
    assert.deepEqual(await axeViolations(other), [], 'twinning page');
    await other.click('button:has-text("Confirm the twinning")');
    assert.match((await other.textContent('main .tag')) ?? '', /Confirmed by both towns/);
    for (const lang of ['en', 'bg', 'fi']) {
      await other.goto(`${origin}/${lang}/municipalities/bg/botevgrad#twins`);
      assert.equal(await other.locator('#twins a[href*="stara-zagora"]').count(), 1, lang);
      assert.deepEqual(await axeViolations(other), [], `${lang} profile with twins`);
      await other.goto(`${origin}/${lang}/twinning`);
      assert.deepEqual(await axeViolations(other), [], `${lang} twinning list`);
    }
    await other.goto(`${origin}/en/municipalities/bg/botevgrad`);
    await other.waitForSelector('#twins .places-map:not([hidden])');
    for (const file of await screenshots(other, 'twins-on-profile')) assert.ok(statSync(file).size > 10_000, file);
    await other.context().close();
  });

  test('a town posts a call for partners in the browser, another answers it; the pages are accessible', async () => {
    const page = await as(szAdmin);
    await page.goto(`${origin}/en/partner-search/new`);
    await page.click('button:has-text("Publish the call")');
    assert.ok(await page.locator('[aria-invalid=true]').count(), 'errors beside the fields');
    assert.deepEqual(await axeViolations(page), [], 'the call form with errors');
    await page.fill('input[name=title]', 'Partners for a children’s theatre festival');
    await page.fill('textarea[name=description]', 'Three towns, one stage: we look for two partners for 2027.');
    await page.check('input[name=areas][value=culture]');
    await page.selectOption('select[name=size]', 'any');
    await page.fill('input[name=deadline]', new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10));
    await page.click('button:has-text("Publish the call")');
    assert.equal(await page.textContent('h1'), 'Partners for a children’s theatre festival');
    const call = page.url();
    await page.context().close();

    const other = await as(mayor);
    await other.goto(`${origin}/en/partner-search?area=culture`);
    assert.deepEqual(await axeViolations(other), [], 'the list of calls');
    await other.click('text=Partners for a children’s theatre festival');
    await other.fill('textarea[name=message]', 'Botevgrad has a puppet theatre and would love to join.');
    await other.click('button:has-text("Send the answer")');
    assert.match((await other.textContent('[role=status]')) ?? '', /sent to the town hall/);
    assert.deepEqual(await axeViolations(other), [], 'the call page');
    for (const file of await screenshots(other, 'partner-call')) assert.ok(statSync(file).size > 10_000, file);
    for (const lang of ['bg', 'fi']) {
      await other.goto(call.replace('/en/', `/${lang}/`));
      assert.deepEqual(await axeViolations(other), [], `${lang} call`);
    }
    await other.context().close();
  });
});

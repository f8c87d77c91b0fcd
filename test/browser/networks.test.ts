import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { membershipById } from '../../src/modules/networks/repo.ts';
import { runDeadlines } from '../../src/modules/networks/service/deadlines.ts';
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
  /** The membership the first walk creates, which the second carries on. */
  let membership = '';

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

  const stateOf = async (id: number) => (await membershipById(database.db, id))?.state;
  const dueOf = async (id: number) => (await membershipById(database.db, id))?.report_due_at;
  const subjectsTo = async (to: string) =>
    (await database.db.selectFrom('mail_outbox').select('subject').where('to_address', '=', to).orderBy('id').execute()).map(
      (m) => m.subject,
    );

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
    membership = page.url().replace(/\?.*$/, '');
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

  test('commitment → active → report due → overdue → on hold → report returned, then accepted → active: with a test clock, mails checked', async () => {
    const coord = await as(coordinator);
    // The coordinator writes the report form first.
    await coord.goto(`${origin}/en/networks/green-towns/report-form`);
    assert.deepEqual(await axeViolations(coord), [], 'an empty report form editor');
    await coord.fill('#label_en', 'What did the town do?');
    await coord.check('#required');
    await coord.check('#public');
    await coord.click('button:has-text("Add the question")');
    await coord.selectOption('form[action$="/report-form"] select[name=kind]', 'number');
    await coord.fill('#label_en', 'Tonnes of CO2 saved a year');
    await coord.click('button:has-text("Add the question")');
    assert.match((await coord.textContent('[role=status]')) ?? '', /added to the form/);
    assert.deepEqual(await axeViolations(coord), [], 'the editor with two questions');
    for (const file of await screenshots(coord, 'report-form-editor')) assert.ok(statSync(file).size > 10_000, file);
    await coord.context().close();

    const page = await as(mayor);
    await page.goto(membership);
    await page.setInputFiles('input[name=commitment]', {
      name: 'council-decision.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await page.fill('input[name=commitment_date]', new Date().toISOString().slice(0, 10));
    await page.click('button:has-text("Send the commitment")');
    assert.match((await page.textContent('main .tag')) ?? '', /Commitment sent/);
    await page.context().close();

    const c2 = await as(coordinator);
    await c2.goto(membership);
    assert.equal(await c2.locator('a[href$="/commitment"]').count(), 1, 'the coordinator sees the document');
    await c2.click('button:has-text("Accept the commitment")');
    assert.match((await c2.textContent('main .tag')) ?? '', /^Active$/);
    await c2.context().close();

    // The test clock: the job runner's deadline run at chosen moments of the two years to come.
    const id = Number(membership.split('/').pop());
    const due = Date.parse((await dueOf(id)) ?? '');
    const at = (days: number) => runDeadlines(app.context, new Date(due + days * 86_400_000));
    for (const days of [-60, -30, -7, 0]) await at(days);
    assert.equal(await stateOf(id), 'report_overdue');
    await at(91);
    assert.equal(await stateOf(id), 'on_hold');
    const mails = await subjectsTo(mayor.email);
    for (const subject of [
      'Botevgrad: the report to Green Towns is due in 60 days',
      'Botevgrad: the report to Green Towns is due in 30 days',
      'Botevgrad: the report to Green Towns is due in 7 days',
      'Botevgrad: the report to Green Towns is due today',
      'Botevgrad in Green Towns: Report overdue',
      'Botevgrad in Green Towns: On hold',
    ])
      assert.equal(mails.filter((m) => m === subject).length, 1, subject);

    const m2 = await as(mayor);
    await m2.goto(membership);
    await m2.click('text=Write the report');
    assert.deepEqual(await axeViolations(m2), [], 'the report form');
    await m2.fill('main textarea[name^=q]', 'Schools insulated; LED street lights.');
    await m2.fill('main input[name^=q]', 'twelve');
    await m2.click('button:has-text("Submit the report")');
    assert.match((await m2.textContent('.error-summary')) ?? '', /Enter a number/);
    assert.deepEqual(await axeViolations(m2), [], 'the report form with an error');
    for (const file of await screenshots(m2, 'report-form')) assert.ok(statSync(file).size > 10_000, file);
    await m2.fill('main input[name^=q]', '1250');
    await m2.click('button:has-text("Submit the report")');
    assert.match((await m2.textContent('[role=status]')) ?? '', /The report is sent/);
    await m2.context().close();

    const c3 = await as(coordinator);
    await c3.goto(membership);
    await c3.fill('textarea[name=comment]', 'Give the tonnes for last year only.');
    await c3.click('button:has-text("Return it with comments")');
    assert.match((await c3.textContent('[role=status]')) ?? '', /returned with your comments/);
    const m3 = await as(mayor);
    await m3.goto(`${membership}/report`);
    assert.match((await m3.textContent('main')) ?? '', /Give the tonnes for last year only\./);
    await m3.fill('main input[name^=q]', '980');
    await m3.click('button:has-text("Submit the report")');
    await m3.context().close();
    await c3.goto(membership);
    await c3.click('button:has-text("Accept the report")');
    assert.match((await c3.textContent('main .tag')) ?? '', /^Active$/);
    assert.deepEqual(await axeViolations(c3), [], 'the membership page with its reports');
    for (const file of await screenshots(c3, 'membership-reports')) assert.ok(statSync(file).size > 10_000, file);
    for (const lang of ['bg', 'fi']) {
      for (const path of [membership, `${membership}/report`, `${origin}/en/networks/green-towns/report-form`]) {
        await c3.goto(path.replace('/en/', `/${lang}/`));
        assert.deepEqual(await axeViolations(c3), [], `${lang} ${path}`);
      }
    }
    await c3.goto(`${origin}/en/municipalities/bg/botevgrad#networks`);
    assert.match((await c3.textContent('#networks')) ?? '', /Schools insulated; LED street lights\./, 'public parts on the profile');
    await c3.context().close();

    const toMayor = await subjectsTo(mayor.email);
    assert.ok(toMayor.includes('Green Towns returned the report of Botevgrad'));
    assert.equal(toMayor.at(-1), 'Botevgrad in Green Towns: Active', 'told that it is active again');
    assert.ok((await subjectsTo(coordinator.email)).includes('Botevgrad sent its report to Green Towns'));
  });

  test('a coordinator writes the network’s first story from its page; readers find it there and follow its feed', async () => {
    const page = await as(coordinator);
    await page.goto(`${origin}/en/networks/green-towns`);
    assert.match((await page.textContent('#news')) ?? '', /No news yet/);
    assert.deepEqual(await axeViolations(page), [], 'the network page with its empty sections');
    await page.click('#news >> text=Write the first story in the newsroom');
    assert.match((await page.inputValue('select[name=owner]')) ?? '', /^network:\d+$/, 'the network is the owner');
    await page.fill('#title', 'Green Towns share their tree registers');
    await page.fill('#summary', 'Every member town now publishes where its trees stand.');
    await page.click('#section-topics > summary');
    await page.check('#areas-environment');
    await page.click('form.form button[type=submit]');
    await page.waitForURL(/notice=content\.desk\.saved/);
    await page.click('text=Publish now');
    await page.waitForURL(/notice=content\.desk\.published/);
    await page.context().close();

    const reader = await as(undefined);
    for (const lang of ['en', 'bg', 'fi']) {
      await reader.goto(`${origin}/${lang}/networks/green-towns`);
      assert.equal(await reader.locator('#news a:has-text("Green Towns share their tree registers")').count(), 1, lang);
      assert.equal(await reader.locator('#events').count(), 0, `${lang}: no empty events section for the public`);
      assert.deepEqual(await axeViolations(reader), [], `${lang} network page with its news`);
    }
    await reader.goto(`${origin}/en/networks/green-towns`);
    for (const file of await screenshots(reader, 'network-news')) assert.ok(statSync(file).size > 10_000, file);
    const feed = await reader.getAttribute('link[rel=alternate][type="application/rss+xml"]', 'href');
    const xml = await (await reader.request.get(`${origin}${feed}`)).text();
    assert.match(
      xml,
      /<title><!\[CDATA\[Green Towns share their tree registers\]\]><\/title>|<title>Green Towns share their tree registers<\/title>/,
    );
    await reader.click('#news >> text=Everything from this network');
    assert.match((await reader.textContent('main')) ?? '', /From the network Green Towns only\./);
    assert.deepEqual(await axeViolations(reader), [], 'the network’s listing');
    await reader.context().close();
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

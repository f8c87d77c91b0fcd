import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { sampleTowns } from '../content.ts';
import { person, type TestPerson } from '../factories.ts';
import { axeViolations, launchBrowser, noBrowser, pageAs, screenshots, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { sampleProject } from '../projects.ts';

const ACTIVITIES = '/projects/ec-net/activities';
const WORKSPACE = '/projects/ec-net/workspace';

describe('a project’s activities and workspace in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  let partner: TestPerson;

  before(async () => {
    database = await createTestDatabase('sqlite');
    ({ app, origin } = await servePortal(database));
    const towns = await sampleTowns(database);
    const ecNet = await sampleProject(database, { coordinator: towns.staraZagora, partners: [towns.botevgrad] });
    partner = await person(database, { roles: [['project_partner_staff', ecNet]], name: 'Petar Partner' });
    await person(database, { roles: [['project_coordinator', ecNet]], name: 'Vesela Coordinator' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  async function openSections(page: Page) {
    const folded = page.locator('details.form-section:not([open]) > summary');
    while ((await folded.count()) > 0) await folded.first().click();
  }

  test('partner staff publish a meeting in the project’s name, add it as an activity and report participants', async () => {
    const page = await pageAs(browser, origin, partner);
    await page.goto(`${origin}/en${ACTIVITIES}/new`);
    assert.deepEqual(await axeViolations(page), [], 'the new activity form');
    await page.click('text=Write the event in the project’s name');
    await openSections(page);
    const fields: Record<string, string> = {
      title: 'Partner meeting in Botevgrad',
      summary: 'The partners plan the toolkit.',
      body: 'Two days of work.',
      starts_at: '2021-03-02T09:00',
      ends_at: '2021-03-02T16:00',
      venue_name: 'Town hall',
    };
    for (const [id, value] of Object.entries(fields)) await page.fill(`#${id}`, value);
    await page.selectOption('#time_zone', 'Europe/Sofia');
    await page.check('#areas-europe');
    await page.click('form.form button[type=submit]');
    await page.waitForURL(/\/newsroom\/\d+\/edit\?notice=content\.desk\.saved/);
    await page.click('text=Publish now');

    await page.goto(`${origin}/en${ACTIVITIES}/new`);
    await page.selectOption('select[name=event]', { label: 'Partner meeting in Botevgrad (2021-03-02)' });
    await page.selectOption('select[name=kind]', 'partner_meeting');
    await page.selectOption('select[name=host]', { label: 'Botevgrad, Bulgaria' });
    await page.click('form.form button[type=submit]');
    assert.equal(new URL(page.url()).pathname, `/en${ACTIVITIES}`);

    await page.click('text=Report participants');
    await page.selectOption('select[name=country_1]', 'SI');
    await page.fill('input[name=number_1]', '-3');
    await page.click('form.form button[type=submit]');
    assert.match((await page.textContent('.error-summary')) ?? '', /Enter a whole number of people/);
    assert.deepEqual(await axeViolations(page), [], 'the report form with its error');
    assert.equal(await page.inputValue('input[name=number_1]'), '-3', 'what was typed stays');
    await page.fill('input[name=number_1]', '40');
    await page.selectOption('select[name=country_2]', 'BG');
    await page.fill('input[name=number_2]', '12');
    await page.fill('textarea[name=report]', 'We planned the toolkit.');
    await page.click('form.form button[type=submit]');
    assert.equal(new URL(page.url()).pathname, `/en${ACTIVITIES}`);
    assert.match((await page.textContent('main')) ?? '', /52 participants: Slovenia 40, Bulgaria 12/);
    await page.context().close();
  });

  test('the activities page and the workspace are accessible in English, Bulgarian and Finnish', async () => {
    const page = await pageAs(browser, origin, partner);
    await page.goto(`${origin}/en${WORKSPACE}`);
    await page.fill('textarea[name=text]', 'The agenda of the March meeting is in the documents.');
    await page.click('#notices button[type=submit]');
    await page.fill('input[name=title]', 'Send the attendance lists');
    await page.fill('input[name=due]', '2020-01-31');
    await page.click('#tasks form.form button[type=submit]');
    for (const lang of ['en', 'bg', 'fi']) {
      for (const path of [ACTIVITIES, WORKSPACE]) {
        await page.goto(`${origin}/${lang}${path}`);
        assert.deepEqual(await axeViolations(page), [], `${lang}${path}`);
      }
    }
    await page.goto(`${origin}/en${WORKSPACE}`);
    for (const file of await screenshots(page, 'project-workspace')) copyFileSync(file, `/tmp/projects-${file.split('/').pop()}`);
    await page.context().close();
  });
});

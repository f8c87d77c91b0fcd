import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { demoProjects } from '../../src/modules/projects/service/project-seeds.ts';
import { demoProgrammes } from '../../src/modules/projects/service/seeds.ts';
import { sampleTowns } from '../content.ts';
import { person, type TestPerson } from '../factories.ts';
import { axeViolations, launchBrowser, noBrowser, pageAs, screenshots, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

/** Keeps a screenshot where people look for this module's, besides the test output. */
async function shoot(page: Parameters<typeof screenshots>[0], name: string) {
  for (const file of await screenshots(page, name)) copyFileSync(file, `/tmp/projects-${file.split('/').pop()}`);
}

describe('EU projects in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  let coordinator: TestPerson;
  let partner: TestPerson;

  before(async () => {
    database = await createTestDatabase('sqlite');
    ({ app, origin } = await servePortal(database));
    const towns = await sampleTowns(database);
    await demoProgrammes.run(app.context);
    await demoProjects.run(app.context);
    coordinator = await person(database, { roles: [['municipality_admin', towns.staraZagora]], name: 'Coordinator Cveta' });
    partner = await person(database, { roles: [['municipality_admin', towns.botevgrad]], name: 'Partner Petar' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  test('without JavaScript, a coordinator starts a project and invites a town; its staff confirm; page and profile show it', async () => {
    const page = await pageAs(browser, origin, coordinator);
    await page.context().route('**/*.js*', (route) => route.abort());
    await page.goto(`${origin}/en/projects`);
    await page.click('text=A new project coordinated by Stara Zagora');
    assert.deepEqual(await axeViolations(page), [], 'the project form');
    await page.fill('input[name=acronym]', 'ROSE');
    await page.fill('input[name=title]', 'Rose valley towns together');
    await page.fill('input[name=starts_on]', '2027-03-01');
    await page.fill('input[name=ends_on]', '2027-01-01');
    await page.fill('input[name=budget_eur]', '100000');
    await page.fill('input[name=eu_contribution_eur]', '90000');
    await page.click('button:has-text("Save")');
    assert.match((await page.textContent('.error-summary')) ?? '', /End: The end must be after the start/);
    assert.deepEqual(await axeViolations(page), [], 'the project form with its error');
    assert.equal(await page.inputValue('input[name=title]'), 'Rose valley towns together', 'what was typed stays');
    await page.fill('input[name=ends_on]', '2028-12-31');
    await page.click('button:has-text("Save")');
    assert.equal(new URL(page.url()).pathname, '/en/projects/rose');
    await page.click('a:has-text("Partners")');
    assert.deepEqual(await axeViolations(page), [], 'the partners page');
    await page.fill('input[name=name]', 'Botevgrad');
    await page.click('button:has-text("Send the invitation")');
    assert.match((await page.textContent('main')) ?? '', /Invited, waiting for an answer/);
    await page.context().close();

    const staff = await pageAs(browser, origin, partner);
    await staff.context().route('**/*.js*', (route) => route.abort());
    await staff.goto(`${origin}/en/work`);
    await staff.click('a[href^="/en/project-invitations/"]');
    assert.deepEqual(await axeViolations(staff), [], 'the invitation');
    await staff.click('button:has-text("Confirm the partnership")');
    assert.match((await staff.textContent('main')) ?? '', /Confirmed/);
    await staff.goto(`${origin}/en/projects/rose`);
    assert.match((await staff.textContent('main table')) ?? '', /Botevgrad/);
    await staff.goto(`${origin}/en/municipalities/bg/botevgrad`);
    assert.match((await staff.textContent('main')) ?? '', /EU projects[\s\S]*ROSE/);
    await staff.context().close();
  });

  test('the project pages are accessible in English, Bulgarian and Finnish, with a map of the partners', async () => {
    const page = await pageAs(browser, origin);
    for (const lang of ['en', 'bg', 'fi']) {
      for (const path of ['/projects', '/projects/ec-net']) {
        await page.goto(`${origin}/${lang}${path}`);
        assert.deepEqual(await axeViolations(page), [], `${lang}${path}`);
      }
    }
    await page.goto(`${origin}/en/projects/ec-net`);
    assert.ok(await page.locator('.places-map').isVisible(), 'the map is drawn with JavaScript');
    await shoot(page, 'projects-ec-net');
    await page.goto(`${origin}/en/projects`);
    await shoot(page, 'projects-list');
    await page.context().close();
  });
});

import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { sampleTowns } from '../content.ts';
import { person, type TestPerson } from '../factories.ts';
import { axeViolations, launchBrowser, noBrowser, openPage, screenshots, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { type SampleProcess, sampleProcess, sampleProposal } from '../participation.ts';

describe('official answers and monitoring in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  let staff: TestPerson;
  let process: SampleProcess;
  let proposal: number;
  let staffTown: number;

  before(async () => {
    database = await createTestDatabase('sqlite');
    ({ app, origin } = await servePortal(database));
    const towns = await sampleTowns(database);
    process = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { title: 'Ideas for Botevgrad' });
    const author = await person(database, { name: 'Ana Petrova' });
    proposal = await sampleProposal(database, process.id, author.id, { title: 'A cycle path to the Bebresh dam', supports: 12 });
    staffTown = towns.botevgrad;
    staff = await person(database, { roles: [['municipality_editor', towns.botevgrad]], name: 'Clerk Ivanova' });
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

  test('staff accept a proposal; the answer shows and the result appears in monitoring; every page accessible in en, bg, fi', async () => {
    const page = await as(staff);
    await page.goto(`${origin}/en${process.path}/answers`);
    assert.deepEqual(await axeViolations(page), [], 'the queue');
    await page.click('text=A cycle path to the Bebresh dam');
    assert.match(page.url(), new RegExp(`/proposals/${proposal}/answer$`));
    assert.deepEqual(await axeViolations(page), [], 'the answer form');
    for (const file of await screenshots(page, 'answer-form')) assert.ok(statSync(file).size > 10_000, file);

    // A rejection without its reason is caught on the server, beside the field.
    await page.selectOption('#state', 'rejected');
    await page.click('button[type=submit]:has-text("Save")');
    assert.match((await page.textContent('[role=alert]')) ?? '', /Say why the proposal is rejected/);
    assert.deepEqual(await axeViolations(page), [], 'a refused answer');

    await page.selectOption('#state', 'accepted');
    await page.fill('#text', 'The town builds it next year.');
    await page.fill('#cost', '480 000');
    await page.click('button[type=submit]:has-text("Save")');
    assert.match((await page.textContent('[role=status]')) ?? '', /saved and published/);
    assert.match((await page.textContent('#answer')) ?? '', /Accepted.*The town builds it next year\.Cost: €480,000\.00/s);
    for (const file of await screenshots(page, 'answer-published')) assert.ok(statSync(file).size > 10_000, file);

    await page.goto(`${origin}/en${process.path}/monitoring`);
    assert.equal(
      await page.locator('.card h2 a', { hasText: 'A cycle path to the Bebresh dam' }).count(),
      1,
      'accepted flows into monitoring',
    );
    assert.deepEqual(await axeViolations(page), [], 'monitoring');
    await page.click('.card h2 a');
    const resultUrl = page.url();
    await page.fill('#on_date', '2027-02-01');
    await page.fill('#text', 'The design is commissioned.');
    await page.fill('#progress', '15');
    await page.click('button:has-text("Add")');
    assert.match((await page.textContent('#timeline')) ?? '', /The design is commissioned\. 15%/);
    assert.equal(await page.getAttribute('progress', 'value'), '15');
    assert.deepEqual(await axeViolations(page), [], 'a result with its timeline, as staff');
    for (const file of await screenshots(page, 'result-page')) assert.ok(statSync(file).size > 10_000, file);
    await page.goto(`${origin}/en${process.path}/monitoring`);
    for (const file of await screenshots(page, 'monitoring')) assert.ok(statSync(file).size > 10_000, file);
    await page.context().close();

    const reader = await as(undefined);
    const resultPath = resultUrl.replace(`${origin}/en`, '');
    const answerPath = `${process.path}/proposals/${proposal}/answer`;
    for (const lang of ['en', 'bg', 'fi']) {
      for (const path of [`${process.path}/monitoring`, resultPath]) {
        await reader.goto(`${origin}/${lang}${path}`);
        assert.equal(await reader.getAttribute('html', 'lang'), lang);
        assert.deepEqual(await axeViolations(reader), [], `${lang}${path}`);
      }
    }
    await reader.context().close();
    const clerk = await as(staff);
    for (const lang of ['bg', 'fi']) {
      await clerk.goto(`${origin}/${lang}${answerPath}`);
      assert.deepEqual(await axeViolations(clerk), [], `${lang}${answerPath}`);
    }
    await clerk.context().close();
  });

  test('staff upload a census list and a resident verifies; both pages accessible', async () => {
    const census = await sampleProcess(database, { type: 'municipality', id: staffTown }, { supporters: 'census' });
    const page = await as(staff);
    await page.goto(`${origin}/en/participation/census/municipality/${staffTown}`);
    assert.deepEqual(await axeViolations(page), [], 'an empty census page');
    await page.setInputFiles('#file', { name: 'census.csv', mimeType: 'text/csv', buffer: Buffer.from('identifier\n7501010010\n') });
    await page.click('button:has-text("Upload the list")');
    assert.match((await page.textContent('[role=status]')) ?? '', /The list is uploaded/);
    assert.match((await page.textContent('main')) ?? '', /The list holds 1 identifier/);
    assert.deepEqual(await axeViolations(page), [], 'the census page with a list');
    for (const file of await screenshots(page, 'census')) assert.ok(statSync(file).size > 10_000, file);
    await page.context().close();

    const resident = await as(await person(database, { name: 'Resident Rada' }));
    await resident.goto(`${origin}/en${census.path}/verify`);
    assert.deepEqual(await axeViolations(resident), [], 'the verify form');
    await resident.fill('#identifier', '0000000000');
    await resident.click('button[type=submit]:has-text("Verify")');
    assert.match((await resident.textContent('[role=alert]')) ?? '', /We could not verify you/);
    assert.deepEqual(await axeViolations(resident), [], 'a refused identifier');
    await resident.fill('#identifier', '750 101 0010');
    await resident.click('button[type=submit]:has-text("Verify")');
    assert.match((await resident.textContent('h1')) ?? '', /You are verified as a resident of Botevgrad/);
    await resident.context().close();
  });

  test('the monitoring filters work without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/en${process.path}/monitoring`);
    await page.selectOption('#status', 'completed');
    await page.click('button:has-text("Show")');
    assert.match(page.url(), /status=completed/);
    assert.match((await page.textContent('main')) ?? '', /No results to show/);
    await context.close();
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import * as repo from '../../src/modules/awards/repo.ts';
import type { Category, Edition } from '../../src/modules/awards/schema.ts';
import { castVote } from '../../src/modules/awards/service/votes.ts';
import { type SampleAward, sampleAward, voters } from '../awards.ts';
import { person, type TestPerson } from '../factories.ts';
import { axeViolations, launchBrowser, noBrowser, pageAs, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

const DAY = 86_400_000;
const day = (n: number) => new Date(Date.now() + n * DAY).toISOString();

describe('Mayor of the Year in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  let award: SampleAward;
  let citizen: TestPerson;
  let editor: TestPerson;

  before(async () => {
    database = await createTestDatabase('sqlite');
    ({ app, origin } = await servePortal(database));
    award = await sampleAward(database, 'nominations');
    citizen = await person(database, { name: 'Citizen Cveta' });
    editor = await person(database, { roles: [['platform_editor', null]], name: 'Editor Emil' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  test('without JavaScript: nominate, shortlist, vote, void a cluster, publish and see the results', async () => {
    const path = `${origin}/en${award.path}`;
    const page = await pageAs(browser, origin, citizen);
    await page.context().route('**/*.js*', (route) => route.abort());
    await page.goto(path);
    assert.deepEqual(await axeViolations(page), [], 'the category in its nominations');
    await page.selectOption('select[name=country]', 'BG');
    await page.fill('input[name=town]', 'Botevgrad');
    await page.fill('textarea[name=reasons]', 'Too short');
    await page.click('button:has-text("Send the nomination")');
    assert.match((await page.textContent('.error-summary')) ?? '', /at least 20 characters/);
    assert.deepEqual(await axeViolations(page), [], 'the nomination with its error');
    assert.equal(await page.inputValue('input[name=town]'), 'Botevgrad', 'what was typed stays');
    await page.fill('input[name=mayor_name]', 'Ivan Gavalyugov');
    await page.fill('textarea[name=reasons]', 'Opened the town budget to every resident.');
    await page.click('button:has-text("Send the nomination")');
    assert.match((await page.textContent('[role=status]')) ?? '', /your nomination was received/);

    const desk = await pageAs(browser, origin, editor);
    await desk.context().route('**/*.js*', (route) => route.abort());
    await desk.goto(`${path}/manage`);
    assert.deepEqual(await axeViolations(desk), [], 'the nominations desk');
    await desk.locator('li', { hasText: 'waiting for the editors' }).locator('button:has-text("Merge")').click();
    await desk.locator('li', { hasText: 'Zhivko Todorov' }).locator('button:has-text("Shortlist")').click();
    await desk.locator('li', { hasText: 'Ivan Gavalyugov' }).locator('button:has-text("Shortlist")').click();
    assert.match((await desk.textContent('main')) ?? '', /shortlisted[\s\S]*shortlisted/);

    await repo.updateEdition(database.db, award.edition, { nominations_close: day(-20), vote_opens: day(-1), vote_closes: day(10) });
    await page.goto(path);
    assert.deepEqual(await axeViolations(page), [], 'the vote');
    await page.check('label:has-text("Ivan Gavalyugov")');
    await page.click('button:has-text("Vote")');
    assert.match((await page.textContent('[role=status]')) ?? '', /your vote was counted/);
    assert.match((await page.textContent('main')) ?? '', /You voted for Ivan Gavalyugov/);

    const edition = (await repo.editionBySlug(database.db, 'mayor-of-the-year-2026')) as Edition;
    const [category] = (await repo.categoriesByIds(database.db, [award.category])) as Category[];
    for (const [i, bot] of (
      await voters(
        database,
        Array.from({ length: 11 }, (_, i) => `fan${i}@example.eu`),
      )
    ).entries()) {
      await castVote(app.context, bot, edition, category!, award.nominees[0], { ip: `203.0.113.${i + 1}`, userAgent: 'bot' });
    }
    await desk.goto(`${path}/audit`);
    assert.deepEqual(await axeViolations(desk), [], 'the audit');
    const cluster = desk.locator('section.panel', { hasText: 'votes from one network' });
    await cluster.locator('input[name=reason]').fill('One office network, one script');
    await cluster.locator('button:has-text("Void these 11 votes")').click();
    assert.match((await desk.textContent('[role=status]')) ?? '', /The votes were voided/);

    await repo.updateEdition(database.db, award.edition, { vote_closes: day(-1), jury_closes: day(5), results_on: day(6) });
    await desk.goto(`${path}/audit`);
    await desk.click('button:has-text("Publish the results")');
    assert.match((await desk.textContent('main')) ?? '', /Public votes counted: 1; voided: 11/);
    assert.deepEqual(await axeViolations(desk), [], 'the results');
    assert.match((await desk.textContent('main table')) ?? '', /1\s*Ivan Gavalyugov/);
    await desk.context().close();
    await page.context().close();
  });

  test('a juror scores a nominee on every criterion without JavaScript; the form is accessible in English, Bulgarian and Finnish', async () => {
    const jury = await sampleAward(database, 'jury', 'mayor-of-the-year-2027');
    const juror = await person(database, { roles: [['award_juror', jury.edition]], name: 'Juror Jordanka' });
    const page = await pageAs(browser, origin, juror);
    await page.context().route('**/*.js*', (route) => route.abort());
    const path = `${jury.path}/jury`;
    for (const lang of ['en', 'bg', 'fi']) {
      await page.goto(`${origin}/${lang}${path}`);
      assert.deepEqual(await axeViolations(page), [], `${lang}${path}`);
    }
    await page.goto(`${origin}/en${path}`);
    const zhivko = page.locator('section.panel', { hasText: 'Zhivko Todorov' });
    await zhivko.getByLabel('Results').fill('8');
    await zhivko.getByLabel('Openness').fill('');
    // The browser's own check would stop a bad number: the server's answer is what is tried here.
    await zhivko.locator('form').evaluate((f) => f.setAttribute('novalidate', ''));
    await zhivko.locator('button[type=submit]').click();
    assert.match((await page.textContent('.error-summary')) ?? '', /whole number from 0 to 10 on every criterion/);
    assert.deepEqual(await axeViolations(page), [], 'the jury form with its error');
    assert.equal(await zhivko.getByLabel('Results').inputValue(), '8', 'what was typed stays');
    await zhivko.getByLabel('Openness').fill('6');
    await zhivko.locator('button[type=submit]').click();
    assert.match((await page.textContent('[role=status]')) ?? '', /Your scores were saved/);
    assert.equal(await page.locator('section.panel', { hasText: 'Zhivko Todorov' }).getByLabel('Openness').inputValue(), '6');
    await page.context().close();
    const desk = await pageAs(browser, origin, editor);
    await desk.goto(`${origin}/en/awards/mayor-of-the-year-2027/edit`);
    assert.equal(await desk.getByLabel('Name of criterion 1').inputValue(), 'Results');
    assert.deepEqual(await axeViolations(desk), [], 'the edition with its criteria');
    await desk.context().close();
  });

  test('the award pages are accessible in English, Bulgarian and Finnish', async () => {
    const page = await pageAs(browser, origin);
    for (const lang of ['en', 'bg', 'fi']) {
      for (const path of ['/awards', '/awards/mayor-of-the-year-2026', award.path, '/municipalities/bg/botevgrad']) {
        await page.goto(`${origin}/${lang}${path}`);
        assert.deepEqual(await axeViolations(page), [], `${lang}${path}`);
      }
    }
    await page.context().close();
  });
});

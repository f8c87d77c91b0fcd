import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { demoDebates } from '../../src/modules/participation/service/demo-debates.ts';
import { demoProcesses } from '../../src/modules/participation/service/seeds.ts';
import { sampleTowns } from '../content.ts';
import { person, type TestPerson } from '../factories.ts';
import { axeViolations, launchBrowser, noBrowser, openPage, screenshots, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

describe('debating in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  let citizen: TestPerson;
  let staff: TestPerson;
  let debatePath: string;

  before(async () => {
    database = await createTestDatabase('sqlite');
    ({ app, origin } = await servePortal(database));
    const towns = await sampleTowns(database);
    for (const seed of [demoProcesses, demoDebates]) await seed.run(app.context);
    citizen = await person(database, { name: 'Citizen Cveta' });
    staff = await person(database, { roles: [['municipality_editor', towns.botevgrad]], name: 'Clerk Kalin' });
    const list = await app.inject({ url: '/en/participation/botevgrad-ideas' });
    debatePath = /href="\/en(\/participation\/botevgrad-ideas\/debates\/\d+)"/.exec(list.body)![1]!;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  async function as(who: TestPerson | null, javaScriptEnabled: boolean) {
    const page = await openPage(browser, { javaScriptEnabled });
    if (who) {
      const [name, value] = who.cookie.split('=') as [string, string];
      await page.context().addCookies([{ name, value, url: origin }]);
    }
    return page;
  }

  test('without JavaScript, a citizen comments and answers a comment; staff post an official reply', async () => {
    const page = await as(citizen, false);
    await page.goto(`${origin}/en${debatePath}`);
    await page.fill('#comment-body', 'Benches under the lime trees, please.\nAnd water fountains.');
    await page.check('#comment-stance-for');
    await page.click('button:has-text("Send the comment")');
    assert.match(page.url(), /#comment-\d+$/);
    const mine = page.locator('.comment', { hasText: 'Benches under the lime trees' });
    assert.match((await mine.textContent()) ?? '', /Citizen Cveta.*For/s);
    assert.equal(await mine.locator('.comment-body br').count(), 1, 'the line break is kept');

    // Answering opens a page of its own with the comment quoted, and comes back to the thread.
    await page.locator('.comment-list > li').first().locator('.answer a').click();
    await page.waitForURL(/\/comments\/\d+\/answer$/);
    assert.match((await page.textContent('h1')) ?? '', /Answer a comment on/);
    await page.locator('textarea[name=body]').fill('I agree: cars out at the weekend.');
    await page.locator('button:has-text("Send the answer")').click();
    assert.match(page.url(), /#comment-\d+$/);
    assert.match(
      (await page.locator('.comment-list > li').first().locator('.comment-answers').textContent()) ?? '',
      /cars out at the weekend/,
    );
    await page.context().close();

    const office = await as(staff, false);
    await office.goto(`${origin}/en${debatePath}`);
    await office.locator('.comment-list > li').last().locator('.answer a').click();
    await office.waitForURL(/\/comments\/\d+\/answer$/);
    await office.locator('textarea[name=body]').fill('The town will add benches in spring.');
    await office.locator('input[name=official]').check();
    await office.locator('button:has-text("Send the answer")').click();
    const official = office.locator('.comment--official', { hasText: 'benches in spring' });
    assert.match((await official.textContent()) ?? '', /Clerk Kalin.*Official reply/s);
    await office.context().close();
  });

  test('the debate page, the vision page and a comment form are accessible in English, Bulgarian and Finnish', async () => {
    const page = await as(citizen, true);
    for (const lang of ['en', 'bg', 'fi']) {
      await page.goto(`${origin}/${lang}${debatePath}`);
      assert.deepEqual(await axeViolations(page), [], `${lang} debate`);
      await page.locator('.comment-list > li .answer a').first().click();
      await page.waitForURL(/\/comments\/\d+\/answer$/);
      assert.deepEqual(await axeViolations(page), [], `${lang} the page answering a comment`);
      await page.goto(`${origin}/${lang}/participation/stara-zagora-vision-2035`);
      assert.deepEqual(await axeViolations(page), [], `${lang} vision`);
      await page.goto(`${origin}/${lang}/participation/botevgrad-ideas/debates/new`);
      assert.deepEqual(await axeViolations(page), [], `${lang} debate form`);
    }
    await page.goto(`${origin}/en${debatePath}`);
    await page.fill('#comment-body', '   ');
    await page.click('button:has-text("Send the comment")');
    assert.match(await page.title(), /^Error: Comment on/);
    assert.deepEqual(await axeViolations(page), [], 'a refused comment');
    for (const file of await screenshots(page, 'comment-refused')) assert.ok(file);
    await page.goto(`${origin}/en/participation/botevgrad-ideas/debates/new`);
    for (const file of await screenshots(page, 'debate-form')) assert.ok(file);
    await page.goto(`${origin}/en${debatePath}`);
    await page.locator('.comment-list > li .answer a').first().click();
    for (const file of await screenshots(page, 'comment-answer')) assert.ok(file);
    await page.goto(`${origin}/en${debatePath}`);
    for (const file of await screenshots(page, 'debate')) assert.ok(file);
    await page.goto(`${origin}/en/participation/stara-zagora-vision-2035`);
    for (const file of await screenshots(page, 'vision')) assert.ok(file);
    await page.goto(`${origin}/en/participation/botevgrad-ideas`);
    for (const file of await screenshots(page, 'process-debates')) assert.ok(file);
    await page.context().close();
  });
});

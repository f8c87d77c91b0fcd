import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { frequencyOf } from '../../src/modules/participation/service/digests.ts';
import { notifyFollowers } from '../../src/modules/participation/service/notifications.ts';
import { sampleTowns } from '../content.ts';
import { person, type TestPerson } from '../factories.ts';
import { sampleComment } from '../following.ts';
import { axeViolations, launchBrowser, noBrowser, openPage, screenshots, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { type SampleProcess, sampleProcess, sampleProposal } from '../participation.ts';

describe('following in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  let ana: TestPerson;
  let process: SampleProcess;

  before(async () => {
    database = await createTestDatabase('sqlite');
    ({ app, origin } = await servePortal(database));
    const towns = await sampleTowns(database);
    process = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { title: 'Ideas for Botevgrad' });
    ana = await person(database, { name: 'Ana' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  async function as(who: TestPerson, javaScript = true): Promise<Page> {
    const page = await openPage(browser, { javaScriptEnabled: javaScript });
    const [name, value] = who.cookie.split('=') as [string, string];
    await page.context().addCookies([{ name, value, url: origin }]);
    return page;
  }

  test('a person follows a process, sees what is new, and chooses how often mail comes; accessible in three languages', async () => {
    // Without JavaScript: the button is a plain form.
    const plain = await as(ana, false);
    await plain.goto(`${origin}/en${process.path}`);
    await plain.click('button:has-text("Follow this process")');
    assert.equal(new URL(plain.url()).pathname, `/en${process.path}`);
    assert.match((await plain.textContent('form.follow')) ?? '', /You follow this process\./);
    await plain.context().close();

    const page = await as(ana);
    await page.goto(`${origin}/en${process.path}`);
    assert.deepEqual(await axeViolations(page), [], 'process page, followed');

    // What the features will do: a proposal and a comment on it, told to the followers.
    const proposal = await sampleProposal(database, process.id, null, { title: 'Benches for the square' });
    const subject = { type: 'process' as const, id: process.id };
    await notifyFollowers(database.db, app.context, {
      subject,
      event: 'proposal.new',
      source: { type: 'proposal', id: proposal },
      actorId: null,
    });
    const comment = await sampleComment(database, { type: 'proposal', id: proposal }, null);
    const onProposal = { type: 'proposal' as const, id: proposal };
    await notifyFollowers(database.db, app.context, {
      subject: onProposal,
      event: 'comment.new',
      source: { type: 'comment', id: comment },
      actorId: null,
    });

    await page.goto(`${origin}/en/account`);
    await page.click('a:has-text("2 new things")');
    assert.equal(await page.textContent('h1'), 'What’s new for you');
    assert.equal(await page.locator('.news--unread').count(), 2);
    assert.match((await page.textContent('main ul.results')) ?? '', /New comment on “Benches for the square”.*in Ideas for Botevgrad/s);
    assert.match((await page.textContent('main ul.results')) ?? '', /You get this because you follow this process\./);
    assert.deepEqual(await axeViolations(page), [], 'what’s new');
    for (const file of await screenshots(page, 'participation-news-for-you')) assert.ok(statSync(file).size > 10_000, file);
    await page.reload();
    assert.equal(await page.locator('.news--unread').count(), 0, 'read once seen');

    await page.click('a:has-text("Change how often mail comes")');
    assert.equal(await page.isChecked('#frequency-daily'), true, 'daily unless chosen');
    await page.check('#frequency-weekly');
    await page.click('button:has-text("Save")');
    assert.match((await page.textContent('[role=status]')) ?? '', /Saved/);
    assert.equal(await page.isChecked('#frequency-weekly'), true);
    assert.equal(await frequencyOf(app.context, ana.id), 'weekly');
    assert.deepEqual(await axeViolations(page), [], 'mail settings');
    for (const file of await screenshots(page, 'participation-mail-settings')) assert.ok(statSync(file).size > 10_000, file);
    await page.context().close();

    const js = await as(ana);
    for (const lang of ['en', 'bg', 'fi']) {
      for (const path of [process.path, '/participation/news-for-you', '/participation/notifications']) {
        await js.goto(`${origin}/${lang}${path}`);
        assert.equal(await js.getAttribute('html', 'lang'), lang);
        assert.deepEqual(await axeViolations(js), [], `${lang}${path}`);
      }
    }
    // Unfollowing is one click too.
    await js.goto(`${origin}/en${process.path}`);
    await js.click('button:has-text("Unfollow")');
    assert.equal(await js.locator('button:has-text("Follow this process")').count(), 1);
    for (const file of await screenshots(js, 'participation-follow-button')) assert.ok(statSync(file).size > 10_000, file);
    await js.context().close();
  });
});

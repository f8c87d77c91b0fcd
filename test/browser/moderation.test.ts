import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { h, type VNode } from 'preact';
import { FlagForm } from '../../src/modules/moderation/index.ts';
import { sampleTowns } from '../content.ts';
import { person, type TestPerson } from '../factories.ts';
import { createTestApp } from '../helpers/app.ts';
import { axeViolations, launchBrowser, noBrowser, openPage, screenshots } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { isHidden, sampleTexts } from '../moderation.ts';
import { sampleProcess } from '../participation.ts';

describe('moderation in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  let reader: TestPerson;
  let moderator: TestPerson;
  let texts: { proposal: number; debate: number; comment: number };

  before(async () => {
    database = await createTestDatabase('sqlite');
    // One report hides a text here, so that one person in one browser walks the whole way.
    app = await createTestApp(database, { RATE_LIMIT_PER_MINUTE: '0', FLAG_THRESHOLD: '1' });
    // A page showing the report form as other modules' pages show it under a citizen's text.
    app.get('/:lang/test-flag/:id', async (req, reply) => {
      const id = Number((req.params as { id: string }).id);
      const form = h(FlagForm, { type: 'comment', id, back: '/participation', csrfToken: reply.generateCsrf() }) as VNode;
      return reply.page(h('article', { class: 'prose' }, h('h1', null, 'Buy cheap watches'), form) as VNode, { title: 'Comment' });
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const towns = await sampleTowns(database);
    const owner = { type: 'municipality', id: towns.botevgrad };
    const process = await sampleProcess(database, owner);
    texts = await sampleTexts(database, process, (await person(database)).id, owner);
    reader = await person(database, { name: 'Rada Reader' });
    moderator = await person(database, { roles: [['municipality_editor', towns.botevgrad]], name: 'Mila Moderator' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  async function as(who: TestPerson): Promise<Page> {
    const page = await openPage(browser);
    const [name, value] = who.cookie.split('=') as [string, string];
    await page.context().addCookies([{ name, value, url: origin }]);
    return page;
  }

  test('a reader reports a comment, which is hidden; the town’s moderator finds it in the queue and restores it', async () => {
    const page = await as(reader);
    await page.goto(`${origin}/en/test-flag/${texts.comment}`);
    assert.equal(await page.isVisible('text=Send the report'), false, 'the form is folded');
    await page.click('summary:has-text("Report this")');
    assert.deepEqual(await axeViolations(page), [], 'the unfolded report form');
    // The hidden trap is out of reach: the keyboard goes from the summary to the first reason.
    await page.focus('details.flag summary');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLInputElement).name), 'reason');
    await page.check('label:has-text("Spam or advertising")');
    await page.click('button:has-text("Send the report")');
    assert.match((await page.textContent('h1')) ?? '', /Thank you for your report/);
    assert.equal(await isHidden(database, 'comments', texts.comment), true);
    await page.context().close();

    const mod = await as(moderator);
    await mod.goto(`${origin}/en/moderation`);
    assert.match((await mod.textContent('main')) ?? '', /Hidden, waiting for review/);
    await mod.click('text=Buy cheap watches at spam.example!');
    assert.match((await mod.textContent('h1')) ?? '', /Comment \d+/);
    // A restore without a reason is caught on the server, the error beside the field.
    await mod.click('button:has-text("Restore")');
    assert.match((await mod.textContent('[role=alert]')) ?? '', /Write the reason for your decision/);
    assert.deepEqual(await axeViolations(mod), [], 'the refused decision');
    await mod.fill('#restore-reason', 'Not advertising: a joke among neighbours');
    await mod.click('button:has-text("Restore")');
    assert.match((await mod.textContent('[role=status]')) ?? '', /The text is restored/);
    assert.match((await mod.textContent('table')) ?? '', /Mila Moderator.*Not advertising: a joke among neighbours/s);
    assert.equal(await isHidden(database, 'comments', texts.comment), false);
    assert.deepEqual(await axeViolations(mod), [], 'the entry');
    for (const file of await screenshots(mod, 'moderation-entry')) assert.ok(statSync(file).size > 10_000, file);
    await mod.goto(`${origin}/en/moderation?state=restored`);
    for (const file of await screenshots(mod, 'moderation-queue')) assert.ok(statSync(file).size > 10_000, file);
    await mod.context().close();
  });

  test('the queue and the report form are accessible in English, Bulgarian and Finnish', async () => {
    const mod = await as(moderator);
    const page = await as(reader);
    for (const lang of ['en', 'bg', 'fi']) {
      await mod.goto(`${origin}/${lang}/moderation?state=restored`);
      assert.equal(await mod.getAttribute('html', 'lang'), lang);
      assert.deepEqual(await axeViolations(mod), [], `${lang} queue`);
      await page.goto(`${origin}/${lang}/moderation/flag?type=proposal&id=${texts.proposal}&back=/participation`);
      assert.deepEqual(await axeViolations(page), [], `${lang} report page`);
      await page.goto(`${origin}/${lang}/test-flag/${texts.proposal}`);
      await page.click('details.flag summary');
      assert.deepEqual(await axeViolations(page), [], `${lang} folded report form`);
    }
    await page.goto(`${origin}/en/moderation/flag?type=proposal&id=${texts.proposal}&back=/participation`);
    for (const file of await screenshots(page, 'moderation-report')) assert.ok(statSync(file).size > 10_000, file);
    await page.goto(`${origin}/en/test-flag/${texts.proposal}`);
    await page.click('details.flag summary');
    for (const file of await screenshots(page, 'moderation-report-folded')) assert.ok(statSync(file).size > 10_000, file);
    await mod.context().close();
    await page.context().close();
  });
});

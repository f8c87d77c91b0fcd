import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { sampleTowns } from '../content.ts';
import { person, type TestPerson } from '../factories.ts';
import { axeViolations, launchBrowser, noBrowser, openPage, screenshots, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('the process editor in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  let staff: TestPerson;

  before(async () => {
    database = await createTestDatabase('sqlite');
    ({ app, origin } = await servePortal(database));
    const towns = await sampleTowns(database);
    staff = await person(database, { roles: [['municipality_editor', towns.botevgrad]], name: 'Editor Elena' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  /** A browser of its own, signed in as the person when one is given. */
  const as = (who?: TestPerson): Promise<Page> => {
    const [name, value] = (who?.cookie ?? '=').split('=') as [string, string];
    const session = { name, value, domain: '127.0.0.1', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' as const };
    return openPage(browser, { storageState: { cookies: who ? [session] : [], origins: [] } });
  };

  test('staff start a process from their work page, add two phases, publish it; the public sees it; every form is accessible', async () => {
    const page = await as(staff);
    await page.goto(`${origin}/en/work`);
    await page.click('text=Participation processes');
    assert.equal(await page.textContent('h1'), 'Your processes');
    assert.deepEqual(await axeViolations(page), [], 'the list of processes');
    await page.click('a.button:has-text("Start a process")');
    assert.equal(await page.textContent('h1'), 'Start a process');
    assert.deepEqual(await axeViolations(page), [], 'an empty new process');

    // The server catches what the browser would let through, and keeps what was typed.
    await page.fill('#summary', 'What should the park by the river hold?');
    await page.click('button:has-text("Create the process")');
    assert.match((await page.textContent('[role=alert]')) ?? '', /Title: Fill in this field\.[\s\S]*Policy areas: Tick at least one/);
    assert.equal(await page.inputValue('#summary'), 'What should the park by the river hold?');
    assert.deepEqual(await axeViolations(page), [], 'a refused new process');

    await page.fill('#title', 'The river park');
    await page.fill('#description', 'The town asks for **ideas** for its new park.\n\n- paths\n- trees');
    await page.check('#areas-environment');
    await page.check('#areas-sport');
    await page.fill('#support_threshold', '25');
    await page.click('button:has-text("Create the process")');
    assert.match(page.url(), /\/en\/participation\/the-river-park\/phases\?notice=created$/);
    assert.match((await page.textContent('[role=status]')) ?? '', /Now set its phases/);
    assert.deepEqual(await axeViolations(page), [], 'the phases of a new process');

    await page.selectOption('#kind_0', 'ideas');
    await page.fill('#starts_on_0', day(-5));
    await page.fill('#ends_on_0', day(20));
    await page.check('#actions_0-propose');
    await page.check('#actions_0-support');
    await page.click('button:has-text("Add a row")');
    await page.selectOption('#kind_1', 'discussion');
    // Overlapping the first phase is refused beside the field, with everything typed kept.
    await page.fill('#starts_on_1', day(20));
    await page.fill('#ends_on_1', day(50));
    await page.check('#actions_1-comment');
    await page.click('button:has-text("Save the phases")');
    assert.match((await page.textContent('[role=alert]')) ?? '', /Phase 2, First day: This phase overlaps phase 1/);
    assert.equal(await page.inputValue('#ends_on_0'), day(20));
    assert.deepEqual(await axeViolations(page), [], 'refused phases');
    await page.fill('#starts_on_1', day(21));
    await page.click('button:has-text("Save the phases")');
    assert.match((await page.textContent('[role=status]')) ?? '', /The phases are saved/);
    for (const file of await screenshots(page, 'process-phases')) assert.ok(statSync(file).size > 10_000, file);

    await page.click('nav[aria-label="Managing this process"] >> text=Edit');
    await page.check('#published');
    await page.click('button:has-text("Save")');
    assert.match((await page.textContent('[role=status]')) ?? '', /Your changes are saved/);
    for (const file of await screenshots(page, 'process-edit')) assert.ok(statSync(file).size > 10_000, file);
    await page.context().close();

    const visitor = await as(undefined);
    await visitor.goto(`${origin}/en/participation`);
    await visitor.click('text=The river park');
    assert.equal(await visitor.textContent('h1'), 'The river park');
    assert.match((await visitor.textContent('.prose')) ?? '', /The town asks for ideas for its new park/);
    assert.deepEqual(await visitor.$$eval('.phases > li strong', (els) => els.map((e) => e.textContent)), ['Ideas', 'Discussion']);
    assert.equal(await visitor.locator('text=Edit this process').count(), 0, 'no editing links for the public');
    assert.deepEqual(await axeViolations(visitor), [], 'the public page');
    await visitor.context().close();
  });

  test('the editor’s pages are accessible in Bulgarian and Finnish, a new language starting empty', async () => {
    const page = await as(staff);
    for (const lang of ['bg', 'fi']) {
      for (const path of [
        '/participation/manage',
        '/participation/new',
        '/participation/the-river-park/edit',
        '/participation/the-river-park/phases',
      ]) {
        await page.goto(`${origin}/${lang}${path}`);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.deepEqual(await axeViolations(page), [], `${lang}${path}`);
      }
    }
    await page.goto(`${origin}/bg/participation/the-river-park/edit`);
    assert.equal(await page.inputValue('#title'), '', 'a language not written yet starts empty');
    await page.fill('#title', 'Паркът край реката');
    await page.click('main form.form button[type=submit]');
    await page.goto(`${origin}/bg/participation/the-river-park`);
    assert.equal(await page.textContent('h1'), 'Паркът край реката');
    for (const file of await screenshots(page, 'process-public-staff')) assert.ok(statSync(file).size > 10_000, file);
    await page.goto(`${origin}/en/participation/manage`);
    for (const file of await screenshots(page, 'process-list')) assert.ok(statSync(file).size > 10_000, file);
    await page.goto(`${origin}/en/participation/new`);
    for (const file of await screenshots(page, 'process-new')) assert.ok(statSync(file).size > 10_000, file);
    await page.context().close();
  });
});

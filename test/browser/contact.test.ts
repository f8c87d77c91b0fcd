import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { contactSetting } from '../contact.ts';
import type { TestPerson } from '../factories.ts';
import { axeViolations, launchBrowser, noBrowser, pageAs, screenshots, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

const SZ = '/municipalities/bg/stara-zagora/contact';

describe('contacting the town hall in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  let citizen: TestPerson;
  let staff: TestPerson;

  before(async () => {
    database = await createTestDatabase('sqlite');
    ({ app, origin } = await servePortal(database));
    const s = await contactSetting(database);
    citizen = s.citizen;
    staff = s.szEditor;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  test('without JavaScript, a citizen writes to the town hall, its staff answer, the citizen reads the answer', async () => {
    const page = await pageAs(browser, origin, citizen);
    await page.context().route('**/*.js*', (route) => route.abort());
    await page.goto(`${origin}/en/municipalities/bg/stara-zagora`);
    await page.click('a:has-text("Contact the town hall of Stara Zagora")');
    assert.deepEqual(await axeViolations(page), [], 'the contact form');
    await page.selectOption('select[name=topic]', { label: 'Building permits' });
    await page.fill('input[name=name]', 'Citizen Cvetana');
    await page.click('button:has-text("Send to the town hall")');
    assert.match((await page.textContent('.error-summary')) ?? '', /Your message: Fill in this field/);
    assert.deepEqual(await axeViolations(page), [], 'the contact form with its error');
    assert.equal(await page.inputValue('input[name=name]'), 'Citizen Cvetana', 'what was typed stays');
    await page.fill('textarea[name=body]', 'May I replace the windows of my flat without a permit?');
    await page.click('button:has-text("Send to the town hall")');
    assert.match(new URL(page.url()).pathname, /^\/en\/account\/messages\/SZ\d+-\d{4}-\d{5}$/);
    assert.match((await page.textContent('main')) ?? '', /Your message was sent to the town hall/);
    assert.deepEqual(await axeViolations(page), [], 'the thread');
    const thread = new URL(page.url()).pathname;
    await screenshots(page, 'contact-thread');
    await page.context().close();

    const desk = await pageAs(browser, origin, staff);
    await desk.context().route('**/*.js*', (route) => route.abort());
    await desk.goto(`${origin}/en/work`);
    await desk.click(`a[href="/en${SZ}/inbox"]`);
    assert.deepEqual(await axeViolations(desk), [], 'the inbox');
    await desk.selectOption('select[name=state]', 'new');
    await desk.click('button:has-text("Show")');
    await desk.click(`a:has-text("${thread.split('/').pop()}")`);
    assert.deepEqual(await axeViolations(desk), [], 'the letter in the inbox');
    await desk.fill('textarea[name=body]', 'Yes, as long as the facade keeps its look.');
    await desk.click('button:has-text("Send the answer")');
    assert.match((await desk.textContent('main')) ?? '', /The answer was added and mailed to the sender/);
    await screenshots(desk, 'contact-inbox-letter');
    await desk.goto(`${origin}/en${SZ}/topics`);
    assert.deepEqual(await axeViolations(desk), [], 'the topics');
    await desk.context().close();

    const back = await pageAs(browser, origin, citizen);
    await back.goto(`${origin}/en/account/messages`);
    assert.deepEqual(await axeViolations(back), [], 'the account messages');
    await back.click(`a[href="${thread}"]`);
    assert.match((await back.textContent('main')) ?? '', /answered[\s\S]*Yes, as long as the facade keeps its look\./);
    await back.context().close();
  });

  test('the pages pass axe in Bulgarian and Finnish too', async () => {
    const reference = (
      await database.db.selectFrom('contact_enquiries').select('reference').where('author_id', '=', citizen.id).executeTakeFirstOrThrow()
    ).reference!;
    for (const lang of ['bg', 'fi']) {
      for (const [who, path] of [
        [citizen, SZ],
        [citizen, `/account/messages/${reference}`],
        [citizen, '/account/messages'],
        [staff, `${SZ}/inbox`],
        [staff, `${SZ}/topics`],
      ] as const) {
        const page = await pageAs(browser, origin, who);
        await page.goto(`${origin}/${lang}${path}`);
        assert.deepEqual(await axeViolations(page), [], `${lang}${path}`);
        await page.context().close();
      }
    }
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { askAuthors } from '../../src/modules/signals/service/questionnaire.ts';
import type { TestPerson } from '../factories.ts';
import { axeViolations, launchBrowser, noBrowser, pageAs, screenshots, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { linkIn, startSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { sampleReport, staffSetting } from '../signals-staff.ts';

describe('the town hall answers a report in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let smtp: TestSmtp;
  let origin: string;
  let staff: TestPerson;
  let author: TestPerson;
  let report: number;

  before(async () => {
    database = await createTestDatabase('sqlite');
    smtp = await startSmtp();
    ({ app, origin } = await servePortal(database, { SMTP_URL: smtp.url }));
    const s = await staffSetting(database);
    staff = s.staff;
    author = s.author;
    report = await sampleReport(database, s.towns.botevgrad, {
      category: s.categories.botevgrad.roads!,
      author,
      age: 12,
      description: 'A deep pothole in front of the school on Vasil Levski Street.',
    });
    await sampleReport(database, s.towns.botevgrad, {
      category: s.categories.botevgrad.lighting!,
      confirmed: false,
      email: 'x@example.eu',
      age: 3,
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await smtp?.close();
    await database?.drop();
  });

  const as = (who: TestPerson | undefined) => pageAs(browser, origin, who);

  test('staff answer and mark it fixed; four weeks on the author is asked and reopens it', async () => {
    const page = await as(staff);
    for (const lang of ['en', 'bg', 'fr']) {
      await page.goto(`${origin}/${lang}/signals/inbox`);
      assert.deepEqual(await axeViolations(page), [], `${lang} inbox`);
      await page.goto(`${origin}/${lang}/signals/${report}/manage`);
      assert.deepEqual(await axeViolations(page), [], `${lang} manage page`);
    }
    await page.goto(`${origin}/en/signals/inbox`);
    await screenshots(page, 'signals-inbox');
    await page.click(`a[href="/en/signals/${report}/manage"]`);
    assert.match((await page.textContent('h1')) ?? '', new RegExp(`Report #${report}: Roads and pavements`));
    assert.match((await page.textContent('#private')) ?? '', /Maria Author/);

    await page.selectOption('#state', 'in_progress');
    await page.click('#state-form button[type=submit]');
    assert.match((await page.textContent('.error-summary')) ?? '', /Write a public note saying why/, 'a note is required');
    assert.deepEqual(await axeViolations(page), [], 'the refused form');
    await page.fill('#note', 'A crew fills it on Monday.');
    await page.click('#state-form button[type=submit]');
    assert.match((await page.textContent('.notice')) ?? '', /The state is changed and the author told/);
    await page.selectOption('#state', 'fixed');
    await page.fill('#note', 'Filled and sealed.');
    await page.click('#state-form button[type=submit]');
    assert.match((await page.textContent('#timeline')) ?? '', /State: Fixed/);
    await screenshots(page, 'signals-manage');
    await page.context().close();

    await askAuthors(app.context, new Date(Date.now() + 29 * 86_400_000));
    await app.context.mail.deliverDue();
    const asked = await smtp.messageTo(author.email);
    assert.match(asked.subject ?? '', /Наистина ли е отстранено\?/);
    const reader = await as(undefined);
    await reader.goto(linkIn(asked, '/questionnaire/'));
    assert.deepEqual(await axeViolations(reader), [], 'the questionnaire, in Bulgarian');
    await screenshots(reader, 'signals-questionnaire');
    await reader.fill('#note', 'Дупката се появи отново след дъжда.');
    await reader.click('button:has-text("Отваряне на сигнала отново")');
    assert.match((await reader.textContent('h1')) ?? '', /Сигналът е отворен отново/);
    assert.deepEqual(await axeViolations(reader), [], 'the answer');
    await reader.context().close();

    const again = await as(staff);
    await again.goto(`${origin}/en/signals/${report}/manage`);
    assert.match((await again.textContent('.meta .tag')) ?? '', /Reopened/);
    assert.match((await again.textContent('#timeline')) ?? '', /Дупката се появи отново след дъжда/);
    await again.context().close();
  });
});

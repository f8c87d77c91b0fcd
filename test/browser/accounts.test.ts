import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { PASSWORD, person, submit } from '../factories.ts';
import { axeViolations, launchBrowser, noBrowser, openPage, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, DIALECTS } from '../helpers/db.ts';
import { linkIn, startSmtp } from '../helpers/smtp.ts';
import { sampleDirectory } from '../scopes.ts';

const NEW_PASSWORD = 'Rivers of Savinja in spring';

describe('accounts in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  async function checked(page: Page, what: string) {
    assert.deepEqual(await axeViolations(page), [], what);
  }

  for (const dialect of DIALECTS) {
    test(`sign up, confirm from the mail, sign in, change password, download data, delete the account [${dialect}]`, async () => {
      const database = await createTestDatabase(dialect);
      const smtp = await startSmtp();
      const { app, origin } = await servePortal(database, { SMTP_URL: smtp.url });
      const page = await openPage(browser, { acceptDownloads: true });
      try {
        await page.goto(`${origin}/en/`);
        await page.click('.header-account a');
        await page.click('a[href="/en/sign-up"]');
        await checked(page, 'sign-up');
        await page.fill('#name', 'Maja Horvat');
        await page.fill('#email', 'maja@example.hr');
        await page.fill('#password', 'short');
        await page.check('#terms');
        await page.click('form.form button[type=submit]');
        assert.equal(await page.locator('.error-summary a[href="#password"]').count(), 1);
        await checked(page, 'sign-up with errors');
        assert.equal(await page.inputValue('#name'), 'Maja Horvat');
        await page.fill('#password', PASSWORD);
        await page.click('form.form button[type=submit]');
        await page.waitForURL(`${origin}/en/sign-up/check-email`);

        await app.context.mail.deliverDue();
        const mail = await smtp.messageTo('maja@example.hr');
        await page.goto(linkIn(mail, '/confirm/'));
        await checked(page, 'confirm');
        await page.click('main button[type=submit]');
        await page.waitForURL(`${origin}/en/account?notice=confirmed`);
        assert.match((await page.textContent('[role=status]')) ?? '', /confirmed/);
        await checked(page, 'account');

        await page.click('a[href="/en/account/password"]');
        await page.fill('#current_password', PASSWORD);
        await page.fill('#password', NEW_PASSWORD);
        await page.click('form.form button[type=submit]');
        await page.waitForURL(`${origin}/en/account?notice=password-changed`);

        await page.click('.button-form button');
        await page.waitForURL(`${origin}/en/`);
        await page.click('.header-account a');
        await page.fill('#email', 'maja@example.hr');
        await page.fill('#password', PASSWORD);
        await page.click('form.form button[type=submit]');
        assert.equal(await page.locator('.error-summary').count(), 1, 'the old password no longer works');
        await page.fill('#password', NEW_PASSWORD);
        await page.click('form.form button[type=submit]');
        await page.waitForURL(`${origin}/en/account`);

        const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href="/en/account/data"]')]);
        const data = JSON.parse(readFileSync(await download.path(), 'utf8'));
        assert.equal(data.account.email, 'maja@example.hr');
        assert.equal(data.account.name, 'Maja Horvat');

        await page.click('a[href="/en/account/delete"]');
        await checked(page, 'delete');
        await page.fill('#current_password', NEW_PASSWORD);
        await page.click('form.form button[type=submit]');
        await page.waitForURL(`${origin}/en/account/deleted`);
        const row = await database.db.selectFrom('users').select(['email', 'deleted_at']).executeTakeFirstOrThrow();
        assert.match(row.email, /@deleted\.invalid$/);
        assert.ok(row.deleted_at);
        await page.goto(`${origin}/en/account`);
        assert.match(page.url(), /\/en\/sign-in\?next=/, 'signed out');
      } finally {
        await page.context().close();
        await app.close();
        await smtp.close();
        await database.drop();
      }
    });
  }

  test('a platform admin finds the review queue from the header, by clicking; a person without a role learns how to get one', async () => {
    const database = await createTestDatabase('sqlite');
    const { app, origin } = await servePortal(database);
    await sampleDirectory(database);
    const admin = await person(database, { roles: [['platform_admin', null]] });
    const citizen = await person(database);
    await submit(app, '/en/municipalities/propose', { country: 'si', name: 'Piran' }, citizen);
    const page = await openPage(browser);
    const signIn = async (who: typeof admin) => {
      const [name, value] = who.cookie.split('=') as [string, string];
      await page.context().addCookies([{ name, value, url: origin }]);
    };
    try {
      await signIn(admin);
      await page.goto(`${origin}/en/`);
      await page.click('.header-account a[href="/en/work"]');
      await page.waitForURL(`${origin}/en/work`);
      await checked(page, 'work');
      assert.match((await page.textContent('main')) ?? '', /1 proposed place/);
      await page.click('main a[href="/en/admin/claims"]');
      await page.waitForURL(`${origin}/en/admin/claims`);
      assert.match((await page.textContent('main')) ?? '', /Piran/);

      await page.context().clearCookies();
      await signIn(citizen);
      await page.goto(`${origin}/en/work`);
      assert.equal(await page.locator('.header-account a[href="/en/work"]').count(), 0);
      await checked(page, 'work without a role');
    } finally {
      await page.context().close();
      await app.close();
      await database.drop();
    }
  });

  test('every account page has no WCAG 2.1 AA violations in English, Bulgarian and Finnish', async () => {
    const database = await createTestDatabase('sqlite');
    const { app, origin } = await servePortal(database);
    await sampleDirectory(database);
    const admin = await person(database, {
      roles: [
        ['platform_admin', null],
        ['municipality_admin', 4],
      ],
    });
    const anonymous = await openPage(browser);
    const signedIn = await openPage(browser);
    const [name, value] = admin.cookie.split('=') as [string, string];
    await signedIn.context().addCookies([{ name, value, url: origin }]);
    try {
      await signedIn.goto(`${origin}/en/team/municipality/4`);
      await signedIn.fill('#email', 'new.editor@example.eu');
      await signedIn.click('form.form button[type=submit]');
      await signedIn.goto(`${origin}/en/organisations/new`);
      await signedIn.fill('#name', 'Open Schools Network');
      await signedIn.click('form.form button[type=submit]');
      const orgUrl = new URL(signedIn.url()).pathname.replace(/^\/en/, '');
      for (const lang of ['en', 'bg', 'fi']) {
        for (const path of ['/sign-in', '/sign-up', '/password/forgot', '/sign-up/check-email']) {
          await anonymous.goto(`${origin}/${lang}${path}`);
          await checked(anonymous, `${lang}${path}`);
        }
        for (const path of [
          '/account',
          '/account/password',
          '/account/email',
          '/account/sessions',
          '/account/delete',
          '/team/platform',
          '/team/municipality/4',
          '/organisations/new',
          orgUrl,
          `${orgUrl}/edit`,
          '/admin/audit',
          '/work',
        ]) {
          await signedIn.goto(`${origin}/${lang}${path}`);
          assert.equal(await signedIn.getAttribute('html', 'lang'), lang);
          await checked(signedIn, `${lang}${path}`);
        }
      }
    } finally {
      await anonymous.context().close();
      await signedIn.context().close();
      await app.close();
      await database.drop();
    }
  });
});

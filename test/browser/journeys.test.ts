import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { csvRecords, importRecords } from '../../src/modules/municipalities/index.ts';
import { sendDue } from '../../src/modules/newsletters/service/issues.ts';
import { person, type TestPerson } from '../factories.ts';
import { SAMPLE_CSV } from '../fixtures/municipalities.ts';
import { axeViolations, launchBrowser, noBrowser, openPage, screenshots, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { linkIn, startSmtp, type TestSmtp } from '../helpers/smtp.ts';

/**
 * The portal's main journeys, as people make them: staff find every desk from "Your work", never
 * from an address in a manual; the mails they need arrive through a real SMTP server.
 */
describe('staff and a visitor find their way', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  let smtp: TestSmtp;
  let admin: TestPerson;
  let clerk: TestPerson;

  before(async () => {
    smtp = await startSmtp();
    database = await createTestDatabase('sqlite');
    ({ app, origin } = await servePortal(database, { SMTP_URL: smtp.url }));
    await importRecords(database.db, csvRecords(SAMPLE_CSV));
    admin = await person(database, { roles: [['platform_admin', null]], email: 'admin@municipium.eu', name: 'Ana Admin' });
    clerk = await person(database, { email: 'clerk@starazagora.bg', name: 'Kalina Clerk' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await smtp?.close();
    await database?.drop();
  });

  async function as(who: TestPerson | null): Promise<Page> {
    const page = await openPage(browser);
    if (who) {
      const [name, value] = who.cookie.split('=') as [string, string];
      await page.context().addCookies([{ name, value, url: origin }]);
    }
    return page;
  }
  const mailTo = async (address: string, subject: RegExp) => {
    await app.context.mail.deliverDue();
    const mail = await smtp.messageTo(address);
    assert.match(mail.subject ?? '', subject);
    return mail;
  };
  /** From any page, through the header's "Your work" link, to a desk on it. */
  async function desk(page: Page, linkText: string | RegExp, under?: string) {
    await page.goto(`${origin}/en/`);
    await page.click('.header-account a:has-text("Your work")');
    await page.waitForURL(`${origin}/en/work`);
    const scope = under ? page.locator('section', { has: page.locator('h2', { hasText: under }) }) : page;
    await scope.locator('a', { hasText: linkText }).first().click();
  }

  test('a claim is approved from the dashboard, the new town admin publishes news and a newsletter, a visitor subscribes and leaves in one click', async () => {
    // The clerk claims Stara Zagora and confirms the official address.
    const clerkPage = await as(clerk);
    await clerkPage.goto(`${origin}/en/municipalities/bg/stara-zagora/claim`);
    await clerkPage.fill('#job_title', 'Head of European affairs');
    await clerkPage.fill('#official_email', 'clerk@starazagora.bg');
    await clerkPage.fill('#website', 'https://starazagora.bg');
    await clerkPage.click('form.form button[type=submit]');
    const confirmClaim = linkIn(await mailTo('clerk@starazagora.bg', /Confirm your claim of Stara Zagora/), '/claims/confirm/');
    await clerkPage.goto(confirmClaim.replace(/^https?:\/\/[^/]+/, origin));
    await clerkPage.click('main button[type=submit]');

    // The platform admin is mailed, and finds the queue from the dashboard.
    await mailTo('admin@municipium.eu', /Stara Zagora/);
    const adminPage = await as(admin);
    await desk(adminPage, 'Claims and proposed places', 'The platform');
    await adminPage.waitForURL(`${origin}/en/admin/claims`);
    assert.deepEqual(await axeViolations(adminPage), [], 'review queue');
    await adminPage.click('button:has-text("Approve")');
    await adminPage.waitForURL(/notice=approved/);
    await mailTo('clerk@starazagora.bg', /Stara Zagora has joined/);

    // The new administrator finds the newsroom from the dashboard and publishes.
    await desk(clerkPage, 'Newsroom');
    await clerkPage.waitForURL(`${origin}/en/newsroom`);
    await clerkPage.click('a[href="/en/newsroom/new?type=news"]');
    await clerkPage.fill('#title', 'Stara Zagora joins the portal');
    await clerkPage.fill('#summary', 'News from the town hall, in your language.');
    await clerkPage.fill('#body', 'From today the town publishes its **news and events** here.');
    await clerkPage.click('details.form-section:has(#areas-europe) > summary');
    await clerkPage.check('#areas-europe');
    await clerkPage.click('form.form button[type=submit]');
    await clerkPage.waitForURL(/notice=content\.desk\.saved/);
    await clerkPage.click('button:has-text("Publish now")');
    await clerkPage.waitForURL(/notice=content\.desk\.published/);
    const visitor = await as(null);
    await visitor.goto(`${origin}/en/municipalities/bg/stara-zagora`);
    assert.match((await visitor.textContent('main')) ?? '', /Stara Zagora joins the portal/);

    // A visitor subscribes to the town's newsletter from its profile and confirms by mail.
    await visitor.click('a:has-text("Subscribe to the newsletter")');
    await visitor.fill('#email', 'reader@example.eu');
    await screenshots(visitor, 'newsletter-subscribe');
    assert.deepEqual(await axeViolations(visitor), [], 'newsletter page');
    await visitor.click('form.form button[type=submit]');
    await visitor.waitForURL(/\/check$/);
    const confirm = linkIn(
      await mailTo('reader@example.eu', /Confirm your subscription to the Stara Zagora newsletter/),
      '/newsletters/confirm/',
    );
    await visitor.goto(confirm);
    await visitor.click('main button[type=submit]');
    await visitor.waitForURL(/\/subscribed$/);
    assert.equal(await visitor.textContent('h1'), 'You are subscribed');

    // The town admin writes an issue from the dashboard, previews it and sends it.
    await desk(clerkPage, 'Newsletter', 'Stara Zagora');
    await clerkPage.click('a:has-text("Write an issue")');
    await clerkPage.fill('#subject', 'Spring in Stara Zagora');
    await clerkPage.fill('#body', 'The **linden avenue** is green again.\n\n- concerts on Sundays\n- a new bus line');
    await clerkPage.click('button:has-text("Preview")');
    assert.match((await clerkPage.innerHTML('#preview + p + .prose')) ?? '', /<strong>linden avenue<\/strong>/);
    await clerkPage.click('button:has-text("Save the draft")');
    await clerkPage.waitForURL(/notice=saved/);
    await screenshots(clerkPage, 'newsletter-editor');
    assert.deepEqual(await axeViolations(clerkPage), [], 'newsletter editor');
    await clerkPage.click('a:has-text("Send to subscribers")');
    assert.match((await clerkPage.textContent('main')) ?? '', /It goes to 1 confirmed subscriber/);
    await clerkPage.click('button:has-text("Send to 1 subscriber")');
    await clerkPage.waitForURL(/desk\?notice=sending/);
    while ((await sendDue(app.context)) > 0);
    const issue = await mailTo('reader@example.eu', /^Spring in Stara Zagora$/);
    assert.match(issue.html ?? '', /<strong>linden avenue<\/strong>/);

    // Unsubscribing is one click of the mail program: a POST to the List-Unsubscribe address.
    const unsubscribe = /^<([^>]+)>$/.exec(issue.headers.find((h) => h.key === 'list-unsubscribe')?.value ?? '')?.[1];
    assert.ok(unsubscribe);
    assert.equal(issue.headers.find((h) => h.key === 'list-unsubscribe-post')?.value, 'List-Unsubscribe=One-Click');
    const left = await fetch(unsubscribe, { method: 'POST', body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }) });
    assert.equal(left.status, 200);
    await clerkPage.reload();
    const counts = (await clerkPage.textContent('.summary-list')) ?? '';
    assert.match(counts, /Subscribed\s*0 people/);
    assert.match(counts, /Unsubscribed\s*1 person/);
    await screenshots(clerkPage, 'newsletter-desk');
    for (const page of [clerkPage, adminPage, visitor]) await page.context().close();
  });
});

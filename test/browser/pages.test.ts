import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { axeViolations, launchBrowser, noBrowser, openPage, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

describe('pages in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;

  before(async () => {
    database = await createTestDatabase('sqlite');
    ({ app, origin } = await servePortal(database));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  const PATHS = [
    '/',
    '/about',
    '/accessibility',
    '/privacy',
    '/terms',
    '/contact',
    '/contact/thanks',
    '/search?q=privacy',
    '/search?q=nothing-matches-this',
    '/no-such-page',
  ];

  for (const lang of ['en', 'bg', 'fi']) {
    test(`every page in ${lang} has no WCAG 2.1 AA violations`, async () => {
      const page = await openPage(browser);
      for (const path of PATHS) {
        await page.goto(`${origin}/${lang}${path}`);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.deepEqual(await axeViolations(page), [], `${lang}${path}`);
      }
      await page.context().close();
    });
  }

  test('the contact form with errors has no violations, in every complete language', async () => {
    const page = await openPage(browser);
    for (const lang of ['en', 'bg', 'fi', 'sl', 'de', 'fr']) {
      await page.goto(`${origin}/${lang}/contact`);
      await page.click('form.form button[type=submit]');
      await page.waitForSelector('.error-summary');
      assert.deepEqual(await axeViolations(page), [], lang);
    }
    await page.context().close();
  });

  test('the accessibility check does catch a barrier', async () => {
    const page = await openPage(browser);
    await page.setContent('<!doctype html><html lang="en"><title>t</title><main><img src="data:,"><a href="#"></a></main></html>');
    const found = await axeViolations(page);
    assert.ok(
      found.some((v) => v.startsWith('image-alt')),
      found.join('\n'),
    );
    assert.ok(found.some((v) => v.startsWith('link-name')));
    await page.context().close();
  });

  test('the home page of every one of the 24 languages has no violations', async () => {
    const page = await openPage(browser);
    for (const lang of [
      'bg',
      'cs',
      'da',
      'de',
      'el',
      'en',
      'es',
      'et',
      'fi',
      'fr',
      'ga',
      'hr',
      'hu',
      'it',
      'lt',
      'lv',
      'mt',
      'nl',
      'pl',
      'pt',
      'ro',
      'sk',
      'sl',
      'sv',
    ]) {
      await page.goto(`${origin}/${lang}/`);
      assert.deepEqual(await axeViolations(page), [], lang);
    }
    await page.context().close();
  });

  test('the language switcher opens and takes the reader to the same page in another language', async () => {
    const page = await openPage(browser);
    await page.goto(`${origin}/en/privacy`);
    const finnish = page.locator('.lang-switcher a[hreflang="fi"]');
    assert.equal(await finnish.isVisible(), false, 'the list is closed at first');
    await page.click('.lang-switcher summary');
    assert.deepEqual(await axeViolations(page), [], 'the open list is accessible too');
    await finnish.click();
    await page.waitForURL(`${origin}/fi/privacy`);
    assert.equal(await page.getAttribute('html', 'lang'), 'fi');
    assert.notEqual(await page.textContent('h1'), 'Privacy notice');
    await page.context().close();
  });

  test('the main navigation is one row at 1366 px, and Cooperation opens from the keyboard to its pages', async () => {
    const page = await openPage(browser);
    await page.setViewportSize({ width: 1366, height: 800 });
    for (const lang of ['en', 'de', 'fr']) {
      await page.goto(`${origin}/${lang}/`);
      const rows = await page.$$eval('.main-nav > ul > li', (items) => new Set(items.map((li) => li.getBoundingClientRect().top)).size);
      assert.equal(rows, 1, `one row in ${lang}`);
    }
    await page.goto(`${origin}/en/`);
    const partners = page.locator('.nav-group a[href="/en/partner-search"]');
    assert.equal(await partners.isVisible(), false, 'closed at first');
    await page.focus('.nav-group summary');
    await page.keyboard.press('Enter');
    assert.equal(await partners.isVisible(), true);
    assert.deepEqual(await axeViolations(page), [], 'the open group is accessible too');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${origin}/en/partner-search`);
    await page.context().close();
  });

  test('the skip link is the first thing the keyboard reaches and moves focus to the content', async () => {
    const page = await openPage(browser);
    await page.goto(`${origin}/bg/about`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      cls: document.activeElement?.className,
      visible: document.activeElement?.getBoundingClientRect().top ?? -1,
    }));
    assert.equal(focused.cls, 'skip-link');
    assert.ok(focused.visible >= 0, 'the skip link shows when focused');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    assert.match(page.url(), /#main$/);
    await page.context().close();
  });

  test('without JavaScript a visitor searches, and sends the contact form after fixing an error', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/fi/`);
    await page.fill('#site-search', 'saavutettavuus');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/fi\/search\?q=saavutettavuus/);
    await page.click('.results a[href="/fi/accessibility"]');
    await page.click('a[href="/fi/contact?topic=accessibility"]');
    assert.equal(await page.inputValue('#topic'), 'accessibility');
    await page.fill('#name', 'Aino Virtanen');
    await page.fill('#email', 'aino@esimerkki');
    await page.fill('#message', 'Valikon kontrasti on liian heikko.');
    await page.click('form.form button[type=submit]');
    assert.equal(await page.locator('.error-summary a[href="#email"]').count(), 1);
    assert.equal(await page.inputValue('#name'), 'Aino Virtanen', 'what was typed is kept');
    assert.equal(await page.inputValue('#message'), 'Valikon kontrasti on liian heikko.');
    await page.fill('#email', 'aino@esimerkki.fi');
    await page.click('form.form button[type=submit]');
    await page.waitForURL(`${origin}/fi/contact/thanks`);
    const stored = await database.db.selectFrom('contact_messages').selectAll().where('email', '=', 'aino@esimerkki.fi').execute();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]?.language, 'fi');
    await context.close();
  });

  test('pages fit a 320 px wide screen without sideways scrolling', async () => {
    const page = await openPage(browser, { viewport: { width: 320, height: 640 } });
    for (const path of ['/', '/contact', '/accessibility']) {
      await page.goto(`${origin}/de${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} overflows by ${overflow}px`);
    }
    await page.context().close();
  });

  test('the browser reports no CSP violation or script error on any page', async () => {
    const page = await openPage(browser);
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    for (const path of ['/', '/contact', '/search?q=x']) await page.goto(`${origin}/en${path}`);
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});

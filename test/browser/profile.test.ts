import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { storeImage } from '../../src/modules/content/service/images.ts';
import { modules } from '../../src/modules/index.ts';
import { geoNamesRecords, importRecords } from '../../src/modules/municipalities/service/import.ts';
import { person, type TestPerson } from '../factories.ts';
import { axeViolations, launchBrowser, noBrowser, openPage, screenshots, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

const PROFILE = '/municipalities/bg/stara-zagora';

describe('town profiles, following and the home page in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  let follower: TestPerson;
  let editor: TestPerson;

  before(async () => {
    database = await createTestDatabase('sqlite');
    ({ app, origin } = await servePortal(database));
    await importRecords(database.db, geoNamesRecords());
    for (const m of modules) for (const seed of m.seeds ?? []) await seed.run(app.context);
    // The newest story gets a picture of its own, to show a featured card with one.
    const picture = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#5a8f5a' } })
      .png()
      .toBuffer();
    const stored = await storeImage(app.context, picture);
    if (!('base' in stored)) throw new Error('the picture was not stored');
    const newest = await database.db
      .selectFrom('content_items')
      .select('id')
      .where('type', '<>', 'event')
      .orderBy('published_at', 'desc')
      .executeTakeFirstOrThrow();
    await database.db.updateTable('content_items').set({ image: stored.base }).where('id', '=', newest.id).execute();
    await database.db.updateTable('content_texts').set({ image_alt: 'A green meadow' }).where('item_id', '=', newest.id).execute();
    const quiet = await database.db.selectFrom('municipalities').select('id').where('slug', '=', 'chirpan').executeTakeFirstOrThrow();
    follower = await person(database, { name: 'Follower Fani' });
    editor = await person(database, { roles: [['municipality_editor', quiet.id]], name: 'Editor Emil' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  async function as(who: TestPerson | undefined, javaScriptEnabled = true): Promise<Page> {
    const page = await openPage(browser, { javaScriptEnabled });
    if (who) {
      const [name, value] = who.cookie.split('=') as [string, string];
      await page.context().addCookies([{ name, value, url: origin }]);
    }
    return page;
  }

  const shoot = async (page: Page, name: string) => {
    for (const file of await screenshots(page, name)) assert.ok(statSync(file).size > 10_000, `${file} shows a page`);
  };

  test('a visitor sees a profile with its banner, coat of arms, key facts and section links, in every complete language', async () => {
    const page = await as(undefined);
    for (const lang of ['en', 'bg', 'sl', 'fi', 'de', 'fr']) {
      await page.goto(`${origin}/${lang}${PROFILE}`);
      assert.equal(await page.locator('.profile-banner').count(), 1);
      assert.equal(await page.locator('.profile-heading img.coat-of-arms').count(), 1);
      assert.ok((await page.textContent('h1'))?.includes('Стара Загора'));
      assert.ok(await page.locator('.section-nav a[href="#news"]').count(), 'a link to the news');
      assert.deepEqual(await axeViolations(page), [], `${lang} profile`);
    }
    await page.goto(`${origin}/en${PROFILE}`);
    await shoot(page, 'profile');
    await page.context().close();
  });

  test('a person follows a town without JavaScript and finds its news on their home page', async () => {
    const noJs = await as(follower, false);
    await noJs.goto(`${origin}/en${PROFILE}`);
    await Promise.all([noJs.waitForURL(/notice=followed/), noJs.click('#follow button')]);
    assert.equal((await noJs.textContent('#follow button'))?.trim(), 'Following — unfollow');
    await noJs.context().close();

    // axe runs in the page: the rest is looked at with JavaScript on.
    const page = await as(follower);
    await page.goto(`${origin}/en${PROFILE}?notice=followed`);
    assert.deepEqual(await axeViolations(page), [], 'profile of a follower');
    await shoot(page, 'profile-follower');
    await page.goto(`${origin}/en/`);
    const following = page.locator('section.following');
    assert.match((await following.textContent()) ?? '', /From towns you follow/);
    assert.match((await following.locator('.content-card').first().textContent()) ?? '', /Stara Zagora/, 'the town’s news');
    assert.deepEqual(await axeViolations(page), [], 'home of a follower');
    await shoot(page, 'home-follower');
    await page.goto(`${origin}/en/account`);
    assert.ok(await page.locator('#follows a[href="/en/municipalities/bg/stara-zagora"]').count());
    assert.deepEqual(await axeViolations(page), [], 'account page with follows');
    await page.context().close();
  });

  test('the home page opens with the top stories, a picture on the newest, and has no violations', async () => {
    const page = await as(undefined);
    for (const lang of ['en', 'bg', 'de']) {
      await page.goto(`${origin}/${lang}/`);
      assert.equal(await page.locator('.featured-card').count(), 3);
      assert.equal(await page.locator('.featured-picture').first().getAttribute('alt'), 'A green meadow');
      assert.equal(await page.locator('section.following').count(), 0, 'nothing is guessed for a visitor');
      assert.deepEqual(await axeViolations(page), [], `${lang} home`);
    }
    await page.goto(`${origin}/en/`);
    await shoot(page, 'home');
    await page.context().close();
  });

  test('a town’s editor sees its empty sections with what to do; the public does not', async () => {
    const page = await as(editor);
    await page.goto(`${origin}/en/municipalities/bg/chirpan`);
    assert.match((await page.textContent('#news .empty-state')) ?? '', /No news yet/);
    assert.deepEqual(await axeViolations(page), [], 'profile with empty states');
    await shoot(page, 'profile-empty-staff');
    const visitor = await as(undefined);
    await visitor.goto(`${origin}/en/municipalities/bg/chirpan`);
    assert.equal(await visitor.locator('#news').count(), 0);
    await visitor.context().close();
    await page.context().close();
  });
});

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { person, type TestPerson } from '../factories.ts';
import { axeViolations, launchBrowser, noBrowser, pageAs, screenshots, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { open311Towns, sampleSignal } from '../signals-open311.ts';

describe('Open311 keys, a town boundary and its figures in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  let admin: TestPerson;
  let staff: TestPerson;

  before(async () => {
    database = await createTestDatabase('sqlite');
    ({ app, origin } = await servePortal(database));
    const t = await open311Towns(database);
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    await sampleSignal(database, {
      municipalityId: t.staraZagora,
      categoryId: t.roads,
      state: 'fixed',
      createdAt: ago(9),
      fixedAt: ago(6),
    });
    await sampleSignal(database, { municipalityId: t.staraZagora, categoryId: t.trees, createdAt: ago(50) });
    admin = await person(database, { roles: [['platform_admin', null]] });
    staff = await person(database, { roles: [['municipality_admin', t.staraZagora]] });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  const as = (who?: TestPerson) => pageAs(browser, origin, who);

  test('an administrator issues a key, sees it once, and revokes it; accessible in en, bg, fi', async () => {
    const page = await as(admin);
    await page.goto(`${origin}/en/signals/keys`);
    assert.deepEqual(await axeViolations(page), [], 'no keys yet');
    await page.click('button[type=submit]:has-text("Issue the key")');
    assert.match((await page.textContent('[role=alert]')) ?? '', /Application: Fill in this field/);
    assert.deepEqual(await axeViolations(page), [], 'a refused form');
    await page.fill('#name', 'Pothole app');
    await page.fill('#contact_email', 'dev@pothole.example');
    await page.click('button[type=submit]:has-text("Issue the key")');
    assert.match((await page.textContent('[role=status]')) ?? '', /Key for Pothole app/);
    assert.deepEqual(await axeViolations(page), [], 'the key shown');
    await screenshots(page, 'signals-keys');
    await page.click('button:has-text("Revoke")');
    assert.match((await page.textContent('[role=status]')) ?? '', /The key is revoked/);
    for (const lang of ['bg', 'fi']) {
      await page.goto(`${origin}/${lang}/signals/keys`);
      assert.deepEqual(await axeViolations(page), [], lang);
    }
    await page.context().close();
  });

  test('staff upload a boundary and see it on a map; the figures read as tables; accessible in en, bg, fi', async () => {
    const page = await as(staff);
    const path = `${origin}/en/municipalities/bg/stara-zagora/signals/boundary`;
    await page.goto(path);
    assert.deepEqual(await axeViolations(page), [], 'no boundary yet');
    const file = join(tmpdir(), `stara-zagora-${Date.now()}.geojson`);
    writeFileSync(file, '{"type": "Point", "coordinates": [25.6, 42.4]}');
    await page.setInputFiles('#boundary', file);
    await page.click('button[type=submit]:has-text("Upload")');
    assert.match((await page.textContent('[role=alert]')) ?? '', /holds no Polygon or MultiPolygon/);
    assert.deepEqual(await axeViolations(page), [], 'a refused file');
    const ring = [
      [25.4, 42.3],
      [25.9, 42.3],
      [25.9, 42.6],
      [25.4, 42.6],
      [25.4, 42.3],
    ];
    writeFileSync(file, JSON.stringify({ type: 'Polygon', coordinates: [ring] }));
    await page.setInputFiles('#boundary', file);
    await page.click('button[type=submit]:has-text("Upload")');
    assert.match((await page.textContent('[role=status]')) ?? '', /The boundary is saved/);
    await page.waitForSelector('.boundary-map.map--ready');
    assert.deepEqual(await axeViolations(page), [], 'the boundary on its map');
    await screenshots(page, 'signals-boundary');
    for (const lang of ['bg', 'fi']) {
      await page.goto(path.replace('/en/', `/${lang}/`));
      assert.deepEqual(await axeViolations(page), [], lang);
    }
    for (const lang of ['en', 'bg', 'fi']) {
      await page.goto(`${origin}/${lang}/municipalities/bg/stara-zagora/signals/statistics`);
      assert.equal(await page.locator('table caption').count(), 2);
      assert.deepEqual(await axeViolations(page), [], `figures in ${lang}`);
    }
    await screenshots(page, 'signals-statistics');
    await page.context().close();
  });
});

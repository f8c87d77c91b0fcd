import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { minimalPdf } from '../../src/modules/projects/service/deliverable-seeds.ts';
import { sampleTowns } from '../content.ts';
import { person, type TestPerson } from '../factories.ts';
import { axeViolations, launchBrowser, noBrowser, pageAs, screenshots, servePortal } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { sampleProject } from '../projects.ts';

/** Keeps a screenshot where people look for this module's, besides the test output. */
async function shoot(page: Parameters<typeof screenshots>[0], name: string) {
  for (const file of await screenshots(page, name)) copyFileSync(file, `/tmp/projects-${file.split('/').pop()}`);
}

describe('Deliverables in a real browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  let staff: TestPerson;
  let deliverable = '';

  before(async () => {
    database = await createTestDatabase('sqlite');
    ({ app, origin } = await servePortal(database));
    const { staraZagora, botevgrad } = await sampleTowns(database);
    const project = await sampleProject(database, { coordinator: staraZagora, partners: [botevgrad] });
    staff = await person(database, { roles: [['project_partner_staff', project]], name: 'Partner Petra' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  test('partner staff upload a deliverable with an English and a Slovene file', async () => {
    const page = await pageAs(browser, origin, staff);
    await page.goto(`${origin}/en/projects/ec-net/deliverables`);
    await page.click('text=Add a deliverable');
    assert.deepEqual(await axeViolations(page), [], 'the deliverable form');
    await page.fill('input[name=title]', 'Town meetings toolkit');
    await page.fill('textarea[name=summary]', 'Tested methods for partner towns that meet across borders.');
    await page.selectOption('select[name=kind]', 'toolkit');
    await page.fill('input[name=work_package]', 'WP2');
    await page.selectOption('select[name=licence]', 'cc-by-4.0');
    await page.setInputFiles('input[name=file]', {
      name: 'toolkit.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('<script>x</script>'),
    });
    await page.click('button:has-text("Save")');
    assert.match((await page.textContent('.error-summary')) ?? '', /is not a PDF, office document or picture/);
    assert.deepEqual(await axeViolations(page), [], 'the form with its error');
    assert.equal(await page.inputValue('input[name=title]'), 'Town meetings toolkit', 'what was typed stays');
    await page.setInputFiles('input[name=file]', { name: 'toolkit.pdf', mimeType: 'application/pdf', buffer: minimalPdf('Toolkit') });
    await page.click('button:has-text("Save")');
    assert.match(new URL(page.url()).pathname, /^\/en\/deliverables\/\d+$/);
    deliverable = new URL(page.url()).pathname.replace('/en/', '/');
    await page.click('text=Upload a new version or language');
    await page.selectOption('select[name=file_language]', 'sl');
    await page.setInputFiles('input[name=file]', { name: 'orodjarna.pdf', mimeType: 'application/pdf', buffer: minimalPdf('Orodjarna') });
    await page.click('button:has-text("Upload")');
    assert.match((await page.textContent('main')) ?? '', /orodjarna\.pdf/);
    await page.context().close();
  });

  test('a reader finds it by a word and downloads it; the pages are accessible in English, Bulgarian and Finnish', async () => {
    const page = await pageAs(browser, origin);
    await page.goto(`${origin}/en/deliverables`);
    await page.fill('input[name=q]', 'borders');
    await page.click('button:has-text("Show")');
    await page.click('text=Town meetings toolkit');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=toolkit.pdf')]);
    assert.equal(download.suggestedFilename(), 'toolkit.pdf');
    for (const lang of ['en', 'bg', 'fi']) {
      for (const path of ['/deliverables', deliverable, '/projects/ec-net/deliverables']) {
        await page.goto(`${origin}/${lang}${path}`);
        assert.deepEqual(await axeViolations(page), [], `${lang}${path}`);
      }
    }
    await page.goto(`${origin}/en/deliverables`);
    await shoot(page, 'deliverables-library');
    await page.goto(`${origin}/en${deliverable}`);
    await shoot(page, 'deliverables-page');
    await page.context().close();
    const downloads = await database.db
      .selectFrom('deliverable_files')
      .select('downloads')
      .where('language', '=', 'en')
      .executeTakeFirstOrThrow();
    assert.equal(Number(downloads.downloads), 1);
  });
});

import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { createTestApp } from './app.ts';
import type { TestDatabase } from './db.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Why browser tests cannot run here, or false when they can. CI refuses to run without them. */
export const noBrowser: string | false = existsSync(CHROMIUM_PATH) ? false : `no Chromium at ${CHROMIUM_PATH}`;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The portal listening on a free local port, with links in its mails pointing at it. */
export async function servePortal(
  database: TestDatabase,
  env: Record<string, string> = {},
): Promise<{ app: FastifyInstance; origin: string }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const app = await createTestApp(database, { RATE_LIMIT_PER_MINUTE: '0', BASE_URL: origin, ...env });
  await app.listen({ port, host: '127.0.0.1' });
  return { app, origin };
}

/** WCAG 2.1 A and AA rules, as EN 301 549 asks. Returns readable violations, none when clean. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** A page in a context of its own (axe needs one); close it with page.context().close(). */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  return context.newPage();
}

/** A page in a context of its own, signed in with a session cookie ("name=value"), or a visitor's without one. */
export async function pageAs(browser: Browser, origin: string, cookie?: string): Promise<Page> {
  const page = await openPage(browser);
  if (cookie) {
    const [name, value] = cookie.split('=') as [string, string];
    await page.context().addCookies([{ name, value, url: origin }]);
  }
  return page;
}

/** Where the browser tests leave screenshots for people to look at (not checked in). */
export const SCREENSHOTS = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));

/** Saves the page as a phone (390 px) and a laptop (1366 px) show it: `<name>-390.png`, `<name>-1366.png`. */
export async function screenshots(page: Page, name: string): Promise<string[]> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize();
  const files: string[] = [];
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    const file = join(SCREENSHOTS, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    files.push(file);
  }
  if (size) await page.setViewportSize(size);
  return files;
}

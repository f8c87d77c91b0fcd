// Lighthouse 12.2.3 (mobile, the system Chromium) on the pages people land on: home, a town's
// profile, a news item, the directory and the newsroom desk of a signed-in administrator.
// Bar: 100 in accessibility, best practices and SEO, at least 95 in performance.
// Runs alone (npm run bench:lighthouse) or at the end of npm run bench (BENCH_SKIP_LIGHTHOUSE=1 skips it).
// Lighthouse comes from the npm registry through npx on the first run; CHROMIUM_PATH picks the browser.
// Each page is scored BENCH_LIGHTHOUSE_RUNS times (default 3) and the median kept: one run on a
// busy machine can differ by five points of performance from the next.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signedInCookie, startPortal } from './portal.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const BAR: Record<(typeof CATEGORIES)[number], number> = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export interface LighthouseRow {
  page: string;
  scores: Record<string, number>;
  passes: boolean;
}

// A transparent 1×1 PNG for every map tile.
const TILE = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/**
 * Map tiles from a process of their own (Lighthouse runs block this one), as a tile server answers
 * in production: the scores are the portal's, not those of a tile server this machine cannot reach.
 */
function startTiles(): Promise<{ child: ChildProcess; url: string }> {
  const server = `require('http').createServer((q, s) => { s.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=86400' });
    s.end(Buffer.from('${TILE}', 'base64')); }).listen(0, '127.0.0.1', function () { console.log(this.address().port); });`;
  const child = spawn(process.execPath, ['-e', server], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => {
    child.stdout?.once('data', (d) => resolve({ child, url: `http://127.0.0.1:${String(d).trim()}/{z}/{x}/{y}.png` }));
  });
}

function lighthouse(url: string, cookie?: string): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'municipium-lighthouse-'));
  const report = join(dir, 'report.json');
  const args = ['-y', 'lighthouse@12.2.3', url, `--only-categories=${CATEGORIES.join(',')}`, '--output=json', `--output-path=${report}`];
  args.push('--quiet', '--chrome-flags=--headless=new --no-sandbox');
  if (cookie) args.push(`--extra-headers=${JSON.stringify({ Cookie: cookie })}`);
  execFileSync('npx', args, { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }, stdio: 'inherit' });
  const categories = JSON.parse(readFileSync(report, 'utf8')).categories as Record<string, { score: number }>;
  return Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)]));
}

/** Lighthouse now and then fails to record a trace on a busy machine (NO_NAVSTART): such a run is tried again. */
function retried<T>(run: () => T, tries = 3): T {
  for (let i = 1; ; i++) {
    try {
      return run();
    } catch (err) {
      if (i >= tries) throw err;
    }
  }
}

export async function benchLighthouse(): Promise<LighthouseRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'municipium-lighthouse-data-'));
  const tiles = await startTiles();
  const portal = await startPortal({ DATA_DIR: dataDir, MAP_TILE_URL: tiles.url });
  try {
    const cookie = await signedInCookie({ DATA_DIR: dataDir });
    const news = await (await fetch(`${portal.base}/en/news`)).text();
    const item = /href="(\/en\/news\/\d+[^"]*)"/.exec(news)?.[1];
    if (!item) throw new Error('the demo content has no news item');
    const pages: [string, string, string?][] = [
      ['home', '/en/'],
      ['profile', '/en/municipalities/bg/stara-zagora'],
      ['news item', item],
      ['directory', '/en/municipalities'],
      ['newsroom desk', '/en/newsroom', cookie],
    ];
    return pages.map(([page, path, withCookie]) => {
      const runs = Array.from({ length: RUNS }, () => retried(() => lighthouse(`${portal.base}${path}`, withCookie)));
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r[c] ?? 0))]));
      return { page, scores, passes: CATEGORIES.every((c) => (scores[c] ?? 0) >= BAR[c]) };
    });
  } finally {
    await portal.stop();
    tiles.child.kill();
  }
}

export function lighthouseTable(rows: LighthouseRow[]): string {
  const head = `| page | ${CATEGORIES.join(' | ')} | bar |\n|---|${CATEGORIES.map(() => '---:').join('|')}|---|`;
  const lines = rows.map((r) => `| ${r.page} | ${CATEGORIES.map((c) => r.scores[c]).join(' | ')} | ${r.passes ? 'met' : 'MISSED'} |`);
  return [head, ...lines].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchLighthouse();
  console.log(`\nLighthouse 12.2.3, mobile, median of ${RUNS} (bar: performance ≥ 95, the others 100)\n\n${lighthouseTable(rows)}`);
  process.exitCode = rows.every((r) => r.passes) ? 0 : 1;
}

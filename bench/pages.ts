// The portal's pages under load, each beside a static server sending the very same bytes, with the
// full-page cache as configured by default and with PAGE_CACHE=off.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/core/db/client.ts';
import { type Figures, load, type StaticFile, startBaseline } from './load.ts';
import { cli, type Portal, signedInCookie, startPortal } from './portal.ts';

/** More distinct searches than the portal answers in two runs: none is asked twice. */
const SEARCHES = 40_000;

export interface Page {
  name: string;
  path: string;
  cookie?: string;
  /** Paths asked in turn, one per request, where a page must be new each time. */
  paths?: string[];
}

export interface PageRow extends Figures {
  page: string;
  path: string;
  database: string;
  cache: 'on' | 'off';
  signedIn: boolean;
  /** Asked with a new address each time: nothing about it can be kept. */
  varied: boolean;
  baseline: Figures & { kind: string };
}

async function get(base: string, path: string, cookie?: string): Promise<{ text: string; file: StaticFile }> {
  const res = await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}:\n${body.toString().slice(0, 300)}`);
  return { text: body.toString(), file: { body, type: res.headers.get('content-type') ?? 'application/octet-stream' } };
}

/** The first address in `html` that `pattern` matches (its group 1), for pages whose address the demo data decides. */
function linked(html: string, pattern: RegExp, what: string): string {
  const m = pattern.exec(html);
  if (!m) throw new Error(`no link to ${what} in the demo content`);
  return m[1]!.replaceAll('&amp;', '&');
}

/** The pages to measure, with addresses read from the demo content as a visitor would find them. */
async function pages(base: string, cookie: string, searches: string[]): Promise<Page[]> {
  const home = (await get(base, '/en/')).text;
  const profile = '/bg/municipalities/bg/stara-zagora';
  const news = (await get(base, '/en/news')).text;
  return [
    { name: 'home', path: '/en/' },
    { name: 'profile', path: profile },
    { name: 'country', path: '/de/municipalities/de' },
    { name: 'news', path: '/en/news' },
    { name: 'news item', path: linked(news, /href="(\/en\/news\/\d+[^"]*)"/, 'a news item') },
    { name: 'feed', path: linked((await get(base, profile)).text, /href="([^"]*\/feeds\/[^"]*\.rss[^"]*)"/, "a town's feed") },
    { name: 'API', path: '/api/v1/content' },
    { name: 'search', path: '/en/search?q=europe' },
    { name: 'search, a new query each time', path: searches[0]!, paths: searches },
    { name: 'app.css', path: linked(home, /href="(\/static\/app\.css[^"]*)"/, 'the style sheet') },
    { name: 'healthz', path: '/healthz' },
    { name: 'home, signed in', path: '/en/', cookie },
  ];
}

async function measure(url: string, seconds: number, p: Page): Promise<Figures> {
  // The first run warms the server up (compilation, caches, the database's pages); the second counts.
  // A page asked with new paths each time starts the second run where the first ended.
  const half = Math.floor((p.paths?.length ?? 0) / 2);
  await load(url, seconds, p.cookie, p.paths?.slice(0, half));
  return load(url, seconds, p.cookie, p.paths?.slice(half));
}

/**
 * Searches for the names of the smaller places, each once: what is asked is never an answer already
 * kept, and finds a place and what the news say of it, as a visitor's search does.
 */
async function newSearches(env: Record<string, string>): Promise<string[]> {
  const database = openDatabase(env.DATABASE_URL ?? `sqlite:${join(env.DATA_DIR!, 'municipium.sqlite')}`);
  try {
    const rows = await database.db.selectFrom('municipalities').select('name').orderBy('population').limit(SEARCHES).execute();
    return [...new Set(rows.map((r) => r.name))].map((name) => `/en/search?q=${encodeURIComponent(name)}`);
  } finally {
    await database.close();
  }
}

/** Runs fn with the portal up in `env`, and stops it whether fn succeeds or not. */
async function withPortal<T>(env: Record<string, string>, fn: (portal: Portal) => Promise<T>): Promise<T> {
  const portal = await startPortal(env);
  try {
    return await fn(portal);
  } finally {
    await portal.stop();
  }
}

/**
 * Measures every page on a fresh portal with the demo content, on SQLite or on the PostgreSQL
 * database `databaseUrl`: cache on with its baseline beside it, then cache off.
 */
export async function benchPages(database: string, seconds: number, databaseUrl?: string): Promise<PageRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'municipium-bench-'));
  const env: Record<string, string> = { DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  // What a new SQLite portal does at its first start, done by hand: the account made next would stop it.
  cli(['import-municipalities'], env);
  cli(['seed-demo'], env);
  const cookie = await signedInCookie(env);
  const searches = await newSearches(env);
  const rows: PageRow[] = [];
  try {
    const baselines = await withPortal(env, async (portal) => {
      const list = await pages(portal.base, cookie, searches);
      const files = await Promise.all(list.map(async (p) => (await get(portal.base, p.path, p.cookie)).file));
      const baseline = await startBaseline(files);
      try {
        const figures: Figures[] = [];
        for (const [i, p] of list.entries()) {
          const portalFigures = await measure(`${portal.base}${p.path}`, seconds, p);
          figures.push(await load(baseline.url(i), seconds));
          rows.push(row(p, database, 'on', portalFigures, { ...figures[i]!, kind: baseline.kind }));
          console.error(`${database} ${p.name}: ${portalFigures.rps.toFixed(0)} req/s, baseline ${figures[i]!.rps.toFixed(0)}`);
        }
        return { list, figures, kind: baseline.kind };
      } finally {
        await baseline.stop();
      }
    });
    await withPortal({ ...env, PAGE_CACHE: 'off' }, async (portal) => {
      for (const [i, p] of baselines.list.entries()) {
        const figures = await measure(`${portal.base}${p.path}`, seconds, p);
        rows.push(row(p, database, 'off', figures, { ...baselines.figures[i]!, kind: baselines.kind }));
        console.error(`${database} ${p.name}, cache off: ${figures.rps.toFixed(0)} req/s`);
      }
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

const row = (p: Page, database: string, cache: 'on' | 'off', f: Figures, baseline: PageRow['baseline']): PageRow => ({
  ...f,
  page: p.name,
  path: p.path,
  database,
  cache,
  signedIn: Boolean(p.cookie),
  varied: Boolean(p.paths),
  baseline,
});

// npm run bench:memory: the built portal's memory, in production settings on a fresh data folder:
// its start time and resident memory after start, then mixed load (pages, search, feeds, the API and
// a signed-in person's pages) with the resident memory sampled every 10 seconds.
// MEMORY_MINUTES (default 10), MEMORY_CONNECTIONS (default 4), MEMORY_DATABASE_URL (a postgres:// URL
// to run on PostgreSQL instead of SQLite, with the places and the demo content added first by the CLI), MEMORY_SOURCE=1 runs the
// sources through the TypeScript loader instead of the built output.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { rssMb, startPortal } from './portal.ts';

const minutes = Number(process.env.MEMORY_MINUTES ?? 10);
const connections = Number(process.env.MEMORY_CONNECTIONS ?? 4);
const databaseUrl = process.env.MEMORY_DATABASE_URL;
const START_LIMIT = 150;
const LOAD_LIMIT = 250;
const SAMPLE_S = 10;
const root = new URL('..', import.meta.url).pathname;

const ANONYMOUS = [
  '/en/',
  '/de/',
  '/fr/news',
  '/it/events',
  '/en/latest',
  '/de/municipalities/de',
  '/bg/municipalities/bg/stara-zagora',
  '/en/search?q=council',
  '/pl/search?q=park',
  '/en/feeds/content.rss?type=news',
  '/de/feeds/content.atom?type=news',
  '/api/v1/municipalities?limit=20',
  '/api/v1/municipalities?country=it&limit=50',
  '/en/about',
];
const SIGNED_IN = ['/en/account', '/en/work', '/en/account/sessions'];

const dataDir = mkdtempSync(join(tmpdir(), 'municipium-memory-'));
const probeFile = join(dataDir, 'memory.jsonl');
const env = {
  DATA_DIR: dataDir,
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  NODE_OPTIONS: `--import=${join(root, 'bench/probe.mjs')}`,
  MEMORY_PROBE_FILE: probeFile,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cookies = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** The portal's heap in use (MB), asked of its probe. */
async function heapMb(pid: number): Promise<number> {
  const before = existsSync(probeFile) ? readFileSync(probeFile, 'utf8').length : 0;
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 50; i++) {
    await sleep(20);
    const text = existsSync(probeFile) ? readFileSync(probeFile, 'utf8') : '';
    if (text.length > before) return (JSON.parse(text.slice(before).trim()) as NodeJS.MemoryUsage).heapUsed / 1048576;
  }
  return Number.NaN;
}

/** Runs a `municipium` command on the bench's database. */
function cli(args: string[]): string {
  const res = spawnSync(process.execPath, ['bin/municipium.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env, NODE_OPTIONS: '', LOG_LEVEL: 'silent' },
  });
  if (res.status !== 0) throw new Error(`municipium ${args.join(' ')} failed:\n${res.stdout}${res.stderr}`);
  return res.stdout;
}

/** A platform administrator made with the CLI, who chooses a password and signs in: the session cookie. */
async function signedInCookie(base: string): Promise<string> {
  const email = 'memory@example.eu';
  const password = 'a long bench password, 2026';
  const made = cli(['create-admin', '--email', email, '--name', 'Bench']);
  const token = /password\/reset\/([\w-]+)/.exec(made)?.[1];
  if (!token) throw new Error(`create-admin gave no link:\n${made}`);
  const form = await fetch(`${base}/en/password/reset/${token}`);
  const chosen = await fetch(`${base}/en/password/reset/${token}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookies(form), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrfOf(await form.text()), password }),
  });
  if (chosen.status !== 303) throw new Error(`choosing the password answered ${chosen.status}`);
  const signIn = await fetch(`${base}/en/sign-in`);
  const signedIn = await fetch(`${base}/en/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookies(signIn), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrfOf(await signIn.text()), email, password }),
  });
  const session = cookies(signedIn)
    .split('; ')
    .find((c) => c.startsWith('municipium_session='));
  if (!session) throw new Error(`signing in answered ${signedIn.status} without a session`);
  return session;
}

// PostgreSQL gets no demo content by itself: the places and the demo are put there first, as an operator would.
if (databaseUrl) for (const args of [['import-municipalities'], ['seed-demo']]) cli(args);
const portal = await startPortal(env, { source: process.env.MEMORY_SOURCE === '1' });
const pid = portal.child.pid!;
try {
  await sleep(5000);
  const startRss = rssMb(pid);
  const startHeap = await heapMb(pid);
  console.log(`Started in ${(portal.startMs / 1000).toFixed(1)} s; ${startRss.toFixed(0)} MB resident (heap ${startHeap.toFixed(0)} MB)`);
  const session = await signedInCookie(portal.base);
  for (const path of [...ANONYMOUS, ...SIGNED_IN]) {
    const res = await fetch(`${portal.base}${path}`, { headers: { cookie: session }, redirect: 'manual' });
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  }

  const samples: { s: number; rss: number; heap: number }[] = [];
  let requests = 0;
  let errors = 0;
  for (let s = SAMPLE_S; s <= minutes * 60; s += SAMPLE_S) {
    const runs = await Promise.all([
      autocannon({ url: portal.base, connections, duration: SAMPLE_S, requests: ANONYMOUS.map((path) => ({ path })) }),
      autocannon({
        url: portal.base,
        connections: 1,
        duration: SAMPLE_S,
        headers: { cookie: session },
        requests: SIGNED_IN.map((path) => ({ path })),
      }),
    ]);
    for (const r of runs) {
      requests += r.requests.total;
      errors += r.errors + r.non2xx;
    }
    samples.push({ s, rss: rssMb(pid), heap: await heapMb(pid) });
  }

  console.log(`\n${requests} requests, ${errors} errors or non-2xx, ${connections} + 1 connections\n`);
  console.log('| minute | RSS MB (last) | RSS MB (max) | heap used MB |');
  console.log('|---|---|---|---|');
  for (let m = 1; m <= minutes; m++) {
    const inMinute = samples.filter((x) => x.s > (m - 1) * 60 && x.s <= m * 60);
    const last = inMinute.at(-1)!;
    const max = Math.max(...inMinute.map((x) => x.rss));
    console.log(`| ${m} | ${last.rss.toFixed(0)} | ${max.toFixed(0)} | ${last.heap.toFixed(0)} |`);
  }
  // Flat: the last quarter of the run holds no more than the second quarter (after the warm-up) and 10 MB.
  const mean = (xs: { rss: number }[]) => xs.reduce((a, x) => a + x.rss, 0) / xs.length;
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const growth = mean(samples.slice(-quarter)) - mean(samples.slice(quarter, 2 * quarter));
  const peak = Math.max(...samples.map((x) => x.rss));
  const verdict = (ok: boolean) => (ok ? 'yes' : 'NO');
  console.log(`\nAfter start under ${START_LIMIT} MB: ${verdict(startRss < START_LIMIT)} (${startRss.toFixed(0)} MB)`);
  console.log(`Under load under ${LOAD_LIMIT} MB: ${verdict(peak < LOAD_LIMIT)} (peak ${peak.toFixed(0)} MB)`);
  console.log(`Flat (last quarter vs second quarter): ${verdict(growth < 10)} (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB)`);
} finally {
  await portal.stop();
}

// npm run bench: the portal's pages against a static server sending the same bytes, in one run.
// BENCH_DURATION (seconds, default 10), BENCH_CONNECTIONS (default 10),
// BENCH_DATABASE_URL (a postgres:// URL to measure on PostgreSQL as well).
// BENCH_SKIP_CONTENT=1 leaves out the content bench (bench/content.ts), the longest part;
// BENCH_SKIP_LIGHTHOUSE=1 leaves out Lighthouse (bench/lighthouse.ts, also npm run bench:lighthouse).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { benchContent, type ContentFigures, contentTables } from './content.ts';
import { benchDirectory, freshSqliteUrl } from './directory.ts';
import { benchLighthouse, lighthouseTable } from './lighthouse.ts';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const root = new URL('..', import.meta.url).pathname;

interface Row {
  target: string;
  rps: number;
  p50: number;
  p99: number;
  kb: number;
  errors: number;
}

function start(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d) => {
      out += d;
      const m = ready.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${out}`)));
  });
}

async function measure(target: string, url: string): Promise<Row> {
  const r = await autocannon({ url, connections, duration });
  return {
    target,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    kb: r.throughput.average / 1024,
    errors: r.errors + r.non2xx,
  };
}

async function benchPortal(label: string, env: Record<string, string>): Promise<Row[]> {
  const portal = await start(
    ['--import', 'tsx', 'src/main.ts'],
    {
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'municipium-bench-')),
      ...env,
    },
    /running at http:\/\/localhost:(\d+)\//,
  );
  const rows: Row[] = [];
  try {
    for (const path of ['/en/', '/bg/accessibility', '/fi/sign-in', '/bg/municipalities/bg/stara-zagora', '/de/municipalities/de']) {
      const url = `http://127.0.0.1:${portal.port}${path}`;
      const page = await fetch(url);
      const file = join(mkdtempSync(join(tmpdir(), 'municipium-static-')), 'page.html');
      writeFileSync(file, Buffer.from(await page.arrayBuffer()));
      const baseline = await start(['bench/static-server.mjs', file], {}, /listening (\d+)/);
      try {
        // Warm both up so the first samples measure steady state, not compilation.
        await autocannon({ url, connections, duration: 5 });
        rows.push(await measure(`${label} ${path}`, url));
        rows.push(await measure(`static, same bytes`, `http://127.0.0.1:${baseline.port}/`));
      } finally {
        baseline.child.kill('SIGTERM');
      }
    }
    rows.push(await measure(`${label} /healthz`, `http://127.0.0.1:${portal.port}/healthz`));
  } finally {
    portal.child.kill('SIGTERM');
  }
  return rows;
}

function table(rows: Row[]): string {
  const head = ['target', 'req/s', 'p50 ms', 'p99 ms', 'KiB/s', 'errors'];
  const body = rows.map((r) => [r.target, r.rps.toFixed(0), r.p50.toFixed(1), r.p99.toFixed(1), r.kb.toFixed(0), String(r.errors)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [
    line(head),
    `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...body.map(line),
  ].join('\n');
}

/** Runs fn on a schema of its own in the PostgreSQL database, dropped afterwards. */
async function onFreshSchema<T>(url: string, fn: (schemaUrl: string) => Promise<T>): Promise<T> {
  const schema = `bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  try {
    const schemaUrl = new URL(url);
    schemaUrl.searchParams.set('options', `-c search_path=${schema}`);
    return await fn(schemaUrl.toString());
  } finally {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

const rows = await benchPortal('SQLite', {});
const pgUrl = process.env.BENCH_DATABASE_URL;
if (pgUrl) rows.push(...(await onFreshSchema(pgUrl, (url) => benchPortal('PostgreSQL', { DATABASE_URL: url }))));
const directory = [await benchDirectory('SQLite', freshSqliteUrl())];
if (pgUrl) directory.push(await onFreshSchema(pgUrl, (url) => benchDirectory('PostgreSQL', url)));
const content: ContentFigures[] = [];
if (!process.env.BENCH_SKIP_CONTENT) {
  content.push(await benchContent('SQLite'));
  if (pgUrl) content.push(await onFreshSchema(pgUrl, (url) => benchContent('PostgreSQL', url)));
}

console.log(`\n${connections} connections, ${duration} s per target, Node ${process.version}\n`);
console.log(table(rows));
console.log('\nMunicipality directory: import of the GeoNames set, and search latency over 25 queries x 40 rounds\n');
console.log('| database | places | import s | re-import s | search p50 ms | search p95 ms | max ms |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const d of directory) {
  console.log(
    `| ${d.label} | ${d.places} | ${(d.importMs / 1000).toFixed(2)} | ${(d.reimportMs / 1000).toFixed(2)} | ${d.searchP50.toFixed(2)} | ${d.searchP95.toFixed(2)} | ${d.searchMax.toFixed(1)} |`,
  );
}
if (content.length) {
  console.log('\nContent: the pages that read news, events, initiatives and practices, at each size of one growing database');
  console.log('(search: latency of one query at a time over common and rare words, p95 in the p99 column)\n');
  console.log(contentTables(content));
}

if (!process.env.BENCH_SKIP_LIGHTHOUSE) {
  console.log('\nLighthouse 12.2.3, mobile, on SQLite with the demo content (bar: performance ≥ 95, the others 100)\n');
  console.log(lighthouseTable(await benchLighthouse()));
}

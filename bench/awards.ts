// The Mayor of the Year in its public vote: 40 nominees and 200,000 votes already cast. Its pages and
// the editors' audit (clusters over every vote), cache on and off, then the vote itself: 2,000
// signed-in people each casting through the form, 10 at once, each from a network of its own.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../src/core/db/client.ts';
import { migrateToLatest } from '../src/core/db/migrate.ts';
import { SESSION_COOKIE } from '../src/modules/accounts/routes/session.ts';
import { startSession } from '../src/modules/accounts/service/sessions.ts';
import * as repo from '../src/modules/awards/repo.ts';
import { modules } from '../src/modules/index.ts';
import { geoNamesRecords, importRecords } from '../src/modules/municipalities/service/import.ts';
import { signedInCookie, startPortal } from './portal.ts';

const NOMINEES = 40;
const VOTES = 200_000;
const VOTERS = 2_000;
const BATCH = 1_000;
const DAY = 86_400_000;
const duration = Number(process.env.BENCH_CONTENT_DURATION ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** The bar for pages, as for the other parts: 50 ms at the 99th percentile. */
export const AWARDS_P99_MS = 50;

export interface AwardsRow {
  target: string;
  cache: 'on' | 'off' | '-';
  p50: number;
  p99: number;
  rps: number;
  errors: number;
}

export interface AwardsFigures {
  label: string;
  generateMs: number;
  rows: AwardsRow[];
  /** Votes stored after the casts: the 200,000 and one for each person who cast. */
  counted: number;
}

const BROWSER = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html,application/json;q=0.9,*/*;q=0.8' };
type Db = ReturnType<typeof openDatabase>['db'];
const hex = (s: string) => createHash('sha256').update(s).digest('hex');

async function load(target: string, url: string, cache: AwardsRow['cache'], cookie?: string, clients = connections): Promise<AwardsRow> {
  const headers = { ...BROWSER, ...(cookie ? { cookie } : {}) };
  await autocannon({ url, connections: clients, duration: Math.min(2, duration), headers, timeout: 60 });
  const r = await autocannon({ url, connections: clients, duration, headers, timeout: 60 });
  return { target, cache, p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, errors: r.errors + r.non2xx };
}

/** The edition in its vote, its category, the nominees from the largest towns, and the votes: most ordinary, some in clusters. */
async function generate(db: Db): Promise<{ category: number; nominee: number; voters: number[] }> {
  const at = new Date().toISOString();
  const day = (n: number) => new Date(Date.now() + n * DAY).toISOString();
  const edition = await repo.insertEdition(db, {
    slug: 'bench-2026',
    year: 2026,
    nominations_close: day(-20),
    vote_opens: day(-10),
    vote_closes: day(10),
    jury_closes: day(20),
    results_on: day(30),
    jury_weight: 50,
    original_language: 'en',
    created_at: at,
    updated_at: at,
  });
  await repo.saveEditionText(db, edition, 'en', 'Bench Mayor of the Year', 'One vote per person.');
  const category = await repo.insertCategory(db, {
    edition_id: edition,
    slug: 'mayor',
    kind: 'mayor',
    position: 0,
    names: JSON.stringify({ en: 'Mayor of the Year' }),
    published_at: null,
  });
  const towns = await db.selectFrom('municipalities').select('id').orderBy('population', 'desc').limit(NOMINEES).execute();
  const nominees: number[] = [];
  for (const [i, t] of towns.entries()) {
    const id = await repo.insertNomination(db, {
      category_id: category,
      municipality_id: t.id,
      mayor_name: `Mayor ${i + 1}`,
      practice: '',
      state: 'shortlisted',
      merged_into: null,
      nominated_by: null,
      created_at: at,
    });
    await repo.insertReason(db, { nomination_id: id, user_id: null, kind: 'reason', body: 'Listens to people.', url: '', created_at: at });
    nominees.push(id);
  }
  const opened = Date.now() - 10 * DAY;
  for (let start = 0; start < VOTES; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, VOTES - start) }, (_, j) => {
      const i = start + j;
      // One vote in fifty from one of five busy networks within minutes; the rest spread over ten days.
      const cluster = i % 50 === 0;
      const when = cluster ? opened + (i % 5) * DAY + (i % 600) * 1000 : opened + ((i * 4_327) % (10 * DAY));
      return {
        category_id: category,
        nomination_id: nominees[(i * 7) % 13 === 0 ? 0 : i % NOMINEES]!,
        user_id: null,
        voter_key: hex(`voter ${i}`),
        pattern_key: i % 97 === 0 ? hex('pattern') : hex(`pattern ${i}`),
        email_domain: i % 3 ? 'gmail.com' : 'example.eu',
        ip_hash: hex(`ip ${i}`),
        network_hash: cluster ? hex(`network ${i % 5}`) : hex(`network ${i}`),
        user_agent: 'Mozilla/5.0',
        account_created_at: new Date(when - (i % 10 === 0 ? 3_600_000 : 90 * DAY)).toISOString(),
        voted_at: new Date(when).toISOString(),
        changes: 0,
        state: 'counted',
        void_reason: '',
      };
    });
    await db.insertInto('award_votes').values(rows).execute();
  }
  const voters: number[] = [];
  for (let start = 0; start < VOTERS; start += BATCH) {
    const rows = Array.from({ length: BATCH }, (_, j) => ({
      name: `Bench voter ${start + j}`,
      email: `bench.voter${start + j}@example.eu`,
      password_hash: null,
      language: 'en',
      email_confirmed_at: day(-60),
      terms_accepted_at: day(-60),
      terms_version: '2026-01-01',
      created_at: day(-60),
    }));
    voters.push(...(await db.insertInto('users').values(rows).returning('id').execute()).map((r) => r.id));
  }
  return { category, nominee: nominees[1]!, voters };
}

const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

/** Runs fn(0) … fn(count - 1), `connections` at a time, as that many clients would. */
async function inTurns(count: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const client = async () => {
    while (next < count) await fn(next++);
  };
  await Promise.all(Array.from({ length: connections }, client));
}

/** Each voter opens the category page (their form token), then all cast, `connections` at a time: the latency of each cast. */
async function castAll(base: string, sessions: string[], nominee: number): Promise<AwardsRow> {
  const page = `${base}/en/awards/bench-2026/mayor`;
  const ready: { cookie: string; token: string; ip: string }[] = [];
  await inTurns(sessions.length, async (i) => {
    const ip = `10.${i >> 8}.${i & 255}.9`;
    const res = await fetch(page, { headers: { cookie: sessions[i]!, 'x-forwarded-for': ip } });
    const token = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? '';
    const csrf = cookiesOf(res);
    ready[i] = { cookie: csrf ? `${sessions[i]}; ${csrf}` : sessions[i]!, token, ip };
  });
  const times: number[] = [];
  let ok = 0;
  const started = performance.now();
  await inTurns(ready.length, async (i) => {
    const v = ready[i]!;
    const t = performance.now();
    const res = await fetch(`${page}/vote`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: v.cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': v.ip },
      body: new URLSearchParams({ _csrf: v.token, nomination: String(nominee) }),
    });
    await res.arrayBuffer();
    times.push(performance.now() - t);
    if (res.status === 303) ok++;
  });
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  const target = `cast a vote (${ready.length} people, form post)`;
  return { target, cache: '-', p50: at(0.5), p99: at(0.99), rps: times.length / seconds, errors: times.length - ok };
}

/** Builds the vote on a fresh database and measures its pages, the audit and the casting of votes. */
export async function benchAwards(label: string, pgUrl?: string): Promise<AwardsFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'municipium-bench-awards-'));
  const url = pgUrl ?? `sqlite:${join(dataDir, 'municipium.sqlite')}`;
  const env = { DATA_DIR: dataDir, SECRET_KEY: randomBytes(32).toString('hex'), ...(pgUrl ? { DATABASE_URL: pgUrl } : {}) };
  const database = openDatabase(url);
  const t = performance.now();
  let made: { category: number; nominee: number; voters: number[] };
  const sessions: string[] = [];
  try {
    await migrateToLatest(database.db, modules);
    await importRecords(database.db, geoNamesRecords());
    made = await generate(database.db);
    for (const id of made.voters) sessions.push(`${SESSION_COOKIE}=${await startSession(database.db, id, { userAgent: 'bench' })}`);
  } finally {
    await database.close();
  }
  const generateMs = performance.now() - t;
  console.error(`${label}: ${NOMINEES} nominees, ${VOTES} votes, ${VOTERS} voters in ${(generateMs / 1000).toFixed(1)} s`);
  try {
    const editor = await signedInCookie(env);
    const rows: AwardsRow[] = [];
    for (const cache of ['on', 'off'] as const) {
      const portal = await startPortal({ ...env, PAGE_CACHE: cache, TRUST_PROXY: '127.0.0.1' });
      try {
        const category = `${portal.base}/en/awards/bench-2026/mayor`;
        // The audit is one editor's page: asked by one client at a time, as editors would.
        const targets: [string, string, string?, number?][] = [
          ['awards index', `${portal.base}/en/awards`],
          ['the edition', `${portal.base}/en/awards/bench-2026`],
          ['the category in its vote', category],
          ['API: the edition', `${portal.base}/api/v1/awards/bench-2026`],
          ["editors' audit (clusters over every vote), 1 client", `${category}/audit`, editor, 1],
        ];
        for (const [target, address, cookie, clients] of targets) rows.push(await load(target, address, cache, cookie, clients));
        if (cache === 'off') {
          rows.push(await castAll(portal.base, sessions, made.nominee));
        }
      } finally {
        await portal.stop();
      }
    }
    const after = openDatabase(url);
    try {
      const votes = await after.db
        .selectFrom('award_votes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return { label, generateMs, rows, counted: Number(votes.n) };
    } finally {
      await after.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function awardsTable(figures: AwardsFigures[]): string {
  const head = `| database | page cache | page | p50 ms | p99 ms | req/s | errors | p99 < ${AWARDS_P99_MS} ms |\n|---|---|---|---:|---:|---:|---:|---|`;
  const body = figures.flatMap((f) =>
    f.rows.map(
      (r) =>
        `| ${f.label} | ${r.cache} | ${r.target} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rps.toFixed(0)} | ${r.errors} | ${r.p99 < AWARDS_P99_MS ? 'met' : 'MISSED'} |`,
    ),
  );
  return [head, ...body].join('\n');
}

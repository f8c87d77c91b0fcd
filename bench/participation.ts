// A process with 100,000 proposals and 2,000,000 supports: its proposal list in every sort and with
// filters, and a proposal page with 500 comments, anonymous and signed in, on SQLite or PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openDatabase } from '../src/core/db/client.ts';
import { migrateToLatest } from '../src/core/db/migrate.ts';
import type { Tables } from '../src/core/db/tables.ts';
import { SESSION_COOKIE } from '../src/modules/accounts/routes/session.ts';
import { startSession } from '../src/modules/accounts/service/sessions.ts';
import { modules } from '../src/modules/index.ts';
import { geoNamesRecords, importRecords } from '../src/modules/municipalities/service/import.ts';
import * as repo from '../src/modules/participation/repo.ts';
import { randomShuffle } from '../src/modules/participation/service/proposals.ts';
import { startPortal } from './portal.ts';

const PROPOSALS = Number(process.env.BENCH_PROPOSALS ?? 100_000);
const SUPPORTS = Number(process.env.BENCH_SUPPORTS ?? 2_000_000);
const PEOPLE = 20_000;
const COMMENTS = 500;
const BATCH = 4000;
const AREAS = ['taxes', 'environment', 'health', 'culture', 'economy', 'sport', 'social'];
const STATES = [null, null, null, 'evaluating', 'accepted', 'rejected', 'under_way'] as const;
const duration = Number(process.env.BENCH_CONTENT_DURATION ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** The bar: every list and the proposal page answer within 50 ms at the 99th percentile. */
export const PARTICIPATION_P99_MS = 50;

export interface ParticipationRow {
  target: string;
  who: 'anonymous' | 'anonymous, cache off' | 'signed in';
  p50: number;
  p99: number;
  rps: number;
  errors: number;
}

export interface ParticipationFigures {
  label: string;
  proposals: number;
  supports: number;
  generateMs: number;
  rows: ParticipationRow[];
}

type Db = ReturnType<typeof openDatabase>['db'];

const BROWSER = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html,application/json;q=0.9,*/*;q=0.8' };

async function load(target: string, url: string, who: ParticipationRow['who'], cookie?: string): Promise<ParticipationRow> {
  const headers = { ...BROWSER, ...(cookie ? { cookie } : {}) };
  await autocannon({ url, connections, duration: Math.min(2, duration), headers });
  const r = await autocannon({ url, connections, duration, headers });
  return { target, who, p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, errors: r.errors + r.non2xx };
}

const WORDS = 'park school bus lane trees water library square street light bench playground market river bridge'.split(' ');
const words = (i: number, n: number) => Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');

/** Inserts in statements of at most some 30,000 values: both databases bound the values of one statement. */
export async function insertAll<T extends object>(db: Db, table: keyof Tables, rows: T[]) {
  const size = Math.max(1, Math.floor(30_000 / Object.keys(rows[0] ?? { a: 1 }).length));
  for (let i = 0; i < rows.length; i += size)
    await db
      .insertInto(table)
      // biome-ignore lint/suspicious/noExplicitAny: rows of whichever table is named
      .values(rows.slice(i, i + size) as any)
      .execute();
}

/** The town's process, its people, proposals, supports (spread like real ones: a few proposals get most) and comments. */
async function generate(db: Db) {
  const at = new Date().toISOString();
  const town = await db.selectFrom('municipalities').select('id').where('slug', '=', 'botevgrad').executeTakeFirstOrThrow();
  const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
  const processId = await repo.insertProcess(db, {
    slug: 'bench-ideas',
    owner_type: 'municipality',
    owner_id: town.id,
    kind: 'participatory',
    original_language: 'en',
    areas: AREAS.join(','),
    support_threshold: 300,
    support_limit: null,
    supporters: 'confirmed',
    stances: 1,
    published: 1,
    starts_on: day(-30),
    ends_on: day(60),
    created_at: at,
    updated_at: at,
  });
  await repo.saveText(db, { process_id: processId, language: 'en', title: 'Bench ideas', summary: 'Ideas.', description: 'Ideas.' });
  await repo.replacePhases(db, processId, [
    { process_id: processId, position: 0, kind: 'ideas', starts_on: day(-30), ends_on: day(60), actions: 'propose,support,comment' },
  ]);
  const people = Array.from({ length: PEOPLE }, (_, i) => ({
    name: `Person ${i}`,
    email: `person${i}@bench.example.eu`,
    password_hash: 'x',
    language: 'en',
    email_confirmed_at: at,
    terms_accepted_at: at,
    terms_version: '1',
    created_at: at,
  }));
  await insertAll(db, 'users', people);
  const userIds = (await db.selectFrom('users').select('id').orderBy('id').execute()).map((u) => u.id);
  // Supports per proposal: a long tail, summing to SUPPORTS.
  const weights = Array.from({ length: PROPOSALS }, (_, i) => 1 / (1 + (i % 1000)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.min(PEOPLE, Math.round((w / sum) * SUPPORTS)));
  const proposals = Array.from({ length: PROPOSALS }, (_, i) => ({
    process_id: processId,
    author_id: userIds[i % PEOPLE]!,
    on_behalf_of: null,
    language: 'en',
    title: `Proposal ${i}: ${words(i, 4)}`,
    body: `${words(i, 30)}.`,
    area: AREAS[i % AREAS.length]!,
    latitude: i % 3 === 0 ? 42.9 + (i % 100) / 1000 : null,
    longitude: i % 3 === 0 ? 23.79 + (i % 97) / 1000 : null,
    address: null,
    answer_state: STATES[i % STATES.length]!,
    supports_count: counts[i]!,
    comments_count: 0,
    hidden: i % 500 === 0 ? 1 : 0,
    withdrawn: 0,
    published_at: new Date(Date.now() - i * 60_000).toISOString(),
    edited_at: null,
    updated_at: at,
    shuffle: randomShuffle(),
  }));
  await insertAll(db, 'proposals', proposals);
  const ids = (await db.selectFrom('proposals').select('id').where('process_id', '=', processId).orderBy('id').execute()).map((p) => p.id);
  let supports = 0;
  let batch: { proposal_id: number; process_id: number; user_id: number; created_at: string }[] = [];
  for (const [i, proposalId] of ids.entries()) {
    for (let k = 0; k < counts[i]!; k++)
      batch.push({ proposal_id: proposalId, process_id: processId, user_id: userIds[(i + k) % PEOPLE]!, created_at: at });
    if (batch.length >= BATCH * 10) {
      await insertAll(db, 'supports', batch);
      supports += batch.length;
      batch = [];
    }
  }
  await insertAll(db, 'supports', batch);
  supports += batch.length;
  // The proposal with the most comments: half of them answers to the other half.
  const target = ids[1]!;
  const top = Array.from({ length: COMMENTS / 2 }, (_, i) => ({
    subject_type: 'proposal',
    subject_id: target,
    parent_id: null,
    author_id: userIds[i]!,
    body: `${words(i, 25)}.`,
    stance: (['for', 'against', 'neutral'] as const)[i % 3],
    official: 0,
    hidden: 0,
    created_at: at,
    edited_at: null,
  }));
  await insertAll(db, 'comments', top);
  const parents = (await db.selectFrom('comments').select('id').where('subject_id', '=', target).orderBy('id').execute()).map((c) => c.id);
  await insertAll(
    db,
    'comments',
    parents.map((parent_id, i) => ({
      ...top[i]!,
      parent_id,
      stance: null,
      author_id: userIds[PEOPLE - 1 - i]!,
      body: `Re: ${words(i, 12)}.`,
    })),
  );
  await db.updateTable('proposals').set({ comments_count: COMMENTS }).where('id', '=', target).execute();
  return { slug: 'bench-ideas', proposalId: target, supporterId: userIds[0]!, supports };
}

export async function prepareParticipation(label: string, pgUrl?: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'municipium-bench-participation-'));
  const url = pgUrl ?? `sqlite:${join(dataDir, 'municipium.sqlite')}`;
  const database = openDatabase(url);
  const t = performance.now();
  try {
    await migrateToLatest(database.db, modules);
    await importRecords(database.db, geoNamesRecords());
    const made = await generate(database.db);
    // What autovacuum does on a live database within a minute of such a load: visibility and statistics.
    if (database.dialect === 'postgres') await sql`vacuum analyze`.execute(database.db);
    const cookie = `${SESSION_COOKIE}=${await startSession(database.db, made.supporterId, { userAgent: 'bench' })}`;
    const generateMs = performance.now() - t;
    console.error(`${label}: ${PROPOSALS} proposals, ${made.supports} supports in ${(generateMs / 1000).toFixed(1)} s`);
    return { dataDir, made, cookie, generateMs };
  } finally {
    await database.close();
  }
}

/** Builds the process on a fresh database and measures its lists and its busiest proposal. */
export async function benchParticipation(label: string, pgUrl?: string): Promise<ParticipationFigures> {
  const { dataDir, made, cookie, generateMs } = await prepareParticipation(label, pgUrl);
  const env = { DATA_DIR: dataDir, ...(pgUrl ? { DATABASE_URL: pgUrl } : {}) };
  const rows: ParticipationRow[] = [];
  try {
    for (const cache of ['on', 'off'] as const) {
      const portal = await startPortal({ ...env, PAGE_CACHE: cache });
      try {
        const base = `${portal.base}/en/participation/${made.slug}`;
        const targets = [
          ["list, landing page (random, the visitor's own seed)", base],
          ['list, newest', `${base}?sort=newest`],
          ['list, most supported', `${base}?sort=supports`],
          ['list, most commented', `${base}?sort=comments`],
          ['list, random (seeded)', `${base}?sort=random&seed=4242`],
          ['list, area + state, most supported', `${base}?area=health&state=accepted&sort=supports`],
          ['list, area, newest', `${base}?area=health&sort=newest`],
          ['list, supported by me, newest', `${base}?supported=1&sort=newest`],
          ['list, newest, page 200', `${base}?sort=newest&page=200`],
          ['list, random (seeded), page 200', `${base}?sort=random&seed=4242&page=200`],
          ['proposal with 500 comments', `${base}/proposals/${made.proposalId}`],
        ];
        for (const [target, url] of targets) {
          if (cache === 'on') {
            rows.push(await load(target!, url!, 'anonymous'));
            rows.push(await load(target!, url!, 'signed in', cookie));
          } else rows.push(await load(target!, url!, 'anonymous, cache off'));
        }
      } finally {
        await portal.stop();
      }
    }
    return { label, proposals: PROPOSALS, supports: made.supports, generateMs, rows };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function participationTable(figures: ParticipationFigures[]): string {
  const head = `| database | page | who | p50 ms | p99 ms | req/s | errors | p99 < ${PARTICIPATION_P99_MS} ms |\n|---|---|---|---:|---:|---:|---:|---|`;
  const body = figures.flatMap((f) =>
    f.rows.map(
      (r) =>
        `| ${f.label} | ${r.target} | ${r.who} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rps.toFixed(0)} | ${r.errors} | ${r.p99 < PARTICIPATION_P99_MS ? 'met' : 'MISSED'} |`,
    ),
  );
  return [head, ...body].join('\n');
}

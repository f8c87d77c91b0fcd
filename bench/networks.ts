// A network of 10,000 members with 50,000 reports: its member list, its filters, a deep page and the
// map's data, on SQLite or PostgreSQL, with the page cache off (every request is rendered).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../src/core/db/client.ts';
import { migrateToLatest } from '../src/core/db/migrate.ts';
import { modules } from '../src/modules/index.ts';
import { geoNamesRecords, importRecords } from '../src/modules/municipalities/service/import.ts';
import * as repo from '../src/modules/networks/repo.ts';
import type { MembershipState } from '../src/modules/networks/schema.ts';
import { startPortal } from './portal.ts';

const MEMBERS = 10_000;
const REPORTS_EACH = 5;
const BATCH = 500;
const duration = Number(process.env.BENCH_CONTENT_DURATION ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** The bar: a member page and the map's data answer within 50 ms at the 99th percentile. */
export const NETWORK_P99_MS = 50;

export interface NetworkRow {
  target: string;
  /** The page cache: on as by default, or off (every request rendered). */
  cache?: 'on' | 'off';
  p50: number;
  p99: number;
  rps: number;
  errors: number;
}

export interface NetworkFigures {
  label: string;
  members: number;
  reports: number;
  generateMs: number;
  rows: NetworkRow[];
}

/** What a browser sends with every request: it takes compressed answers. */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html,application/json;q=0.9,*/*;q=0.8' };

async function load(target: string, url: string): Promise<NetworkRow> {
  await autocannon({ url, connections, duration: Math.min(2, duration), headers: BROWSER });
  const r = await autocannon({ url, connections, duration, headers: BROWSER });
  return { target, p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, errors: r.errors + r.non2xx };
}

/** Mostly active members; some late, some on hold (hidden from the public list), some still applying. */
const stateOf = (i: number): MembershipState =>
  i % 20 === 0 ? 'on_hold' : i % 20 === 1 ? 'report_overdue' : i % 50 === 2 ? 'submitted' : 'active';

type Db = ReturnType<typeof openDatabase>['db'];

/** The network, its form of two questions, its members from the directory, and five accepted reports each. */
async function generate(db: Db): Promise<{ slug: string; reports: number; member: { country: string; slug: string } }> {
  const at = new Date().toISOString();
  const networkId = await repo.insertNetwork(db, {
    slug: 'bench-covenant',
    kind: 'initiative',
    founded_year: 2008,
    website: null,
    original_language: 'en',
    areas: 'climate,energy',
    created_at: at,
    updated_at: at,
  });
  await repo.saveText(db, {
    network_id: networkId,
    language: 'en',
    name: 'Bench Covenant',
    acronym: 'BC',
    description: 'Towns for the climate.',
  });
  const kind = await repo.insertKind(db, {
    network_id: networkId,
    code: 'signatory',
    labels: JSON.stringify({ en: 'Signatory' }),
    applicants: 'municipality',
    countries: '',
    min_population: null,
    max_population: null,
    report_years: 2,
    grace_days: 90,
    position: 0,
  });
  const question = (kindName: 'text' | 'number', label: string, position: number) =>
    repo.insertQuestion(db, {
      network_id: networkId,
      kind: kindName,
      labels: JSON.stringify({ en: label }),
      choices: '[]',
      required: 1,
      public: 1,
      position,
    });
  const questions = [await question('text', 'What did the town do?', 0), await question('number', 'Tonnes of CO2 avoided', 1)];
  const places = await db
    .selectFrom('municipalities')
    .select(['id', 'country', 'slug'])
    .orderBy('population', 'desc')
    .limit(MEMBERS)
    .execute();
  let reports = 0;
  for (let start = 0; start < places.length; start += BATCH) {
    const rows = places.slice(start, start + BATCH).map((p, j) => {
      const i = start + j;
      const state = stateOf(i);
      const since = new Date(Date.UTC(2008 + (i % 17), i % 12, 1 + (i % 28))).toISOString();
      const joined = state !== 'submitted';
      return {
        network_id: networkId,
        kind_id: kind,
        member_type: 'municipality' as const,
        member_id: p.id,
        country: p.country,
        state,
        since: joined ? since : null,
        commitment_date: joined ? since.slice(0, 10) : null,
        commitment_file: null,
        report_due_at: joined ? new Date(Date.UTC(2027, i % 12, 1)).toISOString() : null,
        created_at: at,
        updated_at: at,
      };
    });
    const ids = (await db.insertInto('memberships').values(rows).returning('id').execute()).map((r) => r.id);
    const reportRows = ids.flatMap((membership_id) =>
      Array.from({ length: REPORTS_EACH }, (_, k) => ({
        membership_id,
        network_id: networkId,
        state: 'accepted' as const,
        due_at: null,
        submitted_at: new Date(Date.UTC(2016 + 2 * k, 3, 1)).toISOString(),
        decided_at: new Date(Date.UTC(2016 + 2 * k, 4, 1)).toISOString(),
        decided_by: null,
        comment: '',
        created_at: at,
        updated_at: at,
      })),
    );
    const reportIds = (await db.insertInto('membership_reports').values(reportRows).returning('id').execute()).map((r) => r.id);
    reports += reportIds.length;
    const answers = reportIds.flatMap((report_id, k) => [
      { report_id, question_id: questions[0]!, value: `Report ${k}: schools insulated, street lights on LEDs, a new cycle lane.` },
      { report_id, question_id: questions[1]!, value: String(100 + (k % 900)) },
    ]);
    for (let a = 0; a < answers.length; a += BATCH)
      await db
        .insertInto('report_answers')
        .values(answers.slice(a, a + BATCH))
        .execute();
  }
  const member = places[3]!;
  return { slug: 'bench-covenant', reports, member: { country: member.country.toLowerCase(), slug: member.slug } };
}

/** A fresh database with the directory and the network in it (pgUrl: a fresh PostgreSQL schema; SQLite otherwise). */
export async function prepareNetwork(label: string, pgUrl?: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'municipium-bench-networks-'));
  const url = pgUrl ?? `sqlite:${join(dataDir, 'municipium.sqlite')}`;
  const database = openDatabase(url);
  const t = performance.now();
  try {
    await migrateToLatest(database.db, modules);
    await importRecords(database.db, geoNamesRecords());
    const made = await generate(database.db);
    const generateMs = performance.now() - t;
    console.error(`${label}: ${MEMBERS} members, ${made.reports} reports in ${(generateMs / 1000).toFixed(1)} s`);
    return { dataDir, made, generateMs };
  } finally {
    await database.close();
  }
}

/** Builds the network on a fresh database and measures its pages. */
export async function benchNetworks(label: string, pgUrl?: string): Promise<NetworkFigures> {
  const { dataDir, made, generateMs } = await prepareNetwork(label, pgUrl);
  const env = { DATA_DIR: dataDir, ...(pgUrl ? { DATABASE_URL: pgUrl } : {}) };
  try {
    const rows: NetworkRow[] = [];
    // As configured by default (whole answers kept), then with every request rendered.
    for (const cache of ['on', 'off'] as const) {
      const portal = await startPortal({ ...env, PAGE_CACHE: cache });
      try {
        const base = `${portal.base}/en/networks/${made.slug}`;
        const profile = `${portal.base}/en/municipalities/${made.member.country}/${made.member.slug}`;
        const targets = [
          ['member page', base],
          ['member page, ?country=de', `${base}?country=de`],
          ['member page 150 (of 176)', `${base}?page=150`],
          ['map data (map.json)', `${base}/map.json`],
          ["a member's profile, with its report", profile],
        ];
        for (const [target, url] of targets) rows.push({ ...(await load(target!, url!)), cache });
      } finally {
        await portal.stop();
      }
    }
    return { label, members: MEMBERS, reports: made.reports, generateMs, rows };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function networkTable(figures: NetworkFigures[]): string {
  const head = `| database | page cache | page | p50 ms | p99 ms | req/s | errors | p99 < ${NETWORK_P99_MS} ms |\n|---|---|---|---:|---:|---:|---:|---|`;
  const body = figures.flatMap((f) =>
    f.rows.map(
      (r) =>
        `| ${f.label} | ${r.cache} | ${r.target} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rps.toFixed(0)} | ${r.errors} | ${r.p99 < NETWORK_P99_MS ? 'met' : 'MISSED'} |`,
    ),
  );
  return [head, ...body].join('\n');
}

// 20,000 projects with 200,000 partners and 100,000 deliverables: the deliverables library (listing,
// full-text search, filters), a project's page, the projects list, and the profile of a town that is a
// partner in many projects, on SQLite or PostgreSQL, with the page cache on and off.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openDatabase } from '../src/core/db/client.ts';
import { migrateToLatest } from '../src/core/db/migrate.ts';
import { isPostgres } from '../src/core/db/schema.ts';
import { modules } from '../src/modules/index.ts';
import { geoNamesRecords, importRecords } from '../src/modules/municipalities/service/import.ts';
import { startPortal } from './portal.ts';

const PROJECTS = 20_000;
const PARTNERS_EACH = 10;
const DELIVERABLES_EACH = 5;
/** The town whose profile is measured is a partner in this many projects. */
const HOT_TOWN_PROJECTS = 60;
const BATCH = 500;
const duration = Number(process.env.BENCH_CONTENT_DURATION ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** The bar: the library's search and a profile with its projects answer within 50 ms at the 99th percentile. */
export const PROJECTS_P99_MS = 50;

export interface ProjectsRow {
  target: string;
  cache?: 'on' | 'off';
  p50: number;
  p99: number;
  rps: number;
  errors: number;
}

export interface ProjectsFigures {
  label: string;
  generateMs: number;
  rows: ProjectsRow[];
}

const BROWSER = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html,application/json;q=0.9,*/*;q=0.8' };

async function load(target: string, url: string): Promise<ProjectsRow> {
  await autocannon({ url, connections, duration: Math.min(2, duration), headers: BROWSER });
  const r = await autocannon({ url, connections, duration, headers: BROWSER });
  return { target, p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, errors: r.errors + r.non2xx };
}

type Db = ReturnType<typeof openDatabase>['db'];

const TOPICS = ['citizenship', 'climate', 'mobility', 'youth', 'heritage', 'energy', 'inclusion', 'tourism', 'water', 'democracy'];
const KINDS = ['toolkit', 'method', 'recommendations', 'report', 'other'] as const;
const AREAS = ['europe', 'climate', 'mobility', 'social', 'culture', 'energy', 'economy', 'environment'];
const word = (i: number) => `w${(i * 7919) % 5000}`;

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/** Programmes, projects with texts and partners, deliverables with texts, search entries and files. */
async function generate(db: Db) {
  const at = new Date().toISOString();
  const programmes: number[] = [];
  for (const acronym of ['CERV', 'Interreg', 'LIFE', 'Horizon', 'Erasmus', 'URBACT']) {
    const r = await db
      .insertInto('programmes')
      .values({
        slug: acronym.toLowerCase(),
        acronym,
        managing_body: '',
        website: '',
        areas: '',
        active: 1,
        original_language: 'en',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    programmes.push(r.id);
  }
  const places = await db
    .selectFrom('municipalities')
    .select(['id', 'country', 'slug'])
    .orderBy('population', 'desc')
    .limit(20_000)
    .execute();
  const hot = places[0]!;
  for (let start = 1; start <= PROJECTS; start += BATCH) {
    const n = Math.min(BATCH, PROJECTS - start + 1);
    const numbers = Array.from({ length: n }, (_, k) => start + k);
    const rows = numbers.map((i) => ({
      slug: `p-${i}`,
      acronym: `P${i}`,
      programme_id: programmes[i % programmes.length]!,
      reference: `101${String(i).padStart(6, '0')}`,
      starts_on: `${2015 + (i % 10)}-0${1 + (i % 9)}-01`,
      ends_on: `${2017 + (i % 10)}-0${1 + (i % 9)}-01`,
      areas: `${AREAS[i % AREAS.length]},${AREAS[(i + 3) % AREAS.length]}`,
      website: '',
      call_id: null,
      budget_eur: null,
      eu_contribution_eur: null,
      created_by: null,
      state: (['running', 'closed', 'planned'] as const)[i % 3]!,
      original_language: 'en',
      created_at: at,
      updated_at: at,
    }));
    const ids = (await db.insertInto('projects').values(rows).returning('id').execute()).map((r) => r.id);
    await db
      .insertInto('project_texts')
      .values(
        ids.map((id, k) => ({
          project_id: id,
          language: 'en',
          title: `Towns together for ${TOPICS[(start + k) % TOPICS.length]} ${word(start + k)}`,
          summary: `Partners exchange how they work on ${TOPICS[(start + k + 1) % TOPICS.length]}.`,
        })),
      )
      .execute();
    const partners = ids.flatMap((id, k) => {
      const i = start + k;
      // The hot town is in the first HOT_TOWN_PROJECTS projects; other partners spread over the directory.
      const towns = Array.from({ length: PARTNERS_EACH }, (_, j) =>
        j === 0 && i <= HOT_TOWN_PROJECTS ? hot : places[(i * 13 + j * 101) % places.length]!,
      );
      return towns.map((t, j) => ({
        project_id: id,
        municipality_id: t.id,
        organisation: '',
        organisation_type: '',
        country: t.country,
        role: j === 0 ? ('coordinator' as const) : ('partner' as const),
        status: 'confirmed' as const,
        joined_on: rows[k]!.starts_on,
        position: j,
        created_at: at,
        updated_at: at,
      }));
    });
    await inBatches(partners, (b) => db.insertInto('project_partners').values(b).execute());
    const deliverables = ids.flatMap((id, k) =>
      Array.from({ length: DELIVERABLES_EACH }, (_, j) => ({
        project_id: id,
        kind: KINDS[j % KINDS.length]!,
        work_package: `WP${1 + j}`,
        licence: 'cc-by-4.0' as const,
        created_by: null,
        published_on: `${2016 + ((start + k + j) % 10)}-${String(1 + ((start + k) % 12)).padStart(2, '0')}-15`,
        areas: rows[k]!.areas,
        original_language: 'en',
        created_at: at,
        updated_at: at,
      })),
    );
    const deliverableIds: number[] = [];
    for (let i = 0; i < deliverables.length; i += BATCH)
      deliverableIds.push(
        ...(
          await db
            .insertInto('deliverables')
            .values(deliverables.slice(i, i + BATCH))
            .returning('id')
            .execute()
        ).map((r) => r.id),
      );
    const texts = deliverableIds.map((id, k) => ({
      deliverable_id: id,
      language: 'en',
      title: `${KINDS[k % KINDS.length]} on ${TOPICS[k % TOPICS.length]} ${word(start * 5 + k)}`,
      summary: `What ${TOPICS[(k + 2) % TOPICS.length]} partners learnt, with ${word(start * 5 + k + 1)} examples.`,
    }));
    const textIds: number[] = [];
    for (let i = 0; i < texts.length; i += BATCH)
      textIds.push(
        ...(
          await db
            .insertInto('deliverable_texts')
            .values(texts.slice(i, i + BATCH))
            .returning('id')
            .execute()
        ).map((r) => r.id),
      );
    if (!isPostgres(db as never))
      await inBatches(
        textIds.map((id, k) => ({ id, ...texts[k]! })),
        (b) =>
          sql`insert into deliverable_fts (rowid, title, summary) values ${sql.join(
            b.map((t) => sql`(${t.id}, ${t.title}, ${`${t.summary} ${t.title.toLowerCase()} ${t.summary.toLowerCase()}`})`),
          )}`.execute(db),
      );
    const files = deliverableIds.flatMap((id, k) =>
      (k % 4 === 0 ? ['en', 'de'] : ['en']).map((language) => ({
        deliverable_id: id,
        language,
        version: 1,
        stored_name: `${String(id).padStart(32, '0')}.pdf`,
        original_name: `deliverable-${id}.pdf`,
        type: 'application/pdf',
        size: 120_000,
        sha256: '0'.repeat(64),
        downloads: 0,
        uploaded_by: null,
        created_at: at,
      })),
    );
    await inBatches(files, (b) => db.insertInto('deliverable_files').values(b).execute());
  }
  if (isPostgres(db as never))
    await sql`update deliverable_texts set search = setweight(to_tsvector('simple', title), 'A')
      || setweight(to_tsvector('simple', summary), 'B') || to_tsvector('simple', lower(title || ' ' || summary))`.execute(db);
  return { hot: { country: hot.country.toLowerCase(), slug: hot.slug }, project: 'p-7' };
}

/** Builds the projects on a fresh database and measures the pages that read them. */
export async function benchProjects(label: string, pgUrl?: string): Promise<ProjectsFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'municipium-bench-projects-'));
  const url = pgUrl ?? `sqlite:${join(dataDir, 'municipium.sqlite')}`;
  const database = openDatabase(url);
  const t = performance.now();
  let made: Awaited<ReturnType<typeof generate>>;
  try {
    await migrateToLatest(database.db, modules);
    await importRecords(database.db, geoNamesRecords());
    made = await generate(database.db);
    if (isPostgres(database.db as never)) await sql`analyze`.execute(database.db);
  } finally {
    await database.close();
  }
  const generateMs = performance.now() - t;
  console.error(
    `${label}: ${PROJECTS} projects, ${PROJECTS * PARTNERS_EACH} partners, ${PROJECTS * DELIVERABLES_EACH} deliverables in ${(generateMs / 1000).toFixed(1)} s`,
  );
  const env = { DATA_DIR: dataDir, ...(pgUrl ? { DATABASE_URL: pgUrl } : {}) };
  try {
    const rows: ProjectsRow[] = [];
    for (const cache of ['on', 'off'] as const) {
      const portal = await startPortal({ ...env, PAGE_CACHE: cache });
      try {
        const b = portal.base;
        const targets: [string, string][] = [
          ['library, newest first', `${b}/en/deliverables`],
          ['library, search a common word', `${b}/en/deliverables?q=toolkit`],
          ['library, search a rare word', `${b}/en/deliverables?q=w4217`],
          ['library, search with filters', `${b}/en/deliverables?q=climate&language=de&area=climate`],
          ['library, filters, page 20', `${b}/en/deliverables?language=de&area=social&page=20`],
          ['API, search', `${b}/api/v1/deliverables?q=heritage`],
          [`profile of a town in ${HOT_TOWN_PROJECTS} projects`, `${b}/en/municipalities/${made.hot.country}/${made.hot.slug}`],
          ['a project page', `${b}/en/projects/${made.project}`],
          ['projects list', `${b}/en/projects`],
        ];
        for (const [target, u] of targets) rows.push({ ...(await load(target, u)), cache });
      } finally {
        await portal.stop();
      }
    }
    return { label, generateMs, rows };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function projectsTable(figures: ProjectsFigures[]): string {
  const head = `| database | page cache | page | p50 ms | p99 ms | req/s | errors | p99 < ${PROJECTS_P99_MS} ms |\n|---|---|---|---:|---:|---:|---:|---|`;
  const body = figures.flatMap((f) =>
    f.rows.map(
      (r) =>
        `| ${f.label} | ${r.cache} | ${r.target} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rps.toFixed(0)} | ${r.errors} | ${r.p99 < PROJECTS_P99_MS ? 'met' : 'MISSED'} |`,
    ),
  );
  return [head, ...body].join('\n');
}

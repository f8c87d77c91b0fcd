// 1,000,000 problem reports over 5,000 towns: a town's list and map data, Open311's GET and POST,
// and placing a point in a town, on SQLite or PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openDatabase } from '../src/core/db/client.ts';
import { migrateToLatest } from '../src/core/db/migrate.ts';
import { newToken } from '../src/core/tokens.ts';
import { modules } from '../src/modules/index.ts';
import { geoNamesRecords, importRecords } from '../src/modules/municipalities/service/import.ts';
import { SIGNAL_STATES } from '../src/modules/signals/schema.ts';
import { DEFAULT_CATEGORIES } from '../src/modules/signals/service/categories.ts';
import { placePoint } from '../src/modules/signals/service/routing.ts';
import { insertAll } from './participation.ts';
import { startPortal } from './portal.ts';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 1_000_000);
const TOWNS = Number(process.env.BENCH_TOWNS ?? 5000);
/** The measured town gets a big city's share: a year or two of a busy hotline. */
const TOWN_REPORTS = 20_000;
const POINTS = 10_000;
const duration = Number(process.env.BENCH_CONTENT_DURATION ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
export const SIGNALS_P99_MS = 50;
export const ROUTING_P99_MS = 5;

export interface SignalsRow {
  target: string;
  who: 'anonymous' | 'anonymous, cache off' | 'Open311 client';
  p50: number;
  p99: number;
  rps: number;
  errors: number;
}

export interface SignalsFigures {
  label: string;
  reports: number;
  towns: number;
  generateMs: number;
  routing: { p50: number; p99: number; max: number };
  rows: SignalsRow[];
}

type Db = ReturnType<typeof openDatabase>['db'];

const BROWSER = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html,application/json;q=0.9,*/*;q=0.8' };
const WORDS = 'pothole lamp bin bench drain tree sign kerb bus stop noise leak graffiti glass'.split(' ');
const words = (i: number, n: number) => Array.from({ length: n }, (_, k) => WORDS[(i * 5 + k * 3) % WORDS.length]).join(' ');

/** A town's area: a 24-sided polygon of about 3 km around its centre. */
const circle = (lat: number, lon: number, r = 0.03) => {
  const ring = Array.from({ length: 25 }, (_, k) => {
    const a = ((k % 24) / 24) * 2 * Math.PI;
    return [lon + (r / Math.cos((lat * Math.PI) / 180)) * Math.cos(a), lat + r * Math.sin(a)];
  });
  return { type: 'Polygon', coordinates: [ring] };
};

/** The largest towns take reports, in the default categories; every second one has drawn its boundary. */
async function generate(db: Db) {
  const at = new Date().toISOString();
  const towns = await db
    .selectFrom('municipalities')
    .select(['id', 'slug', 'country', 'latitude', 'longitude'])
    .where('latitude', 'is not', null)
    .orderBy('population', 'desc')
    .limit(TOWNS)
    .execute();
  const target = towns.find((t) => t.slug === 'stara-zagora' && t.country === 'BG') ?? towns[0]!;
  await insertAll(
    db,
    'signal_categories',
    towns.flatMap((t) =>
      DEFAULT_CATEGORIES.map((d, position) => ({
        municipality_id: t.id,
        code: d.key,
        default_key: d.key,
        area: d.area,
        destination: 'inbox',
        position,
        created_at: at,
        updated_at: at,
      })),
    ),
  );
  const categories = await db.selectFrom('signal_categories').select(['id', 'municipality_id']).orderBy('id').execute();
  const byTown = new Map<number, number[]>();
  for (const c of categories) byTown.set(c.municipality_id, [...(byTown.get(c.municipality_id) ?? []), c.id]);
  await insertAll(
    db,
    'signal_boundaries',
    towns
      .filter((_, i) => i % 2 === 1)
      .map((t) => {
        const lat = t.latitude!;
        const lon = t.longitude!;
        return {
          municipality_id: t.id,
          geometry: JSON.stringify(circle(lat, lon)),
          min_lat: lat - 0.03,
          max_lat: lat + 0.03,
          min_lon: lon - 0.06,
          max_lon: lon + 0.06,
          updated_at: at,
        };
      }),
  );
  const others = towns.filter((t) => t.id !== target.id);
  const span = 2 * 365 * 86_400_000;
  const batch = 20_000;
  for (let from = 0; from < REPORTS; from += batch) {
    const rows = Array.from({ length: Math.min(batch, REPORTS - from) }, (_, k) => {
      const i = from + k;
      const town = i < TOWN_REPORTS ? target : others[i % others.length]!;
      const cats = byTown.get(town.id)!;
      const created = new Date(Date.now() - (i % 1000) * (span / 1000) - (i % 997) * 1000).toISOString();
      return {
        municipality_id: town.id,
        category_id: cats[i % cats.length]!,
        state: SIGNAL_STATES[i % SIGNAL_STATES.length]!,
        latitude: town.latitude! + ((i % 41) - 20) / 2000,
        longitude: town.longitude! + ((i % 43) - 21) / 2000,
        address: `${words(i, 2)} street ${i % 200}`,
        description: `${words(i, 12)}.`,
        author_id: null,
        contact_name: `Reporter ${i}`,
        contact_email: `reporter${i}@bench.example.eu`,
        contact_phone: null,
        show_name: 0,
        confirmed: i % 50 === 0 ? 0 : 1,
        source: 'web',
        token: `bench${i.toString(16).padStart(12, '0')}`,
        created_at: created,
        confirmed_at: created,
        updated_at: created,
      };
    });
    await insertAll(db, 'signals', rows);
  }
  // Each report's first entry, and a public note for those that moved on.
  const ids = await db.selectFrom('signals').select(['id', 'state', 'created_at']).orderBy('id').execute();
  for (let i = 0; i < ids.length; i += batch) {
    const slice = ids.slice(i, i + batch);
    await insertAll(
      db,
      'signal_updates',
      slice.flatMap((s) => [
        { signal_id: s.id, kind: 'created', state: 'open', note: null, author_id: null, from_municipality: null, created_at: s.created_at },
        ...(s.state === 'open'
          ? []
          : [
              {
                signal_id: s.id,
                kind: 'state',
                state: s.state,
                note: 'Our team has looked at it.',
                author_id: null,
                from_municipality: null,
                created_at: s.created_at,
              },
            ]),
      ]),
    );
  }
  const key = newToken();
  await db
    .insertInto('signal_api_keys')
    .values({ name: 'Bench app', contact_email: 'app@bench.example.eu', key_hash: key.hash, created_by: null, created_at: at })
    .execute();
  // Every fiftieth report waits for its mailed link: the measured one is public.
  return { town: target, apiKey: key.token, firstId: ids[1]!.id };
}

/** Places random points of the continent, one at a time, after a warm-up: what a report's routing costs. */
async function routing(db: Db) {
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const point = () => ({ latitude: 36 + random() * 24, longitude: -9 + random() * 39 });
  for (let i = 0; i < 200; i++) await placePoint(db, point());
  const times: number[] = [];
  for (let i = 0; i < POINTS; i++) {
    const p = point();
    const t = performance.now();
    await placePoint(db, p);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p99: at(0.99), max: times[times.length - 1]! };
}

async function load(target: string, opts: autocannon.Options, who: SignalsRow['who']): Promise<SignalsRow> {
  await autocannon({ ...opts, connections, duration: Math.min(2, duration) });
  const r = await autocannon({ ...opts, connections, duration });
  return { target, who, p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, errors: r.errors + r.non2xx };
}

export async function benchSignals(label: string, pgUrl?: string): Promise<SignalsFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'municipium-bench-signals-'));
  const url = pgUrl ?? `sqlite:${join(dataDir, 'municipium.sqlite')}`;
  const database = openDatabase(url);
  const t = performance.now();
  let made: Awaited<ReturnType<typeof generate>>;
  let routed: SignalsFigures['routing'];
  try {
    await migrateToLatest(database.db, modules);
    await importRecords(database.db, geoNamesRecords());
    made = await generate(database.db);
    if (database.dialect === 'postgres') await sql`vacuum analyze`.execute(database.db);
    else await sql`analyze`.execute(database.db);
    console.error(`${label}: ${REPORTS} reports over ${TOWNS} towns in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    routed = await routing(database.db);
  } finally {
    await database.close();
  }
  const generateMs = performance.now() - t;
  const rows: SignalsRow[] = [];
  const env = { DATA_DIR: dataDir, ...(pgUrl ? { DATABASE_URL: pgUrl } : {}) };
  try {
    const { town, apiKey, firstId } = made;
    const place = `${town.country.toLowerCase()}/${town.slug}`;
    for (const cache of ['on', 'off'] as const) {
      const portal = await startPortal({ ...env, PAGE_CACHE: cache, OPEN311_POSTS_PER_KEY: '0' });
      try {
        const who = cache === 'on' ? 'anonymous' : 'anonymous, cache off';
        const get = (path: string) => ({ url: `${portal.base}${path}`, headers: BROWSER });
        const targets: [string, autocannon.Options][] = [
          ["a town's reports", get(`/en/municipalities/${place}/signals`)],
          ["a town's open reports", get(`/en/municipalities/${place}/signals?state=open`)],
          ["a town's map data", get(`/en/municipalities/${place}/signals/map.json`)],
          ['Open311 GET requests.json', get(`/open311/v2/requests.json?jurisdiction_id=${place}`)],
          ['Open311 GET requests.xml', get(`/open311/v2/requests.xml?jurisdiction_id=${place}`)],
          ['Open311 GET, one service, open', get(`/open311/v2/requests.json?jurisdiction_id=${place}&service_code=roads&status=open`)],
          ['Open311 GET one request', get(`/open311/v2/requests/${firstId}.json?jurisdiction_id=${place}`)],
        ];
        for (const [target, opts] of targets) rows.push(await load(target, opts, who));
        if (cache === 'off') {
          const body = new URLSearchParams({
            api_key: apiKey,
            jurisdiction_id: place,
            service_code: 'roads',
            lat: String(town.latitude),
            long: String(town.longitude),
            description: 'A deep pothole by the bus stop.',
            email: 'app-user@bench.example.eu',
          }).toString();
          const post = {
            url: `${portal.base}/open311/v2/requests.json`,
            method: 'POST' as const,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body,
          };
          rows.push(await load('Open311 POST requests.json', post, 'Open311 client'));
        }
      } finally {
        await portal.stop();
      }
    }
    return { label, reports: REPORTS, towns: TOWNS, generateMs, routing: routed, rows };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function signalsTable(figures: SignalsFigures[]): string {
  const head = `| database | page | who | p50 ms | p99 ms | req/s | errors | p99 < ${SIGNALS_P99_MS} ms |\n|---|---|---|---:|---:|---:|---:|---|`;
  const body = figures.flatMap((f) => [
    `| ${f.label} | placing a point in a town (${POINTS} points, in process) | — | ${f.routing.p50.toFixed(2)} | ${f.routing.p99.toFixed(2)} | — | 0 | ${f.routing.p99 < ROUTING_P99_MS ? 'met' : 'MISSED'} (< ${ROUTING_P99_MS} ms) |`,
    ...f.rows.map(
      (r) =>
        `| ${f.label} | ${r.target} | ${r.who} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rps.toFixed(0)} | ${r.errors} | ${r.p99 < SIGNALS_P99_MS && r.errors === 0 ? 'met' : 'MISSED'} |`,
    ),
  ]);
  return [head, ...body].join('\n');
}

// News, events, initiatives and practices at 10k, 100k and 1M items: the portal's pages that read
// them, served by the real server from a database grown step by step.
// BENCH_CONTENT_SIZES (default 10000,100000,1000000), BENCH_CONTENT_DURATION (seconds, default 5).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { openDatabase } from '../src/core/db/client.ts';
import { migrateToLatest } from '../src/core/db/migrate.ts';
import { readCatalog } from '../src/core/i18n/catalog.ts';
import { foldText, slugify } from '../src/core/search/normalize.ts';
import { configOf, textOf } from '../src/modules/content/fulltext.ts';
import { POLICY_AREAS } from '../src/modules/content/schema.ts';
import { renderBody } from '../src/modules/content/service/sanitize.ts';
import { modules } from '../src/modules/index.ts';
import { geoNamesRecords, importRecords } from '../src/modules/municipalities/service/import.ts';
import { startPortal } from './portal.ts';

const sizes = (process.env.BENCH_CONTENT_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const duration = Number(process.env.BENCH_CONTENT_DURATION ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DAY = 86_400_000;

// Deterministic, so that runs and databases get the same data.
let seed = 42;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

/** Draws index i with probability weights[i], in constant time, from a table of 2^20 slots. */
function sampler(weights: number[]): () => number {
  const slots = new Int32Array(1 << 20);
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  let at = 0;
  weights.forEach((w, i) => {
    acc += w;
    const end = Math.round((acc / total) * slots.length);
    for (; at < end; at++) slots[at] = i;
  });
  return () => slots[Math.floor(random() * slots.length)]!;
}

// Real words, from the portal's own translations, drawn with Zipf's law by their frequency there:
// a few words are in most texts and most words in few, as in real text.
const LANGUAGES = ['en', 'de', 'fr', 'bg', 'fi', 'sl'] as const;
const LANGUAGE_OF_COUNTRY: Record<string, string> = {
  AT: 'de',
  DE: 'de',
  LU: 'de',
  FR: 'fr',
  BE: 'fr',
  BG: 'bg',
  FI: 'fi',
  SI: 'sl',
  IE: 'en',
  MT: 'en',
};
const OTHER_LANGUAGE = sampler([30, 25, 20, 10, 8, 7]);
const vocabularies = Object.fromEntries(
  LANGUAGES.map((lang) => {
    const counts = new Map<string, number>();
    const walk = (v: unknown): void => {
      if (typeof v === 'string') {
        for (const w of v
          .replace(/\{[^{}]*\}/g, ' ')
          .toLowerCase()
          .match(/\p{L}{2,}/gu) ?? [])
          counts.set(w, (counts.get(w) ?? 0) + 1);
      } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(readCatalog(lang));
    const words = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w);
    const draw = sampler(words.map((_, rank) => 1 / (rank + 1) ** 1.05));
    return [lang, { words, draw: () => words[draw()]! }];
  }),
) as Record<string, { words: string[]; draw: () => string }>;

function sentence(lang: string, min: number, max: number): string {
  const v = vocabularies[lang]!;
  const words = Array.from({ length: int(min, max) }, v.draw);
  if (words.length > 6 && random() < 0.5) words[int(2, words.length - 3)] += ',';
  return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

interface Place {
  id: number;
  country: string;
  name: string;
}
interface Text {
  id: number;
  item_id: number;
  language: string;
  title: string;
  summary: string;
  body_source: string;
  body_html: string;
  goal: string | null;
  problem: string | null;
  solution: string | null;
  results: string | null;
  updated_at: string;
  body: string;
  folded: string;
}
interface Batch {
  items: Record<string, unknown>[];
  texts: Text[];
  areas: { item_id: number; area: string; published_at: string | null }[];
}

const TAGS = ['budget', 'roads', 'school', 'festival', 'library', 'water', 'park', 'youth', 'elderly', 'energy'];
const ZONES: Record<string, string> = {
  de: 'Europe/Berlin',
  fr: 'Europe/Paris',
  bg: 'Europe/Sofia',
  fi: 'Europe/Helsinki',
  sl: 'Europe/Ljubljana',
  en: 'Europe/Dublin',
};

function texts(id: number, itemId: number, lang: string, type: string, place: Place | undefined, at: string): Text {
  const title = (place && random() < 0.5 ? `${place.name}: ` : '') + sentence(lang, 4, 9).slice(0, -1);
  const summary =
    [sentence(lang, 10, 20), ...(random() < 0.5 ? [sentence(lang, 6, 14)] : [])].join(' ') +
    (place && random() < 0.3 ? ` ${place.name}.` : '');
  const paragraphs = Array.from({ length: int(2, 4) }, () => Array.from({ length: int(2, 4) }, () => sentence(lang, 8, 16)).join(' '));
  const body_source = paragraphs.join('\n\n');
  // Plain paragraphs render to exactly this; checked against renderBody now and then.
  const body_html = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  const body = textOf(body_html);
  return {
    id,
    item_id: itemId,
    language: lang,
    title,
    summary,
    body_source,
    body_html,
    goal: type === 'initiative' ? sentence(lang, 6, 12) : null,
    problem: type === 'practice' ? sentence(lang, 8, 16) : null,
    solution: type === 'practice' ? sentence(lang, 8, 16) : null,
    results: type === 'practice' ? sentence(lang, 8, 16) : null,
    updated_at: at,
    body,
    folded: foldText(`${title} ${summary} ${body}`),
  };
}

/** Items from+1..to, their texts (ids from textId+1) and policy areas, as the content module writes them. */
function generate(from: number, to: number, textId: number, places: Place[], drawPlace: () => number, now: number): Batch {
  const batch: Batch = { items: [], texts: [], areas: [] };
  for (let id = from + 1; id <= to; id++) {
    const r = random();
    const type = r < 0.6 ? 'news' : r < 0.8 ? 'event' : r < 0.9 ? 'initiative' : 'practice';
    const place = random() < 0.02 ? undefined : places[drawPlace()]!;
    const lang = place ? (LANGUAGE_OF_COUNTRY[place.country] ?? LANGUAGES[OTHER_LANGUAGE()]!) : 'en';
    const s = random();
    const state = s < 0.96 ? 'published' : s < 0.98 ? 'draft' : s < 0.99 ? 'unpublished' : 'scheduled';
    const published =
      state === 'draft' ? null : new Date(state === 'scheduled' ? now + random() * 30 * DAY : now - random() * 3 * 365 * DAY);
    const publishedAt = published?.toISOString() ?? null;
    const updatedAt = publishedAt ?? new Date(now - random() * 30 * DAY).toISOString();
    const original = texts(++textId, id, lang, type, place, updatedAt);
    batch.texts.push(original);
    if (lang !== 'en' && random() < 0.3) batch.texts.push(texts(++textId, id, 'en', type, place, updatedAt));
    if (id % 5000 === 0 && renderBody(original.body_source) !== original.body_html)
      throw new Error(`body of item ${id} renders differently`);
    const starts = type === 'event' ? Math.round((now + (random() * 2 - 1) * 365 * DAY) / 900_000) * 900_000 : 0;
    const e = random();
    const ends = type !== 'event' || e < 0.2 ? null : starts + (e < 0.9 ? int(1, 6) * 3_600_000 : int(1, 14) * DAY);
    batch.items.push({
      id,
      type,
      owner_type: place ? 'municipality' : 'platform',
      owner_id: place?.id ?? null,
      country: place?.country ?? null,
      original_language: lang,
      slug: slugify(original.title).slice(0, 80),
      state: state === 'scheduled' ? 'published' : state,
      published_at: publishedAt,
      image: null,
      tags: random() < 0.25 ? `,${[...new Set([pick(TAGS), pick(TAGS)])].join(',')},` : '',
      starts_at: starts ? new Date(starts).toISOString() : null,
      ends_at: ends ? new Date(ends).toISOString() : null,
      time_zone: type === 'event' ? (ZONES[lang] ?? 'Europe/Brussels') : null,
      all_day: 0,
      venue_name: type === 'event' ? sentence(lang, 2, 4).slice(0, -1) : null,
      venue_address: null,
      latitude: null,
      longitude: null,
      online_url: null,
      organiser: null,
      capacity: type === 'event' && random() < 0.2 ? 50 : null,
      deadline: type === 'initiative' ? new Date((published?.getTime() ?? now) + int(30, 90) * DAY).toISOString().slice(0, 10) : null,
      contact: type === 'practice' ? 'office@example.eu' : null,
      created_by: null,
      created_at: updatedAt,
      updated_at: updatedAt,
    });
    const areas = new Set(Array.from({ length: int(1, 3) }, () => pick(POLICY_AREAS)));
    for (const area of areas)
      batch.areas.push({
        item_id: id,
        area,
        published_at: state === 'published' || state === 'scheduled' ? publishedAt : null,
      });
  }
  return batch;
}

const ITEM_COLUMNS = [
  'id',
  'type',
  'owner_type',
  'owner_id',
  'country',
  'original_language',
  'slug',
  'state',
  'published_at',
  'image',
  'tags',
  'starts_at',
  'ends_at',
  'time_zone',
  'all_day',
  'venue_name',
  'venue_address',
  'latitude',
  'longitude',
  'online_url',
  'organiser',
  'capacity',
  'deadline',
  'contact',
  'created_by',
  'created_at',
  'updated_at',
];
const TEXT_COLUMNS = [
  'id',
  'item_id',
  'language',
  'title',
  'summary',
  'body_source',
  'body_html',
  'goal',
  'problem',
  'solution',
  'results',
  'updated_at',
] as const;
const PG_TYPES: Record<string, string> = {
  id: 'int',
  owner_id: 'int',
  all_day: 'int',
  latitude: 'real',
  longitude: 'real',
  capacity: 'int',
  created_by: 'int',
  item_id: 'int',
};
const TIMESTAMPS = new Set(['published_at', 'starts_at', 'ends_at', 'created_at', 'updated_at']);
const BATCH = 5000;

interface Store {
  insert(batch: Batch): Promise<void>;
  finish(): Promise<void>;
  counts(): Promise<{ items: number; texts: number }>;
}

function sqliteStore(path: string): Store {
  const db = new SQLite(path);
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  const insert = (table: string, columns: readonly string[]) =>
    db.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`);
  const items = insert('content_items', ITEM_COLUMNS);
  const texts = insert('content_texts', TEXT_COLUMNS);
  const areas = insert('content_areas', ['item_id', 'area', 'published_at']);
  // The same row as indexText writes: the body column also holds the folded text.
  const fts = db.prepare('insert into content_fts (rowid, title, summary, body) values (?, ?, ?, ?)');
  const write = db.transaction((b: Batch) => {
    for (const i of b.items) items.run(i);
    for (const t of b.texts) {
      texts.run(Object.fromEntries(TEXT_COLUMNS.map((c) => [c, t[c]])));
      fts.run(t.id, t.title, t.summary, `${t.body} ${t.folded}`);
    }
    for (const a of b.areas) areas.run(a);
  });
  return {
    insert: async (b) => write(b),
    finish: async () => void db.pragma('wal_checkpoint(TRUNCATE)'),
    counts: async () =>
      db.prepare('select (select count(*) from content_items) as items, (select count(*) from content_texts) as texts').get() as never,
  };
}

function pgStore(clients: pg.Client[]): Store {
  const unnest = (
    table: string,
    columns: readonly string[],
    extra: { columns: string[]; select: string } = { columns: [], select: '' },
  ) => {
    const all = [...columns, ...extra.columns];
    const values = columns.map((c) => (TIMESTAMPS.has(c) ? `u.${c}::timestamptz` : `u.${c}`));
    return `insert into ${table} (${[...columns, ...(extra.select ? ['search'] : [])].join(', ')})
      select ${values.join(', ')}${extra.select ? `, ${extra.select}` : ''}
      from unnest(${all.map((c, i) => `$${i + 1}::${PG_TYPES[c] ?? 'text'}[]`).join(', ')}) as u(${all.join(', ')})`;
  };
  const itemsSql = unnest('content_items', ITEM_COLUMNS);
  // indexText's vector, computed as the rows go in rather than updated after: one write per row.
  const textsSql = unnest('content_texts', TEXT_COLUMNS, {
    columns: ['cfg', 'body', 'folded'],
    select: `setweight(to_tsvector(u.cfg::regconfig, u.title), 'A') || setweight(to_tsvector(u.cfg::regconfig, u.summary), 'B')
      || to_tsvector(u.cfg::regconfig, u.body) || to_tsvector('simple', u.folded)`,
  });
  const areasSql = unnest('content_areas', ['item_id', 'area', 'published_at']);
  const column = <T>(rows: T[], key: keyof T) => rows.map((r) => r[key]);
  // Batches alternate between connections, so that both cores compute vectors while the next batch is generated.
  const pending: Promise<unknown>[] = clients.map(() => Promise.resolve());
  let turn = 0;
  return {
    async insert(b) {
      const n = turn++ % clients.length;
      const client = clients[n]!;
      await pending[n];
      pending[n] = (async () => {
        await client.query(
          itemsSql,
          ITEM_COLUMNS.map((c) => b.items.map((i) => i[c])),
        );
        await client.query(textsSql, [
          ...TEXT_COLUMNS.map((c) => column(b.texts, c)),
          b.texts.map((t) => configOf(t.language)),
          column(b.texts, 'body'),
          column(b.texts, 'folded'),
        ]);
        await client.query(areasSql, [column(b.areas, 'item_id'), column(b.areas, 'area'), column(b.areas, 'published_at')]);
      })();
      pending[n]!.catch(() => {});
    },
    async finish() {
      await Promise.all(pending);
      const client = clients[0]!;
      for (const t of ['content_items', 'content_texts'])
        await client.query(`select setval(pg_get_serial_sequence('${t}', 'id'), (select max(id) from ${t}))`);
      // As autovacuum would soon after a load: statistics, and the visibility map for index-only scans.
      await client.query('vacuum analyze content_items, content_texts, content_areas');
    },
    counts: async () => {
      const r = await clients[0]!.query(
        'select (select count(*) from content_items)::int as items, (select count(*) from content_texts)::int as texts',
      );
      return r.rows[0];
    },
  };
}

interface Row {
  target: string;
  p50: number;
  p99: number;
  rps: number;
  errors: number;
}
export interface ContentStep {
  items: number;
  texts: number;
  generateMs: number;
  rows: Row[];
}
export interface ContentFigures {
  label: string;
  importMs: number;
  steps: ContentStep[];
}

async function load(target: string, url: string): Promise<Row> {
  await autocannon({ url, connections, duration: Math.min(2, duration) });
  const r = await autocannon({ url, connections, duration });
  return { target, p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, errors: r.errors + r.non2xx };
}

/** Latency of one query at a time: what a reader waits, not what the server sustains. */
async function sequential(target: string, urls: string[], rounds: number): Promise<Row> {
  const times: number[] = [];
  let errors = 0;
  for (const url of urls) await (await fetch(url)).arrayBuffer();
  for (let i = 0; i < rounds; i++) {
    for (const url of urls) {
      const t = performance.now();
      const res = await fetch(url);
      await res.arrayBuffer();
      times.push(performance.now() - t);
      if (!res.ok) errors++;
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!;
  return { target, p50: at(0.5), p99: at(0.95), rps: 1000 / (times.reduce((a, b) => a + b, 0) / times.length), errors };
}

/** Common and rare words of several languages, place names, and two words together. */
function searchQueries(places: Place[]): string[] {
  const v = vocabularies;
  return [
    ...['en', 'de', 'fr', 'bg'].flatMap((l) => [v[l]!.words[8]!, v[l]!.words[60]!, v[l]!.words[400]!]),
    places[0]!.name,
    places[1]!.name,
    places[777]!.name,
    `${v.en!.words[30]} ${v.en!.words[90]}`,
    `${v.de!.words[20]} ${v.de!.words[300]}`,
  ];
}

async function measure(base: string, sql: (q: string) => Promise<Record<string, unknown>[]>, places: Place[]): Promise<Row[]> {
  // The newsroom of the municipality with the most items.
  const [top] =
    await sql(`select m.id, m.country, m.slug from municipalities m where m.id = (select owner_id from content_items where owner_type = 'municipality'
    group by owner_id order by count(*) desc limit 1)`);
  const m = top as { id: number; country: string; slug: string };
  const rows = [
    await load('home /en/', `${base}/en/`),
    await load('newsroom /en/latest?municipality=…', `${base}/en/latest?municipality=${m.id}`),
    await load('profile /en/municipalities/…', `${base}/en/municipalities/${m.country.toLowerCase()}/${m.slug}`),
    await load('feed /en/feeds/content.rss', `${base}/en/feeds/content.rss`),
    await load('feed …content.rss?country=de', `${base}/en/feeds/content.rss?country=de`),
  ];
  const queries = searchQueries(places).map((q) => `${base}/en/latest?q=${encodeURIComponent(q)}`);
  rows.push(await sequential('search /en/latest?q=… (p95)', queries, 5));
  return rows;
}

/** Grows one database through the sizes, measuring the portal on it at each. pgUrl: a fresh PostgreSQL schema; SQLite otherwise. */
export async function benchContent(label: string, pgUrl?: string): Promise<ContentFigures> {
  seed = 42;
  const dataDir = mkdtempSync(join(tmpdir(), 'municipium-bench-content-'));
  const url = pgUrl ?? `sqlite:${join(dataDir, 'municipium.sqlite')}`;
  const database = openDatabase(url);
  let places: Place[];
  let importMs: number;
  try {
    await migrateToLatest(database.db, modules);
    const t = performance.now();
    await importRecords(database.db, geoNamesRecords());
    importMs = performance.now() - t;
    places = await database.db
      .selectFrom('municipalities')
      .select(['id', 'country', 'name', 'population'])
      .orderBy('id')
      .limit(50_000)
      .execute();
  } finally {
    await database.close();
  }
  // Larger places publish more.
  const drawPlace = sampler((places as (Place & { population: number })[]).map((p) => Math.max(p.population, 100) ** 0.6));
  const clients = pgUrl ? [new pg.Client({ connectionString: pgUrl }), new pg.Client({ connectionString: pgUrl })] : [];
  for (const c of clients) {
    await c.connect();
    await c.query('set synchronous_commit = off');
  }
  const client = clients[0];
  const store = client ? pgStore(clients) : sqliteStore(url.slice('sqlite:'.length));
  const sqlite = client ? undefined : new SQLite(url.slice('sqlite:'.length), { readonly: true });
  const sql = async (q: string) => (client ? (await client.query(q)).rows : (sqlite!.prepare(q).all() as Record<string, unknown>[]));
  const steps: ContentStep[] = [];
  const now = Date.now();
  let items = 0;
  let textId = 0;
  try {
    for (const size of sizes) {
      const t = performance.now();
      for (; items < size; items = Math.min(size, items + BATCH)) {
        const batch = generate(items, Math.min(size, items + BATCH), textId, places, drawPlace, now);
        textId = batch.texts.at(-1)!.id;
        await store.insert(batch);
      }
      await store.finish();
      const generateMs = performance.now() - t;
      const counts = await store.counts();
      console.error(`${label}: ${counts.items} items, ${counts.texts} texts in ${(generateMs / 1000).toFixed(1)} s`);
      const portal = await startPortal({ DATA_DIR: dataDir, ...(pgUrl ? { DATABASE_URL: pgUrl } : {}) });
      try {
        steps.push({ ...counts, generateMs, rows: await measure(portal.base, sql, places) });
      } finally {
        await portal.stop();
      }
    }
  } finally {
    for (const c of clients) await c.end();
    sqlite?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { label, importMs, steps };
}

const short = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

/** One table per database: a row per page, p50 and p99 (search: p95) in ms and requests per second at each size. */
export function contentTables(figures: ContentFigures[]): string {
  return figures
    .map((f) => {
      const head = ['target', ...f.steps.flatMap((s) => [`${short(s.items)} p50`, `${short(s.items)} p99`, `${short(s.items)} req/s`])];
      const body = f.steps[0]!.rows.map((r, i) => [
        r.target,
        ...f.steps.flatMap((s) => {
          const x = s.rows[i]!;
          return [x.p50.toFixed(1), `${x.p99.toFixed(1)}${x.errors ? ` (${x.errors} errors)` : ''}`, x.rps.toFixed(0)];
        }),
      ]);
      const lines = [head, head.map((_, i) => (i ? '---:' : '---')), ...body].map((cells) => `| ${cells.join(' | ')} |`);
      const made = f.steps.map((s) => `${short(s.items)} items (${s.texts} texts) ${(s.generateMs / 1000).toFixed(1)} s`).join(', ');
      return [`${f.label}: directory import ${(f.importMs / 1000).toFixed(1)} s; generated ${made}`, '', ...lines].join('\n');
    })
    .join('\n\n');
}

import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../../../core/db/schema.ts';
import type { Tables } from '../../../core/db/tables.ts';
import type { Db, New } from '../repo.ts';
import type { SignalBoundaryRow, SignalState } from '../schema.ts';

/*
 * The SQL of the portal's open side of reports: Open311 reads, its keys, town boundaries, feeds
 * and statistics. Every read of reports is of public ones only: confirmed and not hidden.
 */

export interface RequestFilter {
  municipalityId: number;
  ids?: number[];
  categoryId?: number;
  from?: string;
  to?: string;
  states?: readonly SignalState[];
}

const PUBLIC_COLUMNS = [
  'id',
  'municipality_id',
  'category_id',
  'state',
  'latitude',
  'longitude',
  'address',
  'description',
  'responsible',
  'token',
  'created_at',
  'updated_at',
] as const;

/** A town's public reports, newest first, along the signals_town index. */
export function publicRequests(db: Db, f: RequestFilter, limit: number) {
  let q = db
    .selectFrom('signals')
    .select(PUBLIC_COLUMNS)
    .where('municipality_id', '=', f.municipalityId)
    .where('confirmed', '=', 1)
    .where('hidden', '=', 0);
  if (f.ids) q = q.where('id', 'in', f.ids);
  if (f.from) q = q.where('created_at', '>=', f.from);
  if (f.to) q = q.where('created_at', '<=', f.to);
  if (f.categoryId !== undefined) q = q.where('category_id', '=', f.categoryId);
  if (f.states) q = q.where('state', 'in', f.states);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export type PublicRequest = Awaited<ReturnType<typeof publicRequests>>[number];

/** One public report by id or by its Open311 token. */
export function publicRequest(db: Db, by: { id: number } | { token: string }) {
  let q = db.selectFrom('signals').select(PUBLIC_COLUMNS).where('confirmed', '=', 1).where('hidden', '=', 0);
  q = 'id' in by ? q.where('id', '=', by.id) : q.where('token', '=', by.token);
  return q.executeTakeFirst();
}

/** The first photo staff left visible of each report. */
export async function firstPhotos(db: Db, signalIds: number[]): Promise<Map<number, string>> {
  if (!signalIds.length) return new Map();
  const rows = await db
    .selectFrom('signal_photos')
    .select(['signal_id', 'file'])
    .where('signal_id', 'in', signalIds)
    .where('hidden', '=', 0)
    .orderBy('signal_id')
    .orderBy('position', 'desc')
    .orderBy('id', 'desc')
    .execute();
  // Ordered last to first within each report: the first one is written last.
  return new Map(rows.map((r) => [r.signal_id, r.file]));
}

/** The latest public note of each report. */
export async function latestNotes(db: Db, signalIds: number[]): Promise<Map<number, string>> {
  if (!signalIds.length) return new Map();
  const rows = await db
    .selectFrom('signal_updates')
    .select(['signal_id', 'note'])
    .where('signal_id', 'in', signalIds)
    .where('kind', '!=', 'internal')
    .where('note', 'is not', null)
    .orderBy('signal_id')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return new Map(rows.map((r) => [r.signal_id, r.note!]));
}

// Open311 keys

export const keyByHash = (db: Db, hash: string) =>
  db.selectFrom('signal_api_keys').selectAll().where('key_hash', '=', hash).executeTakeFirst();

export const insertKey = (db: Db, row: New<Tables['signal_api_keys']>) =>
  db.insertInto('signal_api_keys').values(row).returning('id').executeTakeFirstOrThrow();

export const allKeys = (db: Db) =>
  db.selectFrom('signal_api_keys').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').execute();

export const keyById = (db: Db, id: number) => db.selectFrom('signal_api_keys').selectAll().where('id', '=', id).executeTakeFirst();

export const revokeKey = (db: Db, id: number, now: string) =>
  db.updateTable('signal_api_keys').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();

/** Marks a key used, unless it was within the last minute (`since`): one write a minute at most. */
export const touchKey = (db: Db, id: number, now: string, since: string) =>
  db
    .updateTable('signal_api_keys')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', since)]))
    .execute();

// Town boundaries

export const boundaryOf = (db: Db, municipalityId: number) =>
  db.selectFrom('signal_boundaries').selectAll().where('municipality_id', '=', municipalityId).executeTakeFirst();

export const saveBoundary = (db: Db, row: SignalBoundaryRow) =>
  db
    .insertInto('signal_boundaries')
    .values(row)
    .onConflict((oc) =>
      oc.column('municipality_id').doUpdateSet({
        geometry: row.geometry,
        min_lat: row.min_lat,
        max_lat: row.max_lat,
        min_lon: row.min_lon,
        max_lon: row.max_lon,
        updated_at: row.updated_at,
      }),
    )
    .execute();

export const removeBoundary = (db: Db, municipalityId: number) =>
  db.deleteFrom('signal_boundaries').where('municipality_id', '=', municipalityId).executeTakeFirst();

// Statistics

/** The month (YYYY-MM, UTC) of a point in time: text on SQLite, timestamptz on PostgreSQL. */
const monthOf = (db: Kysely<Tables>, column: string) =>
  isPostgres(db as Kysely<unknown>)
    ? sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM')`
    : sql<string>`substr(${sql.ref(column)}, 1, 7)`;

/** Days from a report to its fix. */
const daysToFix = (db: Kysely<Tables>) =>
  isPostgres(db as Kysely<unknown>)
    ? sql<number>`extract(epoch from (fixed_at - created_at)) / 86400.0`
    : sql<number>`julianday(fixed_at) - julianday(created_at)`;

const townSince = (db: Kysely<Tables>, municipalityId: number, since: string) =>
  db
    .selectFrom('signals')
    .where('municipality_id', '=', municipalityId)
    .where('confirmed', '=', 1)
    .where('hidden', '=', 0)
    .where('created_at', '>=', since);

// Written out, not bound: PostgreSQL cannot tell the type of a bound 1 or 0 inside sum().
const FIXED = sql<number>`case when state = 'fixed' then 1 else 0 end`;

/** A town's public reports since a time, counted by month, and of those how many are fixed. */
export function countsByMonth(db: Kysely<Tables>, municipalityId: number, since: string) {
  const month = monthOf(db, 'created_at');
  return townSince(db, municipalityId, since)
    .select((eb) => [month.as('month'), eb.fn.countAll<number>().as('reports'), eb.fn.sum<number>(FIXED).as('fixed')])
    .groupBy(month)
    .orderBy(month)
    .execute();
}

/** The same, by category. */
export function countsByCategory(db: Kysely<Tables>, municipalityId: number, since: string) {
  return townSince(db, municipalityId, since)
    .select((eb) => ['category_id', eb.fn.countAll<number>().as('reports'), eb.fn.sum<number>(FIXED).as('fixed')])
    .groupBy('category_id')
    .execute();
}

/**
 * The median of the days from report to fix, of the fixed ones since a time: the middle one or
 * two in order (SQLite has no median function), read with an offset.
 */
export async function medianDaysToFix(db: Kysely<Tables>, municipalityId: number, since: string): Promise<number | null> {
  const fixed = townSince(db, municipalityId, since).where('state', '=', 'fixed').where('fixed_at', 'is not', null);
  const { n } = await fixed.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const count = Number(n);
  if (!count) return null;
  const days = daysToFix(db);
  const middle = await fixed
    .select(days.as('days'))
    .orderBy(days)
    .limit(count % 2 ? 1 : 2)
    .offset(Math.floor((count - 1) / 2))
    .execute();
  return middle.reduce((sum, r) => sum + Number(r.days), 0) / middle.length;
}

/** A town's public reports for a feed, of one category or all, newest first. */
export function feedReports(db: Db, municipalityId: number, categoryId: number | undefined, limit: number) {
  let q = db
    .selectFrom('signals')
    .select(['id', 'category_id', 'state', 'address', 'description', 'created_at', 'updated_at'])
    .where('municipality_id', '=', municipalityId)
    .where('confirmed', '=', 1)
    .where('hidden', '=', 0);
  if (categoryId !== undefined) q = q.where('category_id', '=', categoryId);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

import { type Kysely, sql } from 'kysely';
import type { Tables } from '../../core/db/tables.ts';

type Db = Kysely<Tables>;

export const SUMMARY = ['id', 'country', 'slug', 'name', 'native_name', 'population', 'region_code', 'region_name', 'joined_at', 'latitude', 'longitude'] as const;
export type MunicipalitySummary = {
  id: number; country: string; slug: string; name: string; native_name: string | null; population: number;
  region_code: string | null; region_name: string | null; joined_at: string | null; latitude: number | null; longitude: number | null;
};

/** Keys hold only [a-z0-9 ], so every key starting with `key` sorts below key + "{". */
const upperBound = (key: string) => `${key}{`;

export function byKey(db: Db, column: 'name_key' | 'native_key', key: string, limit: number): Promise<MunicipalitySummary[]> {
  return db.selectFrom('municipalities').select(SUMMARY).where(column, '=', key).orderBy('population', 'desc').limit(limit).execute();
}

export function byKeyPrefix(db: Db, column: 'name_key' | 'native_key', key: string, limit: number): Promise<(MunicipalitySummary & { key: string | null })[]> {
  return db.selectFrom('municipalities').select([...SUMMARY, `${column} as key`])
    .where(column, '>=', key).where(column, '<', upperBound(key))
    .orderBy('population', 'desc').limit(limit).execute();
}

export function countMunicipalities(db: Db): Promise<number> {
  return db.selectFrom('municipalities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
}

export interface ListFilter {
  country?: string | undefined;
  region?: string | undefined;
}

function filtered(db: Db, filter: ListFilter) {
  let q = db.selectFrom('municipalities').select(SUMMARY);
  if (filter.country) q = q.where('country', '=', filter.country);
  if (filter.region) q = q.where('region_code', '=', filter.region);
  return q;
}

/** A page of the list. By size, joined municipalities come first: they are the living part of the portal. */
export function listPage(db: Db, filter: ListFilter, sort: 'name' | 'population', offset: number, limit: number): Promise<MunicipalitySummary[]> {
  const q = filtered(db, filter);
  // All descending, so that one index, read backwards, gives the order.
  const ordered = sort === 'name' ? q.orderBy('name_key').orderBy('id') : q.orderBy('join_rank', 'desc').orderBy('population', 'desc').orderBy('id', 'desc');
  return ordered.offset(offset).limit(limit).execute();
}

export async function countWhere(db: Db, filter: ListFilter): Promise<number> {
  let q = db.selectFrom('municipalities').select((eb) => eb.fn.countAll<number>().as('n'));
  if (filter.country) q = q.where('country', '=', filter.country);
  if (filter.region) q = q.where('region_code', '=', filter.region);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** The regions of a country with how many places each has. */
export function regionsOf(db: Db, country: string) {
  return db.selectFrom('municipalities').select(['region_code', 'region_name', (eb) => eb.fn.countAll<number>().as('places')])
    .where('country', '=', country).where('region_code', 'is not', null)
    .groupBy(['region_code', 'region_name']).orderBy('region_code').execute();
}

export function findBySlug(db: Db, country: string, slug: string) {
  return db.selectFrom('municipalities').selectAll().where('country', '=', country).where('slug', '=', slug).executeTakeFirst();
}

export function summariesByIds(db: Db, ids: number[]): Promise<MunicipalitySummary[]> {
  return db.selectFrom('municipalities').select([...SUMMARY]).where('id', 'in', ids).execute() as Promise<MunicipalitySummary[]>;
}

export function findById(db: Db, id: number) {
  return db.selectFrom('municipalities').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The places closest to a point, within a box of ±degrees, nearest first (flat-earth distance is enough here). */
export function closest(db: Db, lat: number, lon: number, degrees: number, limit: number) {
  const k = Math.cos((lat * Math.PI) / 180);
  const dLat = sql<number>`(latitude - ${lat})`;
  const dLon = sql<number>`((longitude - ${lon}) * ${k})`;
  return db.selectFrom('municipalities').select(['id', 'country', 'slug', 'name', 'latitude', 'longitude'])
    .where('latitude', '>=', lat - degrees).where('latitude', '<=', lat + degrees)
    .where('longitude', '>=', lon - degrees / k).where('longitude', '<=', lon + degrees / k)
    .orderBy(sql`${dLat} * ${dLat} + ${dLon} * ${dLon}`).limit(limit).execute();
}

/** A page after a cursor, for the API: ordered by the sort key, then id. */
export function listAfter(db: Db, filter: ListFilter, sort: 'name' | 'population', after: { key: string | number; id: number } | undefined, limit: number) {
  let q = db.selectFrom('municipalities').select([...SUMMARY, 'name_key']);
  if (filter.country) q = q.where('country', '=', filter.country);
  if (filter.region) q = q.where('region_code', '=', filter.region);
  if (after && sort === 'name') {
    const key = String(after.key);
    q = q.where((eb) => eb.or([eb('name_key', '>', key), eb.and([eb('name_key', '=', key), eb('id', '>', after.id)])]));
  }
  if (after && sort === 'population') {
    const pop = Number(after.key);
    q = q.where((eb) => eb.or([eb('population', '<', pop), eb.and([eb('population', '=', pop), eb('id', '<', after.id)])]));
  }
  q = sort === 'name' ? q.orderBy('name_key').orderBy('id') : q.orderBy('population', 'desc').orderBy('id', 'desc');
  return q.limit(limit).execute();
}

/** How many places each country has, for splitting the sitemap. */
export function countsByCountry(db: Db) {
  return db.selectFrom('municipalities').select(['country', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('country').orderBy('country').execute();
}

export function slugsOf(db: Db, country: string, offset: number, limit: number) {
  return db.selectFrom('municipalities').select(['slug', 'updated_at']).where('country', '=', country).orderBy('id').offset(offset).limit(limit).execute();
}

/** A page of places in id order after the given id, for exports that stream the whole set. */
export function pageById(db: Db, filter: ListFilter, afterId: number, limit: number) {
  let q = db.selectFrom('municipalities').select(SUMMARY).where('id', '>', afterId);
  if (filter.country) q = q.where('country', '=', filter.country);
  if (filter.region) q = q.where('region_code', '=', filter.region);
  return q.orderBy('id').limit(limit).execute();
}

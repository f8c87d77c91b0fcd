import type { Kysely } from 'kysely';
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

/**
 * A page of the list. By size, joined municipalities come first (they are the living part of the
 * portal); two index-ordered queries instead of one sort over the whole country.
 */
export async function listPage(db: Db, filter: ListFilter, sort: 'name' | 'population', offset: number, limit: number): Promise<MunicipalitySummary[]> {
  if (sort === 'name') return filtered(db, filter).orderBy('name_key').orderBy('id').offset(offset).limit(limit).execute();
  const joined = await filtered(db, filter).where('joined_at', 'is not', null).orderBy('population', 'desc').orderBy('id').execute();
  const head = joined.slice(offset, offset + limit);
  if (head.length === limit) return head;
  const rest = await filtered(db, filter).where('joined_at', 'is', null).orderBy('population', 'desc').orderBy('id')
    .offset(Math.max(0, offset - joined.length)).limit(limit - head.length).execute();
  return [...head, ...rest];
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

export function findById(db: Db, id: number) {
  return db.selectFrom('municipalities').selectAll().where('id', '=', id).executeTakeFirst();
}

export function within(db: Db, lat: number, lon: number, degrees: number, limit: number): Promise<MunicipalitySummary[]> {
  return db.selectFrom('municipalities').select(SUMMARY)
    .where('latitude', '>=', lat - degrees).where('latitude', '<=', lat + degrees)
    .where('longitude', '>=', lon - degrees * 1.5).where('longitude', '<=', lon + degrees * 1.5)
    .orderBy('population', 'desc').limit(limit).execute();
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
    q = q.where((eb) => eb.or([eb('population', '<', pop), eb.and([eb('population', '=', pop), eb('id', '>', after.id)])]));
  }
  q = sort === 'name' ? q.orderBy('name_key').orderBy('id') : q.orderBy('population', 'desc').orderBy('id');
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

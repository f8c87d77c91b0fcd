import { type Insertable, type Kysely, type SelectQueryBuilder, sql, type Updateable } from 'kysely';
import { isPostgres } from '../../core/db/schema.ts';
import type { Tables } from '../../core/db/tables.ts';

type Db = Kysely<Tables>;

export const SUMMARY = [
  'id',
  'country',
  'slug',
  'name',
  'native_name',
  'population',
  'region_code',
  'region_name',
  'joined_at',
  'latitude',
  'longitude',
] as const;
export type MunicipalitySummary = {
  id: number;
  country: string;
  slug: string;
  name: string;
  native_name: string | null;
  population: number;
  region_code: string | null;
  region_name: string | null;
  joined_at: string | null;
  latitude: number | null;
  longitude: number | null;
};

/** Keys hold only [a-z0-9 ], so every key starting with `key` sorts below key + "{". */
const upperBound = (key: string) => `${key}{`;

/** Places whose key starts with `key`: the exact ones first, then the biggest. */
export function byKeyPrefix(
  db: Db,
  column: 'name_key' | 'native_key',
  key: string,
  limit: number,
): Promise<(MunicipalitySummary & { key: string | null })[]> {
  return db
    .selectFrom('municipalities')
    .select([...SUMMARY, `${column} as key`])
    .where(column, '>=', key)
    .where(column, '<', upperBound(key))
    .orderBy(sql`${sql.ref(column)} = ${key}`, 'desc')
    .orderBy('population', 'desc')
    .limit(limit)
    .execute();
}

/** Ids and name keys starting with `key`, biggest places first, read from the name index alone. */
export function keysByPrefix(db: Db, key: string, limit: number): Promise<{ id: number; key: string }[]> {
  return db
    .selectFrom('municipalities')
    .select(['id', 'name_key as key'])
    .where('name_key', '>=', key)
    .where('name_key', '<', upperBound(key))
    .orderBy('population', 'desc')
    .limit(limit)
    .execute() as Promise<{ id: number; key: string }[]>;
}

export function countMunicipalities(db: Db): Promise<number> {
  return db
    .selectFrom('municipalities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export interface ListFilter {
  country?: string | undefined;
  region?: string | undefined;
  /** A folded name key (letters, digits, spaces): places whose name or native name contains it. */
  name?: string | undefined;
}

export type ListSort = 'joined' | 'name' | 'population';

function narrowed<Q extends SelectQueryBuilder<Tables, 'municipalities', object>>(q: Q, filter: ListFilter): Q {
  let n = q;
  if (filter.country) n = n.where('country', '=', filter.country) as Q;
  if (filter.region) n = n.where('region_code', '=', filter.region) as Q;
  // A key holds only [a-z0-9 ], so it carries no LIKE wildcards.
  const name = filter.name ? `%${filter.name}%` : undefined;
  if (name) n = n.where((eb) => eb.or([eb('name_key', 'like', name), eb('native_key', 'like', name)])) as Q;
  return n;
}

function ordered<Q extends SelectQueryBuilder<Tables, 'municipalities', object>>(q: Q, sort: ListSort): Q {
  // Each order is all one direction, so that one index, read backwards, gives it.
  if (sort === 'name') return q.orderBy('name_key').orderBy('id') as Q;
  if (sort === 'population') return q.orderBy('population', 'desc').orderBy('id', 'desc') as Q;
  return q.orderBy('join_rank', 'desc').orderBy('population', 'desc').orderBy('id', 'desc') as Q;
}

/** A page of the list. By default joined municipalities come first: they are the living part of the portal. */
export function listPage(db: Db, filter: ListFilter, sort: ListSort, offset: number, limit: number): Promise<MunicipalitySummary[]> {
  return ordered(narrowed(db.selectFrom('municipalities').select(SUMMARY), filter), sort)
    .offset(offset)
    .limit(limit)
    .execute();
}

export async function countWhere(db: Db, filter: ListFilter): Promise<number> {
  const q = narrowed(
    db.selectFrom('municipalities').select((eb) => eb.fn.countAll<number>().as('n')),
    filter,
  );
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export type MapPoint = { latitude: number; longitude: number; name: string; country: string; slug: string };

/** What a map needs of the places of a list, in the list's order, and no more: coordinates, name, address. */
export function mapPoints(db: Db, filter: ListFilter & { joined?: boolean }, sort: ListSort, limit: number): Promise<MapPoint[]> {
  let q = narrowed(db.selectFrom('municipalities').select(['latitude', 'longitude', 'name', 'country', 'slug']), filter)
    .where('latitude', 'is not', null)
    .where('longitude', 'is not', null);
  // join_rank is indexed; joined_at says it.
  if (filter.joined) q = q.where('join_rank', '>', 0).where('joined_at', 'is not', null);
  return ordered(q, sort).limit(limit).execute() as Promise<MapPoint[]>;
}

/** How many places are listed, in how many countries, and how many of them have joined. */
export async function portalFacts(db: Db): Promise<{ places: number; countries: number; joined: number }> {
  const r = await db
    .selectFrom('municipalities')
    .select((eb) => [
      eb.fn.countAll<number>().as('places'),
      eb.fn.count<number>('country').distinct().as('countries'),
      eb.fn.count<number>('joined_at').as('joined'),
    ])
    .executeTakeFirstOrThrow();
  return { places: Number(r.places), countries: Number(r.countries), joined: Number(r.joined) };
}

/** The regions of a country with how many places each has. */
export function regionsOf(db: Db, country: string) {
  return db
    .selectFrom('municipalities')
    .select(['region_code', 'region_name', (eb) => eb.fn.countAll<number>().as('places')])
    .where('country', '=', country)
    .where('region_code', 'is not', null)
    .groupBy(['region_code', 'region_name'])
    .orderBy('region_code')
    .execute();
}

export function findBySlug(db: Db, country: string, slug: string) {
  return db.selectFrom('municipalities').selectAll().where('country', '=', country).where('slug', '=', slug).executeTakeFirst();
}

export function summariesByIds(db: Db, ids: number[]): Promise<MunicipalitySummary[]> {
  return db
    .selectFrom('municipalities')
    .select([...SUMMARY])
    .where('id', 'in', ids)
    .execute() as Promise<MunicipalitySummary[]>;
}

export function findById(db: Db, id: number) {
  return db.selectFrom('municipalities').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The places closest to a point, within a box of ±degrees, nearest first (flat-earth distance is enough here). */
export function closest(db: Db, lat: number, lon: number, degrees: number, limit: number) {
  const k = Math.cos((lat * Math.PI) / 180);
  const dLat = sql<number>`(latitude - ${lat})`;
  const dLon = sql<number>`((longitude - ${lon}) * ${k})`;
  return db
    .selectFrom('municipalities')
    .select(['id', 'country', 'slug', 'name', 'latitude', 'longitude'])
    .where('latitude', '>=', lat - degrees)
    .where('latitude', '<=', lat + degrees)
    .where('longitude', '>=', lon - degrees / k)
    .where('longitude', '<=', lon + degrees / k)
    .orderBy(sql`${dLat} * ${dLat} + ${dLon} * ${dLon}`)
    .limit(limit)
    .execute();
}

/** A page after a cursor, for the API: ordered by the sort key, then id. */
export function listAfter(
  db: Db,
  filter: ListFilter,
  sort: 'name' | 'population',
  after: { key: string | number; id: number } | undefined,
  limit: number,
) {
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
  return db
    .selectFrom('municipalities')
    .select(['country', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('country')
    .orderBy('country')
    .execute();
}

export function slugsOf(db: Db, country: string, offset: number, limit: number) {
  return db
    .selectFrom('municipalities')
    .select(['slug', 'updated_at'])
    .where('country', '=', country)
    .orderBy('id')
    .offset(offset)
    .limit(limit)
    .execute();
}

/** A page of places in id order after the given id, for exports that stream the whole set. */
export function pageById(db: Db, filter: ListFilter, afterId: number, limit: number) {
  let q = db.selectFrom('municipalities').select(SUMMARY).where('id', '>', afterId);
  if (filter.country) q = q.where('country', '=', filter.country);
  if (filter.region) q = q.where('region_code', '=', filter.region);
  return q.orderBy('id').limit(limit).execute();
}

/** Changes fields of one place, e.g. staff edits, an image, or joining on an approved claim. */
export function updateMunicipality(db: Db, id: number, set: Updateable<Tables['municipalities']>) {
  return db.updateTable('municipalities').set(set).where('id', '=', id).execute();
}

/** What an import needs to know of every place: source ids and the slugs taken in each country. */
export function importKeys(db: Db) {
  return db.selectFrom('municipalities').select(['source', 'country', 'slug']).execute();
}

/** Where a field was edited by staff, the import keeps the edited value. */
const unlessEdited = (column: string) => {
  const [kept, incoming] = [sql.ref(`municipalities.${column}`), sql.ref(`excluded.${column}`)];
  // biome-ignore lint/suspicious/noExplicitAny: one expression serves columns of every type
  return sql<any>`case when municipalities.edited_fields like ${`%,${column},%`} then ${kept} else ${incoming} end`;
};

/** Adds places, or refreshes the ones with the same source id, leaving staff-edited fields alone. */
/**
 * After an import, PostgreSQL plans with what it knows of the table: without statistics (until
 * autovacuum comes by, or never where it is off) it guesses a country holds a handful of places.
 */
export async function refreshPlanStatistics(db: Db): Promise<void> {
  if (isPostgres(db as Kysely<unknown>)) await sql`analyze municipalities`.execute(db);
}

export function upsertMunicipalities(db: Db, rows: Insertable<Tables['municipalities']>[]) {
  return db
    .insertInto('municipalities')
    .values(rows)
    .onConflict((oc) =>
      oc.column('source').doUpdateSet({
        name: unlessEdited('name'),
        native_name: unlessEdited('native_name'),
        name_key: unlessEdited('name_key'),
        native_key: unlessEdited('native_key'),
        population: unlessEdited('population'),
        latitude: unlessEdited('latitude'),
        longitude: unlessEdited('longitude'),
        region_code: unlessEdited('region_code'),
        region_name: unlessEdited('region_name'),
        updated_at: sql`excluded.updated_at`,
      }),
    )
    .execute();
}

/** A place of a country with this name key, to tell a proposer it is already listed. */
export function listedByNameKey(db: Db, country: string, key: string) {
  return db.selectFrom('municipalities').select('slug').where('country', '=', country).where('name_key', '=', key).executeTakeFirst();
}

/** The place an approved proposal added, found by the proposal's source id. */
export function bySource(db: Db, source: string) {
  return db.selectFrom('municipalities').select(['id', 'country', 'slug']).where('source', '=', source).executeTakeFirstOrThrow();
}

/** What approving a claim reads of the place: its name and link, its website, and whether it has joined. */
export function joinFieldsOf(db: Db, id: number) {
  return db
    .selectFrom('municipalities')
    .select(['id', 'name', 'country', 'slug', 'website', 'joined_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** A place's name, for a mail. */
export function nameOf(db: Db, id: number) {
  return db.selectFrom('municipalities').select('name').where('id', '=', id).executeTakeFirstOrThrow();
}

/** A place's descriptions, one per language. */
export function descriptionsOf(db: Db, municipalityId: number) {
  return db
    .selectFrom('municipality_descriptions')
    .select(['language', 'text'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('language')
    .execute();
}

/** Replaces a place's description in one language; an empty text removes it. */
export async function setDescription(db: Db, municipalityId: number, language: string, text: string, at: string): Promise<void> {
  await db.deleteFrom('municipality_descriptions').where('municipality_id', '=', municipalityId).where('language', '=', language).execute();
  if (text) {
    await db.insertInto('municipality_descriptions').values({ municipality_id: municipalityId, language, text, updated_at: at }).execute();
  }
}

/** Records changed fields in a place's history. */
export function insertChanges(db: Db, rows: Insertable<Tables['municipality_changes']>[]) {
  return db.insertInto('municipality_changes').values(rows).execute();
}

/** A place's latest changes, newest first. */
export function changesOf(db: Db, municipalityId: number) {
  return db
    .selectFrom('municipality_changes')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

/** A claim of this person on this place still waiting for the address or the review, if any. */
export function openClaimOf(db: Db, municipalityId: number, userId: number) {
  return db
    .selectFrom('municipality_claims')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('user_id', '=', userId)
    .where('status', 'in', ['email_pending', 'review'])
    .executeTakeFirst();
}

/** Adds a claim; its id. */
export function insertClaim(db: Db, row: Insertable<Tables['municipality_claims']>) {
  return db.insertInto('municipality_claims').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Places other than this one whose website mentions the domain (the caller checks the exact domain). */
export function websitesLike(db: Db, domain: string, exceptId: number) {
  return db
    .selectFrom('municipalities')
    .select(['id', 'website'])
    .where('website', 'is not', null)
    .where('website', 'like', `%${domain}%`)
    .where('id', '!=', exceptId)
    .limit(20)
    .execute();
}

/** Moves the claim with this token from waiting for the address to review; the claim's id, when one moved. */
export async function confirmClaimToken(db: Db, tokenHash: string): Promise<number | undefined> {
  const r = await db
    .updateTable('municipality_claims')
    .set({ status: 'review', token_hash: null })
    .where('token_hash', '=', tokenHash)
    .where('status', '=', 'email_pending')
    .returning('id')
    .executeTakeFirst();
  return r?.id;
}

/** The claims platform admins have to review, oldest first, with the place and the claimant. */
export function claimsInReview(db: Db) {
  return db
    .selectFrom('municipality_claims')
    .innerJoin('municipalities', 'municipalities.id', 'municipality_claims.municipality_id')
    .innerJoin('users', 'users.id', 'municipality_claims.user_id')
    .select([
      'municipality_claims.id',
      'municipality_claims.job_title',
      'municipality_claims.official_email',
      'municipality_claims.website',
      'municipality_claims.evidence_file',
      'municipality_claims.created_at',
      'municipalities.name as municipality',
      'municipalities.country',
      'municipalities.slug',
      'municipalities.website as known_website',
      'users.name as claimant',
    ])
    .where('municipality_claims.status', '=', 'review')
    .orderBy('municipality_claims.id')
    .execute();
}

/** One claim by id, if any. */
export function findClaim(db: Db, id: number) {
  return db.selectFrom('municipality_claims').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records a review's outcome on a claim. */
export function updateClaim(db: Db, id: number, set: Updateable<Tables['municipality_claims']>) {
  return db.updateTable('municipality_claims').set(set).where('id', '=', id).execute();
}

/** Adds a proposal; its id. */
export function insertProposal(db: Db, row: Insertable<Tables['municipality_proposals']>) {
  return db.insertInto('municipality_proposals').values(row).returning('id').executeTakeFirstOrThrow();
}

/** The proposals platform admins have to review, oldest first. */
export function proposalRowsInReview(db: Db) {
  return db.selectFrom('municipality_proposals').selectAll().where('status', '=', 'review').orderBy('id').execute();
}

/** One proposal by id, if any. */
export function findProposal(db: Db, id: number) {
  return db.selectFrom('municipality_proposals').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records a review's outcome on a proposal. */
export function updateProposal(db: Db, id: number, set: Updateable<Tables['municipality_proposals']>) {
  return db.updateTable('municipality_proposals').set(set).where('id', '=', id).execute();
}

/** How many claims and proposed places wait for a platform admin's review. */
export async function countsInReview(db: Db): Promise<{ claims: number; proposals: number }> {
  const [claims, proposals] = await Promise.all([
    db
      .selectFrom('municipality_claims')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'review')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('municipality_proposals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'review')
      .executeTakeFirstOrThrow(),
  ]);
  return { claims: Number(claims.n), proposals: Number(proposals.n) };
}

// Follows: the towns a person follows.

/** Adds the follow once: following again changes nothing. */
export async function insertFollow(db: Db, userId: number, municipalityId: number, at: string): Promise<void> {
  await db
    .insertInto('municipality_follows')
    .values({ user_id: userId, municipality_id: municipalityId, created_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'municipality_id']).doNothing())
    .execute();
}

export const deleteFollow = (db: Db, userId: number, municipalityId: number) =>
  db.deleteFrom('municipality_follows').where('user_id', '=', userId).where('municipality_id', '=', municipalityId).execute();

export const deleteFollowsOf = (db: Db, userId: number) => db.deleteFrom('municipality_follows').where('user_id', '=', userId).execute();

export async function follows(db: Db, userId: number, municipalityId: number): Promise<boolean> {
  const row = await db
    .selectFrom('municipality_follows')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  return !!row;
}

/** The towns a person follows, by name, with when they began. */
export function followedBy(db: Db, userId: number) {
  return db
    .selectFrom('municipality_follows as f')
    .innerJoin('municipalities as m', 'm.id', 'f.municipality_id')
    .select(['m.id', 'm.country', 'm.slug', 'm.name', 'm.native_name', 'f.created_at as followed_at'])
    .where('f.user_id', '=', userId)
    .orderBy('m.name')
    .limit(1000)
    .execute();
}

import { type Insertable, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { isPostgres } from '../../core/db/schema.ts';
import type { Tables } from '../../core/db/tables.ts';
import type { ContentItem, ContentItemRow, ContentText, ContentTextRow, ContentType, PolicyArea, Registration } from './schema.ts';

type Db = Kysely<Tables>;

export const findItem = (db: Db, id: number) =>
  db.selectFrom('content_items').selectAll().where('id', '=', id).executeTakeFirst() as Promise<ContentItem | undefined>;

export async function itemsByIds(db: Db, ids: number[]): Promise<ContentItem[]> {
  if (!ids.length) return [];
  return db.selectFrom('content_items').selectAll().where('id', 'in', ids).execute() as Promise<ContentItem[]>;
}

export const textsOfItem = (db: Db, id: number) =>
  db.selectFrom('content_texts').selectAll().where('item_id', '=', id).orderBy('language').execute() as Promise<ContentText[]>;

export const areasOfItem = async (db: Db, id: number) =>
  (await db.selectFrom('content_areas').select('area').where('item_id', '=', id).orderBy('area').execute()).map((r) => r.area);

export async function insertItem(db: Db, row: Omit<ContentItemRow, 'id'>): Promise<number> {
  const r = await db.insertInto('content_items').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const updateItem = (db: Db, id: number, set: Partial<Omit<ContentItemRow, 'id'>>) =>
  db.updateTable('content_items').set(set).where('id', '=', id).execute();

/** Writes the texts of one language, new or changed; returns the row's id. */
export async function upsertText(db: Db, row: Omit<ContentTextRow, 'id'>): Promise<number> {
  const existing = await db
    .selectFrom('content_texts')
    .select('id')
    .where('item_id', '=', row.item_id)
    .where('language', '=', row.language)
    .executeTakeFirst();
  if (existing) {
    await db.updateTable('content_texts').set(row).where('id', '=', existing.id).execute();
    return existing.id;
  }
  return (await db.insertInto('content_texts').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function setAreas(db: Db, itemId: number, areas: PolicyArea[], publishedAt: string | null): Promise<void> {
  await db.deleteFrom('content_areas').where('item_id', '=', itemId).execute();
  if (areas.length)
    await db
      .insertInto('content_areas')
      .values(areas.map((area) => ({ item_id: itemId, area, published_at: publishedAt })))
      .execute();
}

export const setAreasPublished = (db: Db, itemId: number, publishedAt: string | null) =>
  db.updateTable('content_areas').set({ published_at: publishedAt }).where('item_id', '=', itemId).execute();

export const insertRevision = (db: Db, itemId: number, language: string, snapshot: unknown, userId: number | null, at: string) =>
  db
    .insertInto('content_revisions')
    .values({ item_id: itemId, language, snapshot: JSON.stringify(snapshot), user_id: userId, created_at: at })
    .execute();

export const revisionsOfItem = (db: Db, itemId: number) =>
  db
    .selectFrom('content_revisions')
    .select(['id', 'language', 'user_id', 'created_at'])
    .where('item_id', '=', itemId)
    .orderBy('id', 'desc')
    .limit(200)
    .execute();

export const findRevision = (db: Db, itemId: number, id: number) =>
  db.selectFrom('content_revisions').selectAll().where('item_id', '=', itemId).where('id', '=', id).executeTakeFirst();

/** Filters of every listing; all optional. */
export interface ContentFilter {
  type?: ContentType;
  /** Every type but this one: what is new, when events have a section of their own. */
  notType?: ContentType;
  country?: string;
  municipality?: number;
  /** The items of one network. */
  network?: number;
  /** The items of one EU project. */
  project?: number;
  /** The items of one organisation (its good practices, say). */
  organisation?: number;
  /** Any of these municipalities (the towns a person follows); none matches nothing. */
  municipalities?: number[];
  platform?: boolean;
  area?: PolicyArea;
  language?: string;
  tag?: string;
  /** Events only: those that have not ended by then, soonest first. */
  upcomingFrom?: string;
  /** Events only: none starts earlier; set by `withStartBound`, it only narrows where the index is read. */
  startsFrom?: string;
  /** Events only: those overlapping [from, to). */
  between?: [string, string];
}

/** The published, visible items matching a filter, alias `i`, as SQL for other queries. */
export function visibleWhere(filter: ContentFilter, now: string) {
  return (alias: string) => {
    const c = (col: string) => sql.ref(`${alias}.${col}`);
    const parts = [sql`${c('state')} = 'published'`, sql`${c('published_at')} <= ${now}`];
    if (filter.type) parts.push(sql`${c('type')} = ${filter.type}`);
    if (filter.notType) parts.push(sql`${c('type')} <> ${filter.notType}`);
    if (filter.country) parts.push(sql`${c('country')} = ${filter.country}`);
    if (filter.municipality) parts.push(sql`${c('owner_type')} = 'municipality' and ${c('owner_id')} = ${filter.municipality}`);
    if (filter.network) parts.push(sql`${c('owner_type')} = 'network' and ${c('owner_id')} = ${filter.network}`);
    if (filter.project) parts.push(sql`${c('owner_type')} = 'project' and ${c('owner_id')} = ${filter.project}`);
    if (filter.organisation) parts.push(sql`${c('owner_type')} = 'organisation' and ${c('owner_id')} = ${filter.organisation}`);
    if (filter.municipalities)
      parts.push(
        filter.municipalities.length
          ? sql`${c('owner_type')} = 'municipality' and ${c('owner_id')} in (${sql.join(filter.municipalities)})`
          : sql`1 = 0`,
      );
    if (filter.platform) parts.push(sql`${c('owner_type')} = 'platform'`);
    if (filter.area) parts.push(sql`exists (select 1 from content_areas a where a.item_id = ${c('id')} and a.area = ${filter.area})`);
    if (filter.language)
      parts.push(sql`exists (select 1 from content_texts l where l.item_id = ${c('id')} and l.language = ${filter.language})`);
    if (filter.tag) parts.push(sql`${c('tags')} like ${`%,${filter.tag.replace(/[%_,]/g, '')},%`}`);
    if (filter.upcomingFrom) parts.push(sql`coalesce(${c('ends_at')}, ${c('starts_at')}) >= ${filter.upcomingFrom}`);
    if (filter.startsFrom) parts.push(sql`${c('starts_at')} >= ${filter.startsFrom}`);
    if (filter.between)
      parts.push(sql`${c('starts_at')} < ${filter.between[1]} and coalesce(${c('ends_at')}, ${c('starts_at')}) >= ${filter.between[0]}`);
    return sql.join(parts, sql` and `);
  };
}

/**
 * For "not ended by then": a bound below which no such event starts, so that the start index is read
 * from there rather than from the first event ever. An event running at `from` started at most the
 * longest duration before it (one read of an index; a day more for rounding). Only events have a
 * start, and an end only with a start, so the bound leaves the results as they were.
 */
export async function withStartBound(db: Db, filter: ContentFilter): Promise<ContentFilter> {
  if (!filter.upcomingFrom) return filter;
  const r = isPostgres(db as never)
    ? await sql<{
        days: number | string | null;
      }>`select extract(epoch from max(coalesce(ends_at, starts_at) - starts_at)) / 86400 as days
      from content_items where starts_at is not null`.execute(db)
    : await sql<{
        days: number | null;
      }>`select max(julianday(coalesce(ends_at, starts_at)) - julianday(starts_at)) as days
      from content_items where starts_at is not null`.execute(db);
  const since = Date.parse(filter.upcomingFrom) - (Number(r.rows[0]?.days ?? 0) + 1) * 86_400_000;
  return Number.isFinite(since) ? { ...filter, startsFrom: new Date(since).toISOString() } : filter;
}

/** A page of published items, newest first (events: soonest first when upcoming). */
export async function listVisible(db: Db, filter: ContentFilter, now: string, offset: number, limit: number): Promise<ContentItem[]> {
  const byDate = !!(filter.upcomingFrom || filter.between);
  // An area's page reads the area index, which carries the publication time.
  if (filter.area && !byDate) {
    const where = visibleWhere({ ...filter, area: undefined }, now)('i');
    const r = await sql<ContentItem>`select i.* from content_areas a0 join content_items i on i.id = a0.item_id
      where a0.area = ${filter.area} and a0.published_at <= ${now} and ${where}
      order by a0.published_at desc, a0.item_id desc limit ${limit} offset ${offset}`.execute(db);
    return r.rows;
  }
  const order = byDate ? sql`i.starts_at asc, i.id asc` : sql`i.published_at desc, i.id desc`;
  const r = await sql<ContentItem>`select i.* from content_items i where ${visibleWhere(filter, now)('i')}
    order by ${order} limit ${limit} offset ${offset}`.execute(db);
  return r.rows;
}

export async function countVisible(db: Db, filter: ContentFilter, now: string, cap: number): Promise<number> {
  const r = await sql<{
    n: number;
  }>`select count(*) as n from (select 1 from content_items i where ${visibleWhere(filter, now)('i')} limit ${cap}) x`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** For each item, its texts in the reader's language and in its original language. */
export async function textsFor(db: Db, ids: number[], language: string, { bodies = true } = {}): Promise<ContentText[]> {
  if (!ids.length) return [];
  const q = db.selectFrom('content_texts as t').innerJoin('content_items as i', 'i.id', 't.item_id');
  // Lists show titles and summaries only: the long texts stay in the database.
  return (bodies ? q.selectAll('t') : q.select(['t.id', 't.item_id', 't.language', 't.title', 't.summary', 't.image_alt', 't.updated_at']))
    .where('t.item_id', 'in', ids)
    .where((eb) => eb.or([eb('t.language', '=', language), eb('t.language', '=', eb.ref('i.original_language'))]))
    .execute() as Promise<ContentText[]>;
}

export async function languagesFor(db: Db, ids: number[]): Promise<{ item_id: number; language: string }[]> {
  if (!ids.length) return [];
  return db.selectFrom('content_texts').select(['item_id', 'language']).where('item_id', 'in', ids).orderBy('language').execute();
}

/** How many of these items there are per type, country, policy area and language, in one query. */
export async function facetCounts(
  db: Db,
  ids: number[],
): Promise<{ facet: 'type' | 'country' | 'area' | 'language'; value: string; n: number | string }[]> {
  if (!ids.length) return [];
  const found = sql.join(ids);
  // An IN list rather than a join with a list of values: SQLite would scan every text for the join.
  const r = await sql<{ facet: 'type' | 'country' | 'area' | 'language'; value: string; n: number | string }>`
    select 'type' as facet, type as value, count(*) as n from content_items where id in (${found}) group by type
    union all select 'country', country, count(*) from content_items where id in (${found}) and country is not null group by country
    union all select 'area', area, count(*) from content_areas where item_id in (${found}) group by area
    union all select 'language', language, count(*) from content_texts where item_id in (${found}) group by language`.execute(db);
  return r.rows;
}

export async function areasFor(db: Db, ids: number[]): Promise<{ item_id: number; area: string }[]> {
  if (!ids.length) return [];
  return db.selectFrom('content_areas').select(['item_id', 'area']).where('item_id', 'in', ids).execute();
}

type DeskOwners = { platform: boolean; scoped: { type: string; ids: number[] }[]; all: boolean };

/** Only the items of these owners (every item for someone who writes for all). */
function ofOwners<Q extends SelectQueryBuilder<Tables, 'content_items', object>>(q: Q, owners: DeskOwners): Q {
  if (owners.all) return q;
  return q.where((eb) =>
    eb.or([
      ...(owners.platform ? [eb('owner_type', '=', 'platform')] : []),
      ...owners.scoped.map(({ type, ids }) => eb.and([eb('owner_type', '=', type), eb('owner_id', 'in', ids)])),
      eb.lit(false),
    ]),
  ) as Q;
}

/** The items an owner's staff see on their desk, newest change first. */
export function deskItems(db: Db, owners: DeskOwners, limit: number, offset: number) {
  return ofOwners(db.selectFrom('content_items').selectAll(), owners)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute() as Promise<ContentItem[]>;
}

/** How many of these owners' items are drafts, and how many wait to be published at a later time. */
export async function countWaiting(db: Db, owners: DeskOwners, now: string): Promise<{ drafts: number; scheduled: number }> {
  const count = (q: SelectQueryBuilder<Tables, 'content_items', object>) =>
    ofOwners(q, owners)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  const items = db.selectFrom('content_items');
  const [drafts, scheduled] = await Promise.all([
    count(items.where('state', '=', 'draft')),
    count(items.where('state', '=', 'published').where('published_at', '>', now)),
  ]);
  return { drafts, scheduled };
}

/** Published items with ids in (from, to], for the sitemap. */
export function publishedIds(db: Db, now: string, from: number, to: number) {
  return db
    .selectFrom('content_items')
    .select(['id', 'type', 'slug', 'updated_at'])
    .where('id', '>', from)
    .where('id', '<=', to)
    .where('state', '=', 'published')
    .where('published_at', '<=', now)
    .orderBy('id')
    .execute();
}

export async function lastPublishedId(db: Db, now: string): Promise<number> {
  const r = await db
    .selectFrom('content_items')
    .select('id')
    .where('state', '=', 'published')
    .where('published_at', '<=', now)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.id ?? 0;
}

/** Whether the portal holds any content at all. */
export async function hasAnyItem(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('content_items').select('id').limit(1).executeTakeFirst());
}

/** Whether an owner has any item, published or not. */
export async function hasItemOf(db: Db, owner: { owner_type: string; owner_id: number }): Promise<boolean> {
  return !!(await db
    .selectFrom('content_items')
    .select('id')
    .where('owner_type', '=', owner.owner_type)
    .where('owner_id', '=', owner.owner_id)
    .limit(1)
    .executeTakeFirst());
}

/** One item by id, which must exist (e.g. the event of a registration). */
export const getItem = (db: Db, id: number) =>
  db.selectFrom('content_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow() as Promise<ContentItem>;

/** On PostgreSQL, locks an event's row until the transaction ends; SQLite has one writer at a time anyway. */
export async function lockItem(db: Db, id: number): Promise<void> {
  if (isPostgres(db as never)) await sql`select id from content_items where id = ${id} for update`.execute(db);
}

/** How many registrations of an event are confirmed and waiting, leaving out the cancelled. */
export const registrationCounts = (db: Db, itemId: number) =>
  db
    .selectFrom('event_registrations')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('item_id', '=', itemId)
    .where('status', '!=', 'cancelled')
    .groupBy('status')
    .execute();

/** The registration of this address for an event that is not cancelled, if any. */
export const activeRegistration = (db: Db, itemId: number, email: string) =>
  db
    .selectFrom('event_registrations')
    .select('id')
    .where('item_id', '=', itemId)
    .where('email', '=', email)
    .where('status', '!=', 'cancelled')
    .executeTakeFirst();

/** How many places of an event are taken. */
export async function confirmedCount(db: Db, itemId: number): Promise<number> {
  const r = await db
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('item_id', '=', itemId)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Adds a registration. */
export const insertRegistration = (db: Db, row: Insertable<Tables['event_registrations']>) =>
  db.insertInto('event_registrations').values(row).execute();

/** The registration a cancel link's token belongs to, if any. */
export const registrationByTokenHash = (db: Db, tokenHash: string) =>
  db.selectFrom('event_registrations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst() as Promise<
    Registration | undefined
  >;

/** Moves a registration to another status. */
export const setRegistrationStatus = (db: Db, id: number, status: Registration['status'], at: string) =>
  db.updateTable('event_registrations').set({ status, updated_at: at }).where('id', '=', id).execute();

/** The first on an event's waiting list, if any. */
export const firstWaiting = (db: Db, itemId: number) =>
  db
    .selectFrom('event_registrations')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('status', '=', 'waiting')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();

/** Every registration of an event, in the order they came. */
export const registrationsOfItem = (db: Db, itemId: number) =>
  db.selectFrom('event_registrations').selectAll().where('item_id', '=', itemId).orderBy('id').execute() as Promise<Registration[]>;

/** The registrations made with an address, for a data download. */
export const registrationsWithEmail = (db: Db, email: string) =>
  db.selectFrom('event_registrations').select(['item_id', 'name', 'email', 'status', 'created_at']).where('email', '=', email).execute();

/** Deletes the registrations made with an address or by an account. */
export async function deleteRegistrations(db: Db, email: string, userId: number): Promise<void> {
  await db
    .deleteFrom('event_registrations')
    .where((eb) => eb.or([eb('email', '=', email), eb('user_id', '=', userId)]))
    .execute();
}

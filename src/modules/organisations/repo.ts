import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Tables } from '../../core/db/tables.ts';
import type { Organisation, OrganisationRow, Partnership, PartnershipRow, PartnershipState } from './schema.ts';

type Db = Kysely<Tables>;

export async function insertOrganisation(db: Db, row: Insertable<OrganisationRow>): Promise<number> {
  return (await db.insertInto('organisations').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateOrganisation(db: Db, id: number, changes: Updateable<OrganisationRow>): Promise<void> {
  await db.updateTable('organisations').set(changes).where('id', '=', id).execute();
}

export const organisationBySlug = (db: Db, slug: string) =>
  db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst() as Promise<Organisation | undefined>;

export const organisationsByIds = (db: Db, ids: readonly number[]) =>
  ids.length
    ? (db
        .selectFrom('organisations')
        .selectAll()
        .where('id', 'in', [...ids])
        .orderBy('name')
        .execute() as Promise<Organisation[]>)
    : Promise.resolve([] as Organisation[]);

/** Organisations whose address is this, or whose name is this whatever its case: several when names repeat. */
export const organisationsNamed = (db: Db, nameOrSlug: string) =>
  db
    .selectFrom('organisations')
    .select(['id', 'name', 'slug'])
    .where((eb) => eb.or([eb('slug', '=', nameOrSlug.toLowerCase()), eb(eb.fn('lower', ['name']), '=', nameOrSlug.toLowerCase())]))
    .orderBy('id')
    .limit(3)
    .execute();

/** Every profile's address, for the sitemap. */
export const organisationSlugs = (db: Db) =>
  db.selectFrom('organisations').select(['slug', 'updated_at', 'created_at']).orderBy('id').limit(50_000).execute();

/** Slugs starting with this one, to find one not taken. */
export const slugsLike = async (db: Db, slug: string) =>
  (await db.selectFrom('organisations').select('slug').where('slug', 'like', `${slug}%`).execute()).map((r) => r.slug);

export interface OrganisationFilter {
  kind?: string | undefined;
  country?: string | undefined;
  area?: string | undefined;
}

function organisationsWhere(db: Db, f: OrganisationFilter) {
  let q = db.selectFrom('organisations');
  if (f.kind) q = q.where('kind', '=', f.kind as Organisation['kind']);
  if (f.country) q = q.where('country', '=', f.country);
  if (f.area) q = q.where('areas', 'like', `%${f.area}%`);
  return q;
}

export const organisationsPage = (db: Db, f: OrganisationFilter, offset: number, limit: number) =>
  organisationsWhere(db, f).selectAll().orderBy('name').orderBy('id').offset(offset).limit(limit).execute() as Promise<Organisation[]>;

export async function countOrganisations(db: Db, f: OrganisationFilter): Promise<number> {
  const r = await organisationsWhere(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertPartnership(db: Db, row: Insertable<PartnershipRow>, organisations: { id: number; confirmed: boolean }[]) {
  const id = (await db.insertInto('partnerships').values(row).returning('id').executeTakeFirstOrThrow()).id;
  await db
    .insertInto('partnership_organisations')
    .values(organisations.map((o) => ({ partnership_id: id, organisation_id: o.id, confirmed: o.confirmed ? 1 : 0 })))
    .execute();
  return id;
}

export const partnershipById = (db: Db, id: number) =>
  db.selectFrom('partnerships').selectAll().where('id', '=', id).executeTakeFirst() as Promise<Partnership | undefined>;

/** The organisations of these partnerships, with whether each has agreed. */
export const organisationsOf = (db: Db, partnershipIds: readonly number[]) =>
  partnershipIds.length
    ? db
        .selectFrom('partnership_organisations')
        .selectAll()
        .where('partnership_id', 'in', [...partnershipIds])
        .orderBy('organisation_id')
        .execute()
    : Promise.resolve([]);

export async function confirmOrganisation(db: Db, partnershipId: number, organisationId: number): Promise<void> {
  await db
    .updateTable('partnership_organisations')
    .set({ confirmed: 1 })
    .where('partnership_id', '=', partnershipId)
    .where('organisation_id', '=', organisationId)
    .execute();
}

/** Changes a partnership still proposed; false when it moved meanwhile. */
export async function movePartnership(db: Db, id: number, changes: Updateable<PartnershipRow>): Promise<boolean> {
  const r = await db.updateTable('partnerships').set(changes).where('id', '=', id).where('state', '=', 'proposed').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface PartnershipFilter {
  area?: string | undefined;
  country?: string | undefined;
  town?: number;
  organisation?: number;
  state?: PartnershipState;
}

function partnershipsWhere(db: Db, f: PartnershipFilter) {
  let q = db.selectFrom('partnerships').where('state', '=', f.state ?? 'confirmed');
  if (f.area) q = q.where('area', '=', f.area);
  if (f.country) q = q.where('country', '=', f.country);
  if (f.town) q = q.where('municipality_id', '=', f.town);
  if (f.organisation) {
    const org = f.organisation;
    q = q.where('id', 'in', (eb) => eb.selectFrom('partnership_organisations').select('partnership_id').where('organisation_id', '=', org));
  }
  return q;
}

/** Partnerships matching a filter (confirmed unless asked), the newest start first. */
export const partnershipsPage = (db: Db, f: PartnershipFilter, offset: number, limit: number) =>
  partnershipsWhere(db, f).selectAll().orderBy('starts_on', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute() as Promise<
    Partnership[]
  >;

export async function countPartnerships(db: Db, f: PartnershipFilter): Promise<number> {
  const r = await partnershipsWhere(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Confirmed partnerships, the most recently confirmed first: what the feed tells of. */
export const newestPartnerships = (db: Db, limit: number) =>
  db
    .selectFrom('partnerships')
    .selectAll()
    .where('state', '=', 'confirmed')
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute() as Promise<Partnership[]>;

/** Every confirmed partnership, for the sitemap. */
export const publicPartnershipIds = (db: Db) =>
  db.selectFrom('partnerships').select(['id', 'updated_at']).where('state', '=', 'confirmed').orderBy('id').limit(50_000).execute();

/** Proposals waiting for a town's staff or for an organisation's representatives. */
export const waitingForTowns = (db: Db, towns: readonly number[]) =>
  towns.length
    ? (db
        .selectFrom('partnerships')
        .selectAll()
        .where('state', '=', 'proposed')
        .where('town_confirmed', '=', 0)
        .where('municipality_id', 'in', [...towns])
        .execute() as Promise<Partnership[]>)
    : Promise.resolve([] as Partnership[]);

export const waitingForOrganisations = (db: Db, orgs: readonly number[]) =>
  orgs.length
    ? db
        .selectFrom('partnership_organisations')
        .innerJoin('partnerships', 'partnerships.id', 'partnership_organisations.partnership_id')
        .select(['partnerships.id', 'partnership_organisations.organisation_id'])
        .where('partnerships.state', '=', 'proposed')
        .where('partnership_organisations.confirmed', '=', 0)
        .where('partnership_organisations.organisation_id', 'in', [...orgs])
        .execute()
    : Promise.resolve([]);

import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Tables } from '../../core/db/tables.ts';
import type { FundingCallRow, ProgrammeRow, ProjectIndicatorRow, ProjectPartnerRow, ProjectRow, StrandRow } from './schema.ts';

type Db = Kysely<Tables>;

export async function insertProgramme(db: Db, row: Insertable<ProgrammeRow>): Promise<number> {
  const r = await db.insertInto('programmes').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const updateProgramme = (db: Db, id: number, changes: Updateable<ProgrammeRow>) =>
  db.updateTable('programmes').set(changes).where('id', '=', id).execute();

export const programmeBySlug = (db: Db, slug: string) =>
  db.selectFrom('programmes').selectAll().where('slug', '=', slug).executeTakeFirst();

export const programmesByIds = (db: Db, ids: number[]) =>
  ids.length ? db.selectFrom('programmes').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);

/** Every programme, active ones first, by acronym: a catalogue of tens, not thousands. */
export const allProgrammes = (db: Db) => db.selectFrom('programmes').selectAll().orderBy('active', 'desc').orderBy('acronym').execute();

export const slugsLike = (db: Db, slug: string) =>
  db
    .selectFrom('programmes')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', slug), eb('slug', 'like', `${slug}-%`)]))
    .execute();

/** Every language's name and summary of these programmes; the reader's or the original is picked from them. */
export const programmeTexts = (db: Db, ids: number[]) =>
  ids.length ? db.selectFrom('programme_texts').selectAll().where('programme_id', 'in', ids).execute() : Promise.resolve([]);

export async function saveProgrammeText(db: Db, programmeId: number, language: string, text: { name: string; summary: string }) {
  const done = await db
    .updateTable('programme_texts')
    .set(text)
    .where('programme_id', '=', programmeId)
    .where('language', '=', language)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0)
    await db
      .insertInto('programme_texts')
      .values({ programme_id: programmeId, language, ...text })
      .execute();
}

export const strandsOf = (db: Db, programmeIds: number[]) =>
  programmeIds.length
    ? db.selectFrom('programme_strands').selectAll().where('programme_id', 'in', programmeIds).orderBy('position').orderBy('id').execute()
    : Promise.resolve([]);

export const strandsByIds = (db: Db, ids: number[]) =>
  ids.length ? db.selectFrom('programme_strands').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);

export async function insertStrand(db: Db, row: Insertable<StrandRow>): Promise<number> {
  const r = await db.insertInto('programme_strands').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const updateStrand = (db: Db, id: number, changes: Updateable<StrandRow>) =>
  db.updateTable('programme_strands').set(changes).where('id', '=', id).execute();

export const deleteStrands = (db: Db, ids: number[]) =>
  ids.length ? db.deleteFrom('programme_strands').where('id', 'in', ids).execute() : Promise.resolve([]);

export async function insertCall(db: Db, row: Insertable<FundingCallRow>): Promise<number> {
  const r = await db.insertInto('funding_calls').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const updateCall = (db: Db, id: number, changes: Updateable<FundingCallRow>) =>
  db.updateTable('funding_calls').set(changes).where('id', '=', id).execute();

export const callById = (db: Db, id: number) => db.selectFrom('funding_calls').selectAll().where('id', '=', id).executeTakeFirst();

export const callByReference = (db: Db, reference: string) =>
  db.selectFrom('funding_calls').selectAll().where('reference', '=', reference).executeTakeFirst();

export const callTexts = (db: Db, ids: number[]) =>
  ids.length ? db.selectFrom('funding_call_texts').selectAll().where('call_id', 'in', ids).execute() : Promise.resolve([]);

export async function saveCallText(db: Db, callId: number, language: string, text: { title: string; summary: string }) {
  const done = await db
    .updateTable('funding_call_texts')
    .set(text)
    .where('call_id', '=', callId)
    .where('language', '=', language)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0)
    await db
      .insertInto('funding_call_texts')
      .values({ call_id: callId, language, ...text })
      .execute();
}

export interface CallFilter {
  programme?: number | undefined;
  area?: string | undefined;
  applicant?: string | undefined;
  /** Only calls open at this instant (ISO). */
  openAt?: string | undefined;
  /** Only calls whose deadline is before this instant (ISO). */
  deadlineBefore?: string | undefined;
}

// Lists are comma-separated keys without spaces: a key matches whole between commas.
const inList = (column: 'areas' | 'applicants', key: string) => sql<boolean>`(',' || ${sql.ref(column)} || ',') like ${`%,${key},%`}`;

function callsWhere(db: Db, f: CallFilter) {
  let q = db.selectFrom('funding_calls');
  if (f.programme) q = q.where('programme_id', '=', f.programme);
  if (f.area) q = q.where(inList('areas', f.area));
  if (f.applicant) q = q.where(inList('applicants', f.applicant));
  if (f.openAt) q = q.where('opens_at', '<=', f.openAt).where('deadline_at', '>=', f.openAt);
  if (f.deadlineBefore) q = q.where('deadline_at', '<', f.deadlineBefore);
  return q;
}

/**
 * Calls matching the filter: open ones first by nearest deadline, then forthcoming ones by opening,
 * then closed ones, the most recently closed first.
 */
export function callsPage(db: Db, f: CallFilter, now: string, offset: number, limit: number) {
  const rank = sql<number>`case when deadline_at < ${now} then 2 when opens_at > ${now} then 1 else 0 end`;
  const soon = sql`case when deadline_at < ${now} then null else deadline_at end`;
  return callsWhere(db, f)
    .selectAll()
    .orderBy(rank)
    .orderBy(sql`${soon} asc`)
    .orderBy('deadline_at', 'desc')
    .orderBy('id')
    .offset(offset)
    .limit(limit)
    .execute();
}

export async function countCalls(db: Db, f: CallFilter): Promise<number> {
  const r = await callsWhere(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The newest calls, for the feed and the calendar. */
export const newestCalls = (db: Db, limit: number) =>
  db.selectFrom('funding_calls').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();

// ---- Projects and their partners

export async function insertProject(db: Db, row: Insertable<ProjectRow>): Promise<number> {
  const r = await db.insertInto('projects').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Writes a project's title and summary in a language, replacing what was there. */
export async function saveProjectText(db: Db, projectId: number, language: string, text: { title: string; summary: string }) {
  const done = await db
    .updateTable('project_texts')
    .set(text)
    .where('project_id', '=', projectId)
    .where('language', '=', language)
    .executeTakeFirst();
  if (!done.numUpdatedRows)
    await db
      .insertInto('project_texts')
      .values({ project_id: projectId, language, ...text })
      .execute();
}

export async function insertPartner(db: Db, row: Insertable<ProjectPartnerRow>): Promise<number> {
  const r = await db.insertInto('project_partners').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** These projects' acronyms and addresses, for the scope registry and other modules' lists. */
export const projectsByIds = (db: Db, ids: readonly number[]) =>
  ids.length
    ? db
        .selectFrom('projects')
        .select(['id', 'slug', 'acronym'])
        .where('id', 'in', [...ids])
        .execute()
    : Promise.resolve([]);

export interface ProjectFilter {
  programme?: number | undefined;
  area?: string | undefined;
  /** ISO code of a confirmed partner's country. */
  country?: string | undefined;
  state?: string | undefined;
}

function projectsWhere(db: Db, f: ProjectFilter) {
  let q = db.selectFrom('projects');
  if (f.programme) q = q.where('programme_id', '=', f.programme);
  if (f.area) q = q.where(sql<boolean>`(',' || areas || ',') like ${`%,${f.area},%`}`);
  if (f.state) q = q.where('state', '=', f.state as 'planned');
  if (f.country) {
    const country = f.country;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('project_partners as pp')
          .select('pp.id')
          .whereRef('pp.project_id', '=', 'projects.id')
          .where('pp.status', '=', 'confirmed')
          .where('pp.country', '=', country),
      ),
    );
  }
  return q;
}

/** Running projects first, then planned, then closed; the newest start first within each. */
export function projectsPage(db: Db, f: ProjectFilter, offset: number, limit: number) {
  const rank = sql<number>`case state when 'running' then 0 when 'planned' then 1 else 2 end`;
  return projectsWhere(db, f)
    .selectAll()
    .orderBy(rank)
    .orderBy('starts_on', 'desc')
    .orderBy('id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
}

export async function countProjects(db: Db, f: ProjectFilter): Promise<number> {
  const r = await projectsWhere(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const projectBySlug = (db: Db, slug: string) => db.selectFrom('projects').selectAll().where('slug', '=', slug).executeTakeFirst();
export const projectById = (db: Db, id: number) => db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();

export const updateProject = (db: Db, id: number, changes: Updateable<ProjectRow>) =>
  db.updateTable('projects').set(changes).where('id', '=', id).execute();

export const projectSlugsLike = (db: Db, slug: string) =>
  db
    .selectFrom('projects')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', slug), eb('slug', 'like', `${slug}-%`)]))
    .execute();

export const projectTexts = (db: Db, ids: number[]) =>
  ids.length ? db.selectFrom('project_texts').selectAll().where('project_id', 'in', ids).execute() : Promise.resolve([]);

/** Every partner of these projects, the coordinator first, then in the coordinator's order. */
export const partnersOf = (db: Db, projectIds: number[]) =>
  projectIds.length
    ? db
        .selectFrom('project_partners')
        .selectAll()
        .where('project_id', 'in', projectIds)
        .orderBy(sql`case role when 'coordinator' then 0 else 1 end`)
        .orderBy('position')
        .orderBy('id')
        .execute()
    : Promise.resolve([]);

export const partnerById = (db: Db, id: number) => db.selectFrom('project_partners').selectAll().where('id', '=', id).executeTakeFirst();

export const updatePartner = (db: Db, id: number, changes: Updateable<ProjectPartnerRow>) =>
  db.updateTable('project_partners').set(changes).where('id', '=', id).execute();

export const deletePartner = (db: Db, id: number) => db.deleteFrom('project_partners').where('id', '=', id).execute();

/** A town's partnerships (any status): its profile's section and its staff's desk. */
export const partnershipsOfTown = (db: Db, townIds: number[], status?: string) => {
  if (!townIds.length) return Promise.resolve([]);
  let q = db.selectFrom('project_partners').selectAll().where('municipality_id', 'in', townIds);
  if (status) q = q.where('status', '=', status as 'invited');
  return q.orderBy('created_at', 'desc').execute();
};

export const indicatorsOf = (db: Db, projectId: number) =>
  db.selectFrom('project_indicators').selectAll().where('project_id', '=', projectId).orderBy('position').orderBy('id').execute();

export async function insertIndicator(db: Db, row: Insertable<ProjectIndicatorRow>): Promise<number> {
  const r = await db.insertInto('project_indicators').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const updateIndicator = (db: Db, id: number, projectId: number, changes: Updateable<ProjectIndicatorRow>) =>
  db.updateTable('project_indicators').set(changes).where('id', '=', id).where('project_id', '=', projectId).execute();

export const deleteIndicator = (db: Db, id: number, projectId: number) =>
  db.deleteFrom('project_indicators').where('id', '=', id).where('project_id', '=', projectId).execute();

// ---- Deliverables and their files

// ---- The partners' workspace

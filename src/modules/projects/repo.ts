import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Tables } from '../../core/db/tables.ts';
import type {
  DeliverableFileRow,
  DeliverableRow,
  FundingCallRow,
  ProgrammeRow,
  ProjectActivity,
  ProjectActivityRow,
  ProjectDocument,
  ProjectDocumentRow,
  ProjectIndicatorRow,
  ProjectNotice,
  ProjectNoticeRow,
  ProjectPartner,
  ProjectPartnerRow,
  ProjectRow,
  ProjectTask,
  ProjectTaskRow,
  StrandRow,
} from './schema.ts';

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

/** Calls whose deadline is still to come, nearest first: what a town may name when it looks for partners. */
export const upcomingCalls = (db: Db, now: string, limit: number) =>
  db.selectFrom('funding_calls').selectAll().where('deadline_at', '>=', now).orderBy('deadline_at').orderBy('id').limit(limit).execute();

export const callsByIds = (db: Db, ids: readonly number[]) =>
  ids.length
    ? db
        .selectFrom('funding_calls')
        .selectAll()
        .where('id', 'in', [...ids])
        .execute()
    : Promise.resolve([]);

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
  // The expression of the index projects_list_order, written the same way so that it is used.
  const rank = sql<number>`(case state when 'running' then 0 when 'planned' then 1 else 2 end)`;
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

/** The countries partners come from, for the list's filter. */
export const partnerCountries = async (db: Db) =>
  (await db.selectFrom('project_partners').select('country').where('status', '=', 'confirmed').distinct().execute())
    .map((r) => r.country)
    .sort();

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

export async function insertDeliverable(db: Db, row: Insertable<DeliverableRow>): Promise<number> {
  const r = await db.insertInto('deliverables').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const updateDeliverable = (db: Db, id: number, changes: Updateable<DeliverableRow>) =>
  db.updateTable('deliverables').set(changes).where('id', '=', id).execute();

export const deliverableById = (db: Db, id: number) => db.selectFrom('deliverables').selectAll().where('id', '=', id).executeTakeFirst();

export const deliverablesByIds = (db: Db, ids: number[]) =>
  ids.length ? db.selectFrom('deliverables').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);

/** Writes a deliverable's title and summary in a language; the text's id, for the search index. */
export async function saveDeliverableText(db: Db, deliverableId: number, language: string, text: { title: string; summary: string }) {
  const known = await db
    .selectFrom('deliverable_texts')
    .select('id')
    .where('deliverable_id', '=', deliverableId)
    .where('language', '=', language)
    .executeTakeFirst();
  if (known) {
    await db.updateTable('deliverable_texts').set(text).where('id', '=', known.id).execute();
    return known.id;
  }
  const r = await db
    .insertInto('deliverable_texts')
    .values({ deliverable_id: deliverableId, language, ...text })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export const deliverableTexts = (db: Db, ids: number[]) =>
  ids.length ? db.selectFrom('deliverable_texts').selectAll().where('deliverable_id', 'in', ids).execute() : Promise.resolve([]);

/** Every file version of these deliverables, newest version first within a language. */
export const deliverableFiles = (db: Db, ids: number[]) =>
  ids.length
    ? db
        .selectFrom('deliverable_files')
        .selectAll()
        .where('deliverable_id', 'in', ids)
        .orderBy('language')
        .orderBy('version', 'desc')
        .execute()
    : Promise.resolve([]);

export const deliverableFile = (db: Db, deliverableId: number, fileId: number) =>
  db.selectFrom('deliverable_files').selectAll().where('id', '=', fileId).where('deliverable_id', '=', deliverableId).executeTakeFirst();

/** The next version number of a deliverable's file in a language. */
export async function nextVersion(db: Db, deliverableId: number, language: string): Promise<number> {
  const r = await db
    .selectFrom('deliverable_files')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('deliverable_id', '=', deliverableId)
    .where('language', '=', language)
    .executeTakeFirst();
  return Number(r?.v ?? 0) + 1;
}

export async function insertDeliverableFile(db: Db, row: Insertable<DeliverableFileRow>): Promise<number> {
  const r = await db.insertInto('deliverable_files').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const countDownload = (db: Db, fileId: number) =>
  db
    .updateTable('deliverable_files')
    .set((eb) => ({ downloads: eb('downloads', '+', 1) }))
    .where('id', '=', fileId)
    .execute();

export interface DeliverableFilter {
  /** Deliverable ids the full-text search found, best first; undefined when not searching. */
  matches?: number[] | undefined;
  area?: string | undefined;
  programme?: number | undefined;
  language?: string | undefined;
  project?: number | undefined;
}

function deliverablesWhere(db: Db, f: DeliverableFilter) {
  let q = db.selectFrom('deliverables as d');
  if (f.matches) q = q.where('d.id', 'in', f.matches.length ? f.matches : [0]);
  if (f.project) q = q.where('d.project_id', '=', f.project);
  if (f.area) q = q.where(sql<boolean>`(',' || d.areas || ',') like ${`%,${f.area},%`}`);
  if (f.programme) {
    const programme = f.programme;
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('projects as p').select('p.id').whereRef('p.id', '=', 'd.project_id').where('p.programme_id', '=', programme),
      ),
    );
  }
  if (f.language) {
    const language = f.language;
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('deliverable_files as f').select('f.id').whereRef('f.deliverable_id', '=', 'd.id').where('f.language', '=', language),
      ),
    );
  }
  return q;
}

/** A page of deliverables, newest publication first; a search's order is applied by the caller. */
export const deliverablesPage = (db: Db, f: DeliverableFilter, offset: number, limit: number) =>
  deliverablesWhere(db, f).selectAll('d').orderBy('d.published_on', 'desc').orderBy('d.id', 'desc').offset(offset).limit(limit).execute();

/** Every matching deliverable's id, for a search (its matches are already at most a few hundred). */
export const matchingIds = (db: Db, f: DeliverableFilter) => deliverablesWhere(db, f).select('d.id').execute();

export async function countDeliverables(db: Db, f: DeliverableFilter): Promise<number> {
  const r = await deliverablesWhere(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The newest deliverables in the library, for its feeds. */
export const newestDeliverables = (db: Db, limit: number) =>
  db.selectFrom('deliverables').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();

/** The newest deliverables of these projects. */
export const deliverablesOfProjects = (db: Db, projectIds: number[], limit: number) =>
  projectIds.length
    ? db
        .selectFrom('deliverables')
        .selectAll()
        .where('project_id', 'in', projectIds)
        .orderBy('published_on', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()
    : Promise.resolve([]);

/** The programmes that have projects, for the library's filter. */
export const programmesWithProjects = (db: Db) =>
  db
    .selectFrom('programmes')
    .select(['id', 'acronym'])
    .where((eb) => eb.exists(eb.selectFrom('projects').select('projects.id').whereRef('projects.programme_id', '=', 'programmes.id')))
    .orderBy('acronym')
    .execute();

/** Project titles in every language, for the deliverables' cards. */
export const projectTitles = (db: Db, ids: number[]) =>
  ids.length ? db.selectFrom('project_texts').selectAll().where('project_id', 'in', ids).execute() : Promise.resolve([]);

// ---- The partners' workspace (and the project's activities)

/** The partners of a project, in their order: the activities' hosts. */
export const partnersOfProject = (db: Db, projectId: number) =>
  db.selectFrom('project_partners').selectAll().where('project_id', '=', projectId).orderBy('position').orderBy('id').execute() as Promise<
    ProjectPartner[]
  >;

export const activitiesOf = (db: Db, projectId: number) =>
  db.selectFrom('project_activities').selectAll().where('project_id', '=', projectId).orderBy('id').execute() as Promise<ProjectActivity[]>;

export const activityById = (db: Db, projectId: number, id: number) =>
  db.selectFrom('project_activities').selectAll().where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst() as Promise<
    ProjectActivity | undefined
  >;

export const activityOfEvent = (db: Db, eventId: number) =>
  db.selectFrom('project_activities').select('id').where('event_id', '=', eventId).executeTakeFirst();

export async function insertActivity(db: Db, row: Insertable<ProjectActivityRow>): Promise<number> {
  const r = await db.insertInto('project_activities').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const updateActivity = (db: Db, id: number, changes: Updateable<ProjectActivityRow>) =>
  db.updateTable('project_activities').set(changes).where('id', '=', id).execute();

export const documentsOf = (db: Db, projectId: number) =>
  db.selectFrom('project_documents').selectAll().where('project_id', '=', projectId).orderBy('id', 'desc').execute() as Promise<
    ProjectDocument[]
  >;

export const documentById = (db: Db, projectId: number, id: number) =>
  db.selectFrom('project_documents').selectAll().where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst() as Promise<
    ProjectDocument | undefined
  >;

export const insertDocument = (db: Db, row: Insertable<ProjectDocumentRow>) => db.insertInto('project_documents').values(row).execute();

export const tasksOf = (db: Db, projectId: number) =>
  db
    .selectFrom('project_tasks')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('done')
    .orderBy('due_on')
    .orderBy('id')
    .execute() as Promise<ProjectTask[]>;

export const insertTask = (db: Db, row: Insertable<ProjectTaskRow>) => db.insertInto('project_tasks').values(row).execute();

/** Marks a task of this project done; false when the project has no such task. */
export async function markTaskDone(db: Db, projectId: number, id: number): Promise<boolean> {
  const r = await db
    .updateTable('project_tasks')
    .set({ done: 1 })
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The notice board, newest first; a board of a few hundred notices at most is shown whole. */
export const noticesOf = (db: Db, projectId: number) =>
  db
    .selectFrom('project_notices')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute() as Promise<ProjectNotice[]>;

export const insertNotice = (db: Db, row: Insertable<ProjectNoticeRow>) => db.insertInto('project_notices').values(row).execute();

// ---- What projects hold on a person (their data download and the erasure of their account) ----

/** Every trace of a person in projects: what they started, uploaded, owned, wrote, decided. */
export async function tracesOf(db: Db, userId: number) {
  const [projects, deliverables, files, documents, tasks, notices, activities, partners] = await Promise.all([
    db.selectFrom('projects').select(['id', 'slug', 'acronym', 'created_at']).where('created_by', '=', userId).execute(),
    db.selectFrom('deliverables').select(['id', 'project_id', 'created_at']).where('created_by', '=', userId).execute(),
    db
      .selectFrom('deliverable_files')
      .select(['deliverable_id', 'language', 'version', 'original_name', 'created_at'])
      .where('uploaded_by', '=', userId)
      .execute(),
    db.selectFrom('project_documents').select(['project_id', 'original_name', 'created_at']).where('uploaded_by', '=', userId).execute(),
    db
      .selectFrom('project_tasks')
      .select(['project_id', 'title', 'due_on', 'done', 'created_at'])
      .where((eb) => eb.or([eb('owner_id', '=', userId), eb('created_by', '=', userId)]))
      .execute(),
    db.selectFrom('project_notices').select(['project_id', 'text', 'created_at']).where('author_id', '=', userId).execute(),
    db
      .selectFrom('project_activities')
      .select(['project_id', 'event_id', 'reported_at', 'created_at'])
      .where((eb) => eb.or([eb('reported_by', '=', userId), eb('created_by', '=', userId)]))
      .execute(),
    db
      .selectFrom('project_partners')
      .select(['project_id', 'role', 'status', 'created_at'])
      .where((eb) => eb.or([eb('invited_by', '=', userId), eb('decided_by', '=', userId)]))
      .execute(),
  ]);
  return { projects, deliverables, files, documents, tasks, notices, activities, partners };
}

/** Unties a person from the project's records, which stay the project's, as by a deleted account. */
export async function forget(db: Db, userId: number): Promise<void> {
  const untie: [keyof Tables & string, string][] = [
    ['projects', 'created_by'],
    ['deliverables', 'created_by'],
    ['deliverable_files', 'uploaded_by'],
    ['project_documents', 'uploaded_by'],
    ['project_tasks', 'owner_id'],
    ['project_tasks', 'created_by'],
    ['project_notices', 'author_id'],
    ['project_activities', 'reported_by'],
    ['project_activities', 'created_by'],
    ['project_partners', 'invited_by'],
    ['project_partners', 'decided_by'],
  ];
  for (const [table, column] of untie)
    await db
      .updateTable(table as 'projects')
      .set({ [column]: null } as never)
      .where(column as 'created_by', '=', userId)
      .execute();
}

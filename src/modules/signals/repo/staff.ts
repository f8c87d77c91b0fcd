import { type Kysely, sql, type Updateable } from 'kysely';
import type { Tables } from '../../../core/db/tables.ts';
import type { Db, New } from '../repo.ts';
import { OPEN_STATES, type SignalCategoryRow, type SignalQuestionRow, type SignalState } from '../schema.ts';

/** The towns with at least one active category: those a report can be passed on to. */
export async function townsTakingReports(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('signal_categories').select('municipality_id').distinct().where('active', '=', 1).execute();
  return rows.map((r) => r.municipality_id);
}

export const setPhotoHidden = (db: Db, id: number, hidden: boolean) =>
  db
    .updateTable('signal_photos')
    .set({ hidden: hidden ? 1 : 0 })
    .where('id', '=', id)
    .execute();

export const categoryReports = async (db: Db, categoryId: number) =>
  Number(
    (
      await db
        .selectFrom('signals')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('category_id', '=', categoryId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** What an inbox shows of a town's reports: every one, unconfirmed and hidden ones too. */
export interface InboxFilter {
  municipalityId: number;
  /** One state, or "open" for every state still to be dealt with. */
  state?: SignalState | 'unsettled';
  categoryId?: number;
  area?: string;
  /** Made before this moment. */
  before?: string;
  assignedTo?: number;
}

function filtered(db: Db, f: InboxFilter) {
  let q = db
    .selectFrom('signals')
    .innerJoin('signal_categories as c', 'c.id', 'signals.category_id')
    .where('signals.municipality_id', '=', f.municipalityId);
  if (f.state === 'unsettled') q = q.where('signals.state', 'in', OPEN_STATES);
  else if (f.state) q = q.where('signals.state', '=', f.state);
  if (f.categoryId) q = q.where('signals.category_id', '=', f.categoryId);
  if (f.area) q = q.where('c.area', '=', f.area);
  if (f.before) q = q.where('signals.created_at', '<', f.before);
  if (f.assignedTo) q = q.where('signals.assigned_to', '=', f.assignedTo);
  return q;
}

export const inboxCount = async (db: Db, f: InboxFilter) =>
  Number(
    (
      await filtered(db, f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A page of the inbox: those still to be dealt with first, the oldest of them first. */
export function inboxPage(db: Db, f: InboxFilter, limit: number, offset: number) {
  const open = sql<number>`case when signals.state in (${sql.join(OPEN_STATES.map((s) => sql.lit(s)))}) then 0 else 1 end`;
  return filtered(db, f)
    .selectAll('signals')
    .select(['c.code as category_code', 'c.name as category_name', 'c.default_key as category_default', 'c.area as category_area'])
    .orderBy(open)
    .orderBy('signals.created_at')
    .orderBy('signals.id')
    .limit(limit)
    .offset(offset)
    .execute();
}
export type InboxRow = Awaited<ReturnType<typeof inboxPage>>[number];

/** How many reports of each town wait to be dealt with (confirmed ones). */
export async function waitingIn(db: Db, municipalityIds: number[]): Promise<Map<number, number>> {
  if (!municipalityIds.length) return new Map();
  const rows = await db
    .selectFrom('signals')
    .select(['municipality_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('municipality_id', 'in', municipalityIds)
    .where('state', 'in', OPEN_STATES)
    .where('confirmed', '=', 1)
    .groupBy('municipality_id')
    .execute();
  return new Map(rows.map((r) => [r.municipality_id, Number(r.n)]));
}

export const signalsByIds = (db: Db, ids: number[]) =>
  ids.length ? db.selectFrom('signals').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);

/** Reports said to be fixed before `fixedBefore` whose author has not been asked yet, and can be. */
export function dueForQuestionnaire(db: Db, fixedBefore: string, limit: number) {
  return db
    .selectFrom('signals')
    .selectAll()
    .where('state', '=', 'fixed')
    .where('fixed_at', '<=', fixedBefore)
    .where('asked_at', 'is', null)
    .where('contact_email', 'is not', null)
    .where('confirmed', '=', 1)
    .orderBy('fixed_at')
    .limit(limit)
    .execute();
}

/** Marks a report asked, once: false when another process got there first. */
export async function claimQuestionnaire(db: Kysely<Tables>, id: number, hash: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('signals')
    .set({ asked_at: at, questionnaire_hash: hash })
    .where('id', '=', id)
    .where('asked_at', 'is', null)
    .where('state', '=', 'fixed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const signalByQuestionnaire = (db: Db, id: number, hash: string) =>
  db.selectFrom('signals').selectAll().where('id', '=', id).where('questionnaire_hash', '=', hash).executeTakeFirst();

/** Uses up a questionnaire link, once: false when it was used meanwhile. */
export async function useQuestionnaire(db: Db, id: number, hash: string): Promise<boolean> {
  const result = await db
    .updateTable('signals')
    .set({ questionnaire_hash: null })
    .where('id', '=', id)
    .where('questionnaire_hash', '=', hash)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

type CategoryChange = Omit<Updateable<SignalCategoryRow>, 'id' | 'municipality_id'>;
export const updateCategory = (db: Db, id: number, set: CategoryChange) =>
  db.updateTable('signal_categories').set(set).where('id', '=', id).execute();

export const questionById = (db: Db, id: number) => db.selectFrom('signal_questions').selectAll().where('id', '=', id).executeTakeFirst();

export const insertQuestion = async (db: Db, row: New<SignalQuestionRow>) =>
  (await db.insertInto('signal_questions').values(row).returning('id').executeTakeFirstOrThrow()).id;

export const updateQuestion = (db: Db, id: number, set: Omit<Updateable<SignalQuestionRow>, 'id' | 'category_id'>) =>
  db.updateTable('signal_questions').set(set).where('id', '=', id).execute();

export const deleteQuestion = (db: Db, id: number) => db.deleteFrom('signal_questions').where('id', '=', id).execute();

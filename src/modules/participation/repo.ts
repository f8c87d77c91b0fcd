import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Tables } from '../../core/db/tables.ts';
import type { CommentRow, CommentSubject, DebateRow, ProcessPhaseRow, ProcessRow, ProcessTextRow, VisionSectionRow } from './schema.ts';

type Db = Kysely<Tables> | Transaction<Tables>;
type New<T> = Omit<T, 'id'>;

// Processes

export const insertProcess = async (db: Db, row: New<ProcessRow>) =>
  (await db.insertInto('processes').values(row).returning('id').executeTakeFirstOrThrow()).id;

export const updateProcess = (db: Db, id: number, changes: Partial<New<ProcessRow>>) =>
  db.updateTable('processes').set(changes).where('id', '=', id).execute();

export const processBySlug = (db: Db, slug: string) => db.selectFrom('processes').selectAll().where('slug', '=', slug).executeTakeFirst();

export const processById = (db: Db, id: number) => db.selectFrom('processes').selectAll().where('id', '=', id).executeTakeFirst();

/** Published processes running on the day (or, with `owner`, every one of that owner), newest first. */
export function processList(db: Db, filter: { open?: string; owner?: { type: string; id: number }; published?: boolean }, limit: number) {
  let q = db.selectFrom('processes').selectAll();
  if (filter.published !== false) q = q.where('published', '=', 1);
  if (filter.open) {
    const day = filter.open;
    q = q.where('starts_on', '<=', day).where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', day)]));
  }
  if (filter.owner) q = q.where('owner_type', '=', filter.owner.type).where('owner_id', '=', filter.owner.id);
  return q.orderBy('starts_on', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export const saveText = (db: Db, row: New<ProcessTextRow>) =>
  db
    .insertInto('process_texts')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['process_id', 'language']).doUpdateSet({ title: row.title, summary: row.summary, description: row.description }),
    )
    .execute();

/** The texts of some processes in a language and in their original ones. */
export function textsOf(db: Db, ids: number[], language: string) {
  if (!ids.length) return Promise.resolve([] as Selectable<ProcessTextRow>[]);
  return db
    .selectFrom('process_texts')
    .innerJoin('processes', 'processes.id', 'process_texts.process_id')
    .selectAll('process_texts')
    .where('process_texts.process_id', 'in', ids)
    .where((eb) =>
      eb.or([eb('process_texts.language', '=', language), eb('process_texts.language', '=', eb.ref('processes.original_language'))]),
    )
    .execute();
}

export const phasesOf = (db: Db, ids: number[]) =>
  ids.length
    ? db.selectFrom('process_phases').selectAll().where('process_id', 'in', ids).orderBy('process_id').orderBy('position').execute()
    : Promise.resolve([] as Selectable<ProcessPhaseRow>[]);

export async function replacePhases(db: Db, processId: number, phases: New<ProcessPhaseRow>[]) {
  await db.deleteFrom('process_phases').where('process_id', '=', processId).execute();
  if (phases.length) await db.insertInto('process_phases').values(phases).execute();
}

// Vision sections

export const sectionsOf = (db: Db, processId: number) =>
  db.selectFrom('vision_sections').selectAll().where('process_id', '=', processId).orderBy('position').orderBy('id').execute();

export const insertSection = async (db: Db, row: New<VisionSectionRow>) =>
  (await db.insertInto('vision_sections').values(row).returning('id').executeTakeFirstOrThrow()).id;

// Debates, comments and the editing of vision sections

/** The tables whose rows take comments, by the subject's name. */
const COMMENTED = { proposal: 'proposals', debate: 'debates', result: 'results', section: 'vision_sections' } as const;

export const insertDebate = async (db: Db, row: New<DebateRow>) =>
  (await db.insertInto('debates').values(row).returning('id').executeTakeFirstOrThrow()).id;

export const debateById = (db: Db, id: number) => db.selectFrom('debates').selectAll().where('id', '=', id).executeTakeFirst();

export const updateDebate = (db: Db, id: number, changes: Partial<New<DebateRow>>) =>
  db.updateTable('debates').set(changes).where('id', '=', id).execute();

/** What the public sees of debates: of published processes, not hidden; `open` at `now` or closed then. */
function publicDebates(db: Db, filter: { process?: number; state?: 'open' | 'closed'; now: string }) {
  let q = db
    .selectFrom('debates')
    .innerJoin('processes', 'processes.id', 'debates.process_id')
    .where('processes.published', '=', 1)
    .where('debates.hidden', '=', 0);
  if (filter.process) q = q.where('debates.process_id', '=', filter.process);
  const now = filter.now;
  if (filter.state === 'open')
    q = q
      .where('debates.closed_at', 'is', null)
      .where((eb) => eb.or([eb('debates.closes_at', 'is', null), eb('debates.closes_at', '>', now)]));
  if (filter.state === 'closed') q = q.where((eb) => eb.or([eb('debates.closed_at', 'is not', null), eb('debates.closes_at', '<=', now)]));
  return q;
}

export const publicDebatesPage = (
  db: Db,
  filter: { process?: number; state?: 'open' | 'closed'; now: string },
  offset: number,
  limit: number,
) =>
  publicDebates(db, filter)
    .selectAll('debates')
    .select('processes.slug as process_slug')
    .orderBy('debates.id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();

export const countPublicDebates = async (db: Db, filter: { process?: number; state?: 'open' | 'closed'; now: string }) =>
  Number(
    (
      await publicDebates(db, filter)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A process's debates, newest first; hidden ones only when asked (for its staff). */
export function debatesOfProcess(db: Db, processId: number, limit: number) {
  return db
    .selectFrom('debates')
    .selectAll()
    .where('process_id', '=', processId)
    .where('hidden', '=', 0)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Every comment on a subject, hidden ones too (their answers still show), oldest first. */
export const commentsOn = (db: Db, type: CommentSubject, id: number) =>
  db.selectFrom('comments').selectAll().where('subject_type', '=', type).where('subject_id', '=', id).orderBy('id').execute();

export const commentById = (db: Db, id: number) => db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();

export const insertComment = async (db: Db, row: New<CommentRow>) =>
  (await db.insertInto('comments').values(row).returning('id').executeTakeFirstOrThrow()).id;

export const updateComment = (db: Db, id: number, changes: Pick<CommentRow, 'body' | 'stance' | 'edited_at'>) =>
  db.updateTable('comments').set(changes).where('id', '=', id).execute();

/** Adds `by` to the count of comments a subject shows. */
export const countComment = (db: Db, type: CommentSubject, id: number, by: number) =>
  db
    .updateTable(COMMENTED[type])
    .set((eb) => ({ comments_count: eb('comments_count', '+', by) }))
    .where('id', '=', id)
    .execute();

/** What a comment's subject needs to be found: its process, a title, and whether moderation hid it. */
export async function commentedThing(
  db: Db,
  type: CommentSubject,
  id: number,
): Promise<{ process_id: number | null; title: string; language: string; hidden: number } | undefined> {
  const fields = ['process_id', 'title', 'language'] as const;
  if (type === 'section')
    return db
      .selectFrom('vision_sections')
      .select([...fields, sql<number>`0`.as('hidden')])
      .where('id', '=', id)
      .executeTakeFirst();
  if (type === 'result')
    return db
      .selectFrom('results')
      .select([...fields, sql<number>`0`.as('hidden')])
      .where('id', '=', id)
      .executeTakeFirst();
  const table = type === 'debate' ? 'debates' : 'proposals';
  return db
    .selectFrom(table)
    .select([...fields, 'hidden'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export const sectionById = (db: Db, id: number) => db.selectFrom('vision_sections').selectAll().where('id', '=', id).executeTakeFirst();

export const updateSection = (db: Db, id: number, changes: Partial<Pick<VisionSectionRow, 'title' | 'body' | 'position'>>) =>
  db.updateTable('vision_sections').set(changes).where('id', '=', id).execute();

/** Removes a section and the comments on it. */
export async function deleteSection(db: Db, id: number) {
  await db.deleteFrom('comments').where('subject_type', '=', 'section').where('subject_id', '=', id).execute();
  await db.deleteFrom('vision_sections').where('id', '=', id).execute();
}

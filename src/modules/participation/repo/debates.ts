import { sql } from 'kysely';
import type { CommentRow, CommentSubject, DebateRow, VisionSectionRow } from '../schema.ts';
import type { Db, New } from './db.ts';
import { COMMENTED } from './moderation.ts';

// Debates, comments and the editing of vision sections

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
  // Moderation hides no results nor vision sections.
  if (type === 'section' || type === 'result')
    return db
      .selectFrom(COMMENTED[type])
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

import type { CommentRow, CommentSubject, DebateRow, ProposalRow } from '../schema.ts';
import type { Db, New } from './db.ts';

// Moderation: what moderation needs of proposals, debates and comments (see service/moderated.ts)

export type Commented = 'proposals' | 'debates' | 'results' | 'vision_sections';
/** The table of each kind of thing people comment on. */
export const COMMENTED: Record<CommentSubject, Commented> = {
  proposal: 'proposals',
  debate: 'debates',
  result: 'results',
  section: 'vision_sections',
};

export function proposalsForModeration(db: Db, ids: readonly number[]) {
  return db
    .selectFrom('proposals')
    .innerJoin('processes', 'processes.id', 'proposals.process_id')
    .select(['proposals.id', 'proposals.title', 'proposals.body', 'proposals.author_id', 'proposals.hidden'])
    .select(['processes.slug', 'processes.owner_type', 'processes.owner_id'])
    .where('proposals.id', 'in', [0, ...ids])
    .execute();
}

export function debatesForModeration(db: Db, ids: readonly number[]) {
  return db
    .selectFrom('debates')
    .leftJoin('processes', 'processes.id', 'debates.process_id')
    .select(['debates.id', 'debates.title', 'debates.body', 'debates.author_id', 'debates.hidden'])
    .select(['debates.owner_type', 'debates.owner_id', 'processes.slug'])
    .where('debates.id', 'in', [0, ...ids])
    .execute();
}

export const commentsForModeration = (db: Db, ids: readonly number[]) =>
  db
    .selectFrom('comments')
    .select(['id', 'subject_type', 'subject_id', 'body', 'author_id', 'hidden'])
    .where('id', 'in', [0, ...ids])
    .execute();

/** The process of each of these results or vision sections: its address and owner. */
export const processesOfParts = (db: Db, table: 'results' | 'vision_sections', ids: readonly number[]) =>
  db
    .selectFrom(table)
    .innerJoin('processes', 'processes.id', `${table}.process_id`)
    .select([`${table}.id as id`, 'processes.slug', 'processes.owner_type', 'processes.owner_id'])
    .where(`${table}.id`, 'in', [0, ...ids])
    .execute();

export const setHiddenIn = (db: Db, table: 'proposals' | 'debates' | 'comments', ids: readonly number[], hidden: boolean) =>
  db
    .updateTable(table)
    .set({ hidden: hidden ? 1 : 0 })
    .where('id', 'in', [0, ...ids])
    .execute();

/** Sets the comments count of these subjects to the number of their visible comments. */
export async function recountComments(db: Db, type: keyof typeof COMMENTED, ids: readonly number[]) {
  const counts = await db
    .selectFrom('comments')
    .select(['subject_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('subject_type', '=', type)
    .where('subject_id', 'in', [0, ...ids])
    .where('hidden', '=', 0)
    .groupBy('subject_id')
    .execute();
  for (const id of new Set(ids)) {
    const n = Number(counts.find((c) => c.subject_id === id)?.n ?? 0);
    await db.updateTable(COMMENTED[type]).set({ comments_count: n }).where('id', '=', id).execute();
  }
}

export const writtenBy = async (db: Db, table: 'proposals' | 'debates' | 'comments', userId: number) =>
  (await db.selectFrom(table).select('id').where('author_id', '=', userId).execute()).map((r) => r.id);

/** A proposal, a debate or a comment as the writing forms store them (for tests and demo content). */
export const insertProposal = async (db: Db, row: New<ProposalRow>) =>
  (await db.insertInto('proposals').values(row).returning('id').executeTakeFirstOrThrow()).id;
export const insertDebate = async (db: Db, row: New<DebateRow>) =>
  (await db.insertInto('debates').values(row).returning('id').executeTakeFirstOrThrow()).id;
export const insertComment = async (db: Db, row: New<CommentRow>) =>
  (await db.insertInto('comments').values(row).returning('id').executeTakeFirstOrThrow()).id;

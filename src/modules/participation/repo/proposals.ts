import type { AnswerState, Proposal, ProposalPicture, ProposalPictureRow, ProposalRow, SupportRow } from '../schema.ts';
import type { Db, New } from './db.ts';

// Proposals, their pictures and supports (the proposals feature).

export const updateProposal = (db: Db, id: number, changes: Partial<New<ProposalRow>>) =>
  db.updateTable('proposals').set(changes).where('id', '=', id).execute();

export const proposalsByIds = (db: Db, ids: number[]) =>
  ids.length ? db.selectFrom('proposals').selectAll().where('id', 'in', ids).execute() : Promise.resolve([] as Proposal[]);

export const picturesOf = (db: Db, ids: number[]) =>
  ids.length
    ? db.selectFrom('proposal_pictures').selectAll().where('proposal_id', 'in', ids).orderBy('proposal_id').orderBy('position').execute()
    : Promise.resolve([] as ProposalPicture[]);

export const insertPictures = async (db: Db, rows: New<ProposalPictureRow>[]) => {
  if (rows.length) await db.insertInto('proposal_pictures').values(rows).execute();
};

export const publishedAnswer = (db: Db, proposalId: number) =>
  db.selectFrom('proposal_answers').selectAll().where('proposal_id', '=', proposalId).where('published', '=', 1).executeTakeFirst();

/** Whether anything stops its author editing it: a support, a comment or an answer (published or not). */
export async function hasResponses(db: Db, p: Proposal): Promise<boolean> {
  if (p.supports_count > 0 || p.comments_count > 0) return true;
  const [support, comment, answer] = await Promise.all([
    db.selectFrom('supports').select('id').where('proposal_id', '=', p.id).limit(1).executeTakeFirst(),
    db
      .selectFrom('comments')
      .select('id')
      .where('subject_type', '=', 'proposal')
      .where('subject_id', '=', p.id)
      .limit(1)
      .executeTakeFirst(),
    db.selectFrom('proposal_answers').select('id').where('proposal_id', '=', p.id).executeTakeFirst(),
  ]);
  return !!(support || comment || answer);
}

/** Public proposals of published processes, newest first, after a cursor (an id): the open data. */
export function publicProposals(
  db: Db,
  f: { processId?: number | undefined; area?: string | undefined; state?: AnswerState | undefined; before?: number | undefined },
  limit: number,
) {
  let q = db
    .selectFrom('proposals')
    .innerJoin('processes', 'processes.id', 'proposals.process_id')
    .selectAll('proposals')
    .select('processes.slug as process_slug')
    .where('processes.published', '=', 1)
    .where('proposals.hidden', '=', 0)
    .where('proposals.withdrawn', '=', 0);
  if (f.processId) q = q.where('proposals.process_id', '=', f.processId);
  if (f.area) q = q.where('proposals.area', '=', f.area);
  if (f.state) q = q.where('proposals.answer_state', '=', f.state);
  if (f.before) q = q.where('proposals.id', '<', f.before);
  return q.orderBy('proposals.id', 'desc').limit(limit).execute();
}

/** A support, once: false when the person already supports it (the unique key holds, whatever runs at once). */
export async function insertSupport(db: Db, row: New<SupportRow>): Promise<boolean> {
  const added = await db
    .insertInto('supports')
    .values(row)
    .onConflict((oc) => oc.columns(['proposal_id', 'user_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return !!added;
}

export async function deleteSupport(db: Db, proposalId: number, userId: number): Promise<boolean> {
  const gone = await db
    .deleteFrom('supports')
    .where('proposal_id', '=', proposalId)
    .where('user_id', '=', userId)
    .returning('id')
    .executeTakeFirst();
  return !!gone;
}

/** Counts in the row itself, so that concurrent supports add up rather than overwrite each other. */
export const addSupports = (db: Db, proposalId: number, delta: 1 | -1) =>
  db
    .updateTable('proposals')
    .set((eb) => ({ supports_count: eb('supports_count', '+', delta) }))
    .where('id', '=', proposalId)
    .execute();

export async function supportsInProcess(db: Db, userId: number, processId: number): Promise<number> {
  const row = await db
    .selectFrom('supports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('process_id', '=', processId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One public proposal of a published process, with the process's slug. */
export const publicProposal = (db: Db, id: number) =>
  db
    .selectFrom('proposals')
    .innerJoin('processes', 'processes.id', 'proposals.process_id')
    .selectAll('proposals')
    .select('processes.slug as process_slug')
    .where('proposals.id', '=', id)
    .where('processes.published', '=', 1)
    .where('proposals.hidden', '=', 0)
    .where('proposals.withdrawn', '=', 0)
    .executeTakeFirst();

export const proposalsBy = (db: Db, userId: number) =>
  db.selectFrom('proposals').selectAll().where('author_id', '=', userId).orderBy('id').execute();

/** The supports a person gave, with the proposals' titles. */
export const supportsBy = (db: Db, userId: number) =>
  db
    .selectFrom('supports')
    .innerJoin('proposals', 'proposals.id', 'supports.proposal_id')
    .select(['supports.proposal_id', 'supports.created_at', 'proposals.title'])
    .where('supports.user_id', '=', userId)
    .orderBy('supports.id')
    .execute();

/** How many public proposals each published process has, for the sitemap. */
export const publicProposalCounts = (db: Db) =>
  db
    .selectFrom('proposals')
    .innerJoin('processes', 'processes.id', 'proposals.process_id')
    .select(['proposals.process_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('processes.published', '=', 1)
    .where('proposals.hidden', '=', 0)
    .where('proposals.withdrawn', '=', 0)
    .groupBy('proposals.process_id')
    .orderBy('proposals.process_id')
    .execute();

export const publicProposalIds = (db: Db, processId: number, offset: number, limit: number) =>
  db
    .selectFrom('proposals')
    .select(['id', 'updated_at'])
    .where('process_id', '=', processId)
    .where('hidden', '=', 0)
    .where('withdrawn', '=', 0)
    .orderBy('id')
    .offset(offset)
    .limit(limit)
    .execute();

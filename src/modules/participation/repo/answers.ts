import { type Selectable, sql } from 'kysely';
import type { AnswerState, ProposalAnswerRow } from '../schema.ts';
import type { Db, New } from './db.ts';

// Official answers

export const proposalById = (db: Db, id: number) => db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();

export const answerOf = (db: Db, proposalId: number) =>
  db.selectFrom('proposal_answers').selectAll().where('proposal_id', '=', proposalId).executeTakeFirst();

export const answersOf = (db: Db, proposalIds: number[]) =>
  proposalIds.length
    ? db.selectFrom('proposal_answers').selectAll().where('proposal_id', 'in', proposalIds).execute()
    : Promise.resolve([] as Selectable<ProposalAnswerRow>[]);

/** Writes a proposal's one answer, new or changed. */
export const saveAnswer = (db: Db, row: New<ProposalAnswerRow>) =>
  db
    .insertInto('proposal_answers')
    .values(row)
    .onConflict((oc) =>
      oc.column('proposal_id').doUpdateSet({
        state: row.state,
        text: row.text,
        cost_cents: row.cost_cents,
        author_id: row.author_id,
        publish_at: row.publish_at,
        published: row.published,
        updated_at: row.updated_at,
      }),
    )
    .execute();

/** Marks an answer published; false when it already was (another run got there first). */
export async function markAnswerPublished(db: Db, id: number) {
  const r = await db
    .updateTable('proposal_answers')
    .set({ published: 1 })
    .where('id', '=', id)
    .where('published', '=', 0)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const dueAnswers = (db: Db, now: string, limit: number) =>
  db
    .selectFrom('proposal_answers')
    .select('id')
    .where('published', '=', 0)
    .where('publish_at', '<=', now)
    .orderBy('publish_at')
    .limit(limit)
    .execute();

export const answerById = (db: Db, id: number) => db.selectFrom('proposal_answers').selectAll().where('id', '=', id).executeTakeFirst();

export const setAnswerState = (db: Db, proposalId: number, state: AnswerState) =>
  db.updateTable('proposals').set({ answer_state: state }).where('id', '=', proposalId).execute();

/** The proposals of a process without a published answer, those past the threshold first, then the most supported. */
export function awaitingAnswer(db: Db, processId: number, threshold: number, limit: number) {
  return db
    .selectFrom('proposals')
    .leftJoin('proposal_answers', 'proposal_answers.proposal_id', 'proposals.id')
    .select(['proposals.id', 'proposals.title', 'proposals.language', 'proposals.supports_count', 'proposals.published_at'])
    .select(['proposal_answers.publish_at', 'proposal_answers.state'])
    .where('proposals.process_id', '=', processId)
    .where('proposals.hidden', '=', 0)
    .where('proposals.withdrawn', '=', 0)
    .where((eb) => eb.or([eb('proposal_answers.id', 'is', null), eb('proposal_answers.published', '=', 0)]))
    .orderBy(sql`case when proposals.supports_count >= ${threshold} then 0 else 1 end`)
    .orderBy('proposals.supports_count', 'desc')
    .orderBy('proposals.id')
    .limit(limit)
    .execute();
}

export const proposalsIn = (db: Db, processId: number, ids: number[]) =>
  ids.length
    ? db
        .selectFrom('proposals')
        .select(['id', 'title', 'language', 'latitude', 'longitude', 'hidden'])
        .where('process_id', '=', processId)
        .where('id', 'in', ids)
        .execute()
    : Promise.resolve([]);

export const proposalsOfProcess = (db: Db, processId: number, limit: number) =>
  db.selectFrom('proposals').selectAll().where('process_id', '=', processId).where('hidden', '=', 0).orderBy('id').limit(limit).execute();

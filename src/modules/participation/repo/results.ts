import { sql } from 'kysely';
import type { ResultEventRow, ResultRow } from '../schema.ts';
import type { Db, New } from './db.ts';

// Monitoring: results and their events

export const resultById = (db: Db, id: number) => db.selectFrom('results').selectAll().where('id', '=', id).executeTakeFirst();

export const insertResult = async (db: Db, row: New<ResultRow>) =>
  (await db.insertInto('results').values(row).returning('id').executeTakeFirstOrThrow()).id;

export const updateResult = (db: Db, id: number, changes: Partial<New<ResultRow>>) =>
  db.updateTable('results').set(changes).where('id', '=', id).execute();

export const resultByExternalId = (db: Db, processId: number, externalId: string) =>
  db.selectFrom('results').selectAll().where('process_id', '=', processId).where('external_id', '=', externalId).executeTakeFirst();

/** A process's results (or every public one when no process is named), newest first. */
export function resultList(
  db: Db,
  filter: { processIds?: number[]; status?: string | undefined; area?: string | undefined },
  offset: number,
  limit: number,
) {
  let q = db.selectFrom('results').selectAll();
  if (filter.processIds) q = filter.processIds.length ? q.where('process_id', 'in', filter.processIds) : q.where(sql<boolean>`1 = 0`);
  if (filter.status) q = q.where('status', '=', filter.status as ResultRow['status']);
  if (filter.area) q = q.where('area', '=', filter.area);
  return q.orderBy('id', 'desc').offset(offset).limit(limit).execute();
}

export function countResults(db: Db, filter: { processIds: number[]; status?: string | undefined }) {
  if (!filter.processIds.length) return Promise.resolve(0);
  let q = db
    .selectFrom('results')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('process_id', 'in', filter.processIds);
  if (filter.status) q = q.where('status', '=', filter.status as ResultRow['status']);
  return q.executeTakeFirstOrThrow().then((r) => Number(r.n));
}

/** The proposals each result came from, visible ones only. */
export const linksOf = (db: Db, resultIds: number[]) =>
  resultIds.length
    ? db
        .selectFrom('result_proposals')
        .innerJoin('proposals', 'proposals.id', 'result_proposals.proposal_id')
        .select([
          'result_proposals.result_id',
          'proposals.id',
          'proposals.title',
          'proposals.language',
          'proposals.latitude',
          'proposals.longitude',
        ])
        .where('result_proposals.result_id', 'in', resultIds)
        .where('proposals.hidden', '=', 0)
        .orderBy('proposals.id')
        .execute()
    : Promise.resolve([]);

export const resultLinking = (db: Db, proposalId: number) =>
  db.selectFrom('result_proposals').select('result_id').where('proposal_id', '=', proposalId).executeTakeFirst();

export async function replaceLinks(db: Db, resultId: number, proposalIds: number[]) {
  await db.deleteFrom('result_proposals').where('result_id', '=', resultId).execute();
  if (proposalIds.length)
    await db
      .insertInto('result_proposals')
      .values(proposalIds.map((proposal_id) => ({ result_id: resultId, proposal_id })))
      .execute();
}

export const eventsOf = (db: Db, resultId: number) =>
  db.selectFrom('result_events').selectAll().where('result_id', '=', resultId).orderBy('on_date', 'desc').orderBy('id', 'desc').execute();

export const insertEvent = (db: Db, row: New<ResultEventRow>) => db.insertInto('result_events').values(row).execute();

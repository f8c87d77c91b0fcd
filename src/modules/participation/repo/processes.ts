import type { Selectable } from 'kysely';
import type { ProcessPhaseRow, ProcessRow, ProcessTextRow } from '../schema.ts';
import type { Db, New } from './db.ts';

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

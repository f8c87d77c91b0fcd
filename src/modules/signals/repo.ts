import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Tables } from '../../core/db/tables.ts';
import type { SignalRow, SignalState, SignalUpdateRow } from './schema.ts';

export type Db = Kysely<Tables> | Transaction<Tables>;
export type New<T> = Omit<Insertable<T>, 'id'>;

export const categoriesOf = (db: Db, municipalityId: number) =>
  db.selectFrom('signal_categories').selectAll().where('municipality_id', '=', municipalityId).orderBy('position').orderBy('id').execute();

export const categoryById = (db: Db, id: number) => db.selectFrom('signal_categories').selectAll().where('id', '=', id).executeTakeFirst();

export const categoryByCode = (db: Db, municipalityId: number, code: string) =>
  db.selectFrom('signal_categories').selectAll().where('municipality_id', '=', municipalityId).where('code', '=', code).executeTakeFirst();

export const insertCategory = (db: Db, row: New<Tables['signal_categories']>) =>
  db.insertInto('signal_categories').values(row).returning('id').executeTakeFirstOrThrow();

export const questionsOf = (db: Db, categoryIds: number[]) =>
  categoryIds.length
    ? db.selectFrom('signal_questions').selectAll().where('category_id', 'in', categoryIds).orderBy('position').orderBy('id').execute()
    : Promise.resolve([]);

export const signalById = (db: Db, id: number) => db.selectFrom('signals').selectAll().where('id', '=', id).executeTakeFirst();

export const signalByToken = (db: Db, token: string) => db.selectFrom('signals').selectAll().where('token', '=', token).executeTakeFirst();

export const signalByConfirmHash = (db: Db, hash: string) =>
  db.selectFrom('signals').selectAll().where('confirm_hash', '=', hash).executeTakeFirst();

export const insertSignal = (db: Db, row: New<SignalRow>) => db.insertInto('signals').values(row).returning('id').executeTakeFirstOrThrow();

export const updateSignal = (db: Db, id: number, set: Updateable<SignalRow>) =>
  db.updateTable('signals').set(set).where('id', '=', id).execute();

export const insertUpdate = (db: Db, row: New<SignalUpdateRow>) => db.insertInto('signal_updates').values(row).execute();

/** A report's timeline, oldest first; internal notes only when asked for. */
export function updatesOf(db: Db, signalId: number, withInternal: boolean) {
  let q = db.selectFrom('signal_updates').selectAll().where('signal_id', '=', signalId);
  if (!withInternal) q = q.where('kind', '!=', 'internal');
  return q.orderBy('created_at').orderBy('id').execute();
}

export const photosOf = (db: Db, signalId: number) =>
  db.selectFrom('signal_photos').selectAll().where('signal_id', '=', signalId).orderBy('position').execute();

/** Which of these photos a report holds. */
export const heldPhotos = async (db: Db, files: string[]) =>
  new Set(
    files.length ? (await db.selectFrom('signal_photos').select('file').where('file', 'in', files).execute()).map((r) => r.file) : [],
  );

/** Public reports of a category within a box around a point, still to be dealt with, newest first. */
export function openNear(
  db: Db,
  categoryId: number,
  box: { minLat: number; maxLat: number; minLon: number; maxLon: number },
  states: readonly SignalState[],
  limit: number,
) {
  return db
    .selectFrom('signals')
    .selectAll()
    .where('category_id', '=', categoryId)
    .where('latitude', '>=', box.minLat)
    .where('latitude', '<=', box.maxLat)
    .where('longitude', '>=', box.minLon)
    .where('longitude', '<=', box.maxLon)
    .where('confirmed', '=', 1)
    .where('hidden', '=', 0)
    .where('state', 'in', states)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/** A person's "me too" on a report, if they said it. */
export const supportOf = (db: Db, signalId: number, userId: number) =>
  db.selectFrom('signal_supports').select('user_id').where('signal_id', '=', signalId).where('user_id', '=', userId).executeTakeFirst();

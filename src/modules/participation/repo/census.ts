import type { Db, Owner } from './db.ts';

// The census check

export const censusListOf = (db: Db, owner: Owner) =>
  db.selectFrom('census_lists').selectAll().where('owner_type', '=', owner.type).where('owner_id', '=', owner.id).executeTakeFirst();

/** Replaces an owner's census list with these hashes. */
export async function replaceCensus(db: Db, owner: Owner, hashes: string[], by: number, at: string) {
  await db.deleteFrom('census_entries').where('owner_type', '=', owner.type).where('owner_id', '=', owner.id).execute();
  for (let i = 0; i < hashes.length; i += 1000)
    await db
      .insertInto('census_entries')
      .values(hashes.slice(i, i + 1000).map((hash) => ({ owner_type: owner.type, owner_id: owner.id, hash })))
      .execute();
  await db.deleteFrom('census_lists').where('owner_type', '=', owner.type).where('owner_id', '=', owner.id).execute();
  await db
    .insertInto('census_lists')
    .values({ owner_type: owner.type, owner_id: owner.id, entries: hashes.length, uploaded_by: by, uploaded_at: at })
    .execute();
}

export const onCensus = async (db: Db, owner: Owner, hash: string) =>
  !!(await db
    .selectFrom('census_entries')
    .select('hash')
    .where('owner_type', '=', owner.type)
    .where('owner_id', '=', owner.id)
    .where('hash', '=', hash)
    .executeTakeFirst());

export const verificationByHash = (db: Db, owner: Owner, hash: string) =>
  db
    .selectFrom('census_verifications')
    .selectAll()
    .where('owner_type', '=', owner.type)
    .where('owner_id', '=', owner.id)
    .where('hash', '=', hash)
    .executeTakeFirst();

export const moveVerification = (db: Db, id: number, userId: number, at: string) =>
  db.updateTable('census_verifications').set({ user_id: userId, verified_at: at }).where('id', '=', id).execute();

export const deleteVerificationsOf = (db: Db, owner: Owner, userId: number) =>
  db
    .deleteFrom('census_verifications')
    .where('owner_type', '=', owner.type)
    .where('owner_id', '=', owner.id)
    .where('user_id', '=', userId)
    .execute();

export const deleteClashesBy = (db: Db, userId: number) => db.deleteFrom('census_clashes').where('user_id', '=', userId).execute();

/** Whether the person's verification stands: its identifier is still on the owner's current list. */
export const isVerified = async (db: Db, owner: Owner, userId: number) =>
  !!(await db
    .selectFrom('census_verifications as v')
    .innerJoin('census_entries as e', (j) =>
      j.onRef('e.owner_type', '=', 'v.owner_type').onRef('e.owner_id', '=', 'v.owner_id').onRef('e.hash', '=', 'v.hash'),
    )
    .select('v.id')
    .where('v.owner_type', '=', owner.type)
    .where('v.owner_id', '=', owner.id)
    .where('v.user_id', '=', userId)
    .executeTakeFirst());

/** Records a verification; false when the identifier or the account is already taken (the unique keys decide). */
export async function insertVerification(db: Db, owner: Owner, hash: string, userId: number, at: string) {
  const r = await db
    .insertInto('census_verifications')
    .values({ owner_type: owner.type, owner_id: owner.id, hash, user_id: userId, verified_at: at })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export const insertClash = (db: Db, owner: Owner, hash: string, userId: number, at: string) =>
  db
    .insertInto('census_clashes')
    .values({ owner_type: owner.type, owner_id: owner.id, hash, user_id: userId, created_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute();

/** The open clashes of an owner, each with the account holding the identifier. */
export const clashesOf = (db: Db, owner: Owner) =>
  db
    .selectFrom('census_clashes as c')
    .leftJoin('census_verifications as v', (j) =>
      j.onRef('v.owner_type', '=', 'c.owner_type').onRef('v.owner_id', '=', 'c.owner_id').onRef('v.hash', '=', 'c.hash'),
    )
    .select(['c.id', 'c.hash', 'c.user_id as claimant', 'c.created_at', 'v.user_id as holder', 'v.id as verification'])
    .where('c.owner_type', '=', owner.type)
    .where('c.owner_id', '=', owner.id)
    .orderBy('c.id')
    .execute();

export const deleteClash = (db: Db, id: number) => db.deleteFrom('census_clashes').where('id', '=', id).execute();

export const verificationsOfUser = (db: Db, userId: number) =>
  db.selectFrom('census_verifications').select(['owner_type', 'owner_id', 'verified_at']).where('user_id', '=', userId).execute();

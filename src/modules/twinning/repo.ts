import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Tables } from '../../core/db/tables.ts';
import type { TwinningRow, TwinningState } from './schema.ts';

type Db = Kysely<Tables>;

export async function insertTwinning(db: Db, row: Insertable<TwinningRow>): Promise<number> {
  const r = await db.insertInto('twinnings').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const twinningById = (db: Db, id: number) => db.selectFrom('twinnings').selectAll().where('id', '=', id).executeTakeFirst();

/** The twinnings of a town on either side, in these states. */
export const twinningsOf = (db: Db, town: number, states: readonly TwinningState[]) =>
  db
    .selectFrom('twinnings')
    .selectAll()
    .where((eb) => eb.or([eb('proposer_id', '=', town), eb('partner_id', '=', town)]))
    .where('state', 'in', [...states])
    .orderBy('since_year')
    .orderBy('id')
    .execute();

/** The link between two towns, whichever proposed it. */
export const between = (db: Db, a: number, b: number) =>
  db
    .selectFrom('twinnings')
    .selectAll()
    .where((eb) =>
      eb.or([eb.and([eb('proposer_id', '=', a), eb('partner_id', '=', b)]), eb.and([eb('proposer_id', '=', b), eb('partner_id', '=', a)])]),
    )
    .orderBy('id', 'desc')
    .executeTakeFirst();

/** Changes a twinning still in state `from`; false when it moved meanwhile. */
export async function moveTwinning(db: Db, id: number, from: TwinningState, changes: Updateable<TwinningRow>): Promise<boolean> {
  const r = await db.updateTable('twinnings').set(changes).where('id', '=', id).where('state', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

function confirmed(db: Db, town?: number) {
  const q = db.selectFrom('twinnings').where('state', '=', 'confirmed');
  return town ? q.where((eb) => eb.or([eb('proposer_id', '=', town), eb('partner_id', '=', town)])) : q;
}

/** Confirmed twinnings (of one town, if given), newest first, a page at a time. */
export const confirmedPage = (db: Db, offset: number, limit: number, town?: number) =>
  confirmed(db, town).selectAll().orderBy('id', 'desc').offset(offset).limit(limit).execute();

export async function countConfirmed(db: Db, town?: number): Promise<number> {
  const r = await confirmed(db, town)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

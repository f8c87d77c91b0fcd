import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Tables } from '../../core/db/tables.ts';
import type { PartnerAnswerRow, PartnerCallRow, TwinningRow, TwinningState } from './schema.ts';

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

export async function insertCall(db: Db, row: Insertable<PartnerCallRow>): Promise<number> {
  const r = await db.insertInto('partner_calls').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const callById = (db: Db, id: number) => db.selectFrom('partner_calls').selectAll().where('id', '=', id).executeTakeFirst();

export interface CallFilter {
  /** Open on this day (YYYY-MM-DD): the deadline is not past. */
  openOn: string;
  area?: string | undefined;
  /** Calls that want this country, or any. */
  country?: string | undefined;
  /** Folded words, each found in the title or description. */
  words?: string[];
}

function callsWhere(db: Db, f: CallFilter) {
  let q = db.selectFrom('partner_calls').where('deadline', '>=', f.openOn);
  if (f.area) q = q.where('areas', 'like', `%${f.area}%`);
  if (f.country) q = q.where((eb) => eb.or([eb('countries', '=', ''), eb('countries', 'like', `%${f.country}%`)]));
  for (const w of f.words ?? []) q = q.where('search_text', 'like', `%${w}%`);
  return q;
}

/** Open calls, the nearest deadline first. */
export const openCalls = (db: Db, f: CallFilter, offset: number, limit: number) =>
  callsWhere(db, f).selectAll().orderBy('deadline').orderBy('id').offset(offset).limit(limit).execute();

export async function countOpenCalls(db: Db, f: CallFilter): Promise<number> {
  const r = await callsWhere(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Open calls naming an EU call, the nearest deadline first. */
export const openCallsFor = (db: Db, fundingCall: number, openOn: string, limit: number) =>
  db
    .selectFrom('partner_calls')
    .selectAll()
    .where('funding_call_id', '=', fundingCall)
    .where('deadline', '>=', openOn)
    .orderBy('deadline')
    .orderBy('id')
    .limit(limit)
    .execute();

/** The newest calls, for the feed. */
export const newestCalls = (db: Db, openOn: string, limit: number) =>
  db.selectFrom('partner_calls').selectAll().where('deadline', '>=', openOn).orderBy('id', 'desc').limit(limit).execute();

export async function insertAnswer(db: Db, row: Insertable<PartnerAnswerRow>): Promise<number> {
  const r = await db.insertInto('partner_answers').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const answersTo = (db: Db, callId: number) =>
  db.selectFrom('partner_answers').selectAll().where('call_id', '=', callId).orderBy('id').execute();

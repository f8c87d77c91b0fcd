import { type Kysely, sql, type Transaction } from 'kysely';
import type { Tables } from '../../core/db/tables.ts';
import type { DecisionAction, FlagReason, ItemState, ModerationItem } from './schema.ts';

type Db = Kysely<Tables> | Transaction<Tables>;

// Items

export const itemOf = (db: Db, type: string, id: number) =>
  db.selectFrom('moderation_items').selectAll().where('text_type', '=', type).where('text_id', '=', id).executeTakeFirst();

/** The item of a text, made (not yet flagged) the first time; with its owner and author as the text's module says. */
export async function ensureItem(
  db: Db,
  text: { type: string; id: number; owner_type: string; owner_id: number | null; author_id: number | null },
  state: ItemState,
  now: string,
): Promise<ModerationItem> {
  await db
    .insertInto('moderation_items')
    .values({
      text_type: text.type,
      text_id: text.id,
      owner_type: text.owner_type,
      owner_id: text.owner_id,
      author_id: text.author_id,
      state,
      flags_count: 0,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['text_type', 'text_id']).doNothing())
    .execute();
  return (await itemOf(db, text.type, text.id)) as ModerationItem;
}

/** Moves an item to a state; only from `from` when given, so that of two at once one wins. Whether it moved. */
export async function setState(db: Db, id: number, state: ItemState, now: string, from?: ItemState): Promise<boolean> {
  let q = db.updateTable('moderation_items').set({ state, updated_at: now }).where('id', '=', id);
  if (from) q = q.where('state', '=', from);
  return Number((await q.executeTakeFirst()).numUpdatedRows) > 0;
}

/** The queue: items in some states, of some owners (all when `owners` is undefined), newest activity first. */
export function queue(db: Db, states: readonly ItemState[], owners: OwnerFilter, page: { limit: number; offset: number }) {
  return filtered(db, states, owners)
    .selectAll()
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function queueCount(db: Db, states: readonly ItemState[], owners: OwnerFilter) {
  const row = await filtered(db, states, owners)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The owners whose texts a person moderates: all of them, or some platform-wide and some things of scopes. */
export type OwnerFilter = { all: true } | { all: false; platform: boolean; scoped: { type: string; ids: number[] }[] };

function filtered(db: Db, states: readonly ItemState[], owners: OwnerFilter) {
  const q = db.selectFrom('moderation_items').where('state', 'in', states);
  if (owners.all) return q;
  return q.where((eb) =>
    eb.or([
      ...(owners.platform ? [eb('owner_type', '=', 'platform')] : []),
      ...owners.scoped.map((o) => eb.and([eb('owner_type', '=', o.type), eb('owner_id', 'in', o.ids)])),
    ]),
  );
}

// Flags

/** Records a person's flag; false when they had flagged this text already. */
export async function insertFlag(db: Db, itemId: number, userId: number, reason: FlagReason, now: string): Promise<boolean> {
  const row = await db
    .insertInto('moderation_flags')
    .values({ item_id: itemId, user_id: userId, reason, created_at: now })
    .onConflict((oc) => oc.columns(['item_id', 'user_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return !!row;
}

/** Counts one more flag on an item; its new count. */
export async function countFlag(db: Db, itemId: number, now: string): Promise<number> {
  const row = await db
    .updateTable('moderation_items')
    .set({ flags_count: sql`flags_count + 1`, updated_at: now })
    .where('id', '=', itemId)
    .returning('flags_count')
    .executeTakeFirstOrThrow();
  return Number(row.flags_count);
}

/** How many flags each item has, by reason. */
export function reasonsOf(db: Db, itemIds: number[]) {
  if (!itemIds.length) return Promise.resolve([] as { item_id: number; reason: FlagReason; n: number }[]);
  return db
    .selectFrom('moderation_flags')
    .select(['item_id', 'reason', (eb) => eb.fn.countAll<number>().as('n')])
    .where('item_id', 'in', itemIds)
    .groupBy(['item_id', 'reason'])
    .execute();
}

export const flagsBy = (db: Db, userId: number) =>
  db
    .selectFrom('moderation_flags')
    .innerJoin('moderation_items', 'moderation_items.id', 'moderation_flags.item_id')
    .select(['moderation_items.text_type', 'moderation_items.text_id', 'moderation_flags.reason', 'moderation_flags.created_at'])
    .where('moderation_flags.user_id', '=', userId)
    .orderBy('moderation_flags.id')
    .execute();

export const deleteFlagsBy = (db: Db, userId: number) => db.deleteFrom('moderation_flags').where('user_id', '=', userId).execute();

// Decisions

export const insertDecision = (
  db: Db,
  row: { item_id: number | null; account_id: number | null; action: DecisionAction; reason: string | null; actor_id: number | null },
  now: string,
) =>
  db
    .insertInto('moderation_decisions')
    .values({ ...row, created_at: now })
    .execute();

export const decisionsOfItem = (db: Db, itemId: number) =>
  db.selectFrom('moderation_decisions').selectAll().where('item_id', '=', itemId).orderBy('id', 'desc').execute();

export const decisionsOfAccount = (db: Db, accountId: number) =>
  db.selectFrom('moderation_decisions').selectAll().where('account_id', '=', accountId).orderBy('id', 'desc').execute();

// Holds: the texts a block hid

export async function insertHolds(db: Db, userId: number, texts: { type: string; id: number }[]) {
  if (!texts.length) return;
  await db
    .insertInto('moderation_holds')
    .values(texts.map((t) => ({ text_type: t.type, text_id: t.id, user_id: userId })))
    .onConflict((oc) => oc.columns(['text_type', 'text_id']).doNothing())
    .execute();
}

export const holdsOf = (db: Db, userId: number) =>
  db.selectFrom('moderation_holds').select(['text_type', 'text_id']).where('user_id', '=', userId).execute();

export const deleteHolds = (db: Db, userId: number) => db.deleteFrom('moderation_holds').where('user_id', '=', userId).execute();

export async function isHeld(db: Db, type: string, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('moderation_holds')
    .select('user_id')
    .where('text_type', '=', type)
    .where('text_id', '=', id)
    .executeTakeFirst();
  return !!row;
}

/** Of these texts, those moderation keeps hidden for themselves (pending review or hidden by a moderator). */
export function hiddenItems(db: Db, texts: { type: string; id: number }[], states: readonly ItemState[]) {
  if (!texts.length) return Promise.resolve([] as { text_type: string; text_id: number }[]);
  return db
    .selectFrom('moderation_items')
    .select(['text_type', 'text_id'])
    .where('state', 'in', states)
    .where((eb) => eb.or(texts.map((t) => eb.and([eb('text_type', '=', t.type), eb('text_id', '=', t.id)]))))
    .execute();
}

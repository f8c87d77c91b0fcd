import type { Kysely, Updateable } from 'kysely';
import type { Tables } from '../../core/db/tables.ts';
import type { Issue, IssueRow, Subscription, SubscriptionRow } from './schema.ts';

type Db = Kysely<Tables>;

export const subscriptionOn = (db: Db, list: string, email: string) =>
  db.selectFrom('newsletter_subscriptions').selectAll().where('list', '=', list).where('email', '=', email).executeTakeFirst() as Promise<
    Subscription | undefined
  >;

export const subscriptionByConfirmHash = (db: Db, hash: string) =>
  db.selectFrom('newsletter_subscriptions').selectAll().where('confirm_hash', '=', hash).executeTakeFirst() as Promise<
    Subscription | undefined
  >;

export const subscriptionByKey = (db: Db, key: string) =>
  db.selectFrom('newsletter_subscriptions').selectAll().where('unsubscribe_key', '=', key).executeTakeFirst() as Promise<
    Subscription | undefined
  >;

export async function insertSubscription(db: Db, row: Omit<SubscriptionRow, 'id'>): Promise<number> {
  const { id } = await db.insertInto('newsletter_subscriptions').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateSubscription(db: Db, id: number, set: Updateable<SubscriptionRow>): Promise<void> {
  await db.updateTable('newsletter_subscriptions').set(set).where('id', '=', id).execute();
}

/** Every list an address is on stops mailing it: the address refused mail for good. */
export async function markBounced(db: Db, email: string, reason: string, now: string): Promise<number> {
  const res = await db
    .updateTable('newsletter_subscriptions')
    .set({ status: 'bounced', bounce_reason: reason, ended_at: now })
    .where('email', '=', email)
    .where('status', 'in', ['confirmed', 'pending'])
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function countByStatus(db: Db, list: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('newsletter_subscriptions')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('list', '=', list)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** The next confirmed subscribers of a list after a cursor, in id order. */
export const confirmedAfter = (db: Db, list: string, cursor: number, limit: number) =>
  db
    .selectFrom('newsletter_subscriptions')
    .select(['id', 'email', 'language', 'topics', 'unsubscribe_key'])
    .where('list', '=', list)
    .where('status', '=', 'confirmed')
    .where('id', '>', cursor)
    .orderBy('id')
    .limit(limit)
    .execute();

export const subscriptionsOf = (db: Db, email: string) =>
  db
    .selectFrom('newsletter_subscriptions')
    .select(['list', 'email', 'language', 'topics', 'status', 'created_at', 'confirmed_at', 'ended_at'])
    .where('email', '=', email)
    .orderBy('id')
    .execute();

export async function deleteSubscriptionsOf(db: Db, email: string, userId: number): Promise<void> {
  await db
    .deleteFrom('newsletter_subscriptions')
    .where((eb) => eb.or([eb('email', '=', email), eb('user_id', '=', userId)]))
    .execute();
}

export async function insertIssue(db: Db, row: Omit<IssueRow, 'id' | 'recipients' | 'cursor'>): Promise<number> {
  const { id } = await db.insertInto('newsletter_issues').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export const issueById = (db: Db, id: number) =>
  db.selectFrom('newsletter_issues').selectAll().where('id', '=', id).executeTakeFirst() as Promise<Issue | undefined>;

/** Changes an issue only while it is in the state the caller saw, so two people cannot both send it. */
export async function updateIssue(db: Db, id: number, from: Issue['status'], set: Updateable<IssueRow>): Promise<boolean> {
  const res = await db.updateTable('newsletter_issues').set(set).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const issuesOf = (db: Db, list: string, statuses: Issue['status'][]) =>
  db
    .selectFrom('newsletter_issues')
    .select(['id', 'subject', 'status', 'language', 'updated_at', 'sent_at', 'recipients'])
    .where('list', '=', list)
    .where('status', 'in', statuses)
    .orderBy('sent_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();

export const issuesSending = (db: Db) =>
  db.selectFrom('newsletter_issues').selectAll().where('status', '=', 'sending').execute() as Promise<Issue[]>;

/** Drafts per list, in one query; a list without drafts is absent. */
export async function countDrafts(db: Db, lists: string[]): Promise<Map<string, number>> {
  if (lists.length === 0) return new Map();
  const rows = await db
    .selectFrom('newsletter_issues')
    .select(['list', (eb) => eb.fn.countAll<number>().as('n')])
    .where('list', 'in', lists)
    .where('status', '=', 'draft')
    .groupBy('list')
    .execute();
  return new Map(rows.map((r) => [r.list, Number(r.n)]));
}

export const latestSent = (db: Db, list: string) =>
  db
    .selectFrom('newsletter_issues')
    .select(['id', 'subject'])
    .where('list', '=', list)
    .where('status', '=', 'sent')
    .orderBy('sent_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();

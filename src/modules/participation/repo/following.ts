import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { isPostgres } from '../../../core/db/schema.ts';
import type { Tables } from '../../../core/db/tables.ts';
import type { FollowType, NotifyEvent, SourceType } from '../schema.ts';
import type { Db } from './db.ts';
import type { Commented } from './moderation.ts';

// Following and notifications

export const insertFollow = (db: Db, userId: number, type: FollowType, id: number, at: string) =>
  db
    .insertInto('participation_follows')
    .values({ user_id: userId, subject_type: type, subject_id: id, created_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'subject_type', 'subject_id']).doNothing())
    .execute();

export const deleteFollow = (db: Db, userId: number, type: FollowType, id: number) =>
  db
    .deleteFrom('participation_follows')
    .where('user_id', '=', userId)
    .where('subject_type', '=', type)
    .where('subject_id', '=', id)
    .execute();

export const followOf = (db: Db, userId: number, type: FollowType, id: number) =>
  db
    .selectFrom('participation_follows')
    .select('id')
    .where('user_id', '=', userId)
    .where('subject_type', '=', type)
    .where('subject_id', '=', id)
    .executeTakeFirst();

export const followsOf = (db: Db, userId: number) =>
  db.selectFrom('participation_follows').selectAll().where('user_id', '=', userId).orderBy('id').execute();

/** The process a followed thing is in, as SQL: itself for a process, null for a debate outside any. */
const processOfSubject = (type: FollowType, id: number) =>
  type === 'process'
    ? sql<number>`cast(${id} as integer)`
    : type === 'proposal'
      ? sql<number>`(select process_id from proposals where id = ${id})`
      : sql<number>`(select process_id from debates where id = ${id})`;

/**
 * One notification per follower of the subject or of its process (once each, the subject's own
 * follow named as the reason before the process's), the actor left out: one statement, whatever the number.
 */
export async function fanOut(
  db: Db,
  n: { subject: { type: FollowType; id: number }; event: NotifyEvent; source: { type: SourceType; id: number }; actorId: number | null },
  at: string,
): Promise<number> {
  const { type, id } = n.subject;
  const processId = processOfSubject(type, id);
  const notActor = n.actorId === null ? sql`` : sql`and f.user_id <> ${n.actorId}`;
  const result = await sql`
    insert into participation_notifications
      (user_id, event, subject_type, subject_id, process_id, source_type, source_id, reason, created_at)
    select f.user_id, cast(${n.event} as varchar(20)), cast(${type} as varchar(10)), cast(${id} as integer), ${processId},
      cast(${n.source.type} as varchar(10)), cast(${n.source.id} as integer),
      case when min(case when f.subject_type = ${type} then 0 else 1 end) = 0 then cast(${type} as varchar(10)) else 'process' end,
      ${isPostgres(db as Kysely<unknown>) ? sql`cast(${at} as timestamptz)` : sql`${at}`}
    from participation_follows f
    where ((f.subject_type = ${type} and f.subject_id = ${id}) or (f.subject_type = 'process' and f.subject_id = ${processId}))
      ${notActor}
    group by f.user_id`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

type NotificationsEb = ExpressionBuilder<Tables & { n: Tables['participation_notifications'] }, 'n'>;

/** A text that shows: a proposal not hidden nor withdrawn, a debate or comment not hidden, an answer published. */
function shows(eb: NotificationsEb, type: SourceType | FollowType, idColumn: 'n.source_id' | 'n.subject_id') {
  switch (type) {
    case 'proposal':
      return eb.exists(
        eb
          .selectFrom('proposals')
          .select('proposals.id')
          .whereRef('proposals.id', '=', idColumn)
          .where('hidden', '=', 0)
          .where('withdrawn', '=', 0),
      );
    case 'debate':
      return eb.exists(eb.selectFrom('debates').select('debates.id').whereRef('debates.id', '=', idColumn).where('hidden', '=', 0));
    case 'comment':
      return eb.exists(eb.selectFrom('comments').select('comments.id').whereRef('comments.id', '=', idColumn).where('hidden', '=', 0));
    case 'answer':
      return eb.exists(
        eb
          .selectFrom('proposal_answers')
          .select('proposal_answers.id')
          .whereRef('proposal_answers.id', '=', idColumn)
          .where('published', '=', 1),
      );
    case 'result':
      return eb.exists(eb.selectFrom('results').select('results.id').whereRef('results.id', '=', idColumn));
    case 'process':
      return eb.exists(
        eb.selectFrom('processes').select('processes.id').whereRef('processes.id', '=', idColumn).where('published', '=', 1),
      );
  }
}

const SOURCES: SourceType[] = ['proposal', 'comment', 'debate', 'answer', 'result'];

/** Checked before anything is shown or mailed: its source and subject still show, and its process is out. */
const visible = (eb: NotificationsEb) =>
  eb.and([
    eb.or(SOURCES.map((s) => eb.and([eb('n.source_type', '=', s), shows(eb, s, 'n.source_id')]))),
    eb.or((['process', 'proposal', 'debate'] as const).map((s) => eb.and([eb('n.subject_type', '=', s), shows(eb, s, 'n.subject_id')]))),
    eb.or([
      eb('n.process_id', 'is', null),
      eb.exists(eb.selectFrom('processes').select('processes.id').whereRef('processes.id', '=', 'n.process_id').where('published', '=', 1)),
    ]),
  ]);

/** A person's notifications that may be shown, newest first; with `ids`, only those. */
export function visibleNotifications(db: Db, userId: number, page: { limit: number; offset: number } | { ids: number[] }) {
  let q = db.selectFrom('participation_notifications as n').selectAll('n').where('n.user_id', '=', userId).where(visible);
  if ('ids' in page) q = page.ids.length ? q.where('n.id', 'in', page.ids) : q.where(sql<boolean>`1 = 0`);
  else q = q.limit(page.limit).offset(page.offset);
  return q.orderBy('n.id', 'desc').execute();
}

export async function countVisible(db: Db, userId: number, unreadOnly = false) {
  let q = db
    .selectFrom('participation_notifications as n')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('n.user_id', '=', userId)
    .where(visible);
  if (unreadOnly) q = q.where('n.read_at', 'is', null);
  return Number((await q.executeTakeFirstOrThrow()).count);
}

export const markRead = (db: Db, userId: number, ids: number[], at: string) =>
  ids.length
    ? db
        .updateTable('participation_notifications')
        .set({ read_at: at })
        .where('user_id', '=', userId)
        .where('id', 'in', ids)
        .where('read_at', 'is', null)
        .execute()
    : Promise.resolve([]);

export const notificationsOf = (db: Db, userId: number) =>
  db.selectFrom('participation_notifications').selectAll().where('user_id', '=', userId).orderBy('id').execute();

export const processesByIds = (db: Db, ids: number[]) =>
  ids.length ? db.selectFrom('processes').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);
/** The titles of some texts of one kind, with their processes and languages. */
export const titlesIn = (db: Db, table: Commented, ids: number[]) =>
  ids.length
    ? db.selectFrom(table).select(['id', 'process_id', 'title', 'language']).where('id', 'in', ids).execute()
    : Promise.resolve([]);

// What a comment is on, for the news of comments on results and vision sections

export const commentSubjects = (db: Db, ids: number[]) =>
  ids.length
    ? db.selectFrom('comments').select(['id', 'subject_type', 'subject_id']).where('id', 'in', ids).execute()
    : Promise.resolve([]);

import { type ExpressionBuilder, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import { isPostgres } from '../../core/db/schema.ts';
import type { Tables } from '../../core/db/tables.ts';
import type {
  CommentRow,
  DebateRow,
  FollowType,
  Frequency,
  NotifyEvent,
  ParticipationMailRow,
  ProcessPhaseRow,
  ProcessRow,
  ProcessTextRow,
  ProposalRow,
  SourceType,
  VisionSectionRow,
} from './schema.ts';

type Db = Kysely<Tables> | Transaction<Tables>;
type New<T> = Omit<T, 'id'>;

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

// Vision sections

export const sectionsOf = (db: Db, processId: number) =>
  db.selectFrom('vision_sections').selectAll().where('process_id', '=', processId).orderBy('position').orderBy('id').execute();

export const insertSection = async (db: Db, row: New<VisionSectionRow>) =>
  (await db.insertInto('vision_sections').values(row).returning('id').executeTakeFirstOrThrow()).id;

// Following, notifications and their mail

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

export const proposalById = (db: Db, id: number) => db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
export const debateById = (db: Db, id: number) => db.selectFrom('debates').selectAll().where('id', '=', id).executeTakeFirst();

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
export const proposalTitles = (db: Db, ids: number[]) =>
  ids.length
    ? db.selectFrom('proposals').select(['id', 'process_id', 'title', 'language']).where('id', 'in', ids).execute()
    : Promise.resolve([]);
export const debateTitles = (db: Db, ids: number[]) =>
  ids.length
    ? db.selectFrom('debates').select(['id', 'process_id', 'title', 'language']).where('id', 'in', ids).execute()
    : Promise.resolve([]);
export const resultTitles = (db: Db, ids: number[]) =>
  ids.length
    ? db.selectFrom('results').select(['id', 'process_id', 'title', 'language']).where('id', 'in', ids).execute()
    : Promise.resolve([]);

// Mail preferences and the mail job's claims

export const prefsOf = (db: Db, userId: number) =>
  db.selectFrom('participation_mail_prefs').selectAll().where('user_id', '=', userId).executeTakeFirst();

export const savePrefs = (db: Db, userId: number, frequency: Frequency, at: string) =>
  db
    .insertInto('participation_mail_prefs')
    .values({ user_id: userId, frequency, last_digest_at: null, updated_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ frequency, updated_at: at }))
    .execute();

/**
 * People whose mail is due, with what they want and when their last digest went: those who want
 * each thing at once, and those whose daily or weekly digest has things from before the period began.
 */
export const duePeople = (db: Db, since: string, starts: { daily: string; weekly: string }, limit: number) =>
  db
    .selectFrom('participation_notifications as n')
    .innerJoin('users', 'users.id', 'n.user_id')
    .leftJoin('participation_mail_prefs as p', 'p.user_id', 'n.user_id')
    .select(['users.id', 'users.name', 'users.email', 'users.language', 'p.frequency'])
    .where('n.mailed_at', 'is', null)
    .where('n.created_at', '>=', since)
    .where('users.email_confirmed_at', 'is not', null)
    .where('users.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('p.frequency', 'is', null), eb('p.frequency', '<>', 'never')]))
    .groupBy(['users.id', 'users.name', 'users.email', 'users.language', 'p.frequency', 'p.last_digest_at'])
    .having((eb) => {
      const digest = (start: string) =>
        eb.and([
          eb(eb.fn.min('n.created_at'), '<', start),
          eb.or([eb('p.last_digest_at', 'is', null), eb('p.last_digest_at', '<', start)]),
        ]);
      return eb.or([
        eb('p.frequency', '=', 'immediate'),
        eb.and([eb.or([eb('p.frequency', 'is', null), eb('p.frequency', '=', 'daily')]), digest(starts.daily)]),
        eb.and([eb('p.frequency', '=', 'weekly'), digest(starts.weekly)]),
      ]);
    })
    .orderBy('users.id')
    .limit(limit)
    .execute();

/** Takes the person's digest of the period: true for the one run that moved it past the period's start. */
export async function claimDigest(db: Db, userId: number, frequency: Frequency, periodStart: string, at: string) {
  await db
    .insertInto('participation_mail_prefs')
    .values({ user_id: userId, frequency, last_digest_at: null, updated_at: at })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  const taken = await db
    .updateTable('participation_mail_prefs')
    .set({ last_digest_at: at })
    .where('user_id', '=', userId)
    .where('frequency', '=', frequency)
    .where((eb) => eb.or([eb('last_digest_at', 'is', null), eb('last_digest_at', '<', periodStart)]))
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

/** Takes the person's unmailed notifications made in [since, until): each is returned to one run only. */
export const claimNotifications = async (db: Db, userId: number, since: string, until: string, at: string) =>
  (
    await db
      .updateTable('participation_notifications')
      .set({ mailed_at: at })
      .where('user_id', '=', userId)
      .where('mailed_at', 'is', null)
      .where('created_at', '>=', since)
      .where('created_at', '<', until)
      .returning('id')
      .execute()
  ).map((r) => r.id);

export const insertMail = (db: Db, row: New<ParticipationMailRow>) => db.insertInto('participation_mails').values(row).execute();

export const mailByToken = (db: Db, hash: string) =>
  db.selectFrom('participation_mails').selectAll().where('token_hash', '=', hash).executeTakeFirst();

/** Everything following keeps of a person: gone with their account. */
export async function eraseFollowing(db: Db, userId: number) {
  for (const table of [
    'participation_mails',
    'participation_notifications',
    'participation_mail_prefs',
    'participation_follows',
  ] as const) {
    await db.deleteFrom(table).where('user_id', '=', userId).execute();
  }
}

// Texts as the features write them, for following's tests and demo until they land

export const addProposal = async (db: Db, row: New<ProposalRow>) =>
  (await db.insertInto('proposals').values(row).returning('id').executeTakeFirstOrThrow()).id;
export const addDebate = async (db: Db, row: New<DebateRow>) =>
  (await db.insertInto('debates').values(row).returning('id').executeTakeFirstOrThrow()).id;
export const addComment = async (db: Db, row: New<CommentRow>) =>
  (await db.insertInto('comments').values(row).returning('id').executeTakeFirstOrThrow()).id;

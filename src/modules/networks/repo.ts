import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Tables } from '../../core/db/tables.ts';
import type {
  MembershipEventRow,
  MembershipKindRow,
  MembershipReminderRow,
  MembershipReportRow,
  MembershipRow,
  MembershipState,
  NetworkRow,
  NetworkTextRow,
  ReportAnswerRow,
  ReportQuestionRow,
  ReportState,
} from './schema.ts';

type Db = Kysely<Tables>;

export async function insertNetwork(db: Db, row: Insertable<NetworkRow>): Promise<number> {
  const r = await db.insertInto('networks').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function saveText(db: Db, row: Insertable<NetworkTextRow>): Promise<void> {
  await db
    .insertInto('network_texts')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['network_id', 'language'])
        .doUpdateSet({ name: row.name, acronym: row.acronym ?? '', description: row.description ?? '' }),
    )
    .execute();
}

export const allNetworks = (db: Db) => db.selectFrom('networks').selectAll().orderBy('id').execute();

export const networkBySlug = (db: Db, slug: string) => db.selectFrom('networks').selectAll().where('slug', '=', slug).executeTakeFirst();

export const networksByIds = (db: Db, ids: readonly number[]) =>
  ids.length
    ? db
        .selectFrom('networks')
        .selectAll()
        .where('id', 'in', [...ids])
        .execute()
    : Promise.resolve([]);

/** The texts of these networks in the reader's language and in their original one. */
export function textsOf(db: Db, ids: readonly number[], language: string) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('network_texts as t')
    .innerJoin('networks as n', 'n.id', 't.network_id')
    .selectAll('t')
    .where('t.network_id', 'in', [...ids])
    .where((eb) => eb.or([eb('t.language', '=', language), eb('t.language', '=', eb.ref('n.original_language'))]))
    .execute();
}

export async function insertKind(db: Db, row: Insertable<MembershipKindRow>): Promise<number> {
  const r = await db.insertInto('membership_kinds').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const kindsOf = (db: Db, networkIds: readonly number[]) =>
  networkIds.length
    ? db
        .selectFrom('membership_kinds')
        .selectAll()
        .where('network_id', 'in', [...networkIds])
        .orderBy('position')
        .orderBy('id')
        .execute()
    : Promise.resolve([]);

export async function insertMembership(db: Db, row: Insertable<MembershipRow>): Promise<number> {
  const r = await db.insertInto('memberships').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const membershipById = (db: Db, id: number) => db.selectFrom('memberships').selectAll().where('id', '=', id).executeTakeFirst();

/** Changes a membership that is still in state `from`; false when it moved meanwhile. */
export async function moveState(db: Db, id: number, from: MembershipState, changes: Updateable<MembershipRow>): Promise<boolean> {
  const r = await db.updateTable('memberships').set(changes).where('id', '=', id).where('state', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertEvent(db: Db, row: Insertable<MembershipEventRow>): Promise<void> {
  await db.insertInto('membership_events').values(row).execute();
}

export const eventsOf = (db: Db, membershipId: number) =>
  db.selectFrom('membership_events').selectAll().where('membership_id', '=', membershipId).orderBy('at').orderBy('id').execute();

export interface MemberFilter {
  states: readonly MembershipState[];
  country?: string | undefined;
  kind?: number | undefined;
  /** Joined in this year. */
  year?: number | undefined;
}

function membersWhere(db: Db, networkId: number, f: MemberFilter) {
  let q = db
    .selectFrom('memberships')
    .where('network_id', '=', networkId)
    .where('state', 'in', [...f.states]);
  if (f.country) q = q.where('country', '=', f.country);
  if (f.kind) q = q.where('kind_id', '=', f.kind);
  if (f.year) q = q.where('since', '>=', `${f.year}-01-01`).where('since', '<', `${f.year + 1}-01-01`);
  return q;
}

/** A page of a network's members, the longest-standing first. */
export const membersPage = (db: Db, networkId: number, f: MemberFilter, offset: number, limit: number) =>
  membersWhere(db, networkId, f).selectAll().orderBy('since').orderBy('id').offset(offset).limit(limit).execute();

export async function countMembers(db: Db, networkId: number, f: MemberFilter): Promise<number> {
  const r = await membersWhere(db, networkId, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The ids of every member in the filter, for the map. */
export const memberIds = (db: Db, networkId: number, f: MemberFilter, limit: number) =>
  membersWhere(db, networkId, f).select(['member_type', 'member_id']).orderBy('since').orderBy('id').limit(limit).execute();

/** The countries and years a network's public members come from, for the filters. */
export const memberCountries = (db: Db, networkId: number, states: readonly MembershipState[]) =>
  db
    .selectFrom('memberships')
    .select('country')
    .distinct()
    .where('network_id', '=', networkId)
    .where('state', 'in', [...states])
    .where('country', 'is not', null)
    .execute();

/** A member's memberships, of every network. */
export const membershipsOf = (db: Db, memberType: MembershipRow['member_type'], memberId: number) =>
  db
    .selectFrom('memberships')
    .selectAll()
    .where('member_type', '=', memberType)
    .where('member_id', '=', memberId)
    .orderBy('since')
    .execute();

/** Memberships in these states whose report is due before `before`, oldest deadline first. */
export const dueBefore = (db: Db, states: readonly MembershipState[], before: string, limit: number) =>
  db
    .selectFrom('memberships')
    .selectAll()
    .where('state', 'in', [...states])
    .where('report_due_at', 'is not', null)
    .where('report_due_at', '<=', before)
    .orderBy('report_due_at')
    .limit(limit)
    .execute();

/** Records a reminder; false when it was sent already (by this process or another). */
export async function recordReminder(db: Db, row: Insertable<MembershipReminderRow>): Promise<boolean> {
  const r = await db
    .insertInto('membership_reminders')
    .values(row)
    .onConflict((oc) => oc.columns(['membership_id', 'due_at', 'days_before']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** How many memberships of a network stand in each state. */
export const countsByState = (db: Db, networkId: number) =>
  db
    .selectFrom('memberships')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('network_id', '=', networkId)
    .groupBy('state')
    .execute();

/** A network's report form, in order. */
export const questionsOf = (db: Db, networkId: number) =>
  db.selectFrom('report_questions').selectAll().where('network_id', '=', networkId).orderBy('position').orderBy('id').execute();

export async function insertQuestion(db: Db, row: Insertable<ReportQuestionRow>): Promise<number> {
  const r = await db.insertInto('report_questions').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateQuestion(db: Db, id: number, networkId: number, row: Updateable<ReportQuestionRow>): Promise<void> {
  await db.updateTable('report_questions').set(row).where('id', '=', id).where('network_id', '=', networkId).execute();
}

export async function deleteQuestion(db: Db, id: number, networkId: number): Promise<void> {
  await db.deleteFrom('report_questions').where('id', '=', id).where('network_id', '=', networkId).execute();
}

export async function insertReport(db: Db, row: Insertable<MembershipReportRow>): Promise<number> {
  const r = await db.insertInto('membership_reports').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const reportById = (db: Db, id: number) => db.selectFrom('membership_reports').selectAll().where('id', '=', id).executeTakeFirst();

/** A membership's reports, the newest first. */
export const reportsOf = (db: Db, membershipId: number) =>
  db.selectFrom('membership_reports').selectAll().where('membership_id', '=', membershipId).orderBy('id', 'desc').execute();

/** Changes a report still in one of the states `from`; false when it moved meanwhile. */
export async function moveReport(db: Db, id: number, from: readonly ReportState[], changes: Updateable<MembershipReportRow>) {
  const r = await db
    .updateTable('membership_reports')
    .set(changes)
    .where('id', '=', id)
    .where('state', 'in', [...from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const answersOf = (db: Db, reportIds: readonly number[]) =>
  reportIds.length
    ? db
        .selectFrom('report_answers')
        .selectAll()
        .where('report_id', 'in', [...reportIds])
        .execute()
    : Promise.resolve([]);

export async function saveAnswer(db: Db, row: Insertable<ReportAnswerRow>): Promise<void> {
  await db
    .insertInto('report_answers')
    .values(row)
    .onConflict((oc) => oc.columns(['report_id', 'question_id']).doUpdateSet({ value: row.value }))
    .execute();
}

export async function deleteAnswer(db: Db, reportId: number, questionId: number): Promise<void> {
  await db.deleteFrom('report_answers').where('report_id', '=', reportId).where('question_id', '=', questionId).execute();
}

/** The latest accepted report of each of these memberships, for their public parts. */
export const lastAccepted = (db: Db, membershipIds: readonly number[]) =>
  membershipIds.length
    ? db
        .selectFrom('membership_reports as r')
        .selectAll('r')
        .where('r.membership_id', 'in', [...membershipIds])
        .where('r.state', '=', 'accepted')
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('membership_reports as later')
                .select('later.id')
                .whereRef('later.membership_id', '=', 'r.membership_id')
                .where('later.state', '=', 'accepted')
                .whereRef('later.id', '>', 'r.id'),
            ),
          ),
        )
        .execute()
    : Promise.resolve([]);

/** The reports of a network that wait for its coordinators, the oldest first. */
export const reportsWaiting = (db: Db, networkId: number, limit: number) =>
  db
    .selectFrom('membership_reports as r')
    .innerJoin('memberships as m', 'm.id', 'r.membership_id')
    .select(['r.id', 'r.membership_id', 'r.submitted_at', 'm.member_type', 'm.member_id'])
    .where('r.network_id', '=', networkId)
    .where('r.state', '=', 'submitted')
    .orderBy('r.submitted_at')
    .limit(limit)
    .execute();

export async function updateNetwork(db: Db, id: number, changes: Updateable<NetworkRow>): Promise<void> {
  await db.updateTable('networks').set(changes).where('id', '=', id).execute();
}

/** Every text of a network, in each language it is written in. */
export const allTextsOf = (db: Db, networkId: number) =>
  db.selectFrom('network_texts').selectAll().where('network_id', '=', networkId).orderBy('language').execute();

export async function deleteTexts(db: Db, networkId: number, languages: readonly string[]): Promise<void> {
  if (!languages.length) return;
  await db
    .deleteFrom('network_texts')
    .where('network_id', '=', networkId)
    .where('language', 'in', [...languages])
    .execute();
}

export async function updateKind(db: Db, id: number, changes: Updateable<MembershipKindRow>): Promise<void> {
  await db.updateTable('membership_kinds').set(changes).where('id', '=', id).execute();
}

export async function deleteKind(db: Db, id: number): Promise<void> {
  await db.deleteFrom('membership_kinds').where('id', '=', id).execute();
}

/** How many memberships, in any state, each kind of a network has. */
export const membershipsByKind = (db: Db, networkId: number) =>
  db
    .selectFrom('memberships')
    .select(['kind_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('network_id', '=', networkId)
    .groupBy('kind_id')
    .execute();

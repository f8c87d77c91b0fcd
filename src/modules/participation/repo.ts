import { type ExpressionBuilder, type Insertable, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import { isPostgres } from '../../core/db/schema.ts';
import type { Tables } from '../../core/db/tables.ts';
import type {
  AnswerState,
  CommentRow,
  CommentSubject,
  DebateRow,
  FollowType,
  Frequency,
  NotifyEvent,
  ParticipationMailRow,
  ProcessPhaseRow,
  ProcessRow,
  ProcessTextRow,
  Proposal,
  ProposalAnswerRow,
  ProposalPicture,
  ProposalPictureRow,
  ProposalRow,
  ProposalSort,
  ResultEventRow,
  ResultRow,
  SourceType,
  SupportRow,
  VisionSectionRow,
} from './schema.ts';

type Db = Kysely<Tables> | Transaction<Tables>;
type New<T> = Omit<Insertable<T>, 'id'>;
type Owner = { type: string; id: number };

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

// Moderation: what moderation needs of proposals, debates and comments (see service/moderated.ts)

type Commented = 'proposals' | 'debates' | 'results' | 'vision_sections';
/** The table of each kind of thing people comment on. */
export const COMMENTED: Record<CommentSubject, Commented> = {
  proposal: 'proposals',
  debate: 'debates',
  result: 'results',
  section: 'vision_sections',
};

export function proposalsForModeration(db: Db, ids: readonly number[]) {
  return db
    .selectFrom('proposals')
    .innerJoin('processes', 'processes.id', 'proposals.process_id')
    .select(['proposals.id', 'proposals.title', 'proposals.body', 'proposals.author_id', 'proposals.hidden'])
    .select(['processes.slug', 'processes.owner_type', 'processes.owner_id'])
    .where('proposals.id', 'in', [0, ...ids])
    .execute();
}

export function debatesForModeration(db: Db, ids: readonly number[]) {
  return db
    .selectFrom('debates')
    .leftJoin('processes', 'processes.id', 'debates.process_id')
    .select(['debates.id', 'debates.title', 'debates.body', 'debates.author_id', 'debates.hidden'])
    .select(['debates.owner_type', 'debates.owner_id', 'processes.slug'])
    .where('debates.id', 'in', [0, ...ids])
    .execute();
}

export const commentsForModeration = (db: Db, ids: readonly number[]) =>
  db
    .selectFrom('comments')
    .select(['id', 'subject_type', 'subject_id', 'body', 'author_id', 'hidden'])
    .where('id', 'in', [0, ...ids])
    .execute();

/** The process of each of these results or vision sections: its address and owner. */
export const processesOfParts = (db: Db, table: 'results' | 'vision_sections', ids: readonly number[]) =>
  db
    .selectFrom(table)
    .innerJoin('processes', 'processes.id', `${table}.process_id`)
    .select([`${table}.id as id`, 'processes.slug', 'processes.owner_type', 'processes.owner_id'])
    .where(`${table}.id`, 'in', [0, ...ids])
    .execute();

export const setHiddenIn = (db: Db, table: 'proposals' | 'debates' | 'comments', ids: readonly number[], hidden: boolean) =>
  db
    .updateTable(table)
    .set({ hidden: hidden ? 1 : 0 })
    .where('id', 'in', [0, ...ids])
    .execute();

/** Sets the comments count of these subjects to the number of their visible comments. */
export async function recountComments(db: Db, type: keyof typeof COMMENTED, ids: readonly number[]) {
  const counts = await db
    .selectFrom('comments')
    .select(['subject_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('subject_type', '=', type)
    .where('subject_id', 'in', [0, ...ids])
    .where('hidden', '=', 0)
    .groupBy('subject_id')
    .execute();
  for (const id of new Set(ids)) {
    const n = Number(counts.find((c) => c.subject_id === id)?.n ?? 0);
    await db.updateTable(COMMENTED[type]).set({ comments_count: n }).where('id', '=', id).execute();
  }
}

export const writtenBy = async (db: Db, table: 'proposals' | 'debates' | 'comments', userId: number) =>
  (await db.selectFrom(table).select('id').where('author_id', '=', userId).execute()).map((r) => r.id);

/** A proposal, a debate or a comment as the writing forms store them (for tests and demo content). */
export const insertProposal = async (db: Db, row: New<ProposalRow>) =>
  (await db.insertInto('proposals').values(row).returning('id').executeTakeFirstOrThrow()).id;
export const insertDebate = async (db: Db, row: New<DebateRow>) =>
  (await db.insertInto('debates').values(row).returning('id').executeTakeFirstOrThrow()).id;
export const insertComment = async (db: Db, row: New<CommentRow>) =>
  (await db.insertInto('comments').values(row).returning('id').executeTakeFirstOrThrow()).id;
// The process editor

/** One language's texts of a process, if written. */
export const processText = (db: Db, processId: number, language: string) =>
  db.selectFrom('process_texts').selectAll().where('process_id', '=', processId).where('language', '=', language).executeTakeFirst();

/** The languages a process is written in. */
export const textLanguages = async (db: Db, processId: number) =>
  (await db.selectFrom('process_texts').select('language').where('process_id', '=', processId).orderBy('language').execute()).map(
    (t) => t.language,
  );

/** Which of these slugs processes already use. */
export const slugsTaken = async (db: Db, slugs: string[]) =>
  slugs.length ? (await db.selectFrom('processes').select('slug').where('slug', 'in', slugs).execute()).map((p) => p.slug) : [];
// Official answers, monitoring (results) and the census check

export const proposalById = (db: Db, id: number) => db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();

export const answerOf = (db: Db, proposalId: number) =>
  db.selectFrom('proposal_answers').selectAll().where('proposal_id', '=', proposalId).executeTakeFirst();

export const answersOf = (db: Db, proposalIds: number[]) =>
  proposalIds.length
    ? db.selectFrom('proposal_answers').selectAll().where('proposal_id', 'in', proposalIds).execute()
    : Promise.resolve([] as Selectable<ProposalAnswerRow>[]);

/** Writes a proposal's one answer, new or changed. */
export const saveAnswer = (db: Db, row: New<ProposalAnswerRow>) =>
  db
    .insertInto('proposal_answers')
    .values(row)
    .onConflict((oc) =>
      oc.column('proposal_id').doUpdateSet({
        state: row.state,
        text: row.text,
        cost_cents: row.cost_cents,
        author_id: row.author_id,
        publish_at: row.publish_at,
        published: row.published,
        updated_at: row.updated_at,
      }),
    )
    .execute();

/** Marks an answer published; false when it already was (another run got there first). */
export async function markAnswerPublished(db: Db, id: number) {
  const r = await db
    .updateTable('proposal_answers')
    .set({ published: 1 })
    .where('id', '=', id)
    .where('published', '=', 0)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const dueAnswers = (db: Db, now: string, limit: number) =>
  db
    .selectFrom('proposal_answers')
    .select('id')
    .where('published', '=', 0)
    .where('publish_at', '<=', now)
    .orderBy('publish_at')
    .limit(limit)
    .execute();

export const answerById = (db: Db, id: number) => db.selectFrom('proposal_answers').selectAll().where('id', '=', id).executeTakeFirst();

export const setAnswerState = (db: Db, proposalId: number, state: AnswerState) =>
  db.updateTable('proposals').set({ answer_state: state }).where('id', '=', proposalId).execute();

/** The proposals of a process without a published answer, those past the threshold first, then the most supported. */
export function awaitingAnswer(db: Db, processId: number, threshold: number, limit: number) {
  return db
    .selectFrom('proposals')
    .leftJoin('proposal_answers', 'proposal_answers.proposal_id', 'proposals.id')
    .select(['proposals.id', 'proposals.title', 'proposals.language', 'proposals.supports_count', 'proposals.published_at'])
    .select(['proposal_answers.publish_at', 'proposal_answers.state'])
    .where('proposals.process_id', '=', processId)
    .where('proposals.hidden', '=', 0)
    .where('proposals.withdrawn', '=', 0)
    .where((eb) => eb.or([eb('proposal_answers.id', 'is', null), eb('proposal_answers.published', '=', 0)]))
    .orderBy(sql`case when proposals.supports_count >= ${threshold} then 0 else 1 end`)
    .orderBy('proposals.supports_count', 'desc')
    .orderBy('proposals.id')
    .limit(limit)
    .execute();
}

export const proposalsIn = (db: Db, processId: number, ids: number[]) =>
  ids.length
    ? db
        .selectFrom('proposals')
        .select(['id', 'title', 'language', 'latitude', 'longitude', 'hidden'])
        .where('process_id', '=', processId)
        .where('id', 'in', ids)
        .execute()
    : Promise.resolve([]);

export const resultById = (db: Db, id: number) => db.selectFrom('results').selectAll().where('id', '=', id).executeTakeFirst();

export const insertResult = async (db: Db, row: New<ResultRow>) =>
  (await db.insertInto('results').values(row).returning('id').executeTakeFirstOrThrow()).id;

export const updateResult = (db: Db, id: number, changes: Partial<New<ResultRow>>) =>
  db.updateTable('results').set(changes).where('id', '=', id).execute();

export const resultByExternalId = (db: Db, processId: number, externalId: string) =>
  db.selectFrom('results').selectAll().where('process_id', '=', processId).where('external_id', '=', externalId).executeTakeFirst();

/** A process's results (or every public one when no process is named), newest first. */
export function resultList(
  db: Db,
  filter: { processIds?: number[]; status?: string | undefined; area?: string | undefined },
  offset: number,
  limit: number,
) {
  let q = db.selectFrom('results').selectAll();
  if (filter.processIds) q = filter.processIds.length ? q.where('process_id', 'in', filter.processIds) : q.where(sql<boolean>`1 = 0`);
  if (filter.status) q = q.where('status', '=', filter.status as ResultRow['status']);
  if (filter.area) q = q.where('area', '=', filter.area);
  return q.orderBy('id', 'desc').offset(offset).limit(limit).execute();
}

export function countResults(db: Db, filter: { processIds: number[]; status?: string | undefined }) {
  if (!filter.processIds.length) return Promise.resolve(0);
  let q = db
    .selectFrom('results')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('process_id', 'in', filter.processIds);
  if (filter.status) q = q.where('status', '=', filter.status as ResultRow['status']);
  return q.executeTakeFirstOrThrow().then((r) => Number(r.n));
}

/** The proposals each result came from, visible ones only. */
export const linksOf = (db: Db, resultIds: number[]) =>
  resultIds.length
    ? db
        .selectFrom('result_proposals')
        .innerJoin('proposals', 'proposals.id', 'result_proposals.proposal_id')
        .select([
          'result_proposals.result_id',
          'proposals.id',
          'proposals.title',
          'proposals.language',
          'proposals.latitude',
          'proposals.longitude',
        ])
        .where('result_proposals.result_id', 'in', resultIds)
        .where('proposals.hidden', '=', 0)
        .orderBy('proposals.id')
        .execute()
    : Promise.resolve([]);

export const resultLinking = (db: Db, proposalId: number) =>
  db.selectFrom('result_proposals').select('result_id').where('proposal_id', '=', proposalId).executeTakeFirst();

export async function replaceLinks(db: Db, resultId: number, proposalIds: number[]) {
  await db.deleteFrom('result_proposals').where('result_id', '=', resultId).execute();
  if (proposalIds.length)
    await db
      .insertInto('result_proposals')
      .values(proposalIds.map((proposal_id) => ({ result_id: resultId, proposal_id })))
      .execute();
}

export const eventsOf = (db: Db, resultId: number) =>
  db.selectFrom('result_events').selectAll().where('result_id', '=', resultId).orderBy('on_date', 'desc').orderBy('id', 'desc').execute();

export const insertEvent = (db: Db, row: New<ResultEventRow>) => db.insertInto('result_events').values(row).execute();

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

export const proposalsOfProcess = (db: Db, processId: number, limit: number) =>
  db.selectFrom('proposals').selectAll().where('process_id', '=', processId).where('hidden', '=', 0).orderBy('id').limit(limit).execute();
// Debates, comments and the editing of vision sections

export const debateById = (db: Db, id: number) => db.selectFrom('debates').selectAll().where('id', '=', id).executeTakeFirst();

export const updateDebate = (db: Db, id: number, changes: Partial<New<DebateRow>>) =>
  db.updateTable('debates').set(changes).where('id', '=', id).execute();

/** What the public sees of debates: of published processes, not hidden; `open` at `now` or closed then. */
function publicDebates(db: Db, filter: { process?: number; state?: 'open' | 'closed'; now: string }) {
  let q = db
    .selectFrom('debates')
    .innerJoin('processes', 'processes.id', 'debates.process_id')
    .where('processes.published', '=', 1)
    .where('debates.hidden', '=', 0);
  if (filter.process) q = q.where('debates.process_id', '=', filter.process);
  const now = filter.now;
  if (filter.state === 'open')
    q = q
      .where('debates.closed_at', 'is', null)
      .where((eb) => eb.or([eb('debates.closes_at', 'is', null), eb('debates.closes_at', '>', now)]));
  if (filter.state === 'closed') q = q.where((eb) => eb.or([eb('debates.closed_at', 'is not', null), eb('debates.closes_at', '<=', now)]));
  return q;
}

export const publicDebatesPage = (
  db: Db,
  filter: { process?: number; state?: 'open' | 'closed'; now: string },
  offset: number,
  limit: number,
) =>
  publicDebates(db, filter)
    .selectAll('debates')
    .select('processes.slug as process_slug')
    .orderBy('debates.id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();

export const countPublicDebates = async (db: Db, filter: { process?: number; state?: 'open' | 'closed'; now: string }) =>
  Number(
    (
      await publicDebates(db, filter)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A process's debates, newest first; hidden ones only when asked (for its staff). */
export function debatesOfProcess(db: Db, processId: number, limit: number) {
  return db
    .selectFrom('debates')
    .selectAll()
    .where('process_id', '=', processId)
    .where('hidden', '=', 0)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Every comment on a subject, hidden ones too (their answers still show), oldest first. */
export const commentsOn = (db: Db, type: CommentSubject, id: number) =>
  db.selectFrom('comments').selectAll().where('subject_type', '=', type).where('subject_id', '=', id).orderBy('id').execute();

export const commentById = (db: Db, id: number) => db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();

export const updateComment = (db: Db, id: number, changes: Pick<CommentRow, 'body' | 'stance' | 'edited_at'>) =>
  db.updateTable('comments').set(changes).where('id', '=', id).execute();

/** Adds `by` to the count of comments a subject shows. */
export const countComment = (db: Db, type: CommentSubject, id: number, by: number) =>
  db
    .updateTable(COMMENTED[type])
    .set((eb) => ({ comments_count: eb('comments_count', '+', by) }))
    .where('id', '=', id)
    .execute();

/** What a comment's subject needs to be found: its process, a title, and whether moderation hid it. */
export async function commentedThing(
  db: Db,
  type: CommentSubject,
  id: number,
): Promise<{ process_id: number | null; title: string; language: string; hidden: number } | undefined> {
  const fields = ['process_id', 'title', 'language'] as const;
  if (type === 'section')
    return db
      .selectFrom('vision_sections')
      .select([...fields, sql<number>`0`.as('hidden')])
      .where('id', '=', id)
      .executeTakeFirst();
  if (type === 'result')
    return db
      .selectFrom('results')
      .select([...fields, sql<number>`0`.as('hidden')])
      .where('id', '=', id)
      .executeTakeFirst();
  const table = type === 'debate' ? 'debates' : 'proposals';
  return db
    .selectFrom(table)
    .select([...fields, 'hidden'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export const sectionById = (db: Db, id: number) => db.selectFrom('vision_sections').selectAll().where('id', '=', id).executeTakeFirst();

export const updateSection = (db: Db, id: number, changes: Partial<Pick<VisionSectionRow, 'title' | 'body' | 'position'>>) =>
  db.updateTable('vision_sections').set(changes).where('id', '=', id).execute();

/** Removes a section and the comments on it. */
export async function deleteSection(db: Db, id: number) {
  await db.deleteFrom('comments').where('subject_type', '=', 'section').where('subject_id', '=', id).execute();
  await db.deleteFrom('vision_sections').where('id', '=', id).execute();
}
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
// Proposals, their pictures and supports (the proposals feature).

/** Which proposals of a process a list shows: never hidden or withdrawn ones. */
export interface ProposalFilter {
  processId: number;
  area?: string | undefined;
  /** An answer's state, or 'none' for those without a published answer yet. */
  state?: AnswerState | 'none' | undefined;
  /** Written by this person ("my proposals"). */
  author?: number | undefined;
  /** Supported by this person. */
  supporter?: number | undefined;
}

/** One page of a list: the order, and for the random one the visitor's seed. */
export interface ProposalOrder {
  sort: ProposalSort;
  seed: number;
}

export const updateProposal = (db: Db, id: number, changes: Partial<New<ProposalRow>>) =>
  db.updateTable('proposals').set(changes).where('id', '=', id).execute();

export const proposalsByIds = (db: Db, ids: number[]) =>
  ids.length ? db.selectFrom('proposals').selectAll().where('id', 'in', ids).execute() : Promise.resolve([] as Proposal[]);

export const picturesOf = (db: Db, ids: number[]) =>
  ids.length
    ? db.selectFrom('proposal_pictures').selectAll().where('proposal_id', 'in', ids).orderBy('proposal_id').orderBy('position').execute()
    : Promise.resolve([] as ProposalPicture[]);

export const insertPictures = async (db: Db, rows: New<ProposalPictureRow>[]) => {
  if (rows.length) await db.insertInto('proposal_pictures').values(rows).execute();
};

export const publishedAnswer = (db: Db, proposalId: number) =>
  db.selectFrom('proposal_answers').selectAll().where('proposal_id', '=', proposalId).where('published', '=', 1).executeTakeFirst();

/** Whether anything stops its author editing it: a support, a comment or an answer (published or not). */
export async function hasResponses(db: Db, p: Proposal): Promise<boolean> {
  if (p.supports_count > 0 || p.comments_count > 0) return true;
  const [support, comment, answer] = await Promise.all([
    db.selectFrom('supports').select('id').where('proposal_id', '=', p.id).limit(1).executeTakeFirst(),
    db
      .selectFrom('comments')
      .select('id')
      .where('subject_type', '=', 'proposal')
      .where('subject_id', '=', p.id)
      .limit(1)
      .executeTakeFirst(),
    db.selectFrom('proposal_answers').select('id').where('proposal_id', '=', p.id).executeTakeFirst(),
  ]);
  return !!(support || comment || answer);
}

function filtered(db: Db, f: ProposalFilter) {
  let q = db.selectFrom('proposals').where('process_id', '=', f.processId).where('hidden', '=', 0).where('withdrawn', '=', 0);
  if (f.area) q = q.where('area', '=', f.area);
  if (f.state === 'none') q = q.where('answer_state', 'is', null);
  else if (f.state) q = q.where('answer_state', '=', f.state);
  if (f.author) q = q.where('author_id', '=', f.author);
  if (f.supporter) {
    const { supporter, processId } = f;
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('supports').select('proposal_id').where('user_id', '=', supporter).where('process_id', '=', processId),
    );
  }
  return q;
}

export async function countProposals(db: Db, f: ProposalFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

const SORT_COLUMNS = { newest: 'published_at', supports: 'supports_count', comments: 'comments_count' } as const;

/**
 * A page of a list, each order read through its index (process, hidden, key, id). The random order
 * starts at the visitor's seed on the random keys and wraps round to the start: a stable order per
 * seed in which every proposal has the same chance of coming first.
 */
export async function proposalPage(db: Db, f: ProposalFilter, order: ProposalOrder, offset: number, limit: number): Promise<Proposal[]> {
  if (order.sort !== 'random') {
    const column = SORT_COLUMNS[order.sort];
    return filtered(db, f).selectAll().orderBy(column, 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute();
  }
  const from = (after: boolean) =>
    filtered(db, f)
      .where('shuffle', after ? '>=' : '<', order.seed)
      .orderBy('shuffle')
      .orderBy('id');
  const before = Number(
    (
      await from(true)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .clearOrderBy()
        .executeTakeFirst()
    )?.n ?? 0,
  );
  const first = offset < before ? await from(true).selectAll().offset(offset).limit(limit).execute() : [];
  if (first.length >= limit) return first;
  const rest = await from(false)
    .selectAll()
    .offset(Math.max(0, offset - before))
    .limit(limit - first.length)
    .execute();
  return [...first, ...rest];
}

/** The places of a list's proposals that have one, for its map. */
export const proposalPlaces = (db: Db, f: ProposalFilter, limit: number) =>
  filtered(db, f)
    .select(['id', 'title', 'latitude', 'longitude'])
    .where('latitude', 'is not', null)
    .where('longitude', 'is not', null)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

/** Public proposals of published processes, newest first, after a cursor (an id): the open data. */
export function publicProposals(
  db: Db,
  f: { processId?: number | undefined; area?: string | undefined; state?: AnswerState | undefined; before?: number | undefined },
  limit: number,
) {
  let q = db
    .selectFrom('proposals')
    .innerJoin('processes', 'processes.id', 'proposals.process_id')
    .selectAll('proposals')
    .select('processes.slug as process_slug')
    .where('processes.published', '=', 1)
    .where('proposals.hidden', '=', 0)
    .where('proposals.withdrawn', '=', 0);
  if (f.processId) q = q.where('proposals.process_id', '=', f.processId);
  if (f.area) q = q.where('proposals.area', '=', f.area);
  if (f.state) q = q.where('proposals.answer_state', '=', f.state);
  if (f.before) q = q.where('proposals.id', '<', f.before);
  return q.orderBy('proposals.id', 'desc').limit(limit).execute();
}

/** A support, once: false when the person already supports it (the unique key holds, whatever runs at once). */
export async function insertSupport(db: Db, row: New<SupportRow>): Promise<boolean> {
  const added = await db
    .insertInto('supports')
    .values(row)
    .onConflict((oc) => oc.columns(['proposal_id', 'user_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return !!added;
}

export async function deleteSupport(db: Db, proposalId: number, userId: number): Promise<boolean> {
  const gone = await db
    .deleteFrom('supports')
    .where('proposal_id', '=', proposalId)
    .where('user_id', '=', userId)
    .returning('id')
    .executeTakeFirst();
  return !!gone;
}

/** Counts in the row itself, so that concurrent supports add up rather than overwrite each other. */
export const addSupports = (db: Db, proposalId: number, delta: 1 | -1) =>
  db
    .updateTable('proposals')
    .set((eb) => ({ supports_count: eb('supports_count', '+', delta) }))
    .where('id', '=', proposalId)
    .execute();

export async function supportsInProcess(db: Db, userId: number, processId: number): Promise<number> {
  const row = await db
    .selectFrom('supports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('process_id', '=', processId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Which of these proposals the person supports. */
export async function supportedAmong(db: Db, userId: number, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('supports')
    .select('proposal_id')
    .where('user_id', '=', userId)
    .where('proposal_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.proposal_id));
}

/** One public proposal of a published process, with the process's slug. */
export const publicProposal = (db: Db, id: number) =>
  db
    .selectFrom('proposals')
    .innerJoin('processes', 'processes.id', 'proposals.process_id')
    .selectAll('proposals')
    .select('processes.slug as process_slug')
    .where('proposals.id', '=', id)
    .where('processes.published', '=', 1)
    .where('proposals.hidden', '=', 0)
    .where('proposals.withdrawn', '=', 0)
    .executeTakeFirst();

export const proposalsBy = (db: Db, userId: number) =>
  db.selectFrom('proposals').selectAll().where('author_id', '=', userId).orderBy('id').execute();

/** The supports a person gave, with the proposals' titles. */
export const supportsBy = (db: Db, userId: number) =>
  db
    .selectFrom('supports')
    .innerJoin('proposals', 'proposals.id', 'supports.proposal_id')
    .select(['supports.proposal_id', 'supports.created_at', 'proposals.title'])
    .where('supports.user_id', '=', userId)
    .orderBy('supports.id')
    .execute();

/** How many public proposals each published process has, for the sitemap. */
export const publicProposalCounts = (db: Db) =>
  db
    .selectFrom('proposals')
    .innerJoin('processes', 'processes.id', 'proposals.process_id')
    .select(['proposals.process_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('processes.published', '=', 1)
    .where('proposals.hidden', '=', 0)
    .where('proposals.withdrawn', '=', 0)
    .groupBy('proposals.process_id')
    .orderBy('proposals.process_id')
    .execute();

export const publicProposalIds = (db: Db, processId: number, offset: number, limit: number) =>
  db
    .selectFrom('proposals')
    .select(['id', 'updated_at'])
    .where('process_id', '=', processId)
    .where('hidden', '=', 0)
    .where('withdrawn', '=', 0)
    .orderBy('id')
    .offset(offset)
    .limit(limit)
    .execute();

// What a comment is on, for the news of comments on results and vision sections

export const commentSubjects = (db: Db, ids: number[]) =>
  ids.length
    ? db.selectFrom('comments').select(['id', 'subject_type', 'subject_id']).where('id', 'in', ids).execute()
    : Promise.resolve([]);
export const sectionTitles = (db: Db, ids: number[]) =>
  ids.length
    ? db.selectFrom('vision_sections').select(['id', 'process_id', 'title', 'language']).where('id', 'in', ids).execute()
    : Promise.resolve([]);

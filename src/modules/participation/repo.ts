import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Tables } from '../../core/db/tables.ts';
import type {
  AnswerState,
  ProcessPhaseRow,
  ProcessRow,
  ProcessTextRow,
  Proposal,
  ProposalPicture,
  ProposalPictureRow,
  ProposalRow,
  ProposalSort,
  SupportRow,
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

export const insertProposal = async (db: Db, row: New<ProposalRow>) =>
  (await db.insertInto('proposals').values(row).returning('id').executeTakeFirstOrThrow()).id;

export const updateProposal = (db: Db, id: number, changes: Partial<New<ProposalRow>>) =>
  db.updateTable('proposals').set(changes).where('id', '=', id).execute();

export const proposalById = (db: Db, id: number) => db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();

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

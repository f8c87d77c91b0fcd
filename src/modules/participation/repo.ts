import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Tables } from '../../core/db/tables.ts';
import type { ProcessPhaseRow, ProcessRow, ProcessTextRow, VisionSectionRow } from './schema.ts';

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

// Moderation: what moderation needs of proposals, debates and comments (see service/moderated.ts)

type Commented = 'proposals' | 'debates' | 'results' | 'vision_sections';
/** The table of each kind of thing people comment on. */
export const COMMENTED: Record<import('./schema.ts').CommentSubject, Commented> = {
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
export const insertProposal = async (db: Db, row: New<import('./schema.ts').ProposalRow>) =>
  (await db.insertInto('proposals').values(row).returning('id').executeTakeFirstOrThrow()).id;
export const insertDebate = async (db: Db, row: New<import('./schema.ts').DebateRow>) =>
  (await db.insertInto('debates').values(row).returning('id').executeTakeFirstOrThrow()).id;
export const insertComment = async (db: Db, row: New<import('./schema.ts').CommentRow>) =>
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

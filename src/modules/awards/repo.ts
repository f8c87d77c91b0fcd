import { type Kysely, sql } from 'kysely';
import type { Tables } from '../../core/db/tables.ts';
import type { Category, Criterion, Edition, Nomination, Vote } from './schema.ts';

type Db = Kysely<Tables>;

export const editionBySlug = (db: Db, slug: string) =>
  db.selectFrom('award_editions').selectAll().where('slug', '=', slug).executeTakeFirst() as Promise<Edition | undefined>;

export const allEditions = (db: Db) =>
  db.selectFrom('award_editions').selectAll().orderBy('year', 'desc').orderBy('id', 'desc').limit(200).execute() as Promise<Edition[]>;

export const editionsByIds = (db: Db, ids: readonly number[]) =>
  ids.length
    ? (db
        .selectFrom('award_editions')
        .selectAll()
        .where('id', 'in', [...ids])
        .execute() as Promise<Edition[]>)
    : Promise.resolve([] as Edition[]);

export const editionTexts = (db: Db, ids: number[]) =>
  ids.length ? db.selectFrom('award_edition_texts').selectAll().where('edition_id', 'in', ids).execute() : Promise.resolve([]);

export async function insertEdition(db: Db, row: Omit<Edition, 'id'>): Promise<number> {
  const r = await db.insertInto('award_editions').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateEdition(db: Db, id: number, row: Partial<Omit<Edition, 'id'>>): Promise<void> {
  await db.updateTable('award_editions').set(row).where('id', '=', id).execute();
}

export async function saveEditionText(db: Db, editionId: number, language: string, title: string, rules: string): Promise<void> {
  await db
    .insertInto('award_edition_texts')
    .values({ edition_id: editionId, language, title, rules })
    .onConflict((oc) => oc.columns(['edition_id', 'language']).doUpdateSet({ title, rules }))
    .execute();
}

export const categoriesOf = (db: Db, editionIds: number[]) =>
  editionIds.length
    ? (db.selectFrom('award_categories').selectAll().where('edition_id', 'in', editionIds).orderBy('position').execute() as Promise<
        Category[]
      >)
    : Promise.resolve([] as Category[]);

export const categoriesByIds = (db: Db, ids: number[]) =>
  ids.length
    ? (db.selectFrom('award_categories').selectAll().where('id', 'in', ids).execute() as Promise<Category[]>)
    : Promise.resolve([] as Category[]);

export async function insertCategory(db: Db, row: Omit<Category, 'id'>): Promise<number> {
  return (await db.insertInto('award_categories').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function markPublished(db: Db, categoryId: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('award_categories')
    .set({ published_at: at })
    .where('id', '=', categoryId)
    .where('published_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const nominationsOf = (db: Db, categoryIds: number[]) =>
  categoryIds.length
    ? (db.selectFrom('award_nominations').selectAll().where('category_id', 'in', categoryIds).orderBy('id').execute() as Promise<
        Nomination[]
      >)
    : Promise.resolve([] as Nomination[]);

export const nominationById = (db: Db, id: number) =>
  db.selectFrom('award_nominations').selectAll().where('id', '=', id).executeTakeFirst() as Promise<Nomination | undefined>;

export const nominationsOfTowns = (db: Db, towns: number[]) =>
  towns.length
    ? (db.selectFrom('award_nominations').selectAll().where('municipality_id', 'in', towns).execute() as Promise<Nomination[]>)
    : Promise.resolve([] as Nomination[]);

export async function insertNomination(db: Db, row: Omit<Nomination, 'id'>): Promise<number> {
  return (await db.insertInto('award_nominations').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function setNominationState(db: Db, id: number, state: string, mergedInto: number | null = null): Promise<void> {
  await db.updateTable('award_nominations').set({ state, merged_into: mergedInto }).where('id', '=', id).execute();
}

export async function insertReason(
  db: Db,
  row: { nomination_id: number; user_id: number | null; kind: string; body: string; url: string; created_at: string },
) {
  await db.insertInto('award_reasons').values(row).execute();
}

export const reasonsOf = (db: Db, nominationIds: number[]) =>
  nominationIds.length
    ? db.selectFrom('award_reasons').selectAll().where('nomination_id', 'in', nominationIds).orderBy('id').execute()
    : Promise.resolve([]);

export async function moveReasons(db: Db, from: number, to: number): Promise<void> {
  await db.updateTable('award_reasons').set({ nomination_id: to }).where('nomination_id', '=', from).execute();
  await db.updateTable('award_votes').set({ nomination_id: to }).where('nomination_id', '=', from).execute();
}

/**
 * Casts or changes one person's vote in a category in one statement: the unique (category, voter)
 * pair makes concurrent casts by one person end as one row, the last one cast.
 */
export async function upsertVote(db: Db, row: Omit<Vote, 'id' | 'changes' | 'state' | 'void_reason'>): Promise<void> {
  // Named one by one: a caller's stray id would take the insert past the (category, voter) arbiter.
  const { category_id, nomination_id, user_id, voter_key, pattern_key, email_domain } = row;
  const { ip_hash, network_hash, user_agent, account_created_at, voted_at } = row;
  const cast = { category_id, nomination_id, user_id, voter_key, pattern_key, email_domain };
  await db
    .insertInto('award_votes')
    .values({ ...cast, ip_hash, network_hash, user_agent, account_created_at, voted_at, changes: 0, state: 'counted', void_reason: '' })
    .onConflict((oc) =>
      oc.columns(['category_id', 'voter_key']).doUpdateSet({
        nomination_id: row.nomination_id,
        ip_hash: row.ip_hash,
        network_hash: row.network_hash,
        user_agent: row.user_agent,
        voted_at: row.voted_at,
        changes: sql`award_votes.changes + 1`,
      }),
    )
    .execute();
}

export const votesOf = (db: Db, categoryId: number) =>
  db.selectFrom('award_votes').selectAll().where('category_id', '=', categoryId).orderBy('voted_at').execute() as Promise<Vote[]>;

/** How many votes of a category are in each state (counted, void). */
export async function voteStates(db: Db, categoryId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('award_votes')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('category_id', '=', categoryId)
    .groupBy('state')
    .execute();
  return new Map(rows.map((r) => [r.state, Number(r.n)]));
}

/** The parts of a category's votes the audit's clusters are found from, oldest first. */
export const auditVotesOf = (db: Db, categoryId: number) =>
  db
    .selectFrom('award_votes')
    .select(['id', 'state', 'voted_at', 'network_hash', 'pattern_key', 'email_domain', 'account_created_at'])
    .where('category_id', '=', categoryId)
    .orderBy('voted_at')
    .execute();

/** The latest votes of a category, newest first. */
export const latestVotesOf = (db: Db, categoryId: number, limit: number) =>
  db
    .selectFrom('award_votes')
    .selectAll()
    .where('category_id', '=', categoryId)
    .orderBy('voted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute() as Promise<Vote[]>;

/** How many counted votes each nomination of a category has. */
export async function countedByNomination(db: Db, categoryId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('award_votes')
    .select(['nomination_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('category_id', '=', categoryId)
    .where('state', '=', 'counted')
    .groupBy('nomination_id')
    .execute();
  return new Map(rows.map((r) => [r.nomination_id, Number(r.n)]));
}

export const voteOf = (db: Db, categoryId: number, voterKey: string) =>
  db
    .selectFrom('award_votes')
    .selectAll()
    .where('category_id', '=', categoryId)
    .where('voter_key', '=', voterKey)
    .executeTakeFirst() as Promise<Vote | undefined>;

export const voteById = (db: Db, id: number) =>
  db.selectFrom('award_votes').selectAll().where('id', '=', id).executeTakeFirst() as Promise<Vote | undefined>;

export async function voidVote(db: Db, id: number, reason: string): Promise<void> {
  await db.updateTable('award_votes').set({ state: 'void', void_reason: reason }).where('id', '=', id).execute();
}

export async function replaceResults(
  db: Db,
  categoryId: number,
  rows: { nomination_id: number; rank: number; votes: number; jury_score: number; final_score: number }[],
) {
  await db.deleteFrom('award_results').where('category_id', '=', categoryId).execute();
  if (rows.length)
    await db
      .insertInto('award_results')
      .values(rows.map((r) => ({ ...r, category_id: categoryId })))
      .execute();
}

export const resultsOf = (db: Db, categoryIds: number[]) =>
  categoryIds.length
    ? db.selectFrom('award_results').selectAll().where('category_id', 'in', categoryIds).orderBy('rank').execute()
    : Promise.resolve([]);

export const scoresOf = (db: Db, nominationIds: number[]) =>
  nominationIds.length
    ? db.selectFrom('award_criterion_scores').selectAll().where('nomination_id', 'in', nominationIds).execute()
    : Promise.resolve([]);

export async function saveScore(
  db: Db,
  score: { nomination_id: number; criterion_id: number; juror_id: number; score: number; scored_at: string },
): Promise<void> {
  await db
    .insertInto('award_criterion_scores')
    .values(score)
    .onConflict((oc) =>
      oc.columns(['nomination_id', 'juror_id', 'criterion_id']).doUpdateSet({ score: score.score, scored_at: score.scored_at }),
    )
    .execute();
}

export const criteriaOf = (db: Db, editionId: number) =>
  db.selectFrom('award_criteria').selectAll().where('edition_id', '=', editionId).orderBy('position').orderBy('id').execute() as Promise<
    Criterion[]
  >;

export async function insertCriterion(db: Db, row: Omit<Criterion, 'id'>): Promise<number> {
  return (await db.insertInto('award_criteria').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateCriterion(db: Db, id: number, row: Partial<Omit<Criterion, 'id' | 'edition_id'>>): Promise<void> {
  await db.updateTable('award_criteria').set(row).where('id', '=', id).execute();
}

export async function deleteCriterion(db: Db, id: number): Promise<void> {
  await db.deleteFrom('award_criteria').where('id', '=', id).execute();
}

export async function criterionScored(db: Db, id: number): Promise<boolean> {
  return !!(await db.selectFrom('award_criterion_scores').select('id').where('criterion_id', '=', id).limit(1).executeTakeFirst());
}

export async function deleteCategory(db: Db, id: number): Promise<void> {
  await db.deleteFrom('award_categories').where('id', '=', id).execute();
}

/** What the awards keep of one person, for their data download. */
export async function personalRows(db: Db, userId: number) {
  const [votes, nominations, reasons] = await Promise.all([
    db.selectFrom('award_votes').select(['category_id', 'nomination_id', 'voted_at', 'state']).where('user_id', '=', userId).execute(),
    db
      .selectFrom('award_nominations')
      .select(['category_id', 'municipality_id', 'created_at'])
      .where('nominated_by', '=', userId)
      .execute(),
    db.selectFrom('award_reasons').select(['nomination_id', 'kind', 'body', 'url', 'created_at']).where('user_id', '=', userId).execute(),
  ]);
  return { votes, nominations, reasons };
}

/** Unlinks a person from what they did: votes stay counted (their address was never kept), reasons stay unsigned. */
export async function unlinkPerson(db: Db, userId: number): Promise<void> {
  await db.updateTable('award_votes').set({ user_id: null, user_agent: '' }).where('user_id', '=', userId).execute();
  await db.updateTable('award_nominations').set({ nominated_by: null }).where('nominated_by', '=', userId).execute();
  await db.updateTable('award_reasons').set({ user_id: null }).where('user_id', '=', userId).execute();
}

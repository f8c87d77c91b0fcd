import { sql } from 'kysely';
import type { AnswerState, Proposal, ProposalSort } from '../schema.ts';
import type { Db } from './db.ts';

// The lists of proposals: their filters, orders, counts, pages and places

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
  /**
   * Few proposals match the filters: read them through the filters' index and sort them, rather
   * than walk the order's index past every proposal that does not match.
   */
  sparse?: boolean | undefined;
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
type SortColumn = (typeof SORT_COLUMNS)[keyof typeof SORT_COLUMNS] | 'shuffle';

/** The key a page is ordered by: the column itself (its index gives the order), or, when sparse, a value of it no index holds. */
const keyOf = (column: SortColumn, sparse: boolean | undefined) =>
  !sparse
    ? sql.ref(column)
    : column === 'published_at'
      ? sql`coalesce(${sql.ref(column)}, ${sql.ref(column)})`
      : sql`${sql.ref(column)} + 0`;

/**
 * A page of a list, each order read through its index (process, hidden, withdrawn, key, id). The
 * random order starts at the visitor's seed on the random keys and wraps round to the start: a
 * stable order per seed in which every proposal has the same chance of coming first.
 */
export async function proposalPage(db: Db, f: ProposalFilter, order: ProposalOrder, offset: number, limit: number): Promise<Proposal[]> {
  if (order.sort !== 'random') {
    const key = keyOf(SORT_COLUMNS[order.sort], order.sparse);
    return filtered(db, f).selectAll().orderBy(key, 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute();
  }
  const from = (after: boolean) =>
    filtered(db, f)
      .where('shuffle', after ? '>=' : '<', order.seed)
      .orderBy(keyOf('shuffle', order.sparse))
      .orderBy('id');
  const first = await from(true).selectAll().offset(offset).limit(limit).execute();
  if (first.length >= limit) return first;
  // The page runs past the last key: it goes on from the first, after those from the seed on.
  const before = first.length
    ? offset + first.length
    : Number(
        (
          await from(true)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .clearOrderBy()
            .executeTakeFirst()
        )?.n ?? 0,
      );
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

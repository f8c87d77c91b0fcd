import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../../../core/authz.ts';
import { Remembered } from '../../../core/cache.ts';
import { NotFound } from '../../../core/http/guards.ts';
import { lenient } from '../../../core/http/params.ts';
import type { FeedProvider, ModuleContext } from '../../../core/modules.ts';
import type { ProposalFilter, ProposalOrder } from '../repo.ts';
import * as repo from '../repo.ts';
import { ANSWER_STATES, PROPOSAL_SORTS, type Proposal, type ProposalSort } from '../schema.ts';
import { type ProcessView, processBySlug, processPath } from './processes.ts';
import { type Author, authorsOf, proposalPath, summaryOf } from './proposals.ts';

export const LIST_PAGE = 20;
/** The map shows at most this many places of a list, the newest. */
export const MAP_PLACES = 2000;
const MAX_SEED = 2_000_000_000;
/** How many random orders visitors who are not signed in share in an hour. */
const SHARED_SEEDS = 32;
const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** A filtered list this short is read through its filters' index and sorted, not through its order's index. */
const SPARSE_LIST = 2000;

const readQuery = lenient({
  state: z.enum([...ANSWER_STATES, 'none']),
  area: z.string().max(20),
  mine: z.literal('1'),
  supported: z.literal('1'),
  sort: z.enum(PROPOSAL_SORTS),
  seed: z.coerce.number().int().min(0).max(MAX_SEED),
  page: z.coerce.number().int().min(1).max(10_000),
});

/** A list as its address asks for it: filters, order, page, and the query that keeps them in links. */
export interface ListState {
  filter: ProposalFilter;
  order: ProposalOrder;
  page: number;
  /** The filters and order as the address names them (without the page): what links keep. */
  params: Record<string, string>;
}

const seedOf = (...parts: (number | string)[]) => createHash('sha256').update(parts.join(':')).digest().readUInt32BE(0) % MAX_SEED;

/**
 * The random order of a visit that names none. A person signed in keeps theirs all day, so coming
 * back shows the list as they left it, and the next day shows others first. Visitors not signed in
 * get one of a few orders of the hour: every proposal still has the same chance of coming first,
 * and a first visit is read from a kept page rather than rendered for one reader.
 */
export function visitSeed(processId: number, personId: number | null, now = Date.now()): number {
  if (personId !== null) return seedOf('person', personId, processId, Math.floor(now / DAY));
  return seedOf('visitor', processId, Math.floor(now / HOUR), Math.floor(Math.random() * SHARED_SEEDS));
}

/**
 * Reads a list's address. A value that does not fit reads as absent; "mine" and "supported" need
 * someone signed in. The random order (the first) gets a seed on the first visit, which links keep.
 */
export function listState(query: unknown, p: ProcessView, actor: Actor | null): ListState {
  const q = readQuery(query);
  const sort: ProposalSort = q.sort ?? 'random';
  const seed = sort === 'random' ? (q.seed ?? visitSeed(p.id, actor?.id ?? null)) : 0;
  const area = q.area && p.areaList.includes(q.area) ? q.area : undefined;
  const mine = actor && q.mine ? actor.id : undefined;
  const supported = actor && q.supported ? actor.id : undefined;
  const params: Record<string, string> = {};
  if (q.state) params.state = q.state;
  if (area) params.area = area;
  if (mine) params.mine = '1';
  if (supported) params.supported = '1';
  params.sort = sort;
  if (sort === 'random') params.seed = String(seed);
  return {
    filter: { processId: p.id, area, state: q.state, author: mine, supporter: supported },
    order: { sort, seed },
    page: q.page ?? 1,
    params,
  };
}

/** An address with a list's filters and order, and a page. */
export function withParams(path: string, params: Record<string, string>, page = 1): string {
  const query = new URLSearchParams({ ...params, ...(page > 1 ? { page: String(page) } : {}) }).toString();
  return query ? `${path}?${query}` : path;
}

/** One page of a list as every reader sees it: the proposals, their authors, how many there are. */
export interface SharedPage {
  proposals: Proposal[];
  authors: Map<number, Author>;
  total: number;
  pages: number;
}

// A list is read far more often than proposals change: its page and count are kept until the data
// changes (see Remembered). Whom a person supports is read on every request, never from this.
const pages = new Remembered<SharedPage>(30_000, 2000);
// How many a list holds does not change with its order or page (each visitor's random seed).
const counts = new Remembered<number>(30_000, 2000);

/** What tells apart one list from another: its filters. */
const filterKey = ({ processId, area, state, author, supporter }: ProposalFilter) => [processId, area, state, author, supporter].join('|');

/** What tells apart one list page from another: its filters, its order and seed, its page. */
export const listKey = (state: ListState) => [filterKey(state.filter), state.order.sort, state.order.seed, state.page].join('|');

export function listPage(ctx: ModuleContext, state: ListState): Promise<SharedPage> {
  const { db } = ctx.database;
  return pages.get(db, listKey(state), async () => {
    const { area, state: answer, author, supporter } = state.filter;
    const total = await counts.get(db, filterKey(state.filter), () => repo.countProposals(db, state.filter));
    const sparse = !!(area || answer || author || supporter) && total <= SPARSE_LIST;
    const order = { ...state.order, sparse };
    const proposals = await repo.proposalPage(db, state.filter, order, (state.page - 1) * LIST_PAGE, LIST_PAGE);
    const authors = await authorsOf(ctx, proposals);
    return { proposals, authors, total, pages: Math.max(1, Math.ceil(total / LIST_PAGE)) };
  });
}

/** Which proposals of a page the person supports: read for them alone, every time. */
export function supportedOn(ctx: ModuleContext, page: SharedPage, actor: Actor | null): Promise<Set<number>> {
  if (!actor) return Promise.resolve(new Set());
  return repo.supportedAmong(
    ctx.database.db,
    actor.id,
    page.proposals.map((x) => x.id),
  );
}

/** A list's places for its map, as public/places-map.js reads them: [lat, lon, title, path after data-base]. */
export async function listPlaces(ctx: ModuleContext, state: ListState): Promise<[number, number, string, string][]> {
  const rows = await repo.proposalPlaces(ctx.database.db, state.filter, MAP_PLACES);
  return rows.map((r) => [Math.round(r.latitude! * 1e5) / 1e5, Math.round(r.longitude! * 1e5) / 1e5, r.title, String(r.id)]);
}

/** Every public proposal of a process, newest first, for its CSV and GeoJSON. */
export async function allProposals(ctx: ModuleContext, p: ProcessView) {
  const proposals = await repo.proposalPage(ctx.database.db, { processId: p.id }, { sort: 'newest', seed: 0 }, 0, 100_000);
  return { proposals, authors: await authorsOf(ctx, proposals) };
}

/** A process's newest proposals as a feed: /{lang}/feeds/proposals.rss?process={slug}. */
export const proposalFeed: FeedProvider = {
  name: 'proposals',
  async read({ lang, t, params, limit }, ctx) {
    const slug = params.process;
    const p = slug && slug.length <= 80 ? await processBySlug(ctx, slug, lang) : undefined;
    // A feed of no process (or one not out) is the 404 any unknown address is.
    if (p?.published !== 1 || p.kind !== 'participatory') throw new NotFound();
    const proposals = await repo.proposalPage(ctx.database.db, { processId: p.id }, { sort: 'newest', seed: 0 }, 0, limit);
    const authors = await authorsOf(ctx, proposals);
    return {
      title: t('participation.proposal.feed.title', { process: p.title }),
      link: `/${lang}${processPath(p)}`,
      entries: proposals.map((x) => {
        const author = authors.get(x.id);
        const name = author?.organisation ?? author?.name;
        return {
          title: x.title,
          url: `/${lang}${proposalPath(p.slug, x.id)}`,
          summary: summaryOf(x.body, 300),
          published: x.published_at,
          updated: x.updated_at,
          ...(name ? { author: name } : {}),
          ...(author?.organisationPath ? { authorPath: `/${lang}${author.organisationPath}` } : {}),
        };
      }),
    };
  },
};

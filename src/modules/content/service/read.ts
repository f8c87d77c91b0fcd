import type { Kysely } from 'kysely';
import { Remembered } from '../../../core/cache.ts';
import type { Tables } from '../../../core/db/tables.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { matchTexts } from '../fulltext.ts';
import type { ContentFilter } from '../repo.ts';
import * as repo from '../repo.ts';
import type { ContentItem, ContentText } from '../schema.ts';
import { describeOwners, type OwnerThing, ownerKey } from './owners.ts';

export type { ContentFilter } from '../repo.ts';

/** An item as a reader sees it: the texts in their language, or the original ones. */
export interface Card {
  item: ContentItem;
  text: ContentText;
  /** True when the text is in the reader's language. */
  inLanguage: boolean;
  languages: string[];
  areas: string[];
  /** Who published it; null for the platform (or an owner that is gone). */
  owner: OwnerThing | null;
}

export const PAGE_SIZE = 20;
/** Counting stops here: a listing says "more than 10,000" rather than count a million rows. */
export const COUNT_CAP = 10_000;
/** Search ranks and counts facets over at most this many of the newest matches. */
export const SEARCH_WINDOW = 500;

/** Cards of the given items, in their order; `bodies: false` leaves out the long texts, for lists that show titles and summaries. */
export async function cardsOf(ctx: ModuleContext, items: ContentItem[], language: string, { bodies = true } = {}): Promise<Card[]> {
  const { db } = ctx.database;
  const ids = items.map((i) => i.id);
  const [texts, languages, areas, owners] = await Promise.all([
    repo.textsFor(db, ids, language, { bodies }),
    repo.languagesFor(db, ids),
    repo.areasFor(db, ids),
    describeOwners(ctx, items),
  ]);
  return items.flatMap((item) => {
    const own = texts.find((t) => t.item_id === item.id && t.language === language);
    const text = own ?? texts.find((t) => t.item_id === item.id && t.language === item.original_language);
    if (!text) return [];
    return [
      {
        item,
        text,
        inLanguage: !!own,
        languages: languages.filter((l) => l.item_id === item.id).map((l) => l.language),
        areas: areas
          .filter((a) => a.item_id === item.id)
          .map((a) => a.area)
          .sort(),
        owner: owners.get(ownerKey(item)) ?? null,
      },
    ];
  });
}

/**
 * What is new (home page, profile newsrooms, feeds, the first pages of listings) is read often and
 * changes rarely: each process keeps these lists half a minute, and reads them again as soon as
 * anything is published or edited, by any process.
 */
const recent = new Remembered<Awaited<ReturnType<typeof listCards>>>(30_000, 3000);

type RecentFilter = Omit<ContentFilter, 'upcomingFrom'> & { upcoming?: boolean };
const fromNow = ({ upcoming, ...rest }: RecentFilter): ContentFilter =>
  upcoming ? { ...rest, upcomingFrom: new Date().toISOString() } : rest;

export function recentCards(ctx: ModuleContext, filter: RecentFilter, language: string, size: number, { page = 1, count = false } = {}) {
  return recent.get(ctx.database.db, JSON.stringify([filter, language, size, page, count]), () =>
    listCards(ctx, fromNow(filter), language, page, size, { count }),
  );
}

/** The pages most readers open are kept; later ones are read each time. */
const KEPT_PAGES = 3;

/** A listing's page with its total. */
export function listingCards(ctx: ModuleContext, filter: RecentFilter, language: string, page: number) {
  return page <= KEPT_PAGES
    ? recentCards(ctx, filter, language, PAGE_SIZE, { page, count: true })
    : listCards(ctx, fromNow(filter), language, page);
}

/** Rendered parts of other modules' pages (a profile's newsroom), kept and forgotten like the lists. */
export const recentHtml = new Remembered<string>(30_000, 5000);

/** A page of cards; `count: false` skips counting where a page shows no total (home, sections, feeds). */
export async function listCards(
  ctx: ModuleContext,
  filter: ContentFilter,
  language: string,
  page: number,
  size = PAGE_SIZE,
  { count = true, bodies = false } = {},
) {
  const now = new Date().toISOString();
  const { db } = ctx.database;
  const bounded = await repo.withStartBound(db, filter);
  const [items, total] = await Promise.all([
    repo.listVisible(db, bounded, now, (page - 1) * size, size),
    count ? repo.countVisible(db, bounded, now, COUNT_CAP) : Promise.resolve(0),
  ]);
  return { cards: await cardsOf(ctx, items, language, { bodies }), total, capped: total >= COUNT_CAP };
}

export interface Facets {
  type: Record<string, number>;
  area: Record<string, number>;
  country: Record<string, number>;
  language: Record<string, number>;
}

/**
 * Full-text search over published items with the filters, best first (relevance, then recency),
 * with counts per type, area, country and language of the matches (unless `facets: false`: the
 * portal's search shows none, and counting them is a query over every match).
 */
export async function searchCards(
  ctx: ModuleContext,
  text: string,
  filter: ContentFilter,
  language: string,
  page: number,
  { bodies = false, facets: withFacets = true } = {},
) {
  const { db } = ctx.database;
  const now = new Date().toISOString();
  const matches = await matchTexts(db, text, language, SEARCH_WINDOW, repo.visibleWhere(filter, now));
  // One entry per item: its best-scoring text, with a small preference for the reader's language.
  const best = new Map<number, number>();
  for (const m of matches) best.set(m.item_id, Math.max(best.get(m.item_id) ?? 0, m.score));
  const ranked = [...best.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]).map(([id]) => id);
  const pageIds = ranked.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const [counts, cards] = await Promise.all([
    withFacets ? repo.facetCounts(db, ranked) : [],
    repo.itemsByIds(db, pageIds).then((items) => {
      const byId = new Map(items.map((i) => [i.id, i]));
      return cardsOf(
        ctx,
        pageIds.flatMap((id) => byId.get(id) ?? []),
        language,
        { bodies },
      );
    }),
  ]);
  const facets: Facets = { type: {}, area: {}, country: {}, language: {} };
  for (const c of counts) facets[c.facet][c.value] = Number(c.n);
  return { cards, total: ranked.length, capped: matches.length >= SEARCH_WINDOW, facets };
}

/** An item's title in a language, or in its original language; works inside a transaction. */
export async function titleIn(db: Kysely<Tables>, item: ContentItem, language: string): Promise<string> {
  const texts = await repo.textsFor(db, [item.id], language);
  return (texts.find((t) => t.language === language) ?? texts.find((t) => t.language === item.original_language))?.title ?? '';
}

/** An item with the texts a reader gets in their language, and the languages it exists in. */
export async function readItem(ctx: ModuleContext, item: ContentItem, language: string) {
  const [card] = await cardsOf(ctx, [item], language);
  return card;
}

import { countryName } from '../../../core/countries.ts';
import type { FeedProvider, SearchProvider, SitemapProvider } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import { TYPE_PATHS } from '../schema.ts';
import { filterOwners, readParams } from './params.ts';
import { itemPath } from './paths.ts';
import { recentCards, searchCards } from './read.ts';

export const contentSearch: SearchProvider = {
  name: 'content',
  async search({ text, lang, limit }, ctx) {
    const { cards } = await searchCards(ctx, text, {}, lang, 1, { facets: false });
    return cards.slice(0, limit).map((c, i) => ({
      kind: `content.type.${c.item.type}`,
      title: c.text.title,
      url: `/${lang}${itemPath(c.item)}`,
      summary: c.owner ? `${c.owner.name} · ${c.text.summary}` : c.text.summary,
      score: 40 - i * 0.5,
    }));
  },
};

/** RSS and Atom of every listing: /{lang}/feeds/content.rss?type=news&country=bg&area=health... */
export const contentFeed: FeedProvider = {
  name: 'content',
  async read({ lang, t, params, limit }, ctx) {
    const { filter, params: clean } = readParams(params);
    const [{ cards }, owners] = await Promise.all([recentCards(ctx, filter, lang, limit), filterOwners(ctx, filter)]);
    const base = clean.type ? `/${TYPE_PATHS[clean.type as keyof typeof TYPE_PATHS]}` : '/latest';
    const query = new URLSearchParams(Object.entries({ ...clean, type: '' }).filter(([, v]) => v)).toString();
    const parts = [
      t(clean.type ? `content.listing.${clean.type}` : 'content.listing.all'),
      clean.area && t(`area.${clean.area}`),
      clean.country && countryName(clean.country.toUpperCase(), lang),
      ...owners.map((o) => o.name),
    ].filter(Boolean);
    return {
      title: parts.join(' · '),
      link: `/${lang}${base}${query ? `?${query}` : ''}`,
      entries: cards.map((c) => ({
        title: c.text.title,
        url: `/${lang}${itemPath(c.item)}`,
        summary: c.text.summary,
        published: c.item.published_at!,
        updated: c.item.updated_at,
        ...(c.owner ? { author: c.owner.name } : {}),
      })),
    };
  },
};

const SITEMAP_CHUNK = 5000;

export const contentSitemap: SitemapProvider = {
  name: 'content',
  async chunks({ database }) {
    const last = await repo.lastPublishedId(database.db, new Date().toISOString());
    return Array.from({ length: Math.ceil(last / SITEMAP_CHUNK) }, (_, i) => String(i + 1));
  },
  async paths(chunk, { database }) {
    if (!/^[1-9]\d{0,4}$/.test(chunk)) return undefined;
    // A chunk is an id range: each is one index read however many items there are.
    const n = Number(chunk);
    if (n > Math.ceil((await repo.lastPublishedId(database.db, new Date().toISOString())) / SITEMAP_CHUNK)) return undefined;
    const rows = await repo.publishedIds(database.db, new Date().toISOString(), (n - 1) * SITEMAP_CHUNK, n * SITEMAP_CHUNK);
    return rows.map((r) => ({ path: itemPath(r), lastmod: r.updated_at }));
  },
};

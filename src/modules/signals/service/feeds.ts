import { NotFound } from '../../../core/http/guards.ts';
import type { FeedProvider } from '../../../core/modules.ts';
import { profilePath } from '../../municipalities/index.ts';
import * as open from '../repo/open311.ts';
import { categoryName, townCategories } from './categories.ts';
import { jurisdictionOf } from './open311.ts';
import { reportPath } from './reports.ts';

const SUMMARY = 300;

const shorten = (text: string) => (text.length > SUMMARY ? `${text.slice(0, SUMMARY - 1).trimEnd()}…` : text);

/**
 * A town's public reports, of all categories or one: /{lang}/feeds/signals.rss?town=bg/stara-zagora&category=roads.
 * Each entry is what the report is about, where, and where it stands; never who sent it.
 */
export const signalFeed: FeedProvider = {
  name: 'signals',
  async read({ lang, t, params, limit }, ctx) {
    const town = params.town && params.town.length <= 90 ? await jurisdictionOf(ctx, params.town) : null;
    if (!town) throw new NotFound();
    const { all } = await townCategories(ctx, town.id);
    const category = params.category === undefined ? undefined : all.find((c) => c.code === params.category);
    if (params.category !== undefined && !category) throw new NotFound();
    const rows = await open.feedReports(ctx.database.db, town.id, category?.id, limit);
    const byId = new Map(all.map((c) => [c.id, c]));
    return {
      title: category
        ? t('signals.feed.categoryTitle', { town: town.name, category: categoryName(t, category) })
        : t('signals.feed.title', { town: town.name }),
      link: `/${lang}${profilePath(town)}`,
      entries: rows.map((r) => {
        const name = categoryName(t, byId.get(r.category_id) ?? { name: null, default_key: null });
        return {
          title: r.address ? `${name} – ${r.address}` : name,
          url: `/${lang}${reportPath(r.id)}`,
          summary: `${t(`signals.state.${r.state}`)}: ${shorten(r.description)}`,
          published: r.created_at,
          updated: r.updated_at,
        };
      }),
    };
  },
};

import type { FeedProvider, SitemapProvider } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import { namesFor, withSides } from './partnerships.ts';

/** RSS and Atom of partnerships as they become public, the newest first: /{lang}/feeds/partnerships.rss */
export const partnershipsFeed: FeedProvider = {
  name: 'partnerships',
  async read({ lang, t, limit }, ctx) {
    const rows = await withSides(ctx, await repo.newestPartnerships(ctx.database.db, limit));
    const { towns, organisations } = await namesFor(ctx, rows);
    return {
      title: t('organisations.partnerships.feed'),
      link: `/${lang}/partnerships`,
      entries: rows.map((p) => {
        const partners = [towns.get(p.municipality_id)?.name, ...p.organisations.map((o) => organisations.get(o.id)?.name)];
        return {
          title: `${t('organisations.partnership.on', { area: t(`area.${p.area}`) })}: ${partners.filter(Boolean).join(', ')}`,
          url: `/${lang}/partnerships/${p.id}`,
          summary: p.description.slice(0, 400),
          published: p.updated_at,
        };
      }),
    };
  },
};

/** The lists, organisation profiles and public partnerships, in one sitemap: /sitemaps/organisations-all.xml */
export const organisationsSitemap: SitemapProvider = {
  name: 'organisations',
  chunks: async () => ['all'],
  paths: async (chunk, { database }) => {
    if (chunk !== 'all') return undefined;
    const [profiles, partnerships] = await Promise.all([repo.organisationSlugs(database.db), repo.publicPartnershipIds(database.db)]);
    return [
      { path: '/organisations' },
      { path: '/partnerships' },
      ...profiles.map((o) => ({ path: `/organisations/${o.slug}`, lastmod: o.updated_at ?? o.created_at })),
      ...partnerships.map((p) => ({ path: `/partnerships/${p.id}`, lastmod: p.updated_at })),
    ];
  },
};

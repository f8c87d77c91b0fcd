import type { SitemapProvider } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import { proposalPath } from './proposals.ts';

const SITEMAP_CHUNK = 5000;

/** The public proposals of published processes: one sitemap per 5,000 of a process ("{process id}-{n}"). */
export const proposalSitemap: SitemapProvider = {
  name: 'proposals',
  chunks: async ({ database }) =>
    (await repo.publicProposalCounts(database.db)).flatMap(({ process_id, n }) =>
      Array.from({ length: Math.ceil(Number(n) / SITEMAP_CHUNK) }, (_, i) => `${process_id}-${i + 1}`),
    ),
  paths: async (chunk, { database }) => {
    const m = /^([1-9]\d{0,9})-([1-9]\d{0,4})$/.exec(chunk);
    const process = m && Number(m[1]) <= 2_147_483_647 ? await repo.processById(database.db, Number(m[1])) : undefined;
    if (!m || !process || process.published !== 1) return undefined;
    const rows = await repo.publicProposalIds(database.db, process.id, (Number(m[2]) - 1) * SITEMAP_CHUNK, SITEMAP_CHUNK);
    return rows.length ? rows.map((r) => ({ path: proposalPath(process.slug, r.id), lastmod: r.updated_at })) : undefined;
  },
};

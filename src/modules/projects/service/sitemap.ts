import type { SitemapProvider } from '../../../core/modules.ts';
import * as repo from '../repo.ts';

/** Calls a sitemap chunk lists at most: more than the catalogue holds in a funding period. */
const MAX_CALLS = 5000;

/** The catalogue's pages, one chunk: the list, each programme and each call, the projects and each project. */
export const programmesSitemap: SitemapProvider = {
  name: 'programmes',
  async chunks() {
    return ['all'];
  },
  async paths(chunk, { database }) {
    if (chunk !== 'all') return undefined;
    const [programmes, calls, projects] = await Promise.all([
      repo.allProgrammes(database.db),
      repo.newestCalls(database.db, MAX_CALLS),
      database.db.selectFrom('projects').select(['slug', 'updated_at']).orderBy('id').limit(MAX_CALLS).execute(),
    ]);
    return [
      { path: '/programmes' },
      ...programmes.map((p) => ({ path: `/programmes/${p.slug}`, lastmod: p.updated_at })),
      ...calls.map((c) => ({ path: `/calls/${c.id}`, lastmod: c.updated_at })),
      { path: '/projects' },
      ...projects.map((p) => ({ path: `/projects/${p.slug}`, lastmod: p.updated_at })),
    ];
  },
};

import type { FeedProvider } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import type { FundingCall } from '../schema.ts';
import { callViews } from './read.ts';

/** RSS and Atom of the calls newest in the catalogue: /{lang}/feeds/funding-calls.rss */
export const callsFeed: FeedProvider = {
  name: 'funding-calls',
  async read({ lang, t, limit }, ctx) {
    const calls = await callViews(ctx, (await repo.newestCalls(ctx.database.db, limit)) as FundingCall[], lang);
    return {
      title: t('projects.calls.feed'),
      link: `/${lang}/programmes`,
      entries: calls.map((c) => ({
        title: `${c.programme.acronym}: ${c.title}`,
        url: `/${lang}/calls/${c.id}`,
        summary: c.summary.slice(0, 400),
        published: c.created_at,
        updated: c.updated_at,
      })),
    };
  },
};

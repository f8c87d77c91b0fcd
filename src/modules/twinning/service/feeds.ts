import { today } from '../../../core/http/input.ts';
import type { FeedProvider } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import type { PartnerCall } from '../schema.ts';

/** RSS and Atom of open calls for partners, newest first: /{lang}/feeds/partner-calls.rss */
export const callsFeed: FeedProvider = {
  name: 'partner-calls',
  async read({ lang, t, limit }, ctx) {
    const calls = (await repo.newestCalls(ctx.database.db, today(), limit)) as PartnerCall[];
    return {
      title: t('twinning.calls.title'),
      link: `/${lang}/partner-search`,
      entries: calls.map((c) => ({
        title: c.title,
        url: `/${lang}/partner-search/${c.id}`,
        summary: c.description.slice(0, 400),
        published: c.created_at,
      })),
    };
  },
};

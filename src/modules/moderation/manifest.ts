import type { ModuleManifest } from '../../core/modules.ts';
import * as tables from './migrations/20261204_05_moderation.ts';
import { accountRoutes } from './routes/accounts.tsx';
import { flagRoutes } from './routes/flags.tsx';
import { queueRoutes } from './routes/queue.tsx';
import { moderationData } from './service/data.ts';
import { moderationDesk } from './service/work.ts';
import { blockedNotice } from './views/account.tsx';
import './schema.ts';

/** Moderation of every citizen's text: reports, the queue, hiding and restoring, blocked accounts. */
export const moderation: ModuleManifest = {
  name: 'moderation',
  migrations: { '20261204_05_moderation': tables },
  routes: (app, ctx) => {
    flagRoutes(app, ctx);
    accountRoutes(app, ctx);
    queueRoutes(app, ctx);
  },
  // Only moderators see these: no page kept for every reader depends on them.
  privateTables: ['moderation_items', 'moderation_flags', 'moderation_decisions', 'moderation_holds'],
  personalData: moderationData,
  work: moderationDesk,
  sections: { 'account.notices': blockedNotice },
};

import type { ModuleManifest } from '../../core/modules.ts';
import * as tables from './migrations/20261204_01_participation.ts';
import * as following from './migrations/20261204_06_following.ts';
import { accountNews, followingRoutes } from './routes/following.tsx';
import { processRoutes } from './routes/public.tsx';
import { runDigests } from './service/digests.ts';
import { followingData } from './service/following.ts';
import { homeProcesses, profileProcesses } from './service/sections.tsx';
import { demoProcesses } from './service/seeds.ts';
import './schema.ts';

/** Citizen participation: processes, proposals and supports, official answers, debates, comments, monitoring. */
export const participation: ModuleManifest = {
  name: 'participation',
  // After the directory's seed: processes belong to its towns.
  seeds: [demoProcesses],
  migrations: {
    '20261204_01_participation': tables,
    '20261204_06_following': following,
  },
  routes: (app, ctx) => {
    processRoutes(app, ctx);
    followingRoutes(app, ctx);
  },
  nav: [{ label: 'participation.nav', path: '/participation', order: 35 }],
  sections: { 'municipality.profile': profileProcesses, home: homeProcesses, account: accountNews },
  // Following: mail of what is new, within minutes for those who want it at once.
  jobs: [{ name: 'participation news mail', everyMs: 60_000, run: async (ctx) => void (await runDigests(ctx)) }],
  personalData: followingData,
  privateTables: ['participation_follows', 'participation_notifications', 'participation_mail_prefs', 'participation_mails'],
};

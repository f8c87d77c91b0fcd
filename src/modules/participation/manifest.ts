import type { ModuleManifest } from '../../core/modules.ts';
import * as tables from './migrations/20261204_01_participation.ts';
import { manageRoutes } from './routes/manage.tsx';
import { processRoutes } from './routes/public.tsx';
import { moderatedTexts } from './service/moderated.ts';
import { homeProcesses, profileProcesses } from './service/sections.tsx';
import { demoProcesses } from './service/seeds.ts';
import { processDesks } from './service/work.ts';
import './schema.ts';

/** Citizen participation: processes, proposals and supports, official answers, debates, comments, monitoring. */
export const participation: ModuleManifest = {
  name: 'participation',
  // After the directory's seed: processes belong to its towns.
  seeds: [demoProcesses],
  migrations: {
    '20261204_01_participation': tables,
  },
  routes: (app, ctx) => {
    processRoutes(app, ctx);
    // The process editor
    manageRoutes(app, ctx);
  },
  // The process editor
  work: processDesks,
  nav: [{ label: 'participation.nav', path: '/participation', order: 35 }],
  sections: { 'municipality.profile': profileProcesses, home: homeProcesses },
  moderated: moderatedTexts,
};

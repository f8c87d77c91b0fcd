import type { ModuleManifest } from '../../core/modules.ts';
import * as tables from './migrations/20261204_01_participation.ts';
import { debateApi } from './routes/api-debates.ts';
import { debateApiDoc } from './routes/api-doc-debates.ts';
import { commentRoutes } from './routes/comments.tsx';
import { debateRoutes } from './routes/debates.tsx';
import { processRoutes } from './routes/public.tsx';
import { visionRoutes } from './routes/vision.tsx';
import { demoDebates } from './service/demo-debates.ts';
import { homeProcesses, profileProcesses } from './service/sections.tsx';
import { demoProcesses } from './service/seeds.ts';
import './schema.ts';

/** Citizen participation: processes, proposals and supports, official answers, debates, comments, monitoring. */
export const participation: ModuleManifest = {
  name: 'participation',
  // After the directory's seed: processes belong to its towns.
  seeds: [demoProcesses, demoDebates],
  migrations: {
    '20261204_01_participation': tables,
  },
  routes: (app, ctx) => {
    processRoutes(app, ctx);
    debateRoutes(app, ctx);
    commentRoutes(app, ctx);
    visionRoutes(app, ctx);
    debateApi(app, ctx);
  },
  api: debateApiDoc,
  nav: [{ label: 'participation.nav', path: '/participation', order: 35 }],
  sections: { 'municipality.profile': profileProcesses, home: homeProcesses },
};

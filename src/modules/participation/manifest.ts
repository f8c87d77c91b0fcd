import type { ModuleManifest } from '../../core/modules.ts';
import * as tables from './migrations/20261204_01_participation.ts';
import * as proposalTables from './migrations/20261204_02_proposals.ts';
import { proposalApiDoc } from './routes/api-doc-proposals.ts';
import { proposalApi } from './routes/api-proposals.ts';
import { proposalRoutes } from './routes/proposals.tsx';
import { processRoutes } from './routes/public.tsx';
import { proposalFeed } from './service/lists.ts';
import { proposalData } from './service/personal-data.ts';
import { homeProcesses, profileProcesses } from './service/sections.tsx';
import { demoProcesses, demoProposals } from './service/seeds.ts';
import { proposalSitemap } from './service/sitemap.ts';
import './schema.ts';

/** Citizen participation: processes, proposals and supports, official answers, debates, comments, monitoring. */
export const participation: ModuleManifest = {
  name: 'participation',
  // After the directory's seed: processes belong to its towns.
  seeds: [demoProcesses, demoProposals],
  migrations: {
    '20261204_01_participation': tables,
    '20261204_02_proposals': proposalTables,
  },
  routes: (app, ctx) => {
    processRoutes(app, ctx);
    proposalRoutes(app, ctx);
    proposalApi(app, ctx);
  },
  feeds: [proposalFeed],
  personalData: proposalData,
  sitemaps: [proposalSitemap],
  api: { paths: { ...proposalApiDoc.paths }, schemas: { ...proposalApiDoc.schemas } },
  nav: [{ label: 'participation.nav', path: '/participation', order: 35 }],
  sections: { 'municipality.profile': profileProcesses, home: homeProcesses },
};

import type { ModuleManifest } from '../../core/modules.ts';
import * as tables from './migrations/20261204_01_participation.ts';
import { manageRoutes } from './routes/manage.tsx';
import { processRoutes } from './routes/public.tsx';
import { moderatedTexts } from './service/moderated.ts';
import { homeProcesses, profileProcesses } from './service/sections.tsx';
import { demoProcesses } from './service/seeds.ts';
import { processDesks } from './service/work.ts';
import './schema.ts';
// Official answers, monitoring and the census check
import * as census from './migrations/20261204_03_census.ts';
import { answerRoutes } from './routes/answers.tsx';
import { resultApiDoc } from './routes/api-doc-results.ts';
import { resultApi } from './routes/api-results.ts';
import { censusRoutes } from './routes/census.tsx';
import { resultRoutes } from './routes/results.tsx';
import { publishDueAnswers } from './service/answers.ts';
import { censusData } from './service/census.ts';
import { demoAnswers } from './service/seeds.ts';

/** Citizen participation: processes, proposals and supports, official answers, debates, comments, monitoring. */
export const participation: ModuleManifest = {
  name: 'participation',
  // After the directory's seed: processes belong to its towns.
  seeds: [demoProcesses, demoAnswers],
  migrations: {
    '20261204_01_participation': tables,
    '20261204_03_census': census,
  },
  routes: (app, ctx) => {
    processRoutes(app, ctx);
    // The process editor
    manageRoutes(app, ctx);
    answerRoutes(app, ctx);
    resultRoutes(app, ctx);
    censusRoutes(app, ctx);
    resultApi(app, ctx);
  },
  // The process editor
  work: processDesks,
  nav: [{ label: 'participation.nav', path: '/participation', order: 35 }],
  sections: { 'municipality.profile': profileProcesses, home: homeProcesses },
  moderated: moderatedTexts,
  api: resultApiDoc,
  personalData: censusData,
  // No page shows the census: writing it keeps cached pages.
  privateTables: ['census_entries', 'census_lists', 'census_verifications', 'census_clashes'],
  // Scheduled answers go out together at their time; a run that finds one already out leaves it.
  jobs: [{ name: 'participation answers', everyMs: 60_000, run: async (ctx) => void (await publishDueAnswers(ctx)) }],
};

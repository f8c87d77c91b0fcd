import type { ApiDescription, ModuleManifest } from '../../core/modules.ts';
import * as tables from './migrations/20261204_01_participation.ts';
import * as census from './migrations/20261204_03_census.ts';
import { answerRoutes } from './routes/answers.tsx';
import { debateApi } from './routes/api-debates.ts';
import { debateApiDoc } from './routes/api-doc-debates.ts';
import { resultApiDoc } from './routes/api-doc-results.ts';
import { resultApi } from './routes/api-results.ts';
import { censusRoutes } from './routes/census.tsx';
import { commentRoutes } from './routes/comments.tsx';
import { debateRoutes } from './routes/debates.tsx';
import { manageRoutes } from './routes/manage.tsx';
import { processRoutes } from './routes/public.tsx';
import { resultRoutes } from './routes/results.tsx';
import { visionRoutes } from './routes/vision.tsx';
import { publishDueAnswers } from './service/answers.ts';
import { censusData } from './service/census.ts';
import { demoDebates } from './service/demo-debates.ts';
import { moderatedTexts } from './service/moderated.ts';
import { homeProcesses, profileProcesses } from './service/sections.tsx';
import { demoAnswers, demoProcesses } from './service/seeds.ts';
import { processDesks } from './service/work.ts';
import './schema.ts';

/** The module's part of the OpenAPI document: each feature describes its own addresses. */
const apiOf = (parts: ApiDescription[]): ApiDescription => ({
  paths: Object.assign({}, ...parts.map((p) => p.paths)),
  schemas: Object.assign({}, ...parts.map((p) => p.schemas ?? {})),
});

/** Citizen participation: processes, proposals and supports, official answers, debates, comments, monitoring. */
export const participation: ModuleManifest = {
  name: 'participation',
  // After the directory's seed: processes belong to its towns; the rest belongs to the processes.
  seeds: [demoProcesses, demoAnswers, demoDebates],
  migrations: {
    '20261204_01_participation': tables,
    '20261204_03_census': census,
  },
  routes: (app, ctx) => {
    processRoutes(app, ctx);
    manageRoutes(app, ctx);
    answerRoutes(app, ctx);
    resultRoutes(app, ctx);
    censusRoutes(app, ctx);
    debateRoutes(app, ctx);
    commentRoutes(app, ctx);
    visionRoutes(app, ctx);
    resultApi(app, ctx);
    debateApi(app, ctx);
  },
  api: apiOf([resultApiDoc, debateApiDoc]),
  work: processDesks,
  nav: [{ label: 'participation.nav', path: '/participation', order: 35 }],
  sections: { 'municipality.profile': profileProcesses, home: homeProcesses },
  moderated: moderatedTexts,
  personalData: censusData,
  // No page shows the census: writing it keeps cached pages.
  privateTables: ['census_entries', 'census_lists', 'census_verifications', 'census_clashes'],
  // Scheduled answers go out together at their time; a run that finds one already out leaves it.
  jobs: [{ name: 'participation answers', everyMs: 60_000, run: async (ctx) => void (await publishDueAnswers(ctx)) }],
};

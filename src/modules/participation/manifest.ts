import type { ApiDescription, ModuleManifest } from '../../core/modules.ts';
import * as tables from './migrations/20261204_01_participation.ts';
import * as proposalTables from './migrations/20261204_02_proposals.ts';
import * as census from './migrations/20261204_03_census.ts';
import * as following from './migrations/20261204_06_following.ts';
import * as listIndexes from './migrations/20261204_07_list_indexes.ts';
import * as filterIndexes from './migrations/20261204_08_filter_indexes.ts';
import * as asOrganisation from './migrations/20261213_03_as_organisation.ts';
import { answerRoutes } from './routes/answers.tsx';
import { debateApi } from './routes/api-debates.ts';
import { debateApiDoc } from './routes/api-doc-debates.ts';
import { processApiDoc } from './routes/api-doc-processes.ts';
import { proposalApiDoc } from './routes/api-doc-proposals.ts';
import { resultApiDoc } from './routes/api-doc-results.ts';
import { processApi } from './routes/api-processes.ts';
import { proposalApi } from './routes/api-proposals.ts';
import { resultApi } from './routes/api-results.ts';
import { censusRoutes } from './routes/census.tsx';
import { commentRoutes } from './routes/comments.tsx';
import { debateRoutes } from './routes/debates.tsx';
import { accountNews, followingRoutes } from './routes/following.tsx';
import { manageRoutes } from './routes/manage.tsx';
import { proposalRoutes } from './routes/proposals.tsx';
import { processRoutes } from './routes/public.tsx';
import { resultRoutes } from './routes/results.tsx';
import { visionRoutes } from './routes/vision.tsx';
import { publishDueAnswers } from './service/answers.ts';
import { censusData } from './service/census.ts';
import { demoDebates } from './service/demo-debates.ts';
import { demoOrganisationVoice } from './service/demo-organisation.ts';
import { runDigests } from './service/digests.ts';
import { followingData } from './service/following.ts';
import { proposalFeed } from './service/lists.ts';
import { moderatedTexts } from './service/moderated.ts';
import { proposalData } from './service/personal-data.ts';
import { homeProcesses, organisationParticipation, profileProcesses } from './service/sections.tsx';
import { demoAnswers, demoProcesses, demoProposals } from './service/seeds.ts';
import { proposalSitemap } from './service/sitemap.ts';
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
  seeds: [demoProcesses, demoProposals, demoAnswers, demoDebates, demoOrganisationVoice],
  migrations: {
    '20261204_01_participation': tables,
    '20261204_02_proposals': proposalTables,
    '20261204_03_census': census,
    '20261204_06_following': following,
    '20261204_07_list_indexes': listIndexes,
    '20261204_08_filter_indexes': filterIndexes,
    '20261213_03_as_organisation': asOrganisation,
  },
  routes: (app, ctx) => {
    processRoutes(app, ctx);
    proposalRoutes(app, ctx);
    manageRoutes(app, ctx);
    answerRoutes(app, ctx);
    resultRoutes(app, ctx);
    censusRoutes(app, ctx);
    debateRoutes(app, ctx);
    commentRoutes(app, ctx);
    visionRoutes(app, ctx);
    followingRoutes(app, ctx);
    processApi(app, ctx);
    proposalApi(app, ctx);
    resultApi(app, ctx);
    debateApi(app, ctx);
  },
  api: apiOf([processApiDoc, proposalApiDoc, resultApiDoc, debateApiDoc]),
  feeds: [proposalFeed],
  sitemaps: [proposalSitemap],
  work: processDesks,
  nav: [{ label: 'participation.nav', path: '/participation', order: 35 }],
  sections: {
    'municipality.profile': profileProcesses,
    'organisation.page': organisationParticipation,
    home: homeProcesses,
    account: accountNews,
  },
  moderated: moderatedTexts,
  personalData: {
    // One object, each feature's part under its own names (proposals, supports; census; follows, mail, notifications).
    export: async (person, ctx) => ({
      ...((await proposalData.export(person, ctx)) as object),
      ...((await censusData.export(person, ctx)) as object),
      ...((await followingData.export(person, ctx)) as object),
    }),
    erase: async (person, ctx) => {
      await proposalData.erase(person, ctx);
      await censusData.erase(person, ctx);
      await followingData.erase(person, ctx);
    },
  },
  // No page shows these: writing them keeps cached pages.
  privateTables: [
    'census_entries',
    'census_lists',
    'census_verifications',
    'census_clashes',
    'participation_follows',
    'participation_notifications',
    'participation_mail_prefs',
    'participation_mails',
  ],
  jobs: [
    // Scheduled answers go out together at their time; a run that finds one already out leaves it.
    { name: 'participation answers', everyMs: 60_000, run: async (ctx) => void (await publishDueAnswers(ctx)) },
    // Mail of what is new, within minutes for those who want it at once.
    { name: 'participation news mail', everyMs: 60_000, run: async (ctx) => void (await runDigests(ctx)) },
  ],
};

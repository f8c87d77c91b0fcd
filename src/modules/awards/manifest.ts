import type { ModuleManifest } from '../../core/modules.ts';
import type { ScopeDefinition } from '../../core/scopes.ts';
import * as awardTables from './migrations/20261210_01_awards.ts';
import * as awardCriteria from './migrations/20261213_01_award_criteria.ts';
import * as repo from './repo.ts';
import { awardsApi } from './routes/api.ts';
import { awardsApiDoc } from './routes/api-doc.ts';
import { auditRoutes } from './routes/audit.tsx';
import { editorRoutes } from './routes/editor.tsx';
import { juryRoutes } from './routes/jury.tsx';
import { publicRoutes } from './routes/public.tsx';
import { awardDesks, profileAwards } from './service/profile.tsx';
import { describeEditions } from './service/read.ts';
import { demoAwards } from './service/seeds.ts';
import './schema.ts';

/**
 * An edition's jury: its chair invites and removes jurors on the edition's team page; both score
 * the shortlist. Platform administrators administer every team.
 */
const editionScope: ScopeDefinition = {
  type: 'award-edition',
  roles: ['award_jury_chair', 'award_juror'],
  roleLabels: { award_jury_chair: 'awards.role.chair', award_juror: 'awards.role.juror' },
  describe: (ids, ctx) => describeEditions(ctx, ids),
};

/** Yearly awards (Mayor of the Year): nominations, a public vote that can be audited, a jury, results. */
export const awards: ModuleManifest = {
  name: 'awards',
  scopes: [editionScope],
  migrations: { '20261210_01_awards': awardTables, '20261213_01_award_criteria': awardCriteria },
  // No page shows a vote or a score until the result is published, and none changes after it: a
  // vote cast (hundreds a minute in a busy vote) must not make every kept page be made again.
  privateTables: ['award_votes', 'award_criterion_scores'],
  routes: (app, ctx) => {
    editorRoutes(app, ctx);
    auditRoutes(app, ctx);
    juryRoutes(app, ctx);
    publicRoutes(app, ctx);
    awardsApi(app, ctx);
  },
  api: awardsApiDoc,
  sections: { 'municipality.profile': profileAwards },
  nav: [{ label: 'awards.nav', path: '/awards', order: 55 }],
  seeds: [demoAwards],
  work: awardDesks,
  personalData: {
    export: async (person, ctx) => repo.personalRows(ctx.database.db, person.userId),
    erase: async (person, ctx) => repo.unlinkPerson(ctx.database.db, person.userId),
  },
};

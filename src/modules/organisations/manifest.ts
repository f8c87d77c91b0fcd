import type { ModuleManifest } from '../../core/modules.ts';
import type { ScopeDefinition } from '../../core/scopes.ts';
import * as profiles from './migrations/20261212_01_organisation_profiles.ts';
import * as partnerships from './migrations/20261212_02_partnerships.ts';
import * as proposer from './migrations/20261213_02_partnership_proposer.ts';
import { organisationsApi } from './routes/api.ts';
import { organisationsApiDoc } from './routes/api-doc.ts';
import { organisationRoutes } from './routes/organisations.tsx';
import { partnershipRoutes } from './routes/partnerships.tsx';
import { organisationsSitemap, partnershipsFeed } from './service/feeds.ts';
import { describeOrganisations } from './service/organisations.ts';
import { organisationDesks, townPartnerships } from './service/sections.tsx';
import { demoOrganisations } from './service/seeds.ts';
import './schema.ts';

/** An organisation (business, NGO, school, university, agency): its representatives speak for it and publish its good practices. */
const organisationScope: ScopeDefinition = {
  type: 'organisation',
  roles: ['organisation_representative'],
  writers: ['organisation_representative'],
  describe: (ids, ctx) => describeOrganisations(ctx, ids),
};

/** Organisation profiles, and partnerships of towns with organisations that both sides confirm. */
export const organisations: ModuleManifest = {
  name: 'organisations',
  scopes: [organisationScope],
  migrations: {
    '20261212_01_organisation_profiles': profiles,
    '20261212_02_partnerships': partnerships,
    '20261213_02_partnership_proposer': proposer,
  },
  routes: (app, ctx) => {
    organisationRoutes(app, ctx);
    partnershipRoutes(app, ctx);
    organisationsApi(app, ctx);
  },
  api: organisationsApiDoc,
  feeds: [partnershipsFeed],
  sitemaps: [organisationsSitemap],
  nav: [{ label: 'organisations.nav', path: '/organisations', order: 48, group: 'nav.cooperation' }],
  sections: { 'municipality.profile': townPartnerships },
  seeds: [demoOrganisations],
  work: organisationDesks,
};

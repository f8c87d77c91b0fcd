import type { ModuleManifest } from '../../core/modules.ts';
import * as tables from './migrations/20261202_02_twinnings.ts';
import * as sources from './migrations/20261203_01_twinning_sources.ts';
import * as fundingCall from './migrations/20261207_02_funding_call.ts';
import { twinningApi } from './routes/api.ts';
import { twinningApiDoc } from './routes/api-doc.ts';
import { callRoutes } from './routes/calls.tsx';
import { twinningRoutes } from './routes/pages.tsx';
import { recordRoutes } from './routes/record.tsx';
import { callsFeed } from './service/feeds.ts';
import { searchesForCall } from './service/funding-calls.tsx';
import { profileTwins } from './service/profile.tsx';
import './schema.ts';

/** Twin towns: a link between two municipalities that both confirm. */
export const twinning: ModuleManifest = {
  name: 'twinning',
  migrations: {
    '20261202_02_twinnings': tables,
    '20261203_01_twinning_sources': sources,
    '20261207_02_funding_call': fundingCall,
  },
  routes: (app, ctx) => {
    twinningRoutes(app, ctx);
    recordRoutes(app, ctx);
    callRoutes(app, ctx);
    twinningApi(app, ctx);
  },
  api: twinningApiDoc,
  feeds: [callsFeed],
  nav: [{ label: 'twinning.nav', path: '/partner-search', order: 45, group: 'nav.cooperation' }],
  sections: { 'municipality.profile': profileTwins, 'funding_call.page': searchesForCall },
};

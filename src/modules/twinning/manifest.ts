import type { ModuleManifest } from '../../core/modules.ts';
import * as tables from './migrations/20261202_02_twinnings.ts';
import { twinningApi } from './routes/api.ts';
import { twinningApiDoc } from './routes/api-doc.ts';
import { twinningRoutes } from './routes/pages.tsx';
import { profileTwins } from './service/profile.tsx';
import './schema.ts';

/** Twin towns: a link between two municipalities that both confirm. */
export const twinning: ModuleManifest = {
  name: 'twinning',
  migrations: { '20261202_02_twinnings': tables },
  routes: (app, ctx) => {
    twinningRoutes(app, ctx);
    twinningApi(app, ctx);
  },
  api: twinningApiDoc,
  sections: { 'municipality.profile': profileTwins },
};

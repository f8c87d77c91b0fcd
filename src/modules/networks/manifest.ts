import type { ModuleManifest } from '../../core/modules.ts';
import type { ScopeDefinition } from '../../core/scopes.ts';
import * as tables from './migrations/20261202_01_networks.ts';
import * as reports from './migrations/20261203_01_reports.ts';
import * as logo from './migrations/20261203_02_network_logo.ts';
import * as memberOrder from './migrations/20261203_03_member_order.ts';
import { networkApi } from './routes/api.ts';
import { networkApiDoc } from './routes/api-doc.ts';
import { membershipRoutes } from './routes/membership.tsx';
import { networkRoutes } from './routes/public.tsx';
import { reportRoutes } from './routes/reports.tsx';
import { settingsRoutes } from './routes/settings.tsx';
import { runDeadlines } from './service/deadlines.ts';
import { describeNetworks } from './service/networks.ts';
import { profileNetworks } from './service/profile.tsx';
import { demoNetworks } from './service/seeds.ts';
import { networkDesks } from './service/work.ts';
import './schema.ts';

/** A network's team: its coordinators run its members and page; both they and its editors publish in its name. */
const networkScope: ScopeDefinition = {
  type: 'network',
  roles: ['network_coordinator', 'network_editor'],
  roleLabels: { network_coordinator: 'networks.role.coordinator', network_editor: 'networks.role.editor' },
  writers: ['network_coordinator', 'network_editor'],
  describe: (ids, ctx) => describeNetworks(ctx, ids),
};

/** Networks of towns: their pages, members and the membership workflow. */
export const networks: ModuleManifest = {
  name: 'networks',
  scopes: [networkScope],
  // After the directory's and content's seeds: members are towns of the directory.
  seeds: [demoNetworks],
  migrations: {
    '20261202_01_networks': tables,
    '20261203_01_reports': reports,
    '20261203_02_network_logo': logo,
    '20261203_03_member_order': memberOrder,
  },
  routes: (app, ctx) => {
    networkRoutes(app, ctx);
    membershipRoutes(app, ctx);
    reportRoutes(app, ctx);
    settingsRoutes(app, ctx);
    networkApi(app, ctx);
  },
  api: networkApiDoc,
  work: networkDesks,
  nav: [{ label: 'networks.nav', path: '/networks', order: 40, group: 'nav.cooperation' }],
  sections: { 'municipality.profile': profileNetworks },
  jobs: [{ name: 'membership deadlines', everyMs: 3600_000, run: async (ctx) => void (await runDeadlines(ctx)) }],
};

import type { ModuleManifest } from '../../core/modules.ts';
import * as tables from './migrations/20261205_01_signals.ts';
import * as photoFiles from './migrations/20261205_03_photo_files.ts';
import { publicRoutes } from './routes/public.tsx';
import { reportRoutes } from './routes/report.tsx';
import { profileSignals } from './service/sections.tsx';
import { demoSignals } from './service/seeds.ts';
import './schema.ts';

/** Problem reports: categories per town, reports routed by place, their states and timeline, Open311. */
export const signals: ModuleManifest = {
  name: 'signals',
  migrations: {
    '20261205_01_signals': tables,
    '20261205_03_photo_files': photoFiles,
  },
  routes: (app, ctx) => {
    reportRoutes(app, ctx);
    publicRoutes(app, ctx);
  },
  // After the directory's and the accounts' seeds: reports belong to their towns and people.
  seeds: [demoSignals],
  sections: { 'municipality.profile': profileSignals },
};

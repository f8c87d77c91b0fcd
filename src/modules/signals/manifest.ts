import type { ModuleManifest } from '../../core/modules.ts';
import * as tables from './migrations/20261205_01_signals.ts';
import './schema.ts';

/** Problem reports: categories per town, reports routed by place, their states and timeline, Open311. */
export const signals: ModuleManifest = {
  name: 'signals',
  migrations: { '20261205_01_signals': tables },
};

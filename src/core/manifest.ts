import * as mailOutbox from './migrations/20261121_00_mail_outbox.ts';
import * as throttle from './migrations/20261121_00_throttle.ts';
import * as mailHeaders from './migrations/20261130_02_mail_headers.ts';
import type { ModuleManifest } from './modules.ts';
import './mail/outbox.ts';
import { pruneThrottle } from './http/throttle.ts';

/** The core's own tables: the mail outbox and the shared rate-limit counters. */
export const core: ModuleManifest = {
  name: 'core',
  migrations: {
    '20261121_00_mail_outbox': mailOutbox,
    '20261121_00_throttle': throttle,
    '20261130_02_mail_headers': mailHeaders,
  },
  jobs: [{ name: 'prune rate-limit counters', everyMs: 3600_000, run: ({ database }) => pruneThrottle(database.db) }],
};

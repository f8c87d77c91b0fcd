import type { FastifyInstance } from 'fastify';
import type { ModuleContext, ModuleManifest } from '../../core/modules.ts';
import * as tables from './migrations/20261205_01_signals.ts';
import * as staffColumns from './migrations/20261205_04_staff.ts';
import { categoryRoutes } from './routes/categories.tsx';
import { inboxRoutes } from './routes/inbox.tsx';
import { manageRoutes } from './routes/manage.tsx';
import { questionnaireRoutes } from './routes/questionnaire.tsx';
import { askAuthors } from './service/questionnaire.ts';
import { signalDesks } from './service/work.ts';
import './schema.ts';

/** The town hall's side: categories, the inbox, a report's management, the questionnaire. */
function staffRoutes(app: FastifyInstance, ctx: ModuleContext) {
  categoryRoutes(app, ctx);
  inboxRoutes(app, ctx);
  manageRoutes(app, ctx);
  questionnaireRoutes(app, ctx);
}

/** Problem reports: categories per town, reports routed by place, their states and timeline, Open311. */
export const signals: ModuleManifest = {
  name: 'signals',
  migrations: {
    '20261205_01_signals': tables,
    '20261205_04_staff': staffColumns,
  },
  routes: (app, ctx) => {
    staffRoutes(app, ctx);
  },
  work: signalDesks,
  jobs: [
    // Four weeks after "fixed", the author is asked whether it really is; once, whichever process runs it.
    { name: 'signals questionnaire', everyMs: 15 * 60_000, run: async (ctx) => void (await askAuthors(ctx)) },
  ],
};

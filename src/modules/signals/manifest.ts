import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ModuleContext, ModuleManifest } from '../../core/modules.ts';
import * as tables from './migrations/20261205_01_signals.ts';
import * as photoFiles from './migrations/20261205_03_photo_files.ts';
import * as staffColumns from './migrations/20261205_04_staff.ts';
import { categoryRoutes } from './routes/categories.tsx';
import { inboxRoutes } from './routes/inbox.tsx';
import { keyRoutes } from './routes/keys.tsx';
import { manageRoutes } from './routes/manage.tsx';
import { open311Routes } from './routes/open311.ts';
import { publicRoutes } from './routes/public.tsx';
import { questionnaireRoutes } from './routes/questionnaire.tsx';
import { reportRoutes } from './routes/report.tsx';
import { townRoutes } from './routes/towns.tsx';
import { importBoundaries } from './service/boundaries.ts';
import { signalFeed } from './service/feeds.ts';
import { sweepPhotos } from './service/photos.ts';
import { askAuthors } from './service/questionnaire.ts';
import { profileSignals } from './service/sections.tsx';
import { demoSignals } from './service/seeds.ts';
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
    '20261205_03_photo_files': photoFiles,
    '20261205_04_staff': staffColumns,
  },
  // What citizens use most: the towns that take reports, and from there the form.
  nav: [{ label: 'signals.nav', path: '/signals', order: 37 }],
  routes: (app, ctx) => {
    // Citizens report and read reports; Open311, its keys, town boundaries and figures; the town hall's side.
    reportRoutes(app, ctx);
    publicRoutes(app, ctx);
    open311Routes(app, ctx);
    keyRoutes(app, ctx);
    townRoutes(app, ctx);
    staffRoutes(app, ctx);
  },
  feeds: [signalFeed],
  work: signalDesks,
  jobs: [
    // Four weeks after "fixed", the author is asked whether it really is; once, whichever process runs it.
    { name: 'signals questionnaire', everyMs: 15 * 60_000, run: async (ctx) => void (await askAuthors(ctx)) },
    // Photos of report forms left before sending.
    { name: 'signals unsent photos', everyMs: 3600_000, run: async (ctx) => void (await sweepPhotos(ctx)) },
  ],
  commands: [
    {
      name: 'import-boundaries',
      description: "import towns' boundaries from a GeoJSON FeatureCollection (one town per feature; safe to run again)",
      arguments: [
        { name: 'file', description: 'features naming their town by properties.jurisdiction_id (bg/stara-zagora), or country and slug' },
      ],
      run: async (ctx, { file }) => {
        let geojson: unknown;
        try {
          geojson = JSON.parse(readFileSync(file!, 'utf8'));
        } catch (err) {
          throw new Error(err instanceof SyntaxError ? `${file} is not JSON: ${err.message}` : (err as Error).message);
        }
        const { imported, skipped } = await importBoundaries(ctx, geojson);
        return [`Imported ${imported} boundaries, skipped ${skipped.length}.`, ...skipped.map((s) => `  ${s}`)].join('\n');
      },
    },
  ],
  // After the directory's and the accounts' seeds: reports belong to their towns and people.
  seeds: [demoSignals],
  sections: { 'municipality.profile': profileSignals },
};

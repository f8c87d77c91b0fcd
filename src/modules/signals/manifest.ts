import { readFileSync } from 'node:fs';
import type { ModuleManifest } from '../../core/modules.ts';
import * as tables from './migrations/20261205_01_signals.ts';
import { keyRoutes } from './routes/keys.tsx';
import { open311Routes } from './routes/open311.ts';
import { townRoutes } from './routes/towns.tsx';
import { importBoundaries } from './service/boundaries.ts';
import { signalFeed } from './service/feeds.ts';
import './schema.ts';

/** Problem reports: categories per town, reports routed by place, their states and timeline, Open311. */
export const signals: ModuleManifest = {
  name: 'signals',
  migrations: { '20261205_01_signals': tables },
  routes: (app, ctx) => {
    // Open311, its keys, town boundaries and figures.
    open311Routes(app, ctx);
    keyRoutes(app, ctx);
    townRoutes(app, ctx);
  },
  feeds: [signalFeed],
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
};

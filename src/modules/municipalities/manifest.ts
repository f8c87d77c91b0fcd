import { readFileSync } from 'node:fs';
import type { ModuleManifest } from '../../core/modules.ts';
import { municipalityApi } from './api.ts';
import { csvRecords, geoNamesRecords, importRecords } from './import.ts';
import * as tables from './migrations/20261121_03_municipalities.ts';
import { countMunicipalities } from './repo.ts';
import { municipalityRoutes } from './routes.tsx';
import { municipalitySearch } from './search.ts';
import './schema.ts';

/** Every municipality of the EU, from open data; browse, search, profiles and the open API. */
export const municipalities: ModuleManifest = {
  name: 'municipalities',
  migrations: { '20261121_03_municipalities': tables },
  routes: (app, ctx) => {
    municipalityRoutes(app, ctx);
    municipalityApi(app, ctx);
  },
  nav: [{ label: 'nav.municipalities', path: '/municipalities', order: 10 }],
  search: [municipalitySearch],
  commands: [{
    name: 'import-municipalities',
    description: 'import the EU municipalities from the GeoNames data shipped with Municipium, or from a CSV file (safe to run again)',
    options: [{ flags: '--csv <file>', description: 'a CSV file: country,code,name,population,latitude,longitude,region,native_name' }],
    run: async ({ database }, { csv }) => {
      const records = csv ? csvRecords(readFileSync(csv, 'utf8')) : geoNamesRecords();
      const { added, updated } = await importRecords(database.db, records);
      return `Imported ${records.length} municipalities: ${added} new, ${updated} refreshed.`;
    },
  }],
  // The directory is there from the first start: a new installation imports it once.
  onStart: async ({ database }) => {
    if ((await countMunicipalities(database.db)) === 0) await importRecords(database.db, geoNamesRecords());
  },
};

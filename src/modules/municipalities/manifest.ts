import { readFileSync } from 'node:fs';
import type { ModuleManifest } from '../../core/modules.ts';
import { municipalityApi } from './api.ts';
import { municipalityApiDoc } from './api-doc.ts';
import { claimRoutes } from './claim-routes.tsx';
import { editRoutes } from './edit-routes.tsx';
import { csvRecords, geoNamesRecords, importRecords } from './import.ts';
import * as tables from './migrations/20261121_03_municipalities.ts';
import * as profiles from './migrations/20261121_04_profiles_and_claims.ts';
import { isCountry } from './countries.ts';
import { countMunicipalities, countsByCountry, slugsOf } from './repo.ts';
import { municipalityRoutes } from './routes.tsx';
import { municipalitySearch } from './search.ts';
import './schema.ts';

const SITEMAP_CHUNK = 2000;

/** Every municipality of the EU, from open data; browse, search, profiles and the open API. */
export const municipalities: ModuleManifest = {
  name: 'municipalities',
  migrations: { '20261121_03_municipalities': tables, '20261121_04_profiles_and_claims': profiles },
  routes: (app, ctx) => {
    municipalityRoutes(app, ctx);
    claimRoutes(app, ctx);
    editRoutes(app, ctx);
    municipalityApi(app, ctx);
  },
  nav: [{ label: 'nav.municipalities', path: '/municipalities', order: 10 }],
  search: [municipalitySearch],
  api: municipalityApiDoc,
  sitemaps: [{
    name: 'municipalities',
    chunks: async ({ database }) => (await countsByCountry(database.db)).flatMap(({ country, n }) =>
      Array.from({ length: Math.ceil(Number(n) / SITEMAP_CHUNK) }, (_, i) => `${country.toLowerCase()}-${i + 1}`)),
    paths: async (chunk, { database }) => {
      const m = /^([a-z]{2})-([1-9]\d{0,4})$/.exec(chunk);
      if (!m || !isCountry(m[1]!.toUpperCase())) return undefined;
      const rows = await slugsOf(database.db, m[1]!.toUpperCase(), (Number(m[2]) - 1) * SITEMAP_CHUNK, SITEMAP_CHUNK);
      return rows.length ? rows.map((r) => ({ path: `/municipalities/${m[1]}/${r.slug}`, lastmod: r.updated_at })) : undefined;
    },
  }],
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

import { readFileSync } from 'node:fs';
import { isCountry } from '../../core/countries.ts';
import type { ModuleManifest } from '../../core/modules.ts';
import type { ScopeDefinition } from '../../core/scopes.ts';
import * as tables from './migrations/20261121_03_municipalities.ts';
import * as profiles from './migrations/20261121_04_profiles_and_claims.ts';
import * as follows from './migrations/20261130_02_follows.ts';
import * as countryOrder from './migrations/20261201_01_country_order.ts';
import { countMunicipalities, countsByCountry, slugsOf } from './repo.ts';
import { municipalityApi } from './routes/api.ts';
import { municipalityApiDoc } from './routes/api-doc.ts';
import { claimRoutes } from './routes/claims.tsx';
import { municipalityRoutes } from './routes/directory.tsx';
import { editRoutes } from './routes/edit.tsx';
import { followRoutes } from './routes/follows.ts';
import { municipalitiesByIds } from './service/directory.ts';
import { followsData } from './service/follows.ts';
import { csvRecords, geoNamesRecords, importRecords } from './service/import.ts';
import { municipalitySearch } from './service/search.ts';
import { demoTowns } from './service/seeds.ts';
import { joiningSection, municipalityDesks } from './service/work.tsx';
import { profilePath } from './views/common.tsx';
import { followsSection } from './views/follows.tsx';
import { homeFacts } from './views/home.tsx';
import './schema.ts';

const SITEMAP_CHUNK = 2000;

/** Every municipality of the EU, from open data; browse, search, profiles and the open API. */
/** A municipality's staff: its administrators invite and remove people; both write its news. */
const municipalityScope: ScopeDefinition = {
  type: 'municipality',
  roles: ['municipality_admin', 'municipality_editor'],
  writers: ['municipality_admin', 'municipality_editor'],
  describe: async (ids, { database }) =>
    new Map(
      [...(await municipalitiesByIds(database.db, [...ids]))].map(([id, m]) => [
        id,
        { name: m.name, path: profilePath(m), country: m.country },
      ]),
    ),
};

export const municipalities: ModuleManifest = {
  name: 'municipalities',
  scopes: [municipalityScope],
  // Before content's seed, which publishes as these towns.
  seeds: [demoTowns],
  migrations: {
    '20261121_03_municipalities': tables,
    '20261121_04_profiles_and_claims': profiles,
    '20261130_02_follows': follows,
    '20261201_01_country_order': countryOrder,
  },
  routes: (app, ctx) => {
    municipalityRoutes(app, ctx);
    claimRoutes(app, ctx);
    editRoutes(app, ctx);
    followRoutes(app, ctx);
    municipalityApi(app, ctx);
  },
  nav: [{ label: 'nav.municipalities', path: '/municipalities', order: 10 }],
  work: municipalityDesks,
  sections: { 'home.facts': homeFacts, 'work.noRole': joiningSection, account: followsSection },
  personalData: followsData,
  search: [municipalitySearch],
  api: municipalityApiDoc,
  sitemaps: [
    {
      name: 'municipalities',
      chunks: async ({ database }) =>
        (await countsByCountry(database.db)).flatMap(({ country, n }) =>
          Array.from({ length: Math.ceil(Number(n) / SITEMAP_CHUNK) }, (_, i) => `${country.toLowerCase()}-${i + 1}`),
        ),
      paths: async (chunk, { database }) => {
        const m = /^([a-z]{2})-([1-9]\d{0,4})$/.exec(chunk);
        if (!m || !isCountry(m[1]!.toUpperCase())) return undefined;
        const rows = await slugsOf(database.db, m[1]!.toUpperCase(), (Number(m[2]) - 1) * SITEMAP_CHUNK, SITEMAP_CHUNK);
        return rows.length ? rows.map((r) => ({ path: `/municipalities/${m[1]}/${r.slug}`, lastmod: r.updated_at })) : undefined;
      },
    },
  ],
  commands: [
    {
      name: 'import-municipalities',
      description: 'import the EU municipalities from the GeoNames data shipped with Municipium, or from a CSV file (safe to run again)',
      options: [
        {
          flags: '--csv <file>',
          description: 'a CSV file: country,code,name,population,latitude,longitude,region,native_name',
        },
      ],
      run: async ({ database }, { csv }) => {
        const records = csv ? csvRecords(readFileSync(csv, 'utf8')) : geoNamesRecords();
        const { added, updated } = await importRecords(database.db, records);
        return `Imported ${records.length} municipalities: ${added} new, ${updated} refreshed.`;
      },
    },
  ],
  // The directory is there from the first start: a new installation imports it once.
  onStart: async ({ database }) => {
    if ((await countMunicipalities(database.db)) === 0) await importRecords(database.db, geoNamesRecords());
  },
  startWorkPending: async (database) => (await countMunicipalities(database.db)) === 0,
};

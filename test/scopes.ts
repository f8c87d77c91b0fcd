import { registerScopes } from '../src/core/scopes.ts';
import { modules } from '../src/modules/index.ts';
import { csvRecords, importRecords } from '../src/modules/municipalities/index.ts';
import { SAMPLE_CSV } from './fixtures/municipalities.ts';
import type { TestDatabase } from './helpers/db.ts';

/** The sample directory: municipalities with ids 1 to 8 on a fresh database. */
export async function sampleDirectory(database: TestDatabase): Promise<void> {
  await importRecords(database.db, csvRecords(SAMPLE_CSV));
}

/** Networks as a networks module declares them (every id up to 100 names one), beside the portal's own scopes. */
export function registerNetworks(): void {
  registerScopes(modules.flatMap((m) => m.scopes ?? []));
  registerScopes([
    {
      type: 'network',
      roles: ['network_coordinator'],
      writers: ['network_coordinator'],
      describe: async (ids) => new Map(ids.filter((id) => id <= 100).map((id) => [id, { name: `Network ${id}`, path: `/networks/${id}` }])),
    },
  ]);
}

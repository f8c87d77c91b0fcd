import { registerScopes } from '../src/core/scopes.ts';
import { modules } from '../src/modules/index.ts';
import { csvRecords, importRecords } from '../src/modules/municipalities/index.ts';
import * as networks from '../src/modules/networks/repo.ts';
import type { MembershipState } from '../src/modules/networks/schema.ts';
import { SAMPLE_CSV } from './fixtures/municipalities.ts';
import type { TestDatabase } from './helpers/db.ts';

/** The sample directory: municipalities with ids 1 to 8 on a fresh database. */
export async function sampleDirectory(database: TestDatabase): Promise<void> {
  await importRecords(database.db, csvRecords(SAMPLE_CSV));
}

/** The portal's scopes as the server registers them at start, for tests of a policy alone. */
export function registerPortalScopes(): void {
  registerScopes(modules.flatMap((m) => m.scopes ?? []));
}

/**
 * A network with one kind of membership ("member": towns, a report every 2 years, 90 days of
 * grace), as its coordinators would set it up; its id and the kind's.
 */
export async function sampleNetwork(
  database: TestDatabase,
  slug = 'green-towns',
  name = 'Green Towns',
): Promise<{ id: number; kind: number }> {
  const at = new Date().toISOString();
  const id = await networks.insertNetwork(database.db, {
    slug,
    kind: 'association',
    founded_year: 2010,
    website: null,
    original_language: 'en',
    areas: 'climate',
    created_at: at,
    updated_at: at,
  });
  await networks.saveText(database.db, { network_id: id, language: 'en', name, acronym: '', description: `${name} work together.` });
  const kind = await networks.insertKind(database.db, {
    network_id: id,
    code: 'member',
    labels: JSON.stringify({ en: 'Member', bg: 'Член' }),
    applicants: 'municipality',
    countries: '',
    min_population: null,
    max_population: null,
    report_years: 2,
    grace_days: 90,
    position: 0,
  });
  return { id, kind };
}

/** A town's membership of a network, as if it had reached `state` (a join date and a report deadline where given). */
export function sampleMembership(
  database: TestDatabase,
  network: { id: number; kind: number },
  town: number,
  state: MembershipState,
  { since, due }: { since?: string; due?: string } = {},
): Promise<number> {
  const at = new Date().toISOString();
  return networks.insertMembership(database.db, {
    network_id: network.id,
    kind_id: network.kind,
    member_type: 'municipality',
    member_id: town,
    country: 'BG',
    state,
    since: since ?? null,
    commitment_date: since?.slice(0, 10) ?? null,
    commitment_file: null,
    report_due_at: due ?? null,
    created_at: at,
    updated_at: at,
  });
}

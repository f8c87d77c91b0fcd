import * as repo from '../src/modules/projects/repo.ts';
import type { PartnerRole } from '../src/modules/projects/schema.ts';
import type { TestDatabase } from './helpers/db.ts';

export interface SampleProject {
  slug?: string;
  acronym?: string;
  title?: string;
  /** The coordinating town (a municipality id of the sample directory). */
  coordinator: number;
  /** Confirmed partner towns. */
  partners?: number[];
  state?: 'planned' | 'running' | 'closed';
  startsOn?: string;
  endsOn?: string;
}

/**
 * A project as its coordinator would have set it up: English texts, the coordinating town and its
 * confirmed partner towns; its id. People get roles in it with `person(database, { roles: [['project_coordinator', id]] })`.
 */
export async function sampleProject(database: TestDatabase, p: SampleProject): Promise<number> {
  const at = new Date().toISOString();
  const acronym = p.acronym ?? 'EC-NET';
  const id = await repo.insertProject(database.db, {
    slug: p.slug ?? acronym.toLowerCase(),
    acronym,
    programme_id: null,
    call_id: null,
    reference: '',
    starts_on: p.startsOn ?? '2020-11-02',
    ends_on: p.endsOn ?? '2022-11-01',
    budget_eur: null,
    eu_contribution_eur: null,
    areas: 'democracy',
    website: '',
    state: p.state ?? 'running',
    original_language: 'en',
    created_by: null,
    created_at: at,
    updated_at: at,
  });
  await repo.saveProjectText(database.db, id, 'en', { title: p.title ?? `${acronym} project`, summary: `What ${acronym} does.` });
  const towns: [number, PartnerRole][] = [
    [p.coordinator, 'coordinator'],
    ...(p.partners ?? []).map((t): [number, PartnerRole] => [t, 'partner']),
  ];
  for (const [i, [town, role]] of towns.entries()) {
    await repo.insertPartner(database.db, {
      project_id: id,
      municipality_id: town,
      organisation: '',
      organisation_type: '',
      country: 'BG',
      role,
      status: 'confirmed',
      joined_on: p.startsOn ?? '2020-11-02',
      left_on: null,
      position: i,
      invited_by: null,
      decided_by: null,
      created_at: at,
      updated_at: at,
    });
  }
  return id;
}

import type { Actor } from '../../../core/authz.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { municipalityById } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import type { MembershipKind } from '../schema.ts';

export type ApplyError =
  | 'networks.error.kind'
  | 'networks.error.applicant'
  | 'networks.error.country'
  | 'networks.error.population'
  | 'networks.error.member';

/** A town or an organisation with what a kind of membership may ask of it. */
export interface Applicant {
  member_type: 'municipality' | 'organisation';
  member_id: number;
  country: string | null;
  population: number | null;
}

/** The town an applicant speaks for, as the kinds' rules see it. */
export async function municipalityApplicant(ctx: ModuleContext, id: number): Promise<Applicant | undefined> {
  const m = await municipalityById(ctx.database.db, id);
  return m && { member_type: 'municipality', member_id: m.id, country: m.country, population: m.population };
}

/** Why an applicant may not hold a kind of membership, or undefined when it may. */
export function refusalOf(kind: MembershipKind, a: Applicant): ApplyError | undefined {
  if (kind.applicants !== 'both' && kind.applicants !== a.member_type) return 'networks.error.applicant';
  const countries = kind.countries.split(',').filter(Boolean);
  if (countries.length && (!a.country || !countries.includes(a.country))) return 'networks.error.country';
  if (a.member_type === 'municipality') {
    const p = a.population ?? 0;
    if ((kind.min_population !== null && p < kind.min_population) || (kind.max_population !== null && p > kind.max_population)) {
      return 'networks.error.population';
    }
  }
  return undefined;
}

/**
 * Starts an application (a draft) of a kind of membership; one membership per member and
 * network, so a second application answers the first one's id. The route checks who may apply.
 */
export async function startApplication(
  ctx: ModuleContext,
  kind: MembershipKind,
  a: Applicant,
  actor: Actor,
  now = new Date(),
): Promise<{ ok: true; id: number } | { ok: false; error: ApplyError }> {
  const refusal = refusalOf(kind, a);
  if (refusal) return { ok: false, error: refusal };
  const { db } = ctx.database;
  const existing = (await repo.membershipsOf(db, a.member_type, a.member_id)).find((m) => m.network_id === kind.network_id);
  if (existing) return { ok: true, id: existing.id };
  const at = now.toISOString();
  const id = await repo.insertMembership(db, {
    network_id: kind.network_id,
    kind_id: kind.id,
    member_type: a.member_type,
    member_id: a.member_id,
    country: a.country,
    state: 'draft',
    since: null,
    commitment_date: null,
    commitment_file: null,
    report_due_at: null,
    created_at: at,
    updated_at: at,
  });
  await repo.insertEvent(db, { membership_id: id, from_state: null, to_state: 'draft', actor_id: actor.id, reason: '', at });
  return { ok: true, id };
}

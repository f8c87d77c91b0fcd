import { type Actor, scopeIdsOf } from '../../../core/authz.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';

/** An organisation as another module shows it: its name, linking its profile. */
export interface OrganisationRef {
  id: number;
  name: string;
  slug: string;
  /** Its profile, without the language prefix. */
  path: string;
}

/** Organisations by id, as others show them; an id of none (deleted) is absent. */
export async function organisationRefs(ctx: ModuleContext, ids: readonly number[]): Promise<Map<number, OrganisationRef>> {
  const rows = await repo.organisationsByIds(ctx.database.db, [...new Set(ids)]);
  return new Map(rows.map((o) => [o.id, { id: o.id, name: o.name, slug: o.slug, path: `/organisations/${o.slug}` }]));
}

/**
 * The organisations a person speaks for now, by name: their grants are read afresh on every
 * request, so a representative who was removed speaks for it no more.
 */
export async function organisationsRepresentedBy(ctx: ModuleContext, actor: Actor | null): Promise<OrganisationRef[]> {
  if (!actor?.confirmed || actor.blocked) return [];
  return [...(await organisationRefs(ctx, scopeIdsOf(actor, 'organisation'))).values()];
}

/** An organisation by its address, as others show it. */
export async function organisationRefBySlug(ctx: ModuleContext, slug: string): Promise<OrganisationRef | undefined> {
  const o = await repo.organisationBySlug(ctx.database.db, slug);
  return o && { id: o.id, name: o.name, slug: o.slug, path: `/organisations/${o.slug}` };
}

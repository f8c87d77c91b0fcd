import type { Actor } from '../../../core/authz.ts';
import { hasRole } from '../../../core/authz.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { type DescribedThing, describeScopes, PLATFORM, scopeDefinition, scopeDefinitions, scopeOfRole } from '../../../core/scopes.ts';

/** Who an item belongs to: the platform (id null) or a thing of a scope that writes content. */
export interface Owner {
  owner_type: string;
  owner_id: number | null;
}

/** An owner as readers see it, with its type and id. */
export type OwnerThing = DescribedThing;

/** The scopes whose things may own content: those that declare writers. */
export const writerScopes = () => scopeDefinitions().filter((d) => (d.writers ?? []).length > 0);

/** Whether the person holds a role that writes for this owner (platform admins write for all). */
export function writesFor(actor: Actor, owner: Owner): boolean {
  if (hasRole(actor, 'platform_admin')) return true;
  if (owner.owner_type === PLATFORM) return hasRole(actor, 'platform_editor');
  const writers = scopeDefinition(owner.owner_type)?.writers ?? [];
  return writers.some((role) => hasRole(actor, role, owner.owner_id));
}

/** The owners a person writes for: the platform and/or the things of their writing roles, or all. */
export function ownersOf(actor: Actor): { platform: boolean; all: boolean; scoped: { type: string; ids: number[] }[] } {
  const scoped = new Map<string, Set<number>>();
  for (const g of actor.grants) {
    const type = scopeOfRole(g.role);
    if (!type || type === PLATFORM || g.scopeId === null || !scopeDefinition(type)?.writers?.includes(g.role)) continue;
    scoped.set(type, (scoped.get(type) ?? new Set()).add(g.scopeId));
  }
  return {
    platform: hasRole(actor, 'platform_admin') || hasRole(actor, 'platform_editor'),
    all: hasRole(actor, 'platform_admin'),
    scoped: [...scoped].map(([type, ids]) => ({ type, ids: [...ids] })),
  };
}

/** The owners of these items as readers see them, by "type:id"; the platform is not among them. */
export const describeOwners = (ctx: ModuleContext, owners: readonly Owner[]): Promise<Map<string, OwnerThing>> =>
  describeScopes(
    ctx,
    owners.map((o) => ({ type: o.owner_type, id: o.owner_id })),
  );

export const ownerKey = (o: Owner) => `${o.owner_type}:${o.owner_id}`;

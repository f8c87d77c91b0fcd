import type { Owner } from '../../../core/authz.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { type DescribedThing, describeScopes, scopeDefinitions } from '../../../core/scopes.ts';

/** Who an item belongs to: the platform (id null) or a thing of a scope that writes content. */
export type { Owner } from '../../../core/authz.ts';
export { ownersOf, writesFor } from '../../../core/authz.ts';

/** An owner as readers see it, with its type and id. */
export type OwnerThing = DescribedThing;

/** The scopes whose things may own content: those that declare writers. */
export const writerScopes = () => scopeDefinitions().filter((d) => (d.writers ?? []).length > 0);

/** The owners of these items as readers see them, by "type:id"; the platform is not among them. */
export const describeOwners = (ctx: ModuleContext, owners: readonly Owner[]): Promise<Map<string, OwnerThing>> =>
  describeScopes(
    ctx,
    owners.map((o) => ({ type: o.owner_type, id: o.owner_id })),
  );

export const ownerKey = (o: Owner) => `${o.owner_type}:${o.owner_id}`;

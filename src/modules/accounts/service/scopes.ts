import type { Grant, Scope } from '../../../core/authz.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { type DescribedThing, describeScopes, PLATFORM, type ScopeThing, scopeDefinition, scopeOfRole } from '../../../core/scopes.ts';

/** The scope an address names, or undefined when there is no such thing (its pages answer 404). */
export async function findScope(
  ctx: ModuleContext,
  type: string,
  id: number | null,
): Promise<(Scope & { thing?: ScopeThing }) | undefined> {
  if (type === PLATFORM) return id === null ? { type, id } : undefined;
  const definition = scopeDefinition(type);
  if (!definition || id === null) return undefined;
  const thing = (await definition.describe([id], ctx)).get(id);
  return thing && { type, id, thing };
}

/** The things a person's roles hold in, by "type:id", for naming them on the account page. */
export const thingsOfGrants = (ctx: ModuleContext, grants: readonly Grant[]): Promise<Map<string, DescribedThing>> =>
  describeScopes(
    ctx,
    grants.map((g) => ({ type: scopeOfRole(g.role), id: g.scopeId })),
  );

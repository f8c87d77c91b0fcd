import type { ModuleContext } from './modules.ts';

/** One thing of a scope as people see it: its name and its page (after the language prefix). */
export interface ScopeThing {
  name: string;
  path: string;
  /** Its country (ISO code, upper case), where it has one: content it owns is filtered by it. */
  country?: string | null;
}

/**
 * A kind of thing people hold roles in (a municipality, a network, an organisation), declared in
 * the manifest of the module that owns it. Roles, invitations, team pages, policies and content
 * ownership follow from this declaration alone.
 */
export interface ScopeDefinition {
  /** Its name in addresses, e.g. "municipality" in /team/municipality/12. */
  type: string;
  /** The roles held in one such thing; the first administers it: invites and removes its people. */
  roles: readonly string[];
  /** Message keys naming its roles for people, e.g. { network_coordinator: 'networks.role.coordinator' }. */
  roleLabels?: Readonly<Record<string, string>>;
  /** The roles that write news, events and the like in its name; none when it owns no content. */
  writers?: readonly string[];
  /** The things with these ids; an id that names nothing is left out (its pages answer 404). */
  describe(ids: readonly number[], ctx: ModuleContext): Promise<Map<number, ScopeThing>>;
}

/** The portal itself: its roles hold everywhere. */
export const PLATFORM = 'platform';
export const PLATFORM_ROLES = ['platform_admin', 'platform_moderator', 'platform_editor'] as const;

const registry = new Map<string, ScopeDefinition>();
const roleScopes = new Map<string, string>(PLATFORM_ROLES.map((r) => [r, PLATFORM]));

/** Makes the modules' scopes known; a role belongs to one scope only. Called with the module list at start. */
export function registerScopes(definitions: readonly ScopeDefinition[]): void {
  for (const d of definitions) {
    if (d.type === PLATFORM || !/^[a-z][a-z-]*$/.test(d.type)) throw new Error(`Scope type "${d.type}" is not allowed`);
    if (d.roles.length === 0) throw new Error(`Scope ${d.type} declares no roles`);
    for (const role of d.roles) {
      const taken = roleScopes.get(role);
      if (taken && taken !== d.type) throw new Error(`Role ${role} of scope ${d.type} is already a role of ${taken}`);
      roleScopes.set(role, d.type);
    }
    registry.set(d.type, d);
  }
}

export const scopeDefinition = (type: string): ScopeDefinition | undefined => registry.get(type);
export const scopeDefinitions = (): ScopeDefinition[] => [...registry.values()];

/** The kind of scope a role holds in: "platform", a registered type, or undefined for an unknown role. */
export const scopeOfRole = (role: string): string | undefined => roleScopes.get(role);

/** The roles held in a kind of scope; the first administers it. */
export function rolesOf(type: string): readonly string[] {
  return type === PLATFORM ? PLATFORM_ROLES : (registry.get(type)?.roles ?? []);
}

/** The message key naming a role: the one its scope declares, or the accounts module's own. */
export function roleLabelKey(role: string): string {
  const type = scopeOfRole(role);
  return (type && registry.get(type)?.roleLabels?.[role]) ?? `accounts.role.${role}`;
}

/** A thing of a scope as readers see it, with its scope type and id. */
export type DescribedThing = ScopeThing & { type: string; id: number };

/**
 * The things these references name, each described by its scope, by "type:id". The platform,
 * unknown scopes and ids that name nothing are left out.
 */
export async function describeScopes(
  ctx: ModuleContext,
  refs: readonly { type: string | undefined; id: number | null }[],
): Promise<Map<string, DescribedThing>> {
  const byType = new Map<string, Set<number>>();
  for (const { type, id } of refs) {
    if (type === undefined || type === PLATFORM || id === null || !registry.has(type)) continue;
    byType.set(type, (byType.get(type) ?? new Set()).add(id));
  }
  const found = new Map<string, DescribedThing>();
  await Promise.all(
    [...byType].map(async ([type, ids]) => {
      for (const [id, thing] of await registry.get(type)!.describe([...ids], ctx)) found.set(`${type}:${id}`, { ...thing, type, id });
    }),
  );
  return found;
}

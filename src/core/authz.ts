/** Who may do what: roles, scopes and the policy helper every module declares its rules with. */

import { PLATFORM, scopeDefinition, scopeOfRole } from './scopes.ts';

/** "platform", or the type of a scope a module declares (see scopes.ts). */
export type ScopeType = string;

/** A role: one of the platform's, or one a module's scope declares. */
export type Role = string;

export interface Scope {
  type: ScopeType;
  /** null for the platform itself. */
  id: number | null;
}

export interface Grant {
  role: Role;
  scopeId: number | null;
}

/** The person behind a request; null when nobody is signed in. */
export interface Actor {
  id: number;
  name: string;
  email: string;
  language: string;
  confirmed: boolean;
  grants: Grant[];
  /** Set when moderation blocked the account: it reads, but writes nothing people see. */
  blocked?: boolean;
}

export function hasRole(actor: Actor | null, role: Role, scopeId: number | null = null): boolean {
  return !!actor && actor.grants.some((g) => g.role === role && (scopeOfRole(role) === PLATFORM || g.scopeId === scopeId));
}

/** Who speaks: the platform (id null) or a thing of a scope, e.g. the owner of a news item or a newsletter. */
export interface Owner {
  owner_type: string;
  owner_id: number | null;
}

/** Whether the person holds a role that writes in this owner's name (platform admins write for all). */
export function writesFor(actor: Actor, owner: Owner): boolean {
  if (hasRole(actor, 'platform_admin')) return true;
  if (owner.owner_type === PLATFORM) return hasRole(actor, 'platform_editor');
  const writers = scopeDefinition(owner.owner_type)?.writers ?? [];
  return writers.some((role) => hasRole(actor, role, owner.owner_id));
}

/** The things of one scope type in which a person holds any role, e.g. the towns they work for. */
export function scopeIdsOf(actor: Actor | null, type: string): number[] {
  const ids = (actor?.grants ?? []).flatMap((g) => (g.scopeId !== null && scopeOfRole(g.role) === type ? [g.scopeId] : []));
  return [...new Set(ids)];
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

export const isPlatformAdmin = (actor: Actor | null) => hasRole(actor, 'platform_admin');

/** Every confirmed account is a citizen. */
export const isCitizen = (actor: Actor | null): actor is Actor => !!actor && actor.confirmed;

export type Rule<S> = (actor: Actor | null, subject: S) => boolean;

export class ForbiddenError extends Error {
  readonly statusCode: 403 | 404;
  constructor(
    readonly action: string,
    hide: boolean,
  ) {
    super(`not allowed: ${action}`);
    this.statusCode = hide ? 404 : 403;
  }
}

/**
 * A module's rules, one per action. `can` answers for views (show only what a person may do);
 * `authorize` guards the server side and answers 403, or 404 where existence itself is private.
 */
// biome-ignore lint/suspicious/noExplicitAny: each rule names its own subject type; the record holds them all
export function definePolicy<R extends Record<string, Rule<any>>>(rules: R) {
  return {
    actions: Object.keys(rules) as (keyof R & string)[],
    can<A extends keyof R & string>(actor: Actor | null, action: A, subject: Parameters<R[A]>[1]): boolean {
      return rules[action]!(actor, subject);
    },
    authorize<A extends keyof R & string>(
      actor: Actor | null,
      action: A,
      subject: Parameters<R[A]>[1],
      options: { hide?: boolean } = {},
    ): void {
      if (!rules[action]!(actor, subject)) throw new ForbiddenError(action, options.hide ?? false);
    },
  };
}

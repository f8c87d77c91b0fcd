import { type Actor, definePolicy, hasRole, isCitizen, isPlatformAdmin, type Role, type Scope, type ScopeType } from '../../core/authz.ts';
import { rolesOf } from '../../core/scopes.ts';

/** The role that administers a kind of scope: it invites and removes the scope's people. */
export const adminRoleOf = (type: ScopeType): Role | undefined => rolesOf(type)[0];

/** The roles one can be invited into, per kind of scope: every role the scope declares. */
export const invitableIn = (type: ScopeType): readonly Role[] => rolesOf(type);

const administers = (actor: Actor | null, scope: Scope) =>
  isCitizen(actor) && (isPlatformAdmin(actor) || hasRole(actor, adminRoleOf(scope.type) ?? '', scope.id));

export const accountsPolicy = definePolicy({
  'team.view': administers,
  'team.invite': administers,
  'team.revoke': administers,
  'invitation.accept': (actor, invitation: { email: string }) => isCitizen(actor) && actor.email === invitation.email,
  'audit.view': (actor, _subject: null) => isCitizen(actor) && isPlatformAdmin(actor),
});

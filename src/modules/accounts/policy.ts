import { type Actor, definePolicy, hasRole, isCitizen, isPlatformAdmin, type Role, type Scope, type ScopeType } from '../../core/authz.ts';

/** The role that administers each kind of scope: it invites and removes the scope's people. */
export const ADMIN_ROLE: Record<ScopeType, Role> = {
  platform: 'platform_admin',
  municipality: 'municipality_admin',
  network: 'network_coordinator',
  organisation: 'organisation_representative',
};

/** The roles one can be invited into, per kind of scope. */
export const INVITABLE: Record<ScopeType, Role[]> = {
  platform: ['platform_admin', 'platform_moderator', 'platform_editor'],
  municipality: ['municipality_admin', 'municipality_editor'],
  network: ['network_coordinator'],
  organisation: ['organisation_representative'],
};

const administers = (actor: Actor | null, scope: Scope) =>
  isCitizen(actor) && (isPlatformAdmin(actor) || hasRole(actor, ADMIN_ROLE[scope.type], scope.id));

export const accountsPolicy = definePolicy({
  'organisation.create': (actor, _subject: null) => isCitizen(actor),
  'organisation.edit': (actor, org: { id: number }) => isCitizen(actor) && (isPlatformAdmin(actor) || hasRole(actor, 'organisation_representative', org.id)),
  'team.view': administers,
  'team.invite': administers,
  'team.revoke': administers,
  'invitation.accept': (actor, invitation: { email: string }) => isCitizen(actor) && actor.email === invitation.email,
  'audit.view': (actor, _subject: null) => isCitizen(actor) && isPlatformAdmin(actor),
});

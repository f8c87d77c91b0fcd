import { type Actor, definePolicy, hasRole, isCitizen } from '../../core/authz.ts';
import type { OwnerType } from './schema.ts';

export interface Owner { owner_type: OwnerType; owner_id: number | null }

const platformStaff = (actor: Actor) => hasRole(actor, 'platform_admin') || hasRole(actor, 'platform_editor');

/**
 * Platform admins write for every owner, platform editors for the platform, a municipality's
 * staff only for their municipality.
 */
const writesFor = (actor: Actor | null, owner: Owner) =>
  isCitizen(actor) && (hasRole(actor, 'platform_admin')
    || (owner.owner_type === 'platform' && hasRole(actor, 'platform_editor'))
    || (owner.owner_type === 'municipality' && (hasRole(actor, 'municipality_admin', owner.owner_id) || hasRole(actor, 'municipality_editor', owner.owner_id))));

export const contentPolicy = definePolicy({
  'content.write': writesFor,
  /** The newsroom's desk: anyone who writes for some owner. */
  'content.desk': (actor, _subject: null) => isCitizen(actor) && actor.grants.some((g) =>
    g.role === 'platform_admin' || g.role === 'platform_editor' || g.role === 'municipality_admin' || g.role === 'municipality_editor'),
  'content.registrations': writesFor,
  /** Drafts and unpublished items are seen only by their writers. */
  'content.read': (actor, item: Owner & { visible: boolean }) => item.visible || writesFor(actor, item),
});

/** The owners a person writes for: the platform and/or the municipalities they are staff of, or all. */
export function ownersOf(actor: Actor): { platform: boolean; municipalities: number[]; all: boolean } {
  return {
    platform: platformStaff(actor),
    all: hasRole(actor, 'platform_admin'),
    municipalities: [...new Set(actor.grants.filter((g) => g.role === 'municipality_admin' || g.role === 'municipality_editor').map((g) => g.scopeId!))],
  };
}

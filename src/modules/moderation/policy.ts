import { type Actor, definePolicy, hasRole, isCitizen, type Owner, ownersOf, writesFor } from '../../core/authz.ts';

/** The platform's moderators: they moderate every text and block accounts. */
const platformModerator = (actor: Actor | null): actor is Actor => hasRole(actor, 'platform_admin') || hasRole(actor, 'platform_moderator');
/** Staff of an owner: those who write in its name (a town's administrators and editors, a network's coordinators and editors). */
const staffOf = (actor: Actor | null, owner: Owner): actor is Actor => !!actor && actor.confirmed && writesFor(actor, owner);
/** Staff of any owner at all, who moderate that owner's texts. */
const staffOfAny = (actor: Actor | null): actor is Actor => {
  if (!actor?.confirmed) return false;
  const owners = ownersOf(actor);
  return owners.platform || owners.scoped.length > 0;
};

export const moderationPolicy = definePolicy({
  /** Reporting a text: anyone signed in and confirmed whose account is not blocked. */
  'text.flag': (actor, _: null) => isCitizen(actor) && !actor.blocked,
  /** Seeing the queue: the platform's moderators (everything) and any owner's staff (their owner's texts). */
  'queue.view': (actor, _: null) => platformModerator(actor) || staffOfAny(actor),
  /** Hiding and restoring one owner's text: the platform's moderators and that owner's staff. */
  'text.moderate': (actor, owner: Owner) => platformModerator(actor) || staffOf(actor, owner),
  /** Blocking and unblocking an account: the platform's moderators only. */
  'account.block': (actor, _: null) => platformModerator(actor),
});

/** The owners whose texts a person moderates, for the queue. */
export function moderatedOwners(actor: Actor) {
  if (platformModerator(actor)) return { all: true } as const;
  const owners = ownersOf(actor);
  return { all: false, platform: owners.platform, scoped: owners.scoped } as const;
}

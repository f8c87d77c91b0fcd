import { type Actor, definePolicy, hasRole } from '../../core/authz.ts';

/** A town as the rules see it: whether it joined the portal (a town that has not has no one to answer). */
export type TownRef = { municipality_id: number; joined: boolean };
/** An enquiry as the rules see it: its town, who sent it from which address, where it stands. */
export type EnquiryRef = { municipality_id: number; author_id: number | null; email: string; confirmed: number; state: string };

/**
 * The town's own staff, its administrators and editors: letters to a town hall are read by its
 * people only, not by the portal's administrators. A blocked or unconfirmed account speaks for nobody.
 */
const staffOf = (actor: Actor | null, town: number): actor is Actor =>
  !!actor &&
  actor.confirmed &&
  !actor.blocked &&
  (hasRole(actor, 'municipality_admin', town) || hasRole(actor, 'municipality_editor', town));

/** Who sent it: the account it came from, or an account confirmed for the address it came from. */
const senderOf = (actor: Actor | null, e: EnquiryRef): actor is Actor =>
  !!actor &&
  !actor.blocked &&
  e.confirmed === 1 &&
  (e.author_id === actor.id || (actor.confirmed && actor.email.toLowerCase() === e.email.toLowerCase()));

export const contactPolicy = definePolicy({
  /** Writing to a town hall: anyone, to a town that joined; not a blocked account. */
  'enquiry.send': (actor, t: TownRef) => t.joined && !actor?.blocked,
  /** The town's inbox, an enquiry in it, its attachment; answering and moving it along. */
  'enquiry.manage': (actor, e: { municipality_id: number }) => staffOf(actor, e.municipality_id),
  /** The town's topics, their departments and the expected response time. */
  'topics.manage': (actor, t: { municipality_id: number }) => staffOf(actor, t.municipality_id),
  /** The thread in the sender's account. */
  'thread.read': (actor, e: EnquiryRef) => senderOf(actor, e),
  /** Writing more to the town, until the town closes it. */
  'thread.reply': (actor, e: EnquiryRef) => senderOf(actor, e) && e.state !== 'closed',
});

import { type Actor, definePolicy, hasRole, isCitizen, isPlatformAdmin, writesFor } from '../../core/authz.ts';

/** A town as the rules see it. */
type TownRef = { municipality_id: number };
/** A report as the rules see it: its town, its author, whether it is public yet. */
export type SignalRef = TownRef & { author_id: number | null; confirmed: number; hidden: number };

/** Staff of the town: its administrators and editors. A blocked account speaks for nobody. */
const staffOf = (actor: Actor | null, t: TownRef): actor is Actor =>
  !!actor && actor.confirmed && !actor.blocked && writesFor(actor, { owner_type: 'municipality', owner_id: t.municipality_id });
const authorOf = (actor: Actor | null, s: SignalRef) => !!actor && !actor.blocked && s.author_id === actor.id;
const moderator = (actor: Actor | null) => hasRole(actor, 'platform_admin') || hasRole(actor, 'platform_moderator');

export const signalsPolicy = definePolicy({
  /** Reporting a problem: anyone, signed in or not, but not a blocked account. */
  'signal.create': (actor, _t: TownRef) => !actor?.blocked,
  /** Reading a report: everyone once confirmed and not hidden; its author and the town's staff always. */
  'signal.view': (actor, s: SignalRef) => (s.confirmed === 1 && s.hidden === 0) || authorOf(actor, s) || staffOf(actor, s),
  /** Who reported, their contact details, internal notes, hidden photos: the town's staff. */
  'signal.private': (actor, s: TownRef) => staffOf(actor, s),
  /** Changing a report's state, assigning it, passing it on, notes, hiding photos: the town's staff. */
  'signal.manage': (actor, s: TownRef) => staffOf(actor, s),
  /** The author may say it is fixed, or that it is not (reopen). */
  'signal.settle': (actor, s: SignalRef) => authorOf(actor, s) && s.confirmed === 1,
  /** "Me too": a confirmed person other than the author. */
  'signal.me_too': (actor, s: SignalRef) => isCitizen(actor) && !actor.blocked && s.author_id !== actor.id && s.confirmed === 1,
  /** A town's categories, their questions and where they go; its boundary. */
  'category.manage': (actor, t: TownRef) => staffOf(actor, t),
  'boundary.manage': (actor, t: TownRef) => staffOf(actor, t) || isPlatformAdmin(actor),
  /** Hiding a whole report: platform moderators and the town's staff. */
  'signal.moderate': (actor, s: TownRef) => moderator(actor) || staffOf(actor, s),
  /** Issuing and revoking Open311 keys for applications: platform administrators. */
  'apikey.manage': (actor, _p: null) => isPlatformAdmin(actor) && !actor?.blocked,
});

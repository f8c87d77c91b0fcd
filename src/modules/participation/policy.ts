import { type Actor, definePolicy, hasRole, isCitizen, writesFor } from '../../core/authz.ts';
import type { PhaseAction } from './schema.ts';

/** Who runs a process or a debate outside one: a municipality or a network. */
type OwnerRef = { owner_type: string; owner_id: number };
/** A process as the rules see it: its owner, whether it is out, and what its current phase allows. */
export type ProcessRef = OwnerRef & { published: number; actions: readonly PhaseAction[] };
/** Something a person wrote in a process: its author and its process. */
type AuthoredRef = { author_id: number | null; process: ProcessRef };

/**
 * Staff of the owner: its writers (administrators and editors of the town, coordinators and editors
 * of the network). A blocked account speaks for nobody: its role waits until it is unblocked.
 */
const staffOf = (actor: Actor | null, o: OwnerRef): actor is Actor =>
  !!actor && actor.confirmed && !actor.blocked && writesFor(actor, { owner_type: o.owner_type, owner_id: o.owner_id });
/** A confirmed person whose account moderation has not blocked. */
const citizen = (actor: Actor | null): actor is Actor => isCitizen(actor) && !actor.blocked;
const allows = (p: ProcessRef, action: PhaseAction) => p.published === 1 && p.actions.includes(action);
const authorOf = (actor: Actor | null, s: { author_id: number | null }) => !!actor && s.author_id === actor.id;

export const participationPolicy = definePolicy({
  /** Creating and editing a process, its phases and vision sections; seeing it before it is out. */
  'process.manage': (actor, o: OwnerRef) => staffOf(actor, o),
  /** Reading a process: everyone once it is out, staff before. */
  'process.view': (actor, p: ProcessRef) => p.published === 1 || staffOf(actor, p),
  /** Writing a proposal: a citizen, while a phase allows it. */
  'proposal.create': (actor, p: ProcessRef) => citizen(actor) && allows(p, 'propose'),
  /** Editing a proposal: its author, until it has a support, a comment or an answer (the service checks those). */
  'proposal.edit': (actor, s: AuthoredRef) => citizen(actor) && authorOf(actor, s) && allows(s.process, 'propose'),
  /** Supporting a proposal, or withdrawing the support: a citizen, while the phase allows it. */
  'proposal.support': (actor, p: ProcessRef) => citizen(actor) && allows(p, 'support'),
  /** The official answer: staff of the process's owner, in any phase. */
  'proposal.answer': (actor, p: ProcessRef) => staffOf(actor, p),
  /** Monitoring: results, their progress, timeline and CSV import. */
  'result.manage': (actor, p: ProcessRef) => staffOf(actor, p),
  /** Opening a debate: staff always, a citizen while the phase allows debates. */
  'debate.create': (actor, p: ProcessRef) => staffOf(actor, p) || (citizen(actor) && allows(p, 'debate')),
  /** Closing a debate with conclusions: staff of the owner. */
  'debate.close': (actor, o: OwnerRef) => staffOf(actor, o),
  /** Commenting: a citizen, while the phase allows comments. */
  'comment.create': (actor, p: ProcessRef) => citizen(actor) && allows(p, 'comment'),
  /** Marking a reply as the owner's official one: its staff. */
  'comment.official': (actor, o: OwnerRef) => staffOf(actor, o),
  /** Editing a comment: its author, while not blocked. */
  'comment.edit': (actor, c: { author_id: number | null }) => citizen(actor) && authorOf(actor, c),
  /** Flagging a text: anyone signed in and confirmed. */
  'text.flag': (actor, _o: OwnerRef) => citizen(actor),
  /** Hiding and restoring texts, blocking accounts: platform moderators, and the owner's staff for its texts. */
  'text.moderate': (actor, o: OwnerRef) => hasRole(actor, 'platform_admin') || hasRole(actor, 'platform_moderator') || staffOf(actor, o),
});

import { type Actor, definePolicy, hasRole } from '../../core/authz.ts';
import { rolesOf } from '../../core/scopes.ts';

/** The awards are the platform's: its editors and administrators run them. */
const runsAwards = (actor: Actor | null) => !!actor?.confirmed && (hasRole(actor, 'platform_editor') || hasRole(actor, 'platform_admin'));

const staffOf = (actor: Actor | null, town: number) => rolesOf('municipality').some((role) => hasRole(actor, role, town));

/** The jury of an edition: its chair and its jurors, roles in the edition's scope. */
export const JURY_ROLES = ['award_jury_chair', 'award_juror'] as const;
const onJury = (actor: Actor | null, edition: number) => JURY_ROLES.some((role) => hasRole(actor, role, edition));

export const awardsPolicy = definePolicy({
  /** Editions, categories, accepting, merging and shortlisting nominations, inviting jurors. */
  'award.edit': (actor, _subject: null) => runsAwards(actor),
  /** The votes' audit: suspicious clusters, voiding, the export and publishing the result. */
  'award.audit': (actor, _subject: null) => runsAwards(actor),
  /** Nominating a mayor or a good practice: anyone signed in with a confirmed address. */
  'award.nominate': (actor, _subject: null) => !!actor?.confirmed && !actor.blocked,
  /** Voting: a confirmed account only (the service also checks its address). */
  'award.vote': (actor, _subject: null) => !!actor?.confirmed && !actor.blocked,
  /** Adding material to a nomination: the staff of the nominee's town. */
  'nomination.material': (actor, n: { municipality_id: number }) => !!actor?.confirmed && staffOf(actor, n.municipality_id),
  /** Scoring the shortlist: the edition's jurors, and nobody else. */
  'award.score': (actor, edition: { id: number }) => !!actor?.confirmed && onJury(actor, edition.id),
});

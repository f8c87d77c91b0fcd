import { type Actor, definePolicy, hasRole, isPlatformAdmin } from '../../core/authz.ts';
import { rolesOf } from '../../core/scopes.ts';

/** The staff of a town: its administrators and editors. */
const staffOf = (actor: Actor | null, town: number) => rolesOf('municipality').some((role) => hasRole(actor, role, town));

type Pair = { proposer_id: number; partner_id: number };

export const twinningPolicy = definePolicy({
  /** Proposing a twinning in a town's name. */
  'twinning.propose': (actor, town: { id: number }) => !!actor?.confirmed && staffOf(actor, town.id),
  /** Accepting or declining: the other side's staff. */
  'twinning.decide': (actor, t: Pair) => !!actor?.confirmed && staffOf(actor, t.partner_id),
  /** Ending it, with a date: either side's staff. */
  'twinning.end': (actor, t: Pair) => !!actor?.confirmed && (staffOf(actor, t.proposer_id) || staffOf(actor, t.partner_id)),
  /** Entering a twinning older than the portal, as confirmed, with its source: who edits the directory. */
  'twinning.record': (actor, _subject: null) =>
    !!actor?.confirmed && (hasRole(actor, 'platform_admin') || hasRole(actor, 'platform_editor')),
  /** Its page with what can be done: both sides, and platform administrators. */
  'twinning.view': (actor, t: Pair) => isPlatformAdmin(actor) || staffOf(actor, t.proposer_id) || staffOf(actor, t.partner_id),
});

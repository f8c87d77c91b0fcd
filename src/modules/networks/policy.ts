import { type Actor, definePolicy, hasRole, isPlatformAdmin } from '../../core/authz.ts';
import { rolesOf } from '../../core/scopes.ts';

type NetworkRef = { id: number };
type MembershipRef = { network_id: number; member_type: string; member_id: number };
/** A would-be member: a town or an organisation that a person acts for. */
type MemberRef = { member_type: string; member_id: number };

const coordinates = (actor: Actor | null, networkId: number) => isPlatformAdmin(actor) || hasRole(actor, 'network_coordinator', networkId);
/** The staff of a town (its administrators and editors) or the representatives of an organisation. */
const speaksFor = (actor: Actor | null, m: MemberRef) => rolesOf(m.member_type).some((role) => hasRole(actor, role, m.member_id));

export const networkPolicy = definePolicy({
  /** Editing a network's page and its kinds of membership. */
  'network.edit': (actor, n: NetworkRef) => coordinates(actor, n.id),
  /** Applying for a membership in a member's name. */
  'membership.apply': (actor, m: MemberRef) => !!actor?.confirmed && speaksFor(actor, m),
  /** The member's steps: submit, send the commitment, ask for more time, withdraw. */
  'membership.act': (actor, m: MembershipRef) => !!actor?.confirmed && speaksFor(actor, m),
  /** The coordinators' steps: eligibility, commitments, reports, ending. */
  'membership.decide': (actor, m: MembershipRef) => coordinates(actor, m.network_id),
  /** A membership's page with its history: both sides. */
  'membership.view': (actor, m: MembershipRef) => coordinates(actor, m.network_id) || speaksFor(actor, m),
});

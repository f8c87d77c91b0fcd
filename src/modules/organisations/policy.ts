import { type Actor, definePolicy, hasRole, isCitizen, isPlatformAdmin } from '../../core/authz.ts';
import { rolesOf } from '../../core/scopes.ts';

/** The staff of a town: its administrators and editors. */
const staffOf = (actor: Actor | null, town: number) => rolesOf('municipality').some((role) => hasRole(actor, role, town));
const represents = (actor: Actor | null, org: number) => hasRole(actor, 'organisation_representative', org);

/** A partnership as the policy reads it: its town, its organisations and who has agreed. */
export interface PartnershipSides {
  municipality_id: number;
  state: string;
  town_confirmed: number;
  organisations: { id: number; confirmed: number }[];
}

const side = (actor: Actor | null, p: PartnershipSides) =>
  staffOf(actor, p.municipality_id) || p.organisations.some((o) => represents(actor, o.id));

export const organisationsPolicy = definePolicy({
  /** Registering one: any confirmed person, who becomes its representative. */
  'organisation.create': (actor, _subject: null) => isCitizen(actor),
  /** Its profile and logo: its representatives, and platform administrators and editors. */
  'organisation.edit': (actor, org: { id: number }) =>
    isCitizen(actor) && (represents(actor, org.id) || isPlatformAdmin(actor) || hasRole(actor, 'platform_editor')),
  /** Proposing a partnership in a town's name: its staff. */
  'partnership.proposeForTown': (actor, town: { id: number }) => isCitizen(actor) && staffOf(actor, town.id),
  /** Proposing a partnership in an organisation's name: its representatives. */
  'partnership.proposeForOrganisation': (actor, org: { id: number }) => isCitizen(actor) && represents(actor, org.id),
  /** Agreeing or declining: a side that has not agreed yet, while it is proposed. */
  'partnership.decide': (actor, p: PartnershipSides) =>
    isCitizen(actor) &&
    p.state === 'proposed' &&
    ((!p.town_confirmed && staffOf(actor, p.municipality_id)) || p.organisations.some((o) => !o.confirmed && represents(actor, o.id))),
  /** Its page: anyone once confirmed; before, both sides and platform administrators. */
  'partnership.view': (actor, p: PartnershipSides) => p.state === 'confirmed' || isPlatformAdmin(actor) || side(actor, p),
});

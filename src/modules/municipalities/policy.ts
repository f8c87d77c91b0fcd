import { definePolicy, hasRole, isCitizen, isPlatformAdmin } from '../../core/authz.ts';

export const municipalitiesPolicy = definePolicy({
  /** Any confirmed person may claim a municipality that has not joined; the review decides. */
  'municipality.claim': (actor, m: { joined_at: string | null }) => isCitizen(actor) && m.joined_at === null,
  'municipality.propose': (actor, _subject: null) => isCitizen(actor),
  'municipality.edit': (actor, m: { id: number }) =>
    isCitizen(actor) &&
    (isPlatformAdmin(actor) || hasRole(actor, 'municipality_admin', m.id) || hasRole(actor, 'municipality_editor', m.id)),
  'claims.review': (actor, _subject: null) => isCitizen(actor) && isPlatformAdmin(actor),
});

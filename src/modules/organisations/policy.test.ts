import { testActor as actor, type Matrix, policyMatrix } from '../../../test/policy.ts';
import { registerPortalScopes } from '../../../test/scopes.ts';
import type { Actor } from '../../core/authz.ts';
import { organisationsPolicy, type PartnershipSides } from './policy.ts';

registerPortalScopes();

const ACTORS: Record<string, Actor | null> = {
  anonymous: null,
  unconfirmed: actor('unconfirmed', [], false),
  citizen: actor('citizen'),
  rep1: actor('rep', [{ role: 'organisation_representative', scopeId: 1 }]),
  unconfirmedRep1: actor('unconfirmedrep', [{ role: 'organisation_representative', scopeId: 1 }], false),
  rep2: actor('reptwo', [{ role: 'organisation_representative', scopeId: 2 }]),
  editor1: actor('editor', [{ role: 'municipality_editor', scopeId: 1 }]),
  admin1: actor('muniadmin', [{ role: 'municipality_admin', scopeId: 1 }]),
  admin2: actor('muniadmintwo', [{ role: 'municipality_admin', scopeId: 2 }]),
  coordinator1: actor('coordinator', [{ role: 'network_coordinator', scopeId: 1 }]),
  moderator: actor('moderator', [{ role: 'platform_moderator', scopeId: null }]),
  platformEditor: actor('platformeditor', [{ role: 'platform_editor', scopeId: null }]),
  admin: actor('admin', [{ role: 'platform_admin', scopeId: null }]),
};
const CONFIRMED = ['citizen', 'rep1', 'rep2', 'editor1', 'admin1', 'admin2', 'coordinator1', 'moderator', 'platformEditor', 'admin'];

/** Partnerships of town 1 with organisation 1: proposed by the organisation, by the town, confirmed, declined. */
const sides = (state: string, town: number, org: number): PartnershipSides => ({
  municipality_id: 1,
  state,
  town_confirmed: town,
  organisations: [{ id: 1, confirmed: org }],
});

const MATRIX: Matrix = {
  'organisation.create': { subjects: { none: () => null }, allowed: { none: CONFIRMED } },
  'organisation.edit': {
    subjects: { o1: () => ({ id: 1 }), o2: () => ({ id: 2 }) },
    allowed: { o1: ['rep1', 'platformEditor', 'admin'], o2: ['rep2', 'platformEditor', 'admin'] },
  },
  'partnership.proposeForTown': {
    subjects: { m1: () => ({ id: 1 }), m2: () => ({ id: 2 }) },
    allowed: { m1: ['editor1', 'admin1'], m2: ['admin2'] },
  },
  'partnership.proposeForOrganisation': {
    subjects: { o1: () => ({ id: 1 }), o2: () => ({ id: 2 }) },
    allowed: { o1: ['rep1'], o2: ['rep2'] },
  },
  'partnership.decide': {
    subjects: {
      byOrganisation: () => sides('proposed', 0, 1),
      byTown: () => sides('proposed', 1, 0),
      confirmed: () => sides('confirmed', 1, 1),
      declined: () => sides('declined', 0, 1),
    },
    allowed: { byOrganisation: ['editor1', 'admin1'], byTown: ['rep1'], confirmed: [], declined: [] },
  },
  'partnership.view': {
    subjects: {
      byOrganisation: () => sides('proposed', 0, 1),
      confirmed: () => sides('confirmed', 1, 1),
      declined: () => sides('declined', 0, 1),
    },
    allowed: {
      byOrganisation: ['rep1', 'unconfirmedRep1', 'editor1', 'admin1', 'admin'],
      confirmed: ['anonymous', 'unconfirmed', 'unconfirmedRep1', ...CONFIRMED],
      declined: ['rep1', 'unconfirmedRep1', 'editor1', 'admin1', 'admin'],
    },
  },
};

policyMatrix('organisations', organisationsPolicy, ACTORS, MATRIX);

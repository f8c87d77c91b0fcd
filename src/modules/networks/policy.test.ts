import { testActor as actor, type Matrix, policyMatrix } from '../../../test/policy.ts';
import { registerPortalScopes } from '../../../test/scopes.ts';
import type { Actor } from '../../core/authz.ts';
import { networkPolicy } from './policy.ts';

registerPortalScopes();

const ACTORS: Record<string, Actor | null> = {
  anonymous: null,
  citizen: actor('citizen'),
  editor1: actor('editor', [{ role: 'municipality_editor', scopeId: 1 }]),
  muniAdmin1: actor('muniadmin', [{ role: 'municipality_admin', scopeId: 1 }]),
  unconfirmedAdmin1: actor('unadmin', [{ role: 'municipality_admin', scopeId: 1 }], false),
  muniAdmin2: actor('muniadmin2', [{ role: 'municipality_admin', scopeId: 2 }]),
  orgRep1: actor('orgrep', [{ role: 'organisation_representative', scopeId: 1 }]),
  coordinator1: actor('coordinator', [{ role: 'network_coordinator', scopeId: 1 }]),
  networkEditor1: actor('neditor', [{ role: 'network_editor', scopeId: 1 }]),
  coordinator2: actor('coordinator2', [{ role: 'network_coordinator', scopeId: 2 }]),
  platformEditor: actor('peditor', [{ role: 'platform_editor', scopeId: null }]),
  admin: actor('admin', [{ role: 'platform_admin', scopeId: null }]),
};

/** Town 1's membership of network 1, and an organisation's. */
const OF_TOWN1 = { network_id: 1, member_type: 'municipality', member_id: 1 };
const OF_ORG1 = { network_id: 1, member_type: 'organisation', member_id: 1 };

const MATRIX: Matrix = {
  'network.edit': {
    subjects: { n1: () => ({ id: 1 }), n2: () => ({ id: 2 }) },
    allowed: { n1: ['coordinator1', 'admin'], n2: ['coordinator2', 'admin'] },
  },
  'membership.apply': {
    subjects: { town1: () => OF_TOWN1, town2: () => ({ ...OF_TOWN1, member_id: 2 }), org1: () => OF_ORG1 },
    allowed: { town1: ['editor1', 'muniAdmin1'], town2: ['muniAdmin2'], org1: ['orgRep1'] },
  },
  'membership.act': {
    subjects: { town1: () => OF_TOWN1, org1: () => OF_ORG1 },
    allowed: { town1: ['editor1', 'muniAdmin1'], org1: ['orgRep1'] },
  },
  'membership.decide': {
    subjects: { inN1: () => OF_TOWN1, inN2: () => ({ ...OF_TOWN1, network_id: 2 }) },
    allowed: { inN1: ['coordinator1', 'admin'], inN2: ['coordinator2', 'admin'] },
  },
  'membership.view': {
    subjects: { town1InN1: () => OF_TOWN1, town1InN2: () => ({ ...OF_TOWN1, network_id: 2 }) },
    allowed: {
      town1InN1: ['editor1', 'muniAdmin1', 'unconfirmedAdmin1', 'coordinator1', 'admin'],
      town1InN2: ['editor1', 'muniAdmin1', 'unconfirmedAdmin1', 'coordinator2', 'admin'],
    },
  },
};

policyMatrix('networks', networkPolicy, ACTORS, MATRIX);

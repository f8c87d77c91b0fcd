import { testActor as actor, type Matrix, policyMatrix } from '../../../test/policy.ts';
import { registerPortalScopes } from '../../../test/scopes.ts';
import type { Actor } from '../../core/authz.ts';
import { contentPolicy } from './policy.ts';

registerPortalScopes();

const ACTORS: Record<string, Actor | null> = {
  anonymous: null,
  unconfirmed: actor('unconfirmed', [], false),
  citizen: actor('citizen'),
  orgRep1: actor('orgrep', [{ role: 'organisation_representative', scopeId: 1 }]),
  editor1: actor('editor', [{ role: 'municipality_editor', scopeId: 1 }]),
  muniAdmin1: actor('muniadmin', [{ role: 'municipality_admin', scopeId: 1 }]),
  unconfirmedEditor1: actor('uneditor', [{ role: 'municipality_editor', scopeId: 1 }], false),
  coordinator1: actor('coordinator', [{ role: 'network_coordinator', scopeId: 1 }]),
  platformEditor: actor('peditor', [{ role: 'platform_editor', scopeId: null }]),
  moderator: actor('moderator', [{ role: 'platform_moderator', scopeId: null }]),
  admin: actor('admin', [{ role: 'platform_admin', scopeId: null }]),
};

const OWNERS = {
  platform: { owner_type: 'platform', owner_id: null },
  m1: { owner_type: 'municipality', owner_id: 1 },
  m2: { owner_type: 'municipality', owner_id: 2 },
  n1: { owner_type: 'network', owner_id: 1 },
  o1: { owner_type: 'organisation', owner_id: 1 },
  o2: { owner_type: 'organisation', owner_id: 2 },
};
const WRITERS = {
  platform: ['platformEditor', 'admin'],
  m1: ['editor1', 'muniAdmin1', 'admin'],
  m2: ['admin'],
  n1: ['coordinator1', 'admin'],
  // Organisations publish through their representatives, each only for their own.
  o1: ['orgRep1', 'admin'],
  o2: ['admin'],
};
const ownerSubjects = Object.fromEntries(Object.entries(OWNERS).map(([k, o]) => [k, () => o]));

/** Every action with the subjects it is tried on, and who may: everyone else must be refused. */
const MATRIX: Matrix = {
  'content.write': { subjects: ownerSubjects, allowed: WRITERS },
  'content.registrations': { subjects: ownerSubjects, allowed: WRITERS },
  'content.desk': {
    subjects: { none: () => null },
    allowed: { none: ['orgRep1', 'editor1', 'muniAdmin1', 'coordinator1', 'platformEditor', 'admin'] },
  },
  'content.read': {
    subjects: {
      published: () => ({ ...OWNERS.m1, visible: true }),
      draftOfM1: () => ({ ...OWNERS.m1, visible: false }),
      draftOfPlatform: () => ({ ...OWNERS.platform, visible: false }),
    },
    allowed: { published: Object.keys(ACTORS), draftOfM1: WRITERS.m1, draftOfPlatform: WRITERS.platform },
  },
};

policyMatrix('content', contentPolicy, ACTORS, MATRIX);

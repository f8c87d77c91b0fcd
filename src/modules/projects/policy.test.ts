import { testActor as actor, type Matrix, policyMatrix } from '../../../test/policy.ts';
import { registerPortalScopes } from '../../../test/scopes.ts';
import type { Actor } from '../../core/authz.ts';
import { projectsPolicy } from './policy.ts';

registerPortalScopes();

const ACTORS: Record<string, Actor | null> = {
  anonymous: null,
  citizen: actor('citizen'),
  editor1: actor('editor', [{ role: 'municipality_editor', scopeId: 1 }]),
  admin1: actor('admin1', [{ role: 'municipality_admin', scopeId: 1 }]),
  coordinator1: actor('coordinator', [{ role: 'network_coordinator', scopeId: 1 }]),
  networkEditor1: actor('neteditor', [{ role: 'network_editor', scopeId: 1 }]),
  platformModerator: actor('pmoderator', [{ role: 'platform_moderator', scopeId: null }]),
  platformEditor: actor('peditor', [{ role: 'platform_editor', scopeId: null }]),
  platformAdmin: actor('padmin', [{ role: 'platform_admin', scopeId: null }]),
  unconfirmedPlatformEditor: actor('unpeditor', [{ role: 'platform_editor', scopeId: null }], false),
  unconfirmedPlatformAdmin: actor('unpadmin', [{ role: 'platform_admin', scopeId: null }], false),
  projectCoordinator1: actor('pcoord', [{ role: 'project_coordinator', scopeId: 1 }]),
  partnerStaff1: actor('pstaff', [{ role: 'project_partner_staff', scopeId: 1 }]),
  projectCoordinator2: actor('pcoord2', [{ role: 'project_coordinator', scopeId: 2 }]),
  partnerStaff2: actor('pstaff2', [{ role: 'project_partner_staff', scopeId: 2 }]),
  unconfirmedCoordinator1: actor('unpcoord', [{ role: 'project_coordinator', scopeId: 1 }], false),
};

const CATALOGUE = { subjects: { catalogue: () => null }, allowed: { catalogue: ['platformEditor', 'platformAdmin'] } };

/** Project 1 and project 2; town 1 and town 2 (a partner's invitation names its town). */
const PROJECTS = { project1: () => ({ id: 1 }), project2: () => ({ id: 2 }) };
const TOWNS = { town1: () => ({ id: 1 }), town2: () => ({ id: 2 }) };
const INVITATIONS = {
  town1: () => ({ municipality_id: 1 }),
  town2: () => ({ municipality_id: 2 }),
  organisation: () => ({ municipality_id: null }),
};

const MATRIX: Matrix = {
  'programme.edit': CATALOGUE,
  'call.edit': CATALOGUE,
  'project.create': {
    subjects: TOWNS,
    allowed: { town1: ['editor1', 'admin1', 'platformEditor', 'platformAdmin'], town2: ['platformEditor', 'platformAdmin'] },
  },
  'partner.decide': { subjects: INVITATIONS, allowed: { town1: ['editor1', 'admin1'], town2: [], organisation: [] } },
  'project.edit': {
    subjects: PROJECTS,
    allowed: { project1: ['projectCoordinator1', 'platformAdmin'], project2: ['projectCoordinator2', 'platformAdmin'] },
  },
  'project.publish': {
    subjects: PROJECTS,
    allowed: {
      project1: ['projectCoordinator1', 'partnerStaff1', 'platformAdmin'],
      project2: ['projectCoordinator2', 'partnerStaff2', 'platformAdmin'],
    },
  },
  'project.workspace': {
    subjects: PROJECTS,
    allowed: {
      project1: ['projectCoordinator1', 'partnerStaff1'],
      project2: ['projectCoordinator2', 'partnerStaff2'],
    },
  },
};

policyMatrix('projects', projectsPolicy, ACTORS, MATRIX);

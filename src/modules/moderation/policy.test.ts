import { testActor as actor, type Matrix, policyMatrix } from '../../../test/policy.ts';
import { registerPortalScopes } from '../../../test/scopes.ts';
import type { Actor } from '../../core/authz.ts';
import { moderationPolicy } from './policy.ts';

registerPortalScopes();

const ACTORS: Record<string, Actor | null> = {
  anonymous: null,
  unconfirmed: actor('unconfirmed', [], false),
  citizen: actor('citizen'),
  blocked: { ...actor('blocked'), blocked: true },
  editor1: actor('editor', [{ role: 'municipality_editor', scopeId: 1 }]),
  muniAdmin1: actor('muniadmin', [{ role: 'municipality_admin', scopeId: 1 }]),
  unconfirmedAdmin1: actor('unadmin', [{ role: 'municipality_admin', scopeId: 1 }], false),
  muniAdmin2: actor('muniadmin2', [{ role: 'municipality_admin', scopeId: 2 }]),
  coordinator1: actor('coordinator', [{ role: 'network_coordinator', scopeId: 1 }]),
  platformEditor: actor('peditor', [{ role: 'platform_editor', scopeId: null }]),
  moderator: actor('moderator', [{ role: 'platform_moderator', scopeId: null }]),
  admin: actor('admin', [{ role: 'platform_admin', scopeId: null }]),
};

const PLATFORM_MODERATORS = ['moderator', 'admin'];

const MATRIX: Matrix = {
  'text.flag': {
    subjects: { any: () => null },
    allowed: {
      any: ['citizen', 'editor1', 'muniAdmin1', 'muniAdmin2', 'coordinator1', 'platformEditor', 'moderator', 'admin'],
    },
  },
  'queue.view': {
    subjects: { any: () => null },
    allowed: { any: ['editor1', 'muniAdmin1', 'muniAdmin2', 'coordinator1', 'platformEditor', ...PLATFORM_MODERATORS] },
  },
  'text.moderate': {
    subjects: {
      town1: () => ({ owner_type: 'municipality', owner_id: 1 }),
      town2: () => ({ owner_type: 'municipality', owner_id: 2 }),
      network1: () => ({ owner_type: 'network', owner_id: 1 }),
      platform: () => ({ owner_type: 'platform', owner_id: null }),
    },
    allowed: {
      town1: ['editor1', 'muniAdmin1', ...PLATFORM_MODERATORS],
      town2: ['muniAdmin2', ...PLATFORM_MODERATORS],
      network1: ['coordinator1', ...PLATFORM_MODERATORS],
      platform: ['platformEditor', ...PLATFORM_MODERATORS],
    },
  },
  'account.block': {
    subjects: { any: () => null },
    allowed: { any: PLATFORM_MODERATORS },
  },
};

policyMatrix('moderation', moderationPolicy, ACTORS, MATRIX);

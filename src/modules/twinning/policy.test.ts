import { testActor as actor, type Matrix, policyMatrix } from '../../../test/policy.ts';
import { registerPortalScopes } from '../../../test/scopes.ts';
import type { Actor } from '../../core/authz.ts';
import { twinningPolicy } from './policy.ts';

registerPortalScopes();

const ACTORS: Record<string, Actor | null> = {
  anonymous: null,
  citizen: actor('citizen'),
  editor1: actor('editor', [{ role: 'municipality_editor', scopeId: 1 }]),
  admin1: actor('admin1', [{ role: 'municipality_admin', scopeId: 1 }]),
  unconfirmedAdmin1: actor('unadmin1', [{ role: 'municipality_admin', scopeId: 1 }], false),
  admin2: actor('admin2', [{ role: 'municipality_admin', scopeId: 2 }]),
  admin3: actor('admin3', [{ role: 'municipality_admin', scopeId: 3 }]),
  coordinator1: actor('coordinator', [{ role: 'network_coordinator', scopeId: 1 }]),
  platformAdmin: actor('padmin', [{ role: 'platform_admin', scopeId: null }]),
  platformEditor: actor('peditor', [{ role: 'platform_editor', scopeId: null }]),
  unconfirmedPlatformEditor: actor('unpeditor', [{ role: 'platform_editor', scopeId: null }], false),
  platformModerator: actor('pmoderator', [{ role: 'platform_moderator', scopeId: null }]),
};

/** Town 1 proposed to town 2. */
const PAIR = () => ({ proposer_id: 1, partner_id: 2 });

const MATRIX: Matrix = {
  'twinning.propose': {
    subjects: { town1: () => ({ id: 1 }), town2: () => ({ id: 2 }) },
    allowed: { town1: ['editor1', 'admin1'], town2: ['admin2'] },
  },
  'twinning.decide': { subjects: { pair: PAIR }, allowed: { pair: ['admin2'] } },
  'twinning.end': { subjects: { pair: PAIR }, allowed: { pair: ['editor1', 'admin1', 'admin2'] } },
  'twinning.record': { subjects: { portal: () => null }, allowed: { portal: ['platformAdmin', 'platformEditor'] } },
  'twinning.view': { subjects: { pair: PAIR }, allowed: { pair: ['editor1', 'admin1', 'unconfirmedAdmin1', 'admin2', 'platformAdmin'] } },
};

policyMatrix('twinning', twinningPolicy, ACTORS, MATRIX);

import { testActor as actor, type Matrix, policyMatrix } from '../../../test/policy.ts';
import { registerPortalScopes } from '../../../test/scopes.ts';
import type { Actor } from '../../core/authz.ts';
import { awardsPolicy } from './policy.ts';

registerPortalScopes();

const ACTORS: Record<string, Actor | null> = {
  anonymous: null,
  citizen: actor('citizen'),
  unconfirmedCitizen: actor('unconfirmed-citizen', [], false),
  blockedCitizen: { ...actor('blocked-citizen-x'), blocked: true },
  editor1: actor('editor', [{ role: 'municipality_editor', scopeId: 1 }]),
  admin1: actor('admin1', [{ role: 'municipality_admin', scopeId: 1 }]),
  admin2: actor('admin2-', [{ role: 'municipality_admin', scopeId: 2 }]),
  coordinator1: actor('coordinator', [{ role: 'network_coordinator', scopeId: 1 }]),
  platformModerator: actor('pmoderator', [{ role: 'platform_moderator', scopeId: null }]),
  platformEditor: actor('peditor', [{ role: 'platform_editor', scopeId: null }]),
  platformAdmin: actor('padmin', [{ role: 'platform_admin', scopeId: null }]),
  unconfirmedPlatformEditor: actor('unpeditor', [{ role: 'platform_editor', scopeId: null }], false),
  chair1: actor('chair', [{ role: 'award_jury_chair', scopeId: 1 }]),
  juror: actor('juror', [{ role: 'award_juror', scopeId: 1 }]),
  otherJuror: actor('juror2', [{ role: 'award_juror', scopeId: 2 }]),
  unconfirmedJuror: actor('juror3', [{ role: 'award_juror', scopeId: 1 }], false),
};

const EDITORS = { subjects: { platform: () => null }, allowed: { platform: ['platformEditor', 'platformAdmin'] } };
const PEOPLE = [
  'citizen',
  'editor1',
  'admin1',
  'admin2',
  'coordinator1',
  'platformModerator',
  'platformEditor',
  'platformAdmin',
  'chair1',
  'juror',
  'otherJuror',
];

const MATRIX: Matrix = {
  'award.edit': EDITORS,
  'award.audit': EDITORS,
  'award.nominate': { subjects: { platform: () => null }, allowed: { platform: PEOPLE } },
  'award.vote': { subjects: { platform: () => null }, allowed: { platform: PEOPLE } },
  'nomination.material': {
    subjects: { town1: () => ({ municipality_id: 1 }), town2: () => ({ municipality_id: 2 }) },
    allowed: { town1: ['editor1', 'admin1'], town2: ['admin2'] },
  },
  'award.score': {
    subjects: {
      edition1: () => ({ id: 1 }),
      edition2: () => ({ id: 2 }),
      edition3: () => ({ id: 3 }),
    },
    allowed: { edition1: ['chair1', 'juror'], edition2: ['otherJuror'], edition3: [] },
  },
};

policyMatrix('awards', awardsPolicy, ACTORS, MATRIX);

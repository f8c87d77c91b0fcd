import { testActor as actor, type Matrix, policyMatrix } from '../../../test/policy.ts';
import { registerPortalScopes } from '../../../test/scopes.ts';
import type { Actor } from '../../core/authz.ts';
import { signalsPolicy } from './policy.ts';

registerPortalScopes();

const blocked = (a: Actor): Actor => ({ ...a, blocked: true });
const citizen = actor('citizen');

const ACTORS: Record<string, Actor | null> = {
  anonymous: null,
  citizen,
  author: { ...actor('author'), id: 77 },
  blockedAuthor: blocked({ ...actor('bauthor'), id: 78 }),
  blockedCitizen: blocked(actor('bcitizen')),
  unconfirmedCitizen: actor('uncitizen', [], false),
  editor1: actor('editor1', [{ role: 'municipality_editor', scopeId: 1 }]),
  admin1: actor('admin1', [{ role: 'municipality_admin', scopeId: 1 }]),
  blockedAdmin1: blocked(actor('badmin1', [{ role: 'municipality_admin', scopeId: 1 }])),
  unconfirmedAdmin1: actor('unadmin1', [{ role: 'municipality_admin', scopeId: 1 }], false),
  admin2: actor('admin2', [{ role: 'municipality_admin', scopeId: 2 }]),
  coordinator1: actor('coordinator', [{ role: 'network_coordinator', scopeId: 1 }]),
  platformAdmin: actor('padmin', [{ role: 'platform_admin', scopeId: null }]),
  platformEditor: actor('peditor', [{ role: 'platform_editor', scopeId: null }]),
  platformModerator: actor('pmoderator', [{ role: 'platform_moderator', scopeId: null }]),
};

const everyone = Object.keys(ACTORS);
const STAFF1 = ['editor1', 'admin1', 'platformAdmin'];
/** A report in town 1 by person 77, public or waiting for its mailed link. */
const report =
  (confirmed: number, hidden = 0) =>
  () => ({ municipality_id: 1, author_id: 77, confirmed, hidden });
const TOWN1 = () => ({ municipality_id: 1 });

const MATRIX: Matrix = {
  'signal.create': {
    subjects: { town1: TOWN1 },
    allowed: { town1: everyone.filter((a) => !['blockedAuthor', 'blockedCitizen', 'blockedAdmin1'].includes(a)) },
  },
  'signal.view': {
    subjects: { public: report(1), waiting: report(0), hidden: report(1, 1) },
    allowed: { public: everyone, waiting: ['author', ...STAFF1], hidden: ['author', ...STAFF1] },
  },
  'signal.private': { subjects: { town1: TOWN1 }, allowed: { town1: STAFF1 } },
  'signal.manage': { subjects: { town1: TOWN1 }, allowed: { town1: STAFF1 } },
  'signal.settle': { subjects: { public: report(1), waiting: report(0) }, allowed: { public: ['author'], waiting: [] } },
  'signal.me_too': {
    subjects: { public: report(1), waiting: report(0) },
    allowed: {
      public: ['citizen', 'editor1', 'admin1', 'admin2', 'coordinator1', 'platformAdmin', 'platformEditor', 'platformModerator'],
      waiting: [],
    },
  },
  'category.manage': { subjects: { town1: TOWN1 }, allowed: { town1: STAFF1 } },
  'boundary.manage': { subjects: { town1: TOWN1 }, allowed: { town1: STAFF1 } },
  'signal.moderate': { subjects: { town1: TOWN1 }, allowed: { town1: [...STAFF1, 'platformModerator'] } },
  'apikey.manage': { subjects: { portal: () => null }, allowed: { portal: ['platformAdmin'] } },
};

policyMatrix('signals', signalsPolicy, ACTORS, MATRIX);

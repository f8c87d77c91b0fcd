import { testActor as actor, type Matrix, policyMatrix } from '../../../test/policy.ts';
import { registerPortalScopes } from '../../../test/scopes.ts';
import type { Actor } from '../../core/authz.ts';
import { contactPolicy } from './policy.ts';

registerPortalScopes();

const blocked = (a: Actor): Actor => ({ ...a, blocked: true });

const ACTORS: Record<string, Actor | null> = {
  anonymous: null,
  citizen: actor('citizen'),
  sender: { ...actor('sender'), id: 77, email: 'sender@example.eu' },
  sameAddress: { ...actor('same'), id: 78, email: 'Sender@Example.eu' },
  sameAddressUnconfirmed: { ...actor('sameun', [], false), id: 79, email: 'sender@example.eu' },
  blockedSender: blocked({ ...actor('bsender'), id: 77, email: 'sender@example.eu' }),
  editor1: actor('editor1', [{ role: 'municipality_editor', scopeId: 1 }]),
  admin1: actor('admin1', [{ role: 'municipality_admin', scopeId: 1 }]),
  blockedAdmin1: blocked(actor('badmin1', [{ role: 'municipality_admin', scopeId: 1 }])),
  unconfirmedAdmin1: actor('unadmin1', [{ role: 'municipality_admin', scopeId: 1 }], false),
  admin2: actor('admin2', [{ role: 'municipality_admin', scopeId: 2 }]),
  coordinator1: actor('coordinator', [{ role: 'network_coordinator', scopeId: 1 }]),
  platformAdmin: actor('padmin', [{ role: 'platform_admin', scopeId: null }]),
  platformModerator: actor('pmoderator', [{ role: 'platform_moderator', scopeId: null }]),
};

const everyone = Object.keys(ACTORS);
const STAFF1 = ['editor1', 'admin1'];
const BLOCKED = ['blockedSender', 'blockedAdmin1'];
const enquiry =
  (confirmed: number, state = 'new') =>
  () => ({ municipality_id: 1, author_id: 77, email: 'sender@example.eu', confirmed, state });

const MATRIX: Matrix = {
  'enquiry.send': {
    subjects: { joined: () => ({ municipality_id: 1, joined: true }), listedOnly: () => ({ municipality_id: 1, joined: false }) },
    allowed: { joined: everyone.filter((a) => !BLOCKED.includes(a)), listedOnly: [] },
  },
  'enquiry.manage': { subjects: { town1: () => ({ municipality_id: 1 }) }, allowed: { town1: STAFF1 } },
  'topics.manage': { subjects: { town1: () => ({ municipality_id: 1 }) }, allowed: { town1: STAFF1 } },
  'thread.read': {
    subjects: { confirmed: enquiry(1), waiting: enquiry(0), closed: enquiry(1, 'closed') },
    allowed: { confirmed: ['sender', 'sameAddress'], waiting: [], closed: ['sender', 'sameAddress'] },
  },
  'thread.reply': {
    subjects: { confirmed: enquiry(1), answered: enquiry(1, 'answered'), waiting: enquiry(0), closed: enquiry(1, 'closed') },
    allowed: { confirmed: ['sender', 'sameAddress'], answered: ['sender', 'sameAddress'], waiting: [], closed: [] },
  },
};

policyMatrix('contact', contactPolicy, ACTORS, MATRIX);

import { testActor as actor, type Matrix, policyMatrix } from '../../../test/policy.ts';
import { registerPortalScopes } from '../../../test/scopes.ts';
import type { Actor } from '../../core/authz.ts';
import { type ProcessRef, participationPolicy } from './policy.ts';
import { PHASE_ACTIONS, type PhaseAction } from './schema.ts';

registerPortalScopes();

// Each actor's id is its name's length (testActor): the names differ in length where ids must differ.
const ACTORS: Record<string, Actor | null> = {
  anonymous: null,
  citizen: actor('citizen'),
  unconfirmed: actor('unconfirmed', [], false),
  blocked: { ...actor('blocked-person'), blocked: true },
  staff1: actor('staff-1', [{ role: 'municipality_editor', scopeId: 1 }]),
  townAdmin1: actor('town-admin-1', [{ role: 'municipality_admin', scopeId: 1 }]),
  unconfirmedStaff1: actor('unconfirmed-staff-1', [{ role: 'municipality_admin', scopeId: 1 }], false),
  blockedStaff1: { ...actor('blocked-staff-one-1', [{ role: 'municipality_editor', scopeId: 1 }]), blocked: true },
  staff2: actor('staff-2-other', [{ role: 'municipality_editor', scopeId: 2 }]),
  coordinator1: actor('network-coordinator-1', [{ role: 'network_coordinator', scopeId: 1 }]),
  orgRep: actor('organisation-rep', [{ role: 'organisation_representative', scopeId: 1 }]),
  moderator: actor('platform-moderator-x', [{ role: 'platform_moderator', scopeId: null }]),
  admin: actor('platform-administrator', [{ role: 'platform_admin', scopeId: null }]),
};
const ALL = Object.keys(ACTORS);
/** Confirmed people whose accounts are not blocked: everyone who may take part. */
const PEOPLE = ['citizen', 'staff1', 'townAdmin1', 'staff2', 'coordinator1', 'orgRep', 'moderator', 'admin'];
/** Staff of town 1 (its writers), and the platform's administrators, who write for every owner. */
const TOWN1 = ['staff1', 'townAdmin1', 'admin'];
const TOWN2 = ['staff2', 'admin'];
const NETWORK1 = ['coordinator1', 'admin'];

const town = (id: number) => ({ owner_type: 'municipality', owner_id: id });
const NETWORK = { owner_type: 'network', owner_id: 1 };
const process = (owner: { owner_type: string; owner_id: number }, actions: readonly PhaseAction[], published = 1): ProcessRef => ({
  ...owner,
  published,
  actions,
});
/** Processes by the phase running: one allowing everything, one allowing only `action`, one allowing nothing, a draft. */
const phases = (action: PhaseAction) => ({
  open1: () => process(town(1), PHASE_ACTIONS),
  only1: () => process(town(1), [action]),
  others1: () =>
    process(
      town(1),
      PHASE_ACTIONS.filter((a) => a !== action),
    ),
  none1: () => process(town(1), []),
  draft1: () => process(town(1), PHASE_ACTIONS, 0),
  open2: () => process(town(2), PHASE_ACTIONS),
  network1: () => process(NETWORK, PHASE_ACTIONS),
});
/** A rule for everyone who may take part, while a phase allows the action. */
const takingPart = (action: PhaseAction) => ({
  subjects: phases(action),
  allowed: { open1: PEOPLE, only1: PEOPLE, others1: [], none1: [], draft1: [], open2: PEOPLE, network1: PEOPLE },
});
/** A rule for the owner's staff, in any phase. */
const staffRule = (subjects: Record<string, () => unknown>, allowed: Record<string, string[]>) => ({ subjects, allowed });
const owners = { town1: () => town(1), town2: () => town(2), network1: () => NETWORK };
// A blocked staff account keeps its role on record but acts for nobody until it is unblocked.
const ownerStaff = { town1: TOWN1, town2: TOWN2, network1: NETWORK1 };
const processStaff = staffRule(phases('propose'), {
  open1: TOWN1,
  only1: TOWN1,
  others1: TOWN1,
  none1: TOWN1,
  draft1: TOWN1,
  open2: TOWN2,
  network1: NETWORK1,
});
/** Something written by the person trying, or by someone else, in a process of town 1. */
const authored = (actions: readonly PhaseAction[]) => (who: string) => ({
  author_id: ACTORS[who]?.id ?? -1,
  process: process(town(1), actions),
});

const MATRIX: Matrix = {
  'process.manage': staffRule(owners, ownerStaff),
  'process.view': {
    subjects: phases('propose'),
    allowed: { open1: ALL, only1: ALL, others1: ALL, none1: ALL, draft1: TOWN1, open2: ALL, network1: ALL },
  },
  'proposal.create': takingPart('propose'),
  'proposal.edit': {
    subjects: {
      ownWhileProposing: authored(['propose']),
      ownAfterwards: authored(['support', 'comment']),
      someoneElses: () => ({ author_id: 99, process: process(town(1), PHASE_ACTIONS) }),
      ownInDraft: (who) => ({ ...authored(PHASE_ACTIONS)(who), process: process(town(1), PHASE_ACTIONS, 0) }),
    },
    allowed: { ownWhileProposing: PEOPLE, ownAfterwards: [], someoneElses: [], ownInDraft: [] },
  },
  'proposal.support': takingPart('support'),
  'proposal.answer': processStaff,
  'result.manage': processStaff,
  'debate.create': {
    subjects: phases('debate'),
    allowed: {
      open1: [...new Set([...PEOPLE, ...TOWN1])],
      only1: [...new Set([...PEOPLE, ...TOWN1])],
      others1: TOWN1,
      none1: TOWN1,
      draft1: TOWN1,
      open2: PEOPLE,
      network1: PEOPLE,
    },
  },
  'debate.close': staffRule(owners, ownerStaff),
  'comment.create': takingPart('comment'),
  'comment.official': staffRule(owners, ownerStaff),
  'comment.edit': {
    subjects: { own: (who) => ({ author_id: ACTORS[who]?.id ?? -1 }), someoneElses: () => ({ author_id: 99 }) },
    allowed: { own: PEOPLE, someoneElses: [] },
  },
  'text.flag': {
    subjects: owners,
    allowed: { town1: PEOPLE, town2: PEOPLE, network1: PEOPLE },
  },
  'text.moderate': {
    subjects: owners,
    allowed: {
      town1: ['moderator', ...TOWN1],
      town2: ['moderator', ...TOWN2],
      network1: ['moderator', ...NETWORK1],
    },
  },
};

policyMatrix('participation', participationPolicy, ACTORS, MATRIX);

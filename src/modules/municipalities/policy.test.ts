import { testActor as actor, type Matrix, policyMatrix } from '../../../test/policy.ts';
import type { Actor } from '../../core/authz.ts';
import { municipalitiesPolicy } from './policy.ts';

const ACTORS: Record<string, Actor | null> = {
  anonymous: null,
  unconfirmed: actor('unconfirmed', [], false),
  citizen: actor('citizen'),
  editor1: actor('editor', [{ role: 'municipality_editor', scopeId: 1 }]),
  admin1: actor('admin', [{ role: 'municipality_admin', scopeId: 1 }]),
  coordinator1: actor('coordinator', [{ role: 'network_coordinator', scopeId: 1 }]),
  moderator: actor('moderator', [{ role: 'platform_moderator', scopeId: null }]),
  platformAdmin: actor('platformadmin', [{ role: 'platform_admin', scopeId: null }]),
};
const CONFIRMED = ['citizen', 'editor1', 'admin1', 'coordinator1', 'moderator', 'platformAdmin'];

const MATRIX: Matrix = {
  'municipality.claim': {
    subjects: {
      notJoined: () => ({ id: 1, joined_at: null }),
      joined: () => ({ id: 1, joined_at: '2026-11-21T00:00:00.000Z' }),
    },
    allowed: { notJoined: CONFIRMED, joined: [] },
  },
  'municipality.propose': { subjects: { none: () => null }, allowed: { none: CONFIRMED } },
  'municipality.edit': {
    subjects: { m1: () => ({ id: 1 }), m2: () => ({ id: 2 }) },
    allowed: { m1: ['editor1', 'admin1', 'platformAdmin'], m2: ['platformAdmin'] },
  },
  'claims.review': { subjects: { none: () => null }, allowed: { none: ['platformAdmin'] } },
};

policyMatrix('municipalities', municipalitiesPolicy, ACTORS, MATRIX);

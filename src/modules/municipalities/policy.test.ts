import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor, Grant } from '../../core/authz.ts';
import { municipalitiesPolicy } from './policy.ts';

const actor = (name: string, grants: Grant[] = [], confirmed = true): Actor => ({ id: name.length, name, email: `${name}@example.eu`, language: 'en', confirmed, grants });

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

const MATRIX: Record<string, { subjects: Record<string, unknown>; allowed: Record<string, string[]> }> = {
  'municipality.claim': { subjects: { notJoined: { id: 1, joined_at: null }, joined: { id: 1, joined_at: '2026-11-21T00:00:00.000Z' } }, allowed: { notJoined: CONFIRMED, joined: [] } },
  'municipality.propose': { subjects: { none: null }, allowed: { none: CONFIRMED } },
  'municipality.edit': { subjects: { m1: { id: 1 }, m2: { id: 2 } }, allowed: { m1: ['editor1', 'admin1', 'platformAdmin'], m2: ['platformAdmin'] } },
  'claims.review': { subjects: { none: null }, allowed: { none: ['platformAdmin'] } },
};

test('the municipalities policy matrix covers every action', () => {
  assert.deepEqual(Object.keys(MATRIX).sort(), [...municipalitiesPolicy.actions].sort());
});

for (const action of municipalitiesPolicy.actions) {
  test(`policy: ${action} for every role and scope`, () => {
    const spec = MATRIX[action]!;
    for (const [subjectName, subject] of Object.entries(spec.subjects)) {
      for (const [who, a] of Object.entries(ACTORS)) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        assert.equal(municipalitiesPolicy.can(a, action, subject as any), spec.allowed[subjectName]!.includes(who), `${who} ${action} ${subjectName}`);
      }
    }
  });
}

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor, Grant } from '../src/core/authz.ts';

/** A person as the policy sees them; unconfirmed when `confirmed` is false. */
export const testActor = (name: string, grants: Grant[] = [], confirmed = true): Actor => ({
  id: name.length,
  name,
  email: `${name}@example.eu`,
  language: 'en',
  confirmed,
  grants,
});

/** Subjects by name, each made for the person trying (some subjects are the person's own). */
export type Subjects = Record<string, (who: string) => unknown>;
export type Matrix = Record<string, { subjects: Subjects; allowed: Record<string, string[]> }>;

interface Policy {
  actions: string[];
  // biome-ignore lint/suspicious/noExplicitAny: the matrix drives every module's policy, each with its own actions and subjects
  can(actor: Actor | null, action: any, subject: any): boolean;
}

/**
 * One test that the matrix names every action of the policy, and one per action that tries every
 * person on every subject: those listed are allowed, everyone else refused.
 */
export function policyMatrix(module: string, policy: Policy, actors: Record<string, Actor | null>, matrix: Matrix): void {
  test(`the ${module} policy matrix covers every action`, () => {
    assert.deepEqual(Object.keys(matrix).sort(), [...policy.actions].sort());
  });
  for (const action of policy.actions) {
    test(`policy: ${action} for every role and subject`, () => {
      const spec = matrix[action]!;
      for (const [subjectName, subject] of Object.entries(spec.subjects)) {
        for (const [who, a] of Object.entries(actors)) {
          assert.equal(policy.can(a, action, subject(who)), spec.allowed[subjectName]!.includes(who), `${who} ${action} ${subjectName}`);
        }
      }
    });
  }
}

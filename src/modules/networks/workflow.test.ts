import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MEMBERSHIP_STATES, type MembershipState } from './schema.ts';
import { nextState, STEP_NAMES, type StepName, stepsFrom } from './service/workflow.ts';

/** The whole table: from each state, the steps allowed and where they lead. Anything else is refused. */
const ALLOWED: Record<MembershipState, Partial<Record<StepName, MembershipState>>> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { findEligible: 'eligible', refuse: 'refused', withdraw: 'withdrawn' },
  eligible: { sendCommitment: 'commitment_pending', withdraw: 'withdrawn' },
  refused: {},
  commitment_pending: { acceptCommitment: 'active', returnCommitment: 'eligible', withdraw: 'withdrawn' },
  active: { fallOverdue: 'report_overdue', acceptReport: 'active', extend: 'active', withdraw: 'withdrawn', end: 'ended' },
  report_overdue: { putOnHold: 'on_hold', acceptReport: 'active', extend: 'active', withdraw: 'withdrawn', end: 'ended' },
  on_hold: { acceptReport: 'active', withdraw: 'withdrawn', end: 'ended' },
  withdrawn: {},
  ended: {},
};

test('the workflow allows exactly the steps of the table from each state, and refuses every other', () => {
  for (const state of MEMBERSHIP_STATES) {
    for (const step of STEP_NAMES) {
      assert.equal(nextState(state, step), ALLOWED[state][step], `${step} from ${state}`);
    }
  }
});

test('each side is offered only its own steps: the clock’s are nobody’s to press', () => {
  assert.deepEqual(stepsFrom('submitted', 'coordinator'), ['findEligible', 'refuse']);
  assert.deepEqual(stepsFrom('submitted', 'member'), ['withdraw']);
  assert.deepEqual(stepsFrom('active', 'clock'), ['fallOverdue']);
  assert.deepEqual(stepsFrom('report_overdue', 'member'), ['extend', 'withdraw']);
  assert.deepEqual(stepsFrom('refused', 'member'), []);
  assert.deepEqual(stepsFrom('ended', 'coordinator'), []);
});

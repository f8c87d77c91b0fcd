import type { MembershipState } from '../schema.ts';

/** Who takes a step: the member's staff, the network's coordinators, or the job runner on a deadline. */
export type Side = 'member' | 'coordinator' | 'clock';

interface Step {
  from: readonly MembershipState[];
  to: MembershipState;
  by: Side;
  /** A refusal, a return or an end says why; the member is told. */
  needsReason?: boolean;
}

const UNDER_WAY: readonly MembershipState[] = ['active', 'report_overdue', 'on_hold'];

/** Every step a membership can take, and nothing else. */
export const STEPS = {
  submit: { from: ['draft'], to: 'submitted', by: 'member' },
  findEligible: { from: ['submitted'], to: 'eligible', by: 'coordinator' },
  refuse: { from: ['submitted'], to: 'refused', by: 'coordinator', needsReason: true },
  sendCommitment: { from: ['eligible'], to: 'commitment_pending', by: 'member' },
  acceptCommitment: { from: ['commitment_pending'], to: 'active', by: 'coordinator' },
  returnCommitment: { from: ['commitment_pending'], to: 'eligible', by: 'coordinator', needsReason: true },
  fallOverdue: { from: ['active'], to: 'report_overdue', by: 'clock' },
  putOnHold: { from: ['report_overdue'], to: 'on_hold', by: 'clock' },
  acceptReport: { from: UNDER_WAY, to: 'active', by: 'coordinator' },
  extend: { from: ['active', 'report_overdue'], to: 'active', by: 'member' },
  withdraw: { from: ['draft', 'submitted', 'eligible', 'commitment_pending', ...UNDER_WAY], to: 'withdrawn', by: 'member' },
  end: { from: UNDER_WAY, to: 'ended', by: 'coordinator', needsReason: true },
} as const satisfies Record<string, Step>;

export type StepName = keyof typeof STEPS;
export const STEP_NAMES = Object.keys(STEPS) as StepName[];

/** The state a step leads to from `state`, or undefined when the step is not allowed there. */
export function nextState(state: MembershipState, step: StepName): MembershipState | undefined {
  const s: Step = STEPS[step];
  return s.from.includes(state) ? s.to : undefined;
}

/** The steps a side may take from a state, for the buttons a page shows. */
export const stepsFrom = (state: MembershipState, by: Side): StepName[] =>
  STEP_NAMES.filter((name) => STEPS[name].by === by && nextState(state, name) !== undefined);

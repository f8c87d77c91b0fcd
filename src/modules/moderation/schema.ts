import type { Generated, Selectable } from 'kysely';
import { z } from 'zod';
import { MAX_ID, text } from '../../core/http/input.ts';

/** Why a person reports a text. */
export const FLAG_REASONS = ['spam', 'offensive', 'off_topic', 'personal_data'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

/**
 * Where a text stands: reported by fewer people than the threshold (still shown), hidden pending
 * review once it reached it, hidden by a moderator, or shown again by one.
 */
export const ITEM_STATES = ['flagged', 'pending', 'hidden', 'restored'] as const;
export type ItemState = (typeof ITEM_STATES)[number];
/** The states in which moderation keeps a text hidden. */
export const HIDDEN_STATES: readonly ItemState[] = ['pending', 'hidden'];

/** What was decided: held (hidden by the flags), hidden or restored by a moderator; an account blocked or unblocked. */
export type DecisionAction = 'held' | 'hide' | 'restore' | 'block' | 'unblock';

export interface ModerationItemRow {
  id: Generated<number>;
  text_type: string;
  text_id: number;
  /** Whose text it is (the owner of its process or debate): its staff moderate it. */
  owner_type: string;
  owner_id: number | null;
  author_id: number | null;
  state: ItemState;
  flags_count: number;
  created_at: string;
  /** When it was last flagged or decided: the queue's order. */
  updated_at: string;
}

export interface ModerationFlagRow {
  id: Generated<number>;
  item_id: number;
  user_id: number;
  reason: FlagReason;
  created_at: string;
}

export interface ModerationDecisionRow {
  id: Generated<number>;
  /** The text decided on; null for a decision on an account. */
  item_id: number | null;
  /** The account blocked or unblocked; null for a decision on a text. */
  account_id: number | null;
  action: DecisionAction;
  reason: string | null;
  /** null when the flags decided. */
  actor_id: number | null;
  created_at: string;
}

export interface ModerationHoldRow {
  text_type: string;
  text_id: number;
  user_id: number;
}

export type ModerationItem = Selectable<ModerationItemRow>;
export type ModerationDecision = Selectable<ModerationDecisionRow>;

declare module '../../core/db/tables.ts' {
  interface Tables {
    moderation_items: ModerationItemRow;
    moderation_flags: ModerationFlagRow;
    moderation_decisions: ModerationDecisionRow;
    moderation_holds: ModerationHoldRow;
  }
}

export const REASON_MAX = 500;
/** A page of this portal to go back to after reporting: never another site. */
export const BACK_PATH = /^\/(?![/\\])[\x21-\x7e]{0,300}$/;

const textType = z.string({ error: 'moderation.error.unknownText' }).regex(/^[a-z][a-z_-]{0,19}$/, 'moderation.error.unknownText');

export const flagInput = z.object({
  type: textType,
  id: z
    .string({ error: 'moderation.error.unknownText' })
    .regex(/^[1-9]\d{0,9}$/, 'moderation.error.unknownText')
    .transform(Number)
    .refine((n) => n <= MAX_ID, 'moderation.error.unknownText'),
  reason: z.enum(FLAG_REASONS, { error: 'moderation.flag.error.reason' }),
  back: z
    .string()
    .optional()
    .transform((v) => (v && BACK_PATH.test(v) && !v.includes('//') ? v : undefined)),
});

/** A moderator's reason for hiding, restoring, blocking or unblocking: required, shown on the entry. */
export const decisionInput = z.object({
  reason: text('moderation.error.reason').trim().min(1, 'moderation.error.reason').max(REASON_MAX, 'form.error.tooLong'),
});

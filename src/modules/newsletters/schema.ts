import type { Generated } from 'kysely';
import { z } from 'zod';
import { POLICY_AREAS, type PolicyArea } from '../../core/areas.ts';
import { text } from '../../core/http/input.ts';
import { isLanguage } from '../../core/i18n/languages.ts';

export type SubscriptionStatus = 'pending' | 'confirmed' | 'unsubscribed' | 'bounced';
export type IssueStatus = 'draft' | 'sending' | 'sent';

/** One address on one list: "platform" or "{scope type}:{id}", e.g. "municipality:12". */
export interface SubscriptionRow {
  id: Generated<number>;
  list: string;
  email: string;
  language: string;
  /** Policy areas the person wants, comma-separated; empty for everything the list sends. */
  topics: string;
  status: SubscriptionStatus;
  user_id: number | null;
  confirm_hash: string | null;
  confirm_expires_at: string | null;
  /** The secret of this person's unsubscribe link; it can do nothing else. */
  unsubscribe_key: string;
  created_at: string;
  confirmed_at: string | null;
  ended_at: string | null;
  bounce_reason: string | null;
}

export interface IssueRow {
  id: Generated<number>;
  list: string;
  subject: string;
  body: string;
  language: string;
  /** Policy areas it is about, comma-separated: sent to subscribers of those topics (and of none). */
  areas: string;
  status: IssueStatus;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  sent_by: number | null;
  recipients: Generated<number>;
  /** The last subscription queued, so that sending goes on in batches and survives a restart. */
  cursor: Generated<number>;
}

declare module '../../core/db/tables.ts' {
  interface Tables {
    newsletter_subscriptions: SubscriptionRow;
    newsletter_issues: IssueRow;
  }
}

export type Subscription = Omit<SubscriptionRow, 'id'> & { id: number };
export type Issue = Omit<IssueRow, 'id' | 'recipients' | 'cursor'> & { id: number; recipients: number; cursor: number };

export const LIMITS = { email: 254, subject: 150, body: 50_000 } as const;

const areaList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .refine((v) => v.every((a) => POLICY_AREAS.includes(a as PolicyArea)), 'form.error.choose')
  .transform((v) => [...new Set(v)] as PolicyArea[]);

export const subscribeInput = z.object({
  email: text().trim().min(1, 'form.error.required').max(LIMITS.email, 'form.error.tooLong').pipe(z.email('form.error.email')),
  topics: areaList,
});
export type SubscribeInput = z.infer<typeof subscribeInput>;

export const issueInput = z.object({
  subject: text().trim().min(1, 'form.error.required').max(LIMITS.subject, 'form.error.tooLong'),
  body: text().trim().min(1, 'form.error.required').max(LIMITS.body, 'form.error.tooLong'),
  language: z.string({ error: 'form.error.choose' }).refine(isLanguage, 'form.error.choose'),
  areas: areaList,
});
export type IssueInput = z.infer<typeof issueInput>;

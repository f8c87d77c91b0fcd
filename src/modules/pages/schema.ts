import type { Generated } from 'kysely';
import { z } from 'zod';
import { text, urlField } from '../../core/http/input.ts';

export const CONTACT_TOPICS = ['general', 'accessibility', 'joining', 'privacy'] as const;
export type ContactTopic = (typeof CONTACT_TOPICS)[number];

export interface ContactMessageRow {
  id: Generated<number>;
  topic: ContactTopic;
  name: string;
  email: string;
  page_url: string | null;
  message: string;
  language: string;
  status: Generated<'new' | 'handled'>;
  created_at: string;
}

declare module '../../core/db/tables.ts' {
  interface Tables {
    contact_messages: ContactMessageRow;
  }
}

export const LIMITS = { name: 120, email: 254, pageUrl: 500, message: 5000 } as const;

// Messages are message keys; the form translates them.
export const contactInput = z.object({
  topic: z.enum(CONTACT_TOPICS, { error: 'form.error.choose' }),
  name: text().trim().min(1, 'form.error.required').max(LIMITS.name, 'form.error.tooLong'),
  email: text().trim().min(1, 'form.error.required').max(LIMITS.email, 'form.error.tooLong').pipe(z.email('form.error.email')),
  page_url: urlField(LIMITS.pageUrl),
  message: text().trim().min(1, 'form.error.required').max(LIMITS.message, 'form.error.tooLong'),
});
export type ContactInput = z.infer<typeof contactInput>;

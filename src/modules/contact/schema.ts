import type { Generated, Selectable } from 'kysely';
import { z } from 'zod';
import { text } from '../../core/http/input.ts';

/** Where an enquiry stands in the town hall's inbox. */
export const ENQUIRY_STATES = ['new', 'in_progress', 'answered', 'closed'] as const;
export type EnquiryState = (typeof ENQUIRY_STATES)[number];

export interface ContactSettingsRow {
  municipality_id: number;
  response_days: number;
  updated_at: string;
}

export interface ContactTopicRow {
  id: Generated<number>;
  municipality_id: number;
  name: string;
  department: string;
  email: string;
  created_at: string;
  updated_at: string;
}

export interface ContactCounterRow {
  municipality_id: number;
  year: number;
  last: number;
}

export interface ContactEnquiryRow {
  id: Generated<number>;
  municipality_id: number;
  topic_id: number | null;
  topic_name: string;
  department_email: string | null;
  reference: string | null;
  author_id: number | null;
  name: string;
  email: string;
  phone: string | null;
  language: string;
  body: string;
  file: string | null;
  file_name: string | null;
  state: Generated<EnquiryState>;
  confirmed: Generated<number>;
  confirm_hash: string | null;
  created_at: string;
  confirmed_at: string | null;
  answered_at: string | null;
  updated_at: string;
}

export interface ContactReplyRow {
  id: Generated<number>;
  enquiry_id: number;
  from_staff: number;
  author_id: number | null;
  body: string;
  created_at: string;
}

declare module '../../core/db/tables.ts' {
  interface Tables {
    contact_settings: ContactSettingsRow;
    contact_topics: ContactTopicRow;
    contact_counters: ContactCounterRow;
    contact_enquiries: ContactEnquiryRow;
    contact_replies: ContactReplyRow;
  }
}

export type Topic = Selectable<ContactTopicRow>;
export type Enquiry = Selectable<ContactEnquiryRow>;
export type Reply = Selectable<ContactReplyRow>;

export const LIMITS = { body: 5000, name: 150, email: 254, phone: 40, topic: 100, department: 150, reply: 5000 } as const;
/** The largest attachment: a scan or a few pages, not an archive. */
export const ATTACHMENT_LIMIT = 5 * 1024 * 1024;
export const FILE_FOLDER = 'contact';

const required = (max: number) => text().trim().min(1, 'form.error.required').max(max, 'form.error.tooLong');
const email = required(LIMITS.email).pipe(z.email('form.error.email'));
const PHONE = /^[+0-9 ()./-]{0,40}$/;

/** What a sender types; someone signed in writes under their account's address. */
export const sendInput = (signedIn: boolean) =>
  z.object({
    topic: z.string({ error: 'form.error.choose' }).regex(/^\d{1,10}$|^general$/, 'form.error.choose'),
    body: required(LIMITS.body),
    name: required(LIMITS.name),
    email: signedIn
      ? z
          .unknown()
          .optional()
          .transform(() => '')
      : email,
    phone: text()
      .trim()
      .max(LIMITS.phone, 'form.error.tooLong')
      .refine((v) => PHONE.test(v), 'townContact.error.phone')
      .optional()
      .default(''),
  });

export const topicInput = z.object({
  name: required(LIMITS.topic),
  department: required(LIMITS.department),
  email,
});

export const responseInput = z.object({
  response_days: z
    .string({ error: 'townContact.error.days' })
    .regex(/^\d{1,3}$/, 'townContact.error.days')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 90, 'townContact.error.days'),
});

export const replyInput = z.object({ body: required(LIMITS.reply) });

export const stateInput = z.object({ state: z.enum(ENQUIRY_STATES, { error: 'form.error.choose' }) });

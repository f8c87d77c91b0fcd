import type { Generated, Kysely } from 'kysely';
import type { Tables } from '../db/tables.ts';

export interface MailRow {
  id: Generated<number>;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  language: string;
  status: Generated<'pending' | 'sending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** Extra headers as JSON, e.g. a list's List-Unsubscribe. */
  headers: string | null;
  /** What the mail is for, e.g. "newsletter:12", so that a bounce can be recorded against it. */
  tag: string | null;
}

declare module '../db/tables.ts' {
  interface Tables {
    mail_outbox: MailRow;
  }
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  language: string;
  headers?: Record<string, string>;
  tag?: string;
}

/**
 * Puts a mail in the outbox. Call it in the same transaction as the change the mail is about:
 * then the mail exists exactly when the change does, and the sender delivers it later.
 */
export async function enqueueMail(db: Kysely<Tables>, mail: Mail, now = new Date()): Promise<number> {
  const row = await db
    .insertInto('mail_outbox')
    .values({
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html ?? null,
      language: mail.language,
      headers: mail.headers ? JSON.stringify(mail.headers) : null,
      tag: mail.tag ?? null,
      next_attempt_at: now.toISOString(),
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

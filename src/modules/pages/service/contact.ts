import type { Kysely } from 'kysely';
import type { Tables } from '../../../core/db/tables.ts';
import { validateForm } from '../../../core/http/forms.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { deleteContactMessagesFrom, insertContactMessage, listContactMessagesFrom } from '../repo.ts';
import { contactInput, LIMITS } from '../schema.ts';

export type ContactResult = { ok: true; id: number } | { ok: false; errors: FieldErrors };

/** Validates and keeps a message sent through the contact form. */
export async function sendContactMessage(db: Kysely<Tables>, body: unknown, language: string): Promise<ContactResult> {
  const form = validateForm(contactInput, body, {
    name: LIMITS.name,
    email: LIMITS.email,
    page_url: LIMITS.pageUrl,
    message: LIMITS.message,
  });
  if (!form.ok) return form;
  return { ok: true, id: await insertContactMessage(db, form.data, language, new Date()) };
}

/** The messages a person sent us, for their data download. */
export const contactMessagesFrom = listContactMessagesFrom;

/** Erases the messages a person sent us, when they delete their account. */
export const eraseContactMessagesFrom = deleteContactMessagesFrom;

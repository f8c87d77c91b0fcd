import type { Kysely } from 'kysely';
import type { Tables } from '../../core/db/tables.ts';
import type { FieldErrors } from '../../core/views/components.tsx';
import { insertContactMessage } from './repo.ts';
import { type ContactInput, contactInput, LIMITS } from './schema.ts';

export type ContactResult = { ok: true; id: number } | { ok: false; errors: FieldErrors };

const MAX_BY_FIELD: Record<string, number> = { name: LIMITS.name, email: LIMITS.email, page_url: LIMITS.pageUrl, message: LIMITS.message };

/** Validates and keeps a message sent through the contact form. */
export async function sendContactMessage(db: Kysely<Tables>, body: unknown, language: string): Promise<ContactResult> {
  const parsed = contactInput.safeParse(body ?? {});
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      errors[field] ??= { key: issue.message, values: { max: MAX_BY_FIELD[field] ?? 0 } };
    }
    return { ok: false, errors };
  }
  const id = await insertContactMessage(db, parsed.data satisfies ContactInput, language, new Date());
  return { ok: true, id };
}

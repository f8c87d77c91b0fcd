import type { Kysely } from 'kysely';
import type { Tables } from '../../../core/db/tables.ts';
import { findUserByEmail, insertUser } from '../repo.ts';

/**
 * A demo person's account, found by address or made confirmed and without a password: the demo
 * shows their name on what they wrote, and nobody signs in with it.
 */
export async function demoAccount(db: Kysely<Tables>, who: { name: string; email: string; language: string }): Promise<number> {
  const known = await findUserByEmail(db, who.email);
  if (known) return known.id;
  const at = new Date().toISOString();
  return insertUser(db, {
    ...who,
    password_hash: null,
    email_confirmed_at: at,
    terms_accepted_at: null,
    terms_version: null,
    created_at: at,
  });
}

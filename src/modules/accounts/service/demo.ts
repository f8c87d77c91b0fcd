import type { Kysely } from 'kysely';
import type { Tables } from '../../../core/db/tables.ts';
import { TERMS_VERSION } from '../../pages/index.ts';
import { findUserByEmail, insertUser } from '../repo.ts';

/**
 * People of the demo, who supported or wrote its content: confirmed accounts without a password,
 * so nobody can sign in as them. Found again by email when the demo runs again; their ids in order.
 */
export async function demoAccounts(db: Kysely<Tables>, people: { name: string; email: string; language: string }[]): Promise<number[]> {
  const ids: number[] = [];
  const at = new Date().toISOString();
  for (const p of people) {
    const found = await findUserByEmail(db, p.email);
    ids.push(
      found?.id ??
        (await insertUser(db, {
          ...p,
          password_hash: null,
          email_confirmed_at: at,
          terms_accepted_at: at,
          terms_version: TERMS_VERSION,
          created_at: at,
        })),
    );
  }
  return ids;
}

/** One demo person's account, found again by address or made as the others. */
export async function demoAccount(db: Kysely<Tables>, who: { name: string; email: string; language: string }): Promise<number> {
  return (await demoAccounts(db, [who]))[0]!;
}

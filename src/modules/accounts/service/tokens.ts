import type { Kysely } from 'kysely';
import type { Tables } from '../../../core/db/tables.ts';
import { newToken } from '../../../core/tokens.ts';
import { insertToken } from '../repo.ts';
import type { TokenPurpose } from '../schema.ts';
import { TOKEN_TTL_MS } from './limits.ts';

/**
 * A single-use token for a mailed link to this account, valid for its purpose's time (or `ttl`
 * milliseconds). Only its hash is stored; the token itself goes into the mail.
 */
export async function issueToken(
  db: Kysely<Tables>,
  userId: number,
  purpose: TokenPurpose,
  options: { payload?: string; ttl?: number } = {},
): Promise<string> {
  const { token, hash } = newToken();
  const now = Date.now();
  await insertToken(db, {
    user_id: userId,
    purpose,
    token_hash: hash,
    payload: options.payload ?? null,
    expires_at: new Date(now + (options.ttl ?? TOKEN_TTL_MS[purpose])).toISOString(),
    created_at: new Date(now).toISOString(),
  });
  return token;
}

import { z } from 'zod';
import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { Remembered } from '../../../core/cache.ts';
import { transaction } from '../../../core/db/client.ts';
import { text } from '../../../core/http/input.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { hashToken, newToken } from '../../../core/tokens.ts';
import * as open from '../repo/open311.ts';
import type { SignalApiKey } from '../schema.ts';

export const KEY_LIMITS = { name: 150, contact_email: 254 } as const;
export const KEY_FIELDS = ['name', 'contact_email'] as const;

/** The form that issues a key: the application's name and whom to write to about it. */
export const keyInput = z.object({
  name: text().trim().min(1, 'form.error.required').max(KEY_LIMITS.name, 'form.error.tooLong'),
  contact_email: text()
    .trim()
    .min(1, 'form.error.required')
    .max(KEY_LIMITS.contact_email, 'form.error.tooLong')
    .pipe(z.email('form.error.email')),
});
export type KeyInput = z.infer<typeof keyInput>;

/** Issues a key to an application: the key itself is returned once, only its hash is kept. */
export async function issueKey(ctx: ModuleContext, actor: Actor, input: KeyInput, ip?: string): Promise<{ id: number; key: string }> {
  const { token, hash } = newToken();
  const id = await transaction(ctx.database.db, async (db) => {
    const { id } = await open.insertKey(db, {
      name: input.name,
      contact_email: input.contact_email,
      key_hash: hash,
      created_by: actor.id,
      created_at: new Date().toISOString(),
      revoked_at: null,
      last_used_at: null,
    });
    await audit(
      db,
      actor,
      { action: 'signals.key.issue', subjectType: 'signal_api_key', subjectId: id, details: { name: input.name } },
      ip,
    );
    return id;
  });
  return { id, key: token };
}

/** Revokes a key for good; false when there is no such key or it was revoked already. */
export async function revokeKey(ctx: ModuleContext, actor: Actor, id: number, ip?: string): Promise<boolean> {
  return transaction(ctx.database.db, async (db) => {
    const done = await open.revokeKey(db, id, new Date().toISOString());
    if (!Number(done.numUpdatedRows)) return false;
    await audit(db, actor, { action: 'signals.key.revoke', subjectType: 'signal_api_key', subjectId: id }, ip);
    return true;
  });
}

export const listKeys = (ctx: ModuleContext): Promise<SignalApiKey[]> => open.allKeys(ctx.database.db);

// A client posts with the same key again and again; issuing, revoking or noting a use forgets it.
const keys = new Remembered<SignalApiKey | undefined>(60_000, 1000, ['signal_api_keys']);

/** The key a client sent, when it is one we issued and did not revoke; its use is noted once a minute at most. */
export async function keyOf(ctx: ModuleContext, key: string, now = new Date()): Promise<SignalApiKey | undefined> {
  const { db } = ctx.database;
  if (!key || key.length > 100) return undefined;
  const row = await keys.get(db, hashToken(key), async () => open.keyByHash(db, hashToken(key)));
  if (!row || row.revoked_at) return undefined;
  const since = new Date(now.getTime() - 60_000).toISOString();
  if (!row.last_used_at || row.last_used_at < since) await open.touchKey(db, row.id, now.toISOString(), since);
  return row;
}

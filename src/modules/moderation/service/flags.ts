import type { Actor } from '../../../core/authz.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { writeAllowed } from '../../../core/http/spam.tsx';
import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import { flagInput } from '../schema.ts';
import { findText, inTransaction, itemFields, setHidden } from './texts.ts';

export type FlagValues = { type?: string; id?: string; reason?: string; back?: string };

/**
 * A person reports a text. Each person counts once per text; the flag that reaches the threshold
 * hides the text until a moderator decides. The person learns nothing of the count.
 */
export async function flagText(ctx: ModuleContext, actor: Actor, body: unknown, now = new Date()): Promise<FormResult<{ back?: string }>> {
  const read = validateForm(flagInput, body);
  if (!read.ok) return read;
  const { type, id, reason, back } = read.data;
  const text = await findText(ctx, type, id);
  if (!text) return { ok: false, errors: { form: { key: 'moderation.error.unknownText' } } };
  const limited = await writeAllowed(ctx.database, actor, 'flag');
  if (limited) return limited;
  const at = now.toISOString();
  await inTransaction(ctx, async (ctx) => {
    const trx = ctx.database.db;
    const item = await repo.ensureItem(trx, itemFields(text), 'flagged', at);
    if (!(await repo.insertFlag(trx, item.id, actor.id, reason, at))) return;
    const count = await repo.countFlag(trx, item.id, at);
    // A text a moderator restored stays up: their decision stands over later flags.
    if (count < ctx.config.flagThreshold || !(await repo.setState(trx, item.id, 'pending', at, 'flagged'))) return;
    await repo.insertDecision(trx, { item_id: item.id, account_id: null, action: 'held', reason: null, actor_id: null }, at);
    await setHidden(ctx, [text], true);
  });
  return { ok: true, data: back ? { back } : {} };
}

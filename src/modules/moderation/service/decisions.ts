import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import { decisionInput, REASON_MAX } from '../schema.ts';
import { type FoundText, inTransaction, itemFields, setHidden } from './texts.ts';

/**
 * A moderator hides a text (flagged or not) or shows it again, with a reason that stays on the
 * entry. A text whose author is blocked stays hidden until the block is lifted.
 */
export async function decide(
  ctx: ModuleContext,
  actor: Actor,
  text: FoundText,
  action: 'hide' | 'restore',
  body: unknown,
  ip: string,
  now = new Date(),
): Promise<FormResult<{ reason: string }>> {
  const read = validateForm(decisionInput, body, { reason: REASON_MAX });
  if (!read.ok) return read;
  const { reason } = read.data;
  const at = now.toISOString();
  await inTransaction(ctx, async (ctx) => {
    const trx = ctx.database.db;
    const item = await repo.ensureItem(trx, itemFields(text), action === 'hide' ? 'hidden' : 'restored', at);
    await repo.setState(trx, item.id, action === 'hide' ? 'hidden' : 'restored', at);
    await repo.insertDecision(trx, { item_id: item.id, account_id: null, action, reason, actor_id: actor.id }, at);
    if (action === 'hide' || !(await repo.isHeld(trx, text.type, text.id))) await setHidden(ctx, [text], action === 'hide');
    await audit(trx, actor, { action: `moderation.${action}`, subjectType: text.type, subjectId: text.id, details: { reason } }, ip);
  });
  return { ok: true, data: { reason } };
}

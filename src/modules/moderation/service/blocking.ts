import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { describeTexts, moderatedKinds } from '../../../core/moderation.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { type AccountStanding, setBlocked } from '../../accounts/index.ts';
import * as repo from '../repo.ts';
import { decisionInput, HIDDEN_STATES, REASON_MAX } from '../schema.ts';
import { inTransaction, setHidden } from './texts.ts';

/** Every text a person wrote, of every moderated kind. */
async function textsBy(ctx: ModuleContext, userId: number) {
  const all = await Promise.all(moderatedKinds().map(async (k) => (await k.byAuthor(ctx, userId)).map((id) => ({ type: k.type, id }))));
  return all.flat();
}

/**
 * Blocks an account (it reads, writes nothing) and hides every text it wrote that was still shown,
 * remembering those so that unblocking shows them, and only them, again.
 */
export async function blockAccount(
  ctx: ModuleContext,
  actor: Actor,
  account: AccountStanding,
  body: unknown,
  ip: string,
  now = new Date(),
): Promise<FormResult<{ hidden: number }>> {
  const read = validateForm(decisionInput, body, { reason: REASON_MAX });
  if (!read.ok) return read;
  const { reason } = read.data;
  const hidden = await inTransaction(ctx, async (ctx) => {
    const trx = ctx.database.db;
    const texts = await textsBy(ctx, account.id);
    const shown = [...(await describeTexts(ctx, texts)).values()].filter((t) => !t.hidden).map((t) => ({ type: t.type, id: t.id }));
    await setBlocked(ctx, account.id, reason, now);
    await repo.insertHolds(trx, account.id, shown);
    await repo.insertDecision(
      trx,
      { item_id: null, account_id: account.id, action: 'block', reason, actor_id: actor.id },
      now.toISOString(),
    );
    await setHidden(ctx, shown, true);
    await audit(trx, actor, { action: 'moderation.block', subjectType: 'user', subjectId: account.id, details: { reason } }, ip);
    return shown.length;
  });
  return { ok: true, data: { hidden } };
}

/** Lifts a block: the texts it hid show again, but not those hidden for their own sake (flags, a moderator). */
export async function unblockAccount(
  ctx: ModuleContext,
  actor: Actor,
  account: AccountStanding,
  body: unknown,
  ip: string,
  now = new Date(),
): Promise<FormResult<{ shown: number }>> {
  const read = validateForm(decisionInput, body, { reason: REASON_MAX });
  if (!read.ok) return read;
  const { reason } = read.data;
  const shown = await inTransaction(ctx, async (ctx) => {
    const trx = ctx.database.db;
    const held = (await repo.holdsOf(trx, account.id)).map((h) => ({ type: h.text_type, id: h.text_id }));
    const kept = new Set((await repo.hiddenItems(trx, held, HIDDEN_STATES)).map((r) => `${r.text_type}:${r.text_id}`));
    const shown = held.filter((t) => !kept.has(`${t.type}:${t.id}`));
    await setBlocked(ctx, account.id, null, now);
    await repo.deleteHolds(trx, account.id);
    await repo.insertDecision(
      trx,
      { item_id: null, account_id: account.id, action: 'unblock', reason, actor_id: actor.id },
      now.toISOString(),
    );
    await setHidden(ctx, shown, false);
    await audit(trx, actor, { action: 'moderation.unblock', subjectType: 'user', subjectId: account.id, details: { reason } }, ip);
    return shown.length;
  });
  return { ok: true, data: { shown } };
}

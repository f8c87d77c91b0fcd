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

/** The texts a block hides: those the person wrote that still show. */
async function shownTexts(ctx: ModuleContext, userId: number) {
  const texts = [...(await describeTexts(ctx, await textsBy(ctx, userId))).values()];
  return texts.filter((t) => !t.hidden).map((t) => ({ type: t.type, id: t.id }));
}

/** The texts lifting a block shows again: those it hid, but not those hidden for their own sake (flags, a moderator). */
async function heldTexts(ctx: ModuleContext, userId: number) {
  const trx = ctx.database.db;
  const held = (await repo.holdsOf(trx, userId)).map((h) => ({ type: h.text_type, id: h.text_id }));
  const kept = new Set((await repo.hiddenItems(trx, held, HIDDEN_STATES)).map((r) => `${r.text_type}:${r.text_id}`));
  return held.filter((t) => !kept.has(`${t.type}:${t.id}`));
}

/**
 * Blocking an account (it reads, writes nothing) hides every text it wrote that was still shown,
 * remembering those so that unblocking shows them, and only them, again. `texts` counts them.
 */
const blocking =
  (action: 'block' | 'unblock') =>
  async (
    ctx: ModuleContext,
    actor: Actor,
    account: AccountStanding,
    body: unknown,
    ip: string,
    now = new Date(),
  ): Promise<FormResult<{ texts: number }>> => {
    const read = validateForm(decisionInput, body, { reason: REASON_MAX });
    if (!read.ok) return read;
    const { reason } = read.data;
    const block = action === 'block';
    const texts = await inTransaction(ctx, async (ctx) => {
      const trx = ctx.database.db;
      const texts = block ? await shownTexts(ctx, account.id) : await heldTexts(ctx, account.id);
      await setBlocked(ctx, account.id, block ? reason : null, now);
      if (block) await repo.insertHolds(trx, account.id, texts);
      else await repo.deleteHolds(trx, account.id);
      await repo.insertDecision(trx, { item_id: null, account_id: account.id, action, reason, actor_id: actor.id }, now.toISOString());
      await setHidden(ctx, texts, block);
      await audit(trx, actor, { action: `moderation.${action}`, subjectType: 'user', subjectId: account.id, details: { reason } }, ip);
      return texts.length;
    });
    return { ok: true, data: { texts } };
  };

export const blockAccount = blocking('block');
export const unblockAccount = blocking('unblock');

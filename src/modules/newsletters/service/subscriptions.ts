import { randomBytes } from 'node:crypto';
import type { Actor } from '../../../core/authz.ts';
import { type FormResult, tooManyAttempts, validateForm } from '../../../core/http/forms.ts';
import { hit } from '../../../core/http/throttle.ts';
import { portalLink, queueTranslatedMail } from '../../../core/mail/translated.ts';
import type { DataSubject, ModuleContext } from '../../../core/modules.ts';
import { hashToken, newToken } from '../../../core/tokens.ts';
import {
  deleteSubscriptionsOf,
  insertSubscription,
  markBounced,
  subscriptionByConfirmHash,
  subscriptionByKey,
  subscriptionOn,
  subscriptionsOf,
  updateSubscription,
} from '../repo.ts';
import { LIMITS, type Subscription, subscribeInput } from '../schema.ts';
import type { List } from './lists.ts';

const CONFIRM_DAYS = 7;
/** Confirmation mails to one address per hour, whoever asks: nobody can flood a stranger's inbox. */
const MAILS_PER_ADDRESS = { max: 3, windowMs: 3_600_000 };

export type SubscribeResult = FormResult<{ confirmed: boolean }>;

/**
 * Puts an address on a list. A signed-in person's own confirmed address is on at once; any other
 * address gets a mail with a link, and is mailed nothing else until that link is followed.
 */
export async function subscribe(
  ctx: ModuleContext,
  list: List,
  body: unknown,
  who: { actor: Actor | null; lang: string },
): Promise<SubscribeResult> {
  const form = validateForm(subscribeInput, body, { email: LIMITS.email });
  if (!form.ok) return form;
  const email = form.data.email.toLowerCase();
  const topics = form.data.topics.join(',');
  const now = new Date();
  const own = !!who.actor?.confirmed && who.actor.email.toLowerCase() === email;
  const { db } = ctx.database;
  const existing = await subscriptionOn(db, list.key, email);
  if (own) {
    const confirmed = { status: 'confirmed' as const, topics, confirmed_at: now.toISOString(), ended_at: null, confirm_hash: null };
    if (existing) await updateSubscription(db, existing.id, { ...confirmed, user_id: who.actor!.id });
    else await insertSubscription(db, { ...fresh(list, email, who.lang, now), ...confirmed, user_id: who.actor!.id });
    return { ok: true, data: { confirmed: true } };
  }
  // Someone else's address: the same answer whatever its state, so the form tells nobody who is subscribed.
  if (existing?.status === 'confirmed') return { ok: true, data: { confirmed: false } };
  const limited = await hit(db, `newsletter:${email}`, MAILS_PER_ADDRESS);
  if (!limited.allowed) return tooManyAttempts(limited.retryAfter);
  const { token, hash } = newToken();
  const pending = {
    status: 'pending' as const,
    topics,
    language: who.lang,
    confirm_hash: hash,
    confirm_expires_at: new Date(now.getTime() + CONFIRM_DAYS * 86_400_000).toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    if (existing) await updateSubscription(trx, existing.id, pending);
    else await insertSubscription(trx, { ...fresh(list, email, who.lang, now), ...pending });
    await queueTranslatedMail(trx, ctx, 'newsletters.mail.confirm', email, who.lang, {
      list: list.name,
      link: portalLink(ctx, who.lang, `/newsletters/confirm/${token}`),
      days: String(CONFIRM_DAYS),
    });
  });
  ctx.mail.wake();
  return { ok: true, data: { confirmed: false } };
}

const fresh = (list: List, email: string, language: string, now: Date) => ({
  list: list.key,
  email,
  language,
  topics: '',
  status: 'pending' as const,
  user_id: null,
  confirm_hash: null,
  confirm_expires_at: null,
  unsubscribe_key: randomBytes(24).toString('base64url'),
  created_at: now.toISOString(),
  confirmed_at: null,
  ended_at: null,
  bounce_reason: null,
});

/** Follows a confirmation link: the subscription it names, now confirmed; undefined when unknown, used or expired. */
export async function confirmSubscription(ctx: ModuleContext, token: string): Promise<Subscription | undefined> {
  const { db } = ctx.database;
  const found = await subscriptionByConfirmHash(db, hashToken(token));
  const now = new Date().toISOString();
  if (found?.status !== 'pending' || !found.confirm_expires_at || found.confirm_expires_at < now) return undefined;
  await updateSubscription(db, found.id, { status: 'confirmed', confirmed_at: now, confirm_hash: null, confirm_expires_at: null });
  return { ...found, status: 'confirmed' };
}

/** Whether an unsubscribe link names a subscription; following it twice is fine. */
export const subscriptionOfKey = (ctx: ModuleContext, key: string) =>
  key.length > 64 ? Promise.resolve(undefined) : subscriptionByKey(ctx.database.db, key);

/** Takes the address off the list at once: no question asked, as RFC 8058's one click requires. */
export async function unsubscribe(ctx: ModuleContext, subscription: Subscription): Promise<void> {
  if (subscription.status === 'unsubscribed' || subscription.status === 'bounced') return;
  await updateSubscription(ctx.database.db, subscription.id, {
    status: 'unsubscribed',
    ended_at: new Date().toISOString(),
    confirm_hash: null,
  });
}

/** An address that refused mail for good is mailed by no list again, until it subscribes anew. */
export const recordBounce = (ctx: ModuleContext, address: string, reason: string) =>
  markBounced(ctx.database.db, address.toLowerCase(), reason.slice(0, 300), new Date().toISOString());

export const subscriptionsFor = (ctx: ModuleContext, person: DataSubject) => subscriptionsOf(ctx.database.db, person.email.toLowerCase());

export const eraseSubscriptions = (ctx: ModuleContext, person: DataSubject) =>
  deleteSubscriptionsOf(ctx.database.db, person.email.toLowerCase(), person.userId);

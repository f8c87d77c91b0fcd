import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { validateForm } from '../../../core/http/forms.ts';
import { portalLink, queueTranslatedMail } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { hashToken, newToken } from '../../../core/tokens.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { contentPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import type { ContentItem, Registration } from '../schema.ts';
import { registerInput } from '../schema.ts';
import { isVisible } from './editing.ts';
import { itemPath } from './paths.ts';
import { titleIn } from './read.ts';

export type RegisterResult = { ok: true; status: 'confirmed' | 'waiting' } | { ok: false; errors: FieldErrors };

/** Registration is open on a published event that asks for it and has not ended. */
export function registrationOpen(item: ContentItem, now = new Date().toISOString()): boolean {
  return item.type === 'event' && item.capacity !== null && isVisible(item, now) && (item.ends_at ?? item.starts_at ?? '') >= now;
}

export async function countsOf(ctx: ModuleContext, itemId: number): Promise<{ confirmed: number; waiting: number }> {
  const rows = await repo.registrationCounts(ctx.database.db, itemId);
  const n = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { confirmed: n('confirmed'), waiting: n('waiting') };
}

/**
 * Registers a person for an event: a place while there are places, else the waiting list. The
 * mail carries a link to cancel. The event's row is locked so two people never take the last place.
 */
export async function register(
  ctx: ModuleContext,
  item: ContentItem,
  title: string,
  actor: Actor | null,
  body: unknown,
  lang: string,
): Promise<RegisterResult> {
  const form = validateForm(registerInput, body, { name: 160, email: 254 });
  if (!form.ok) return form;
  const { name, email } = form.data;
  const { db } = ctx.database;
  const { token, hash } = newToken();
  const result = await transaction(db, async (trx) => {
    await repo.lockItem(trx, item.id);
    if (await repo.activeRegistration(trx, item.id, email)) return undefined;
    const confirmed = await repo.confirmedCount(trx, item.id);
    const status = item.capacity === 0 || confirmed < item.capacity! ? 'confirmed' : 'waiting';
    const now = new Date().toISOString();
    await repo.insertRegistration(trx, {
      item_id: item.id,
      user_id: actor?.id ?? null,
      name,
      email,
      language: lang,
      status,
      token_hash: hash,
      created_at: now,
      updated_at: now,
    });
    await queueTranslatedMail(trx, ctx, `content.mail.${status}`, email, lang, {
      name,
      title,
      event: portalLink(ctx, lang, itemPath(item)),
      cancel: portalLink(ctx, lang, `/registrations/${token}/cancel`),
    });
    return status;
  });
  if (!result) return { ok: false, errors: { email: { key: 'content.error.alreadyRegistered' } } };
  ctx.mail.wake();
  return { ok: true, status: result };
}

export async function registrationByToken(ctx: ModuleContext, token: string): Promise<Registration | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  return repo.registrationByTokenHash(ctx.database.db, hashToken(token));
}

/** Cancels by the link's token; a freed place goes to the first on the waiting list, who is told. */
export async function cancelRegistration(ctx: ModuleContext, token: string): Promise<'cancelled' | 'already' | 'unknown'> {
  const registration = await registrationByToken(ctx, token);
  if (!registration) return 'unknown';
  if (registration.status === 'cancelled') return 'already';
  const { db } = ctx.database;
  await transaction(db, async (trx) => {
    await repo.lockItem(trx, registration.item_id);
    const now = new Date().toISOString();
    await repo.setRegistrationStatus(trx, registration.id, 'cancelled', now);
    if (registration.status !== 'confirmed') return;
    const next = await repo.firstWaiting(trx, registration.item_id);
    if (!next) return;
    await repo.setRegistrationStatus(trx, next.id, 'confirmed', now);
    const item = await repo.getItem(trx, registration.item_id);
    await queueTranslatedMail(trx, ctx, 'content.mail.promoted', next.email, next.language, {
      name: next.name,
      title: await titleIn(trx, item, next.language),
      event: portalLink(ctx, next.language, itemPath(item)),
    });
  });
  ctx.mail.wake();
  return 'cancelled';
}

export async function registrantsOf(ctx: ModuleContext, actor: Actor, item: ContentItem): Promise<Registration[]> {
  contentPolicy.authorize(actor, 'content.registrations', item, { hide: true });
  return repo.registrationsOfItem(ctx.database.db, item.id);
}

/** Registrations of a person, for their data download; erased with their account by address. */
export const registrationsByEmail = (ctx: ModuleContext, email: string) => repo.registrationsWithEmail(ctx.database.db, email);

export const eraseRegistrations = (ctx: ModuleContext, email: string, userId: number) =>
  repo.deleteRegistrations(ctx.database.db, email, userId);

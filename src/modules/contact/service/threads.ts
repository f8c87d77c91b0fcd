import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { type FormRefusal, validateForm } from '../../../core/http/forms.ts';
import { portalLink, queueTranslatedMail } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { municipalityById } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import { type Enquiry, type EnquiryState, LIMITS, replyInput, stateInput } from '../schema.ts';
import { senderThreadLink } from './announce.ts';
import { inboxPath } from './links.ts';
import { departmentAddresses } from './topics.ts';

type Done = { ok: true } | FormRefusal;
const PAGE_SIZE = 25;

export async function inboxOf(ctx: ModuleContext, filter: repo.InboxFilter, page: number) {
  const { db } = ctx.database;
  const total = await repo.inboxCount(db, filter);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const rows = await repo.inboxPage(db, filter, PAGE_SIZE, (Math.min(page, pages) - 1) * PAGE_SIZE);
  return { rows, total, page: Math.min(page, pages), pages };
}

/** Staff answer from the portal: the answer joins the thread and is mailed to the sender; the first one marks it answered. */
export async function staffReply(ctx: ModuleContext, actor: Actor, e: Enquiry, body: unknown, ip: string): Promise<Done> {
  const form = validateForm(replyInput, body, { body: LIMITS.reply });
  if (!form.ok) return form;
  const town = await municipalityById(ctx.database.db, e.municipality_id);
  await transaction(ctx.database.db, async (trx) => {
    await repo.insertReply(trx, { enquiry_id: e.id, from_staff: 1, author_id: actor.id, body: form.data.body });
    await repo.setState(trx, e.id, 'answered', e.answered_at ? undefined : new Date().toISOString());
    await audit(trx, actor, { action: 'contact.reply', subjectType: 'contact_enquiry', subjectId: e.id }, ip);
    await queueTranslatedMail(trx, ctx, 'townContact.mail.answer', e.email, e.language, {
      reference: e.reference ?? '',
      town: town?.name ?? '',
      answer: form.data.body,
      link: senderThreadLink(ctx, e),
    });
  });
  ctx.mail.wake();
  return { ok: true };
}

export async function changeState(ctx: ModuleContext, actor: Actor, e: Enquiry, body: unknown, ip: string): Promise<Done> {
  const form = validateForm(stateInput, body);
  if (!form.ok) return form;
  const state: EnquiryState = form.data.state;
  await transaction(ctx.database.db, async (trx) => {
    await repo.setState(trx, e.id, state);
    const details = { from: e.state, to: state };
    await audit(trx, actor, { action: 'contact.state', subjectType: 'contact_enquiry', subjectId: e.id, details }, ip);
  });
  return { ok: true };
}

/** The sender writes more: it joins the thread, the department is told, and an answered enquiry is open again. */
export async function senderReply(ctx: ModuleContext, actor: Actor | null, e: Enquiry, body: unknown): Promise<Done> {
  const form = validateForm(replyInput, body, { body: LIMITS.reply });
  if (!form.ok) return form;
  const { db } = ctx.database;
  const town = await municipalityById(db, e.municipality_id);
  const topic = e.topic_id ? await repo.topicIn(db, e.municipality_id, e.topic_id) : undefined;
  const to = town ? await departmentAddresses(ctx, town, topic) : [];
  await transaction(db, async (trx) => {
    await repo.insertReply(trx, { enquiry_id: e.id, from_staff: 0, author_id: actor?.id ?? null, body: form.data.body });
    if (e.state === 'answered') await repo.setState(trx, e.id, 'in_progress');
    for (const d of to)
      await queueTranslatedMail(trx, ctx, 'townContact.mail.followUp', d.email, d.language ?? e.language, {
        reference: e.reference ?? '',
        name: e.name,
        message: form.data.body,
        link: town ? portalLink(ctx, d.language ?? e.language, `${inboxPath(town)}/${e.id}`) : '',
      });
  });
  ctx.mail.wake();
  return { ok: true };
}

/** Fewer answers than this say nothing about how fast a town answers. */
export const MIN_ANSWERS = 5;

/** The median time to a first answer, in hours, over the answers of the last twelve months; null below MIN_ANSWERS. */
export async function medianFirstResponse(ctx: ModuleContext, town: number, now = Date.now()): Promise<number | null> {
  const since = new Date(now - 365 * 86_400_000).toISOString();
  const rows = await repo.answeredSince(ctx.database.db, town, since);
  const hours = rows
    .filter((r) => r.confirmed_at && r.answered_at)
    .map((r) => (Date.parse(r.answered_at!) - Date.parse(r.confirmed_at!)) / 3600_000)
    .sort((a, b) => a - b);
  if (hours.length < MIN_ANSWERS) return null;
  const mid = Math.floor(hours.length / 2);
  return hours.length % 2 ? hours[mid]! : (hours[mid - 1]! + hours[mid]!) / 2;
}

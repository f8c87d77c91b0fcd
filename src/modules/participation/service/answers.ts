import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { text } from '../../../core/http/input.ts';
import { translator } from '../../../core/i18n/catalog.ts';
import { isLanguage } from '../../../core/i18n/languages.ts';
import { portalLink, queueTranslatedMail } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { mailContact } from '../../accounts/index.ts';
import * as repo from '../repo.ts';
import { ANSWER_STATES, type Proposal, type ProposalAnswer } from '../schema.ts';
import { notifyFollowers } from './notifications.ts';
import { processPath } from './processes.ts';
import { resultRow } from './results.ts';

export const ANSWER_TEXT_MAX = 5000;
/** A billion euros: a larger cost is a slip of the keyboard, not a town's project. */
export const COST_MAX_CENTS = 100_000_000_000;
/** A scheduled answer goes out within a year. */
const SCHEDULE_MAX_MS = 366 * 86_400_000;

export const ANSWER_FIELDS = ['state', 'text', 'cost', 'when', 'publish_at'] as const;
export type AnswerValues = Partial<Record<(typeof ANSWER_FIELDS)[number], string>>;

const answerInput = z.object({
  state: z.enum(ANSWER_STATES, { error: 'participation.answer.error.state' }),
  text: text().trim().max(ANSWER_TEXT_MAX, 'form.error.tooLong').default(''),
  cost: text().trim().max(30, 'participation.answer.error.cost').default(''),
  when: z.enum(['now', 'later'], { error: 'form.error.choose' }).default('now'),
  publish_at: text().trim().max(20, 'participation.answer.error.publishAt').default(''),
});

/** Where a proposal's page is, after the language prefix. */
export const proposalPath = (p: { slug: string }, id: number) => `${processPath(p)}/proposals/${id}`;

/**
 * Euros as people type them, in cents: "1500", "1 500,50", "1,500.50", "1.500". A lone separator
 * before three digits groups thousands; before one or two it starts the cents.
 */
export function parseCost(typed: string): { cents: number } | { error: string } {
  const s = typed.replace(/[\s\u00a0\u202f€]/g, '').replace(/eur$/i, '');
  if (/^[-−]/.test(s)) return { error: 'participation.answer.error.costNegative' };
  if (!/^\d[\d.,]*$/.test(s)) return { error: 'participation.answer.error.cost' };
  const seps = [...s.matchAll(/[.,]/g)].map((m) => m.index);
  let whole = s;
  let cents = '';
  const last = seps.at(-1);
  if (last !== undefined) {
    const tail = s.slice(last + 1);
    const mixed = new Set(s.replace(/\d/g, '')).size > 1;
    if (mixed || (seps.length === 1 && tail.length <= 2)) {
      whole = s.slice(0, last);
      cents = tail;
    }
    if (!/^\d{1,2}$/.test(cents) && cents !== '') return { error: 'participation.answer.error.cost' };
    if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(whole)) return { error: 'participation.answer.error.cost' };
    whole = whole.replace(/[.,]/g, '');
  }
  if (whole.length > 13) return { error: 'participation.answer.error.costLarge' };
  const value = Number(whole) * 100 + Number(cents.padEnd(2, '0'));
  return value > COST_MAX_CENTS ? { error: 'participation.answer.error.costLarge' } : { cents: value };
}

/** A time typed in a datetime-local field, read in the owner's zone, as an instant; undefined for no time. */
function scheduled(local: string, zone: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return undefined;
  const moment = DateTime.fromISO(local, { zone });
  return moment.isValid ? moment.toUTC().toISO()! : undefined;
}

/** An instant as the owner's local time in a datetime-local field. */
export const scheduledText = (instant: string, zone: string) =>
  DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm");

/** The cost as the form shows it again: "1500.50". */
export const costText = (cents: number | null) => (cents === null ? '' : (cents / 100).toFixed(cents % 100 ? 2 : 0));

export interface AnswerData {
  state: ProposalAnswer['state'];
  text: string;
  costCents: number | null;
  /** The instant it goes public; null for now. */
  publishAt: string | null;
}

/** Reads the answer form: a rejection needs its reason; a cost is euros, not negative, not absurd; a time is ahead. */
export function readAnswer(body: unknown, zone: string, now = new Date()): FormResult<AnswerData> {
  const form = validateForm(answerInput, body, { text: ANSWER_TEXT_MAX });
  if (!form.ok) return form;
  const d = form.data;
  const errors: Record<string, { key: string }> = {};
  if (d.state === 'rejected' && !d.text) errors.text = { key: 'participation.answer.error.reason' };
  let costCents: number | null = null;
  if (d.cost) {
    const cost = parseCost(d.cost);
    if ('error' in cost) errors.cost = { key: cost.error };
    else costCents = cost.cents;
  }
  let publishAt: string | null = null;
  if (d.when === 'later') {
    const at = scheduled(d.publish_at, zone);
    const ms = at ? Date.parse(at) - now.getTime() : Number.NaN;
    if (!at || !(ms > 0 && ms < SCHEDULE_MAX_MS)) errors.publish_at = { key: 'participation.answer.error.publishAt' };
    else publishAt = at;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, data: { state: d.state, text: d.text, costCents, publishAt } };
}

/**
 * Saves the official answer to a proposal, staff's first or a change. Published at once unless a
 * time is set; an answer already out stays out and a change to it shows at once. Audited either way.
 */
export async function saveAnswer(
  ctx: ModuleContext,
  actor: Actor | null,
  proposal: Proposal,
  data: AnswerData,
  options: { ip?: string; now?: Date; tell?: boolean } = {},
) {
  const { ip, now = new Date(), tell = true } = options;
  const at = now.toISOString();
  const mailed = await transaction(ctx.database.db, async (trx) => {
    const before = await repo.answerOf(trx, proposal.id);
    const out = before?.published === 1;
    await repo.saveAnswer(trx, {
      proposal_id: proposal.id,
      state: data.state,
      text: data.text,
      cost_cents: data.costCents,
      author_id: actor?.id ?? null,
      publish_at: out ? before.publish_at : (data.publishAt ?? at),
      published: out ? 1 : 0,
      created_at: before?.created_at ?? at,
      updated_at: at,
    });
    const details = { state: data.state, before: before?.state ?? null, cost_cents: data.costCents, publish_at: data.publishAt };
    const action = before ? 'participation.answer.change' : 'participation.answer.create';
    await audit(trx, actor, { action, subjectType: 'proposal', subjectId: proposal.id, details }, ip);
    const saved = (await repo.answerOf(trx, proposal.id))!;
    if (out && before.state !== saved.state) await answerNews(trx, ctx, saved, now);
    if (out) return published(trx, ctx, saved, tell && before.state !== saved.state, now);
    return data.publishAt ? false : publishAnswer(trx, ctx, saved.id, now, tell);
  });
  if (mailed) ctx.mail.wake();
}

/** Publishes one answer that is not out yet: true when this call did it (a parallel run finds it done). */
async function publishAnswer(db: Kysely<Tables>, ctx: ModuleContext, id: number, now: Date, tell = true): Promise<boolean> {
  if (!(await repo.markAnswerPublished(db, id))) return false;
  const answer = (await repo.answerById(db, id))!;
  await answerNews(db, ctx, answer, now);
  await published(db, ctx, answer, tell, now);
  return true;
}

/** An answer out, or its decision changed, is news to the proposal's followers; its writer knows it already. */
const answerNews = (db: Kysely<Tables>, ctx: ModuleContext, answer: ProposalAnswer, now: Date) =>
  notifyFollowers(
    db,
    ctx,
    {
      subject: { type: 'proposal', id: answer.proposal_id },
      event: 'answer.published',
      source: { type: 'answer', id: answer.id },
      actorId: answer.author_id,
    },
    now,
  );

/**
 * What an answer going out brings, in its transaction: the proposal's state for filters, a result in
 * monitoring for an accepted proposal (unless one links it already), and a mail to its author.
 */
async function published(db: Kysely<Tables>, ctx: ModuleContext, answer: ProposalAnswer, tell: boolean, now: Date) {
  const proposal = (await repo.proposalById(db, answer.proposal_id))!;
  await repo.setAnswerState(db, proposal.id, answer.state);
  if (answer.state === 'accepted') await resultFor(db, proposal, now);
  const contact = tell && proposal.author_id ? await mailContact(db, proposal.author_id) : undefined;
  if (!contact) return false;
  const process = (await repo.processById(db, proposal.process_id))!;
  const lang = isLanguage(contact.language) ? contact.language : 'en';
  await queueTranslatedMail(db, ctx, 'participation.answer.mail', contact.email, lang, {
    title: proposal.title,
    state: translator(lang)(`participation.answer.state.${answer.state}`),
    link: portalLink(ctx, lang, proposalPath(process, proposal.id)),
  });
  return true;
}

/** Accepted proposals flow into monitoring: a planned result linked to the proposal, once. */
async function resultFor(db: Kysely<Tables>, proposal: Proposal, now: Date) {
  if (await repo.resultLinking(db, proposal.id)) return;
  const { process_id, language, title, area } = proposal;
  const id = await repo.insertResult(db, resultRow({ process_id, language, title, area }, now.toISOString()));
  await repo.replaceLinks(db, id, [proposal.id]);
}

/** The job: publishes the answers whose time has come, each in its own transaction; how many this run published. */
export async function publishDueAnswers(ctx: ModuleContext, now = new Date()): Promise<number> {
  const due = await repo.dueAnswers(ctx.database.db, now.toISOString(), 500);
  let count = 0;
  for (const { id } of due) if (await transaction(ctx.database.db, (trx) => publishAnswer(trx, ctx, id, now))) count += 1;
  if (count) ctx.mail.wake();
  return count;
}

/** The proposals of a process still waiting for a published answer, those past the threshold first. */
export const awaitingAnswer = (ctx: ModuleContext, p: { id: number; support_threshold: number | null }) =>
  repo.awaitingAnswer(ctx.database.db, p.id, p.support_threshold ?? Number.MAX_SAFE_INTEGER, 500);

/** The published answer to a proposal, or undefined. */
export async function publishedAnswer(ctx: ModuleContext, proposalId: number) {
  const a = await repo.answerOf(ctx.database.db, proposalId);
  return a?.published === 1 ? a : undefined;
}

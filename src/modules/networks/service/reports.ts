import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { queueTranslatedMail } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { keepDocument } from '../../../core/uploads.ts';
import * as repo from '../repo.ts';
import type { Membership, MembershipKind, MembershipReport, MembershipState, ReportQuestion, ReportState } from '../schema.ts';
import { lettersFor, REASON_MAX, takeStep } from './memberships.ts';
import { inLanguage } from './networks.ts';

/** The longest answer in words; a report is not a book. */
export const ANSWER_MAX = 10_000;
/** A membership under way reports; an application does not. */
const REPORTING: readonly MembershipState[] = ['active', 'report_overdue', 'on_hold'];
/** A report its member may still change. */
const OPEN: readonly ReportState[] = ['draft', 'returned'];
/** Where report files are kept, under the data directory's uploads. */
export const REPORT_FILES = 'network-reports';

export type ReportError =
  | 'networks.report.error.required'
  | 'networks.report.error.number'
  | 'networks.report.error.choice'
  | 'networks.report.error.long'
  | 'networks.report.error.file';

/** A question as a reader sees it, in their language. */
export interface QuestionView extends ReportQuestion {
  label: string;
  options: string[];
}

export async function questionsOf(ctx: ModuleContext, networkId: number, language: string): Promise<QuestionView[]> {
  const rows = (await repo.questionsOf(ctx.database.db, networkId)) as ReportQuestion[];
  return rows.map((q) => ({
    ...q,
    label: inLanguage(JSON.parse(q.labels), language),
    options: (JSON.parse(q.choices) as Record<string, string>[]).map((c) => inLanguage(c, language)),
  }));
}

export const canReport = (m: Membership) => REPORTING.includes(m.state);

/** A membership's reports, newest first, with their answers by question. */
export async function reportsOf(ctx: ModuleContext, membershipId: number) {
  const reports = (await repo.reportsOf(ctx.database.db, membershipId)) as MembershipReport[];
  const answers = await repo.answersOf(
    ctx.database.db,
    reports.map((r) => r.id),
  );
  return reports.map((r) => ({
    report: r,
    answers: new Map(answers.filter((a) => a.report_id === r.id).map((a) => [a.question_id, a.value] as const)),
  }));
}

/** The report being written or waiting for the coordinators, if any. */
export const currentReport = <T extends { report: MembershipReport }>(reports: T[]) => reports.find((r) => r.report.state !== 'accepted');

type Answers = Map<number, string>;

/** Reads the answers of a form: what the person typed, what is wrong with it, and the files to keep. */
async function readAnswers(ctx: ModuleContext, questions: QuestionView[], body: Record<string, unknown>, known: Answers) {
  const answers: Answers = new Map();
  const errors: Record<string, { key: ReportError }> = {};
  for (const q of questions) {
    const field = `q${q.id}`;
    const raw = body[field];
    if (q.kind === 'file') {
      if (Buffer.isBuffer(raw) && raw.length > 0) {
        const kept = await keepDocument(ctx.config.dataDir, REPORT_FILES, raw);
        if ('error' in kept) errors[field] = { key: 'networks.report.error.file' };
        else answers.set(q.id, kept.name);
      } else if (known.has(q.id)) answers.set(q.id, known.get(q.id) as string);
      continue;
    }
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (!value) continue;
    answers.set(q.id, value);
    if (value.length > ANSWER_MAX) errors[field] = { key: 'networks.report.error.long' };
    else if (q.kind === 'number' && !/^-?\d{1,12}([.,]\d{1,4})?$/.test(value)) errors[field] = { key: 'networks.report.error.number' };
    else if (q.kind === 'choice' && !(/^\d{1,3}$/.test(value) && Number(value) < q.options.length))
      errors[field] = { key: 'networks.report.error.choice' };
  }
  return { answers, errors };
}

export type SaveResult =
  | { ok: true; reportId: number; submitted: boolean }
  | { ok: false; errors: Record<string, { key: string }>; answers: Answers };

/**
 * Saves the member's report, and submits it when asked: a draft may lack answers, a submitted report
 * has every required one. Submitting tells the coordinators by mail.
 */
export async function saveReport(
  ctx: ModuleContext,
  m: Membership,
  actor: Actor,
  body: Record<string, unknown>,
  submit: boolean,
  now = new Date(),
): Promise<SaveResult> {
  const { db } = ctx.database;
  const questions = await questionsOf(ctx, m.network_id, 'en');
  const current = currentReport(await reportsOf(ctx, m.id));
  const known = current?.answers ?? new Map();
  if (!canReport(m) || (current && !OPEN.includes(current.report.state)))
    return { ok: false, errors: { form: { key: 'networks.error.notNow' } }, answers: known };
  const { answers, errors } = await readAnswers(ctx, questions, body, known);
  if (submit)
    for (const q of questions)
      if (q.required && !answers.has(q.id) && !errors[`q${q.id}`]) errors[`q${q.id}`] = { key: 'networks.report.error.required' };
  if (Object.keys(errors).length) return { ok: false, errors, answers };
  const at = now.toISOString();
  const letters = submit ? await lettersFor(ctx, m, m.state, '', { member: false, coordinators: true }) : [];
  const reportId = await transaction(db, async (trx) => {
    const id =
      current?.report.id ??
      (await repo.insertReport(trx, {
        membership_id: m.id,
        network_id: m.network_id,
        state: 'draft',
        due_at: m.report_due_at,
        comment: '',
        created_at: at,
        updated_at: at,
      }));
    for (const q of questions) {
      const value = answers.get(q.id);
      if (value === undefined) await repo.deleteAnswer(trx, id, q.id);
      else await repo.saveAnswer(trx, { report_id: id, question_id: q.id, value });
    }
    const changes = submit ? { state: 'submitted' as const, submitted_at: at, updated_at: at } : { updated_at: at };
    if (!(await repo.moveReport(trx, id, current ? OPEN : ['draft'], changes))) return null;
    // Who sent a report in is on the record, like every step of the membership.
    if (submit) await audit(trx, actor, { action: 'network.report.submit', subjectType: 'membership', subjectId: m.id });
    for (const l of letters) await queueTranslatedMail(trx, ctx, 'networks.mail.submitted', l.to, l.lang, l.values);
    return id;
  });
  if (!reportId) return { ok: false, errors: { form: { key: 'networks.error.notNow' } }, answers };
  if (letters.length) ctx.mail.wake();
  return { ok: true, reportId, submitted: submit };
}

/**
 * The coordinators' answer to a submitted report. Accepted, it brings the membership back to active
 * (from overdue or on hold) with its next deadline, in one transaction; returned, it goes back to the
 * member with the comments, who is told by mail.
 */
export async function decideReport(
  ctx: ModuleContext,
  m: Membership,
  kind: MembershipKind,
  report: MembershipReport,
  actor: Actor,
  decision: 'accept' | 'return',
  comment: string,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; error: string }> {
  const text = comment.trim().slice(0, REASON_MAX);
  if (report.state !== 'submitted') return { ok: false, error: 'networks.error.notNow' };
  const at = now.toISOString();
  const decided = { decided_at: at, decided_by: actor.id, comment: text, updated_at: at };
  if (decision === 'accept') {
    let accepted = false;
    const result = await takeStep(ctx, m, kind, 'acceptReport', {
      actor,
      reason: text,
      now,
      alongside: async (trx) => {
        accepted = await repo.moveReport(trx, report.id, ['submitted'], { ...decided, state: 'accepted' });
        if (!accepted) throw new ReportMoved();
      },
    }).catch((err) => {
      if (err instanceof ReportMoved) return { ok: false as const, error: 'networks.error.notNow' };
      throw err;
    });
    return result.ok && accepted ? { ok: true } : { ok: false, error: 'networks.error.notNow' };
  }
  if (!text) return { ok: false, error: 'networks.error.reason' };
  const letters = await lettersFor(ctx, m, m.state, text, { member: true, coordinators: false });
  const moved = await transaction(ctx.database.db, async (trx) => {
    if (!(await repo.moveReport(trx, report.id, ['submitted'], { ...decided, state: 'returned' }))) return false;
    for (const l of letters) await queueTranslatedMail(trx, ctx, 'networks.mail.returned', l.to, l.lang, l.values);
    return true;
  });
  if (moved) ctx.mail.wake();
  return moved ? { ok: true } : { ok: false, error: 'networks.error.notNow' };
}

/** Rolls back the step when the report was decided by someone else meanwhile. */
class ReportMoved extends Error {}

/** The public parts of the latest accepted report of each membership: the answers of public questions. */
export async function publicParts(ctx: ModuleContext, memberships: Membership[], language: string) {
  const reports = (await repo.lastAccepted(
    ctx.database.db,
    memberships.map((m) => m.id),
  )) as MembershipReport[];
  const answers = await repo.answersOf(
    ctx.database.db,
    reports.map((r) => r.id),
  );
  const networks = [...new Set(reports.map((r) => r.network_id))];
  const questions = new Map(
    await Promise.all(networks.map(async (id) => [id, (await questionsOf(ctx, id, language)).filter((q) => q.public)] as const)),
  );
  return new Map(
    reports.map((r) => {
      const parts = (questions.get(r.network_id) ?? []).flatMap((q) => {
        const value = answers.find((a) => a.report_id === r.id && a.question_id === q.id)?.value;
        return value === undefined ? [] : [{ question: q, value }];
      });
      return [r.membership_id, { report: r, parts }] as const;
    }),
  );
}

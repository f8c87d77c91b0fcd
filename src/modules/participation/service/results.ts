import type { Insertable, Kysely } from 'kysely';
import { z } from 'zod';
import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { isCalendarDate, MAX_ID, text } from '../../../core/http/input.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import { RESULT_STATUSES, type Result, type ResultEvent, type ResultRow, type ResultStatus } from '../schema.ts';
import { notifyFollowers } from './notifications.ts';

export const RESULT_LIMITS = { title: 200, description: 5000, event: 1000, externalId: 60, links: 50 } as const;

const dateOrEmpty = text()
  .trim()
  .refine((v) => v === '' || isCalendarDate(v), 'participation.result.error.date')
  .default('');

/** Proposal ids as people list them: "12, 15" or "12 15" or "12;15". */
const idList = text()
  .trim()
  .max(600, 'participation.result.error.proposals')
  .transform((v) => v.split(/[\s,;]+/).filter(Boolean))
  .refine((ids) => ids.every((id) => /^[1-9]\d{0,9}$/.test(id) && Number(id) <= MAX_ID), 'participation.result.error.proposals')
  .refine((ids) => ids.length <= RESULT_LIMITS.links, 'participation.result.error.proposals')
  .transform((ids) => [...new Set(ids.map(Number))])
  .default([]);

const resultInput = z.object({
  title: text().trim().min(1, 'form.error.required').max(RESULT_LIMITS.title, 'form.error.tooLong'),
  description: text().trim().max(RESULT_LIMITS.description, 'form.error.tooLong').default(''),
  area: text().trim().max(20, 'form.error.choose').default(''),
  status: z.enum(RESULT_STATUSES, { error: 'form.error.choose' }).default('planned'),
  progress: text()
    .trim()
    .transform((v) => v || '0')
    .refine((v) => /^\d{1,3}$/.test(v) && Number(v) <= 100, 'participation.result.error.progress')
    .transform(Number)
    .default(0),
  starts_on: dateOrEmpty,
  ends_on: dateOrEmpty,
  proposal_ids: idList,
});
type ResultInput = z.output<typeof resultInput>;

export const RESULT_FIELDS = ['title', 'description', 'area', 'status', 'progress', 'starts_on', 'ends_on', 'proposal_ids'] as const;
export type ResultValues = Partial<Record<(typeof RESULT_FIELDS)[number], string>>;
const FIELD_LIMITS = { title: RESULT_LIMITS.title, description: RESULT_LIMITS.description };

/** What a result form or a CSV row says, checked against its process: its area, dates and proposals. */
async function checkResult(db: Kysely<Tables>, p: ProcessLike, d: ResultInput) {
  const errors: Record<string, { key: string }> = {};
  if (d.area && !p.areas.split(',').includes(d.area)) errors.area = { key: 'form.error.choose' };
  if (d.starts_on && d.ends_on && d.ends_on < d.starts_on) errors.ends_on = { key: 'participation.result.error.ends' };
  const found = await repo.proposalsIn(db, p.id, d.proposal_ids);
  if (found.length !== d.proposal_ids.length) errors.proposal_ids = { key: 'participation.result.error.proposals' };
  return errors;
}

type ProcessLike = { id: number; areas: string; original_language: string };

export interface ResultData {
  row: Omit<Result, 'id' | 'process_id' | 'language' | 'external_id' | 'comments_count' | 'created_at' | 'updated_at'>;
  proposalIds: number[];
}

const dataOf = (d: ResultInput): ResultData => ({
  row: {
    title: d.title,
    description: d.description,
    area: d.area || null,
    status: d.status,
    progress: d.progress,
    starts_on: d.starts_on || null,
    ends_on: d.ends_on || null,
  },
  proposalIds: d.proposal_ids,
});

/** Reads the result form. */
export async function readResult(ctx: ModuleContext, p: ProcessLike, body: unknown): Promise<FormResult<ResultData>> {
  const form = validateForm(resultInput, body, FIELD_LIMITS);
  if (!form.ok) return form;
  const errors = await checkResult(ctx.database.db, p, form.data);
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data: dataOf(form.data) };
}

type NewResult = Omit<Insertable<ResultRow>, 'id'>;

/** A result as it is added at `at`: planned, at 0 %, without dates, description, an area or an external id. */
export const resultRow = (fields: Pick<NewResult, 'process_id' | 'language' | 'title'> & Partial<NewResult>, at: string): NewResult => ({
  description: '',
  area: null,
  progress: 0,
  status: 'planned',
  starts_on: null,
  ends_on: null,
  external_id: null,
  comments_count: 0,
  created_at: at,
  updated_at: at,
  ...fields,
});

/** Creates a result (no id) or changes one, with the proposals it came from; audited. */
export async function saveResult(
  ctx: ModuleContext,
  actor: Actor,
  p: ProcessLike,
  id: number | null,
  data: ResultData,
  language: string,
  ip?: string,
) {
  const at = new Date().toISOString();
  return transaction(ctx.database.db, async (trx) => {
    const saved = id ?? (await repo.insertResult(trx, resultRow({ ...data.row, process_id: p.id, language }, at)));
    const before = id ? await repo.resultById(trx, id) : undefined;
    if (id) await repo.updateResult(trx, id, { ...data.row, updated_at: at });
    if (before && before.progress !== data.row.progress) await resultNews(trx, ctx, p.id, saved, actor.id);
    await repo.replaceLinks(trx, saved, data.proposalIds);
    const action = id ? 'participation.result.change' : 'participation.result.create';
    await audit(trx, actor, { action, subjectType: 'result', subjectId: saved, details: { process: p.id } }, ip);
    return saved;
  });
}

const eventInput = z.object({
  on_date: text().trim().refine(isCalendarDate, 'participation.result.error.date'),
  text: text().trim().min(1, 'form.error.required').max(RESULT_LIMITS.event, 'form.error.tooLong'),
  progress: text()
    .trim()
    .refine((v) => v === '' || (/^\d{1,3}$/.test(v) && Number(v) <= 100), 'participation.result.error.progress')
    .default(''),
});
export const EVENT_FIELDS = ['on_date', 'text', 'progress'] as const;

/** Where the progress takes a result that is not cancelled: begun once above 0, completed at 100. */
function statusAt(status: ResultStatus, progress: number): ResultStatus {
  if (status === 'cancelled') return status;
  if (progress >= 100) return 'completed';
  return progress > 0 ? 'in_progress' : status;
}

/** Adds a dated entry to a result's timeline; its progress, when given, becomes the result's. */
export async function addEvent(ctx: ModuleContext, actor: Actor, result: Result, body: unknown, ip?: string): Promise<FormResult<null>> {
  const form = validateForm(eventInput, body, { text: RESULT_LIMITS.event });
  if (!form.ok) return form;
  const d = form.data;
  const progress = d.progress === '' ? null : Number(d.progress);
  await transaction(ctx.database.db, async (trx) => {
    await repo.insertEvent(trx, { result_id: result.id, on_date: d.on_date, text: d.text, progress });
    if (progress !== null)
      await repo.updateResult(trx, result.id, {
        progress,
        status: statusAt(result.status, progress),
        updated_at: new Date().toISOString(),
      });
    await resultNews(trx, ctx, result.process_id, result.id, actor.id);
    await audit(
      trx,
      actor,
      { action: 'participation.result.event', subjectType: 'result', subjectId: result.id, details: { progress } },
      ip,
    );
  });
  return { ok: true, data: null };
}

/** A new entry on a result's timeline, or its progress changed: news to the followers of its process. */
export const resultNews = (db: Kysely<Tables>, ctx: ModuleContext, processId: number, resultId: number, actorId: number | null) =>
  notifyFollowers(db, ctx, {
    subject: { type: 'process', id: processId },
    event: 'result.updated',
    source: { type: 'result', id: resultId },
    actorId,
  });

export type ResultLink = { id: number; title: string; language: string; latitude: number | null; longitude: number | null };
export type ResultView = Result & { proposals: ResultLink[] };

async function withLinks(db: Kysely<Tables>, rows: Result[]): Promise<ResultView[]> {
  const links = await repo.linksOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, proposals: links.filter((l) => l.result_id === r.id) }));
}

export interface ResultFilters {
  status?: ResultStatus | undefined;
  area?: string | undefined;
}

/** A process's results, newest first, with the proposals they came from. */
export async function resultsOf(ctx: ModuleContext, processId: number, filters: ResultFilters = {}, limit = 500) {
  const rows = (await repo.resultList(ctx.database.db, { processIds: [processId], ...filters }, 0, limit)) as Result[];
  return withLinks(ctx.database.db, rows);
}

/** A page of results across processes (the API). */
export async function resultPage(
  ctx: ModuleContext,
  processIds: number[],
  status: ResultStatus | undefined,
  offset: number,
  limit: number,
) {
  const { db } = ctx.database;
  const [rows, total] = await Promise.all([
    repo.resultList(db, { processIds, status }, offset, limit) as Promise<Result[]>,
    repo.countResults(db, { processIds, status }),
  ]);
  return { rows: await withLinks(db, rows), total };
}

/** One result with its proposals and its timeline, newest first. */
export async function resultWithTimeline(ctx: ModuleContext, id: number): Promise<(ResultView & { events: ResultEvent[] }) | undefined> {
  const { db } = ctx.database;
  const row = (await repo.resultById(db, id)) as Result | undefined;
  if (!row) return undefined;
  const [view] = await withLinks(db, [row]);
  return { ...view!, events: (await repo.eventsOf(db, id)) as ResultEvent[] };
}

/** The result's form values, to edit it. */
export const resultValues = (r: ResultView): ResultValues => ({
  title: r.title,
  description: r.description,
  area: r.area ?? '',
  status: r.status,
  progress: String(r.progress),
  starts_on: r.starts_on ?? '',
  ends_on: r.ends_on ?? '',
  proposal_ids: r.proposals.map((x) => x.id).join(', '),
});

export { checkResult, dataOf, resultInput };

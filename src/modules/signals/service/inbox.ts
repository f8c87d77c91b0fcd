import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { POLICY_AREAS } from '../../../core/areas.ts';
import { type Actor, ForbiddenError, scopeIdsOf } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { idSchema, parseId, text } from '../../../core/http/input.ts';
import type { Translator } from '../../../core/i18n/catalog.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { displayNames } from '../../accounts/index.ts';
import { signalsPolicy } from '../policy.ts';
import * as staffRepo from '../repo/staff.ts';
import { SIGNAL_STATES, type Signal } from '../schema.ts';
import { categoryName } from './categories.ts';
import { reportPath } from './reports.ts';
import { applyChange, NOTE_LIMIT, refusalOf, STAFF_STATES, type StateChange } from './states.ts';

export const INBOX_PAGE = 50;
/** The most rows one export holds: a town's reports of several years. */
export const CSV_LIMIT = 20_000;
export const AGES = ['7', '30', '90'] as const;
/** Bulk changes take every state but "duplicate", which names one report of which each is a copy. */
export const BULK_STATES = STAFF_STATES.filter((s) => s !== 'duplicate');
const BULK_MAX = 200;

export const inboxQueryShape = {
  town: idSchema,
  state: z.enum(['unsettled', ...SIGNAL_STATES]),
  category: idSchema,
  area: z.enum(POLICY_AREAS),
  age: z.enum(AGES),
  mine: z.literal('1'),
  page: idSchema,
};
export type InboxQuery = { [K in keyof typeof inboxQueryShape]?: z.output<(typeof inboxQueryShape)[K]> };

/** The towns whose reports this person deals with. */
export const staffTowns = (actor: Actor | null) =>
  scopeIdsOf(actor, 'municipality').filter((id) => signalsPolicy.can(actor, 'signal.manage', { municipality_id: id }));

/** The town an inbox shows: the one asked for, else the person's first; 403 for anyone who is not its staff. */
export function inboxTown(actor: Actor | null, asked: number | undefined): number {
  const town = asked ?? staffTowns(actor)[0] ?? 0;
  signalsPolicy.authorize(actor, 'signal.manage', { municipality_id: town });
  return town;
}

export function inboxFilter(actor: Actor, town: number, q: InboxQuery, now = Date.now()): staffRepo.InboxFilter {
  return {
    municipalityId: town,
    ...(q.state ? { state: q.state } : {}),
    ...(q.category ? { categoryId: q.category } : {}),
    ...(q.area ? { area: q.area } : {}),
    ...(q.age ? { before: new Date(now - Number(q.age) * 86_400_000).toISOString() } : {}),
    ...(q.mine ? { assignedTo: actor.id } : {}),
  };
}

/** The query of an inbox address, for links that keep the filters (a page, the export). */
export function inboxSearch(q: InboxQuery, town: number, extra: Record<string, string> = {}): string {
  const pairs: [string, string][] = [['town', String(town)]];
  for (const key of ['state', 'category', 'area', 'age', 'mine'] as const) if (q[key]) pairs.push([key, String(q[key])]);
  for (const [k, v] of Object.entries(extra)) pairs.push([k, v]);
  return new URLSearchParams(pairs).toString();
}

export async function inboxOf(ctx: ModuleContext, filter: staffRepo.InboxFilter, page: number) {
  const { db } = ctx.database;
  const total = await staffRepo.inboxCount(db, filter);
  const pages = Math.max(1, Math.ceil(total / INBOX_PAGE));
  const rows = await staffRepo.inboxPage(db, filter, INBOX_PAGE, (Math.min(page, pages) - 1) * INBOX_PAGE);
  const names = await displayNames(
    db,
    rows.flatMap((r) => (r.assigned_to ? [r.assigned_to] : [])),
  );
  return {
    total,
    pages,
    page: Math.min(page, pages),
    rows: rows.map((r) => ({ ...r, assignee: r.assigned_to ? names.get(r.assigned_to) : null })),
  };
}

/**
 * A spreadsheet would run a cell that starts like a formula: such text is kept as text. A phone
 * number (+359 …) calls nothing and stays as typed.
 */
const cell = (v: string | null) => (v && /^[=+\-@\t\r]/.test(v) && !/^\+?[\d\s()-]+$/.test(v) ? `'${v}` : (v ?? ''));

/**
 * The filtered reports as CSV, with what staff see (who reported, how to reach them), never internal
 * notes; states and categories in the reader's language.
 */
export async function inboxCsv(ctx: ModuleContext, filter: staffRepo.InboxFilter, t: Translator, link: (path: string) => string) {
  const { db } = ctx.database;
  const rows = await staffRepo.inboxPage(db, filter, CSV_LIMIT, 0);
  const people = await displayNames(
    db,
    rows.flatMap((r) => [r.assigned_to, r.author_id].filter((id): id is number => id !== null)),
  );
  const header = [
    'id',
    'created_at',
    'state',
    'category',
    'area',
    'address',
    'latitude',
    'longitude',
    'description',
    'me_too',
    'confirmed',
    'hidden',
    'contact_name',
    'contact_email',
    'contact_phone',
    'account',
    'assigned_to',
    'responsible',
    'url',
  ];
  const lines = rows.map((r) => [
    r.id,
    r.created_at,
    t(`signals.state.${r.state}`),
    cell(categoryName(t, { name: r.category_name, default_key: r.category_default })),
    r.category_area ? t(`area.${r.category_area}`) : '',
    cell(r.address),
    r.latitude,
    r.longitude,
    cell(r.description),
    r.me_too,
    r.confirmed,
    r.hidden,
    cell(r.contact_name),
    cell(r.contact_email),
    cell(r.contact_phone),
    cell(r.author_id ? (people.get(r.author_id) ?? '') : ''),
    cell(r.assigned_to ? (people.get(r.assigned_to) ?? '') : ''),
    cell(r.responsible),
    link(reportPath(r.id)),
  ]);
  return stringify([header, ...lines]);
}

export const bulkInput = z.object({
  ids: z.union([z.string(), z.array(z.string())], { error: 'signals.inbox.error.none' }).transform((v) => (Array.isArray(v) ? v : [v])),
  bulk_state: z.enum(BULK_STATES as [string, ...string[]], { error: 'form.error.choose' }),
  bulk_note: text('signals.manage.error.note').trim().min(1, 'signals.manage.error.note').max(NOTE_LIMIT, 'form.error.tooLong'),
  bulk_responsible: text().trim().max(200, 'form.error.tooLong').optional().default(''),
});
export const BULK_FIELDS = ['bulk_state', 'bulk_note', 'bulk_responsible'] as const;

/** The reports a bulk change names: each must be the town's, and the person its staff, or nothing happens (403). */
export async function bulkTargets(ctx: ModuleContext, actor: Actor, town: number, raw: string[]): Promise<Signal[]> {
  const ids = [...new Set(raw.map(parseId))];
  if (ids.some((id) => id === undefined)) throw new ForbiddenError('signal.manage', false);
  const signals = await staffRepo.signalsByIds(ctx.database.db, ids as number[]);
  if (signals.length !== ids.length) throw new ForbiddenError('signal.manage', false);
  for (const s of signals) {
    signalsPolicy.authorize(actor, 'signal.manage', s);
    if (s.municipality_id !== town) throw new ForbiddenError('signal.manage', false);
  }
  return signals;
}

/**
 * Changes the state of several reports of one town with one public note: all of them, or, when the
 * rules refuse any, none (the refusal names them).
 */
export async function bulkChange(
  ctx: ModuleContext,
  actor: Actor,
  town: number,
  body: unknown,
  ip?: string,
): Promise<FormResult<{ changed: number }>> {
  const form = validateForm(bulkInput, body, { bulk_note: NOTE_LIMIT, bulk_responsible: 200 });
  if (!form.ok) return form;
  const { ids, bulk_state, bulk_note, bulk_responsible } = form.data;
  if (ids.length > BULK_MAX) return { ok: false, errors: { form: { key: 'signals.inbox.error.tooMany', values: { max: BULK_MAX } } } };
  const signals = await bulkTargets(ctx, actor, town, ids);
  const change = {
    state: bulk_state,
    note: bulk_note,
    ...(bulk_responsible ? { responsible: bulk_responsible } : {}),
  } as StateChange;
  if (change.state === 'not_responsible' && !bulk_responsible)
    return { ok: false, errors: { bulk_responsible: { key: 'signals.manage.error.responsible' } } };
  const refused: number[] = [];
  for (const s of signals) if (await refusalOf(ctx, s, change, 'staff')) refused.push(s.id);
  if (refused.length)
    return {
      ok: false,
      errors: { form: { key: 'signals.inbox.error.refused', values: { ids: refused.map((id) => `#${id}`).join(', ') } } },
    };
  const told = await transaction(ctx.database.db, async (db) => {
    let told = false;
    for (const s of signals) told = (await applyChange(db, ctx, actor, s, change, ip)) || told;
    return told;
  });
  if (told) ctx.mail.wake();
  return { ok: true, data: { changed: signals.length } };
}

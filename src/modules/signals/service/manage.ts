import { z } from 'zod';
import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { idSchema, parseId, text } from '../../../core/http/input.ts';
import type { LanguageCode } from '../../../core/i18n/languages.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { scopeContacts } from '../../accounts/index.ts';
import { municipalitiesByIds, municipalityById } from '../../municipalities/index.ts';
import * as staffRepo from '../repo/staff.ts';
import * as repo from '../repo.ts';
import { SIGNAL_STATES, type Signal } from '../schema.ts';
import { mailBody, tellAssignee, tellAuthor } from './notify.ts';
import { applyChange, type ChangeRefusal, NOTE_LIMIT, refusalOf, type StateChange } from './states.ts';

export const BODY_LIMITS = { body_name: 150, body_email: 254 } as const;
/** How far a neighbouring town may be to take over a report. */
export const NEIGHBOUR_KM = 30;

const note = (error = 'signals.manage.error.note') => text(error).trim().min(1, error).max(NOTE_LIMIT, 'form.error.tooLong');
const email = text('form.error.email')
  .trim()
  .toLowerCase()
  .min(1, 'form.error.required')
  .max(254, 'form.error.tooLong')
  .pipe(z.email('form.error.email'));

export const stateInput = z.object({
  state: z.enum(SIGNAL_STATES, { error: 'form.error.choose' }),
  note: note(),
  responsible: text().trim().max(200, 'form.error.tooLong').optional().default(''),
  duplicate_of: text().trim().max(12, 'signals.manage.error.duplicate').optional().default(''),
});
export const STATE_FIELDS = ['state', 'note', 'responsible', 'duplicate_of'] as const;

/** Which field a rule of `refusalOf` names, and what it says. */
const REFUSALS: Record<ChangeRefusal, [string, string]> = {
  state: ['state', 'signals.manage.error.state'],
  note: ['note', 'signals.manage.error.note'],
  responsible: ['responsible', 'signals.manage.error.responsible'],
  duplicate: ['duplicate_of', 'signals.manage.error.duplicate'],
};

/** A state change from the form, checked against the report's rules. */
export async function readStateChange(ctx: ModuleContext, signal: Signal, body: unknown): Promise<FormResult<StateChange>> {
  const form = validateForm(stateInput, body, { note: NOTE_LIMIT, responsible: 200 });
  if (!form.ok) return form;
  const { state, note, responsible, duplicate_of } = form.data;
  const change: StateChange = {
    state,
    note,
    ...(responsible ? { responsible } : {}),
    ...(state === 'duplicate' ? { duplicateOf: parseId(duplicate_of) } : {}),
  };
  const refusal = await refusalOf(ctx, signal, change, 'staff');
  if (!refusal) return { ok: true, data: change };
  const [field, key] = REFUSALS[refusal];
  return { ok: false, errors: { [field]: { key } } };
}

export const internalInput = z.object({ internal_note: note('form.error.required') });

/** A note for colleagues only: never shown in public, never mailed. */
export async function addInternalNote(ctx: ModuleContext, actor: Actor, signal: Signal, body: unknown, ip?: string) {
  const form = validateForm(internalInput, body, { internal_note: NOTE_LIMIT });
  if (!form.ok) return form;
  await transaction(ctx.database.db, async (db) => {
    await repo.insertUpdate(db, {
      signal_id: signal.id,
      kind: 'internal',
      state: null,
      note: form.data.internal_note,
      author_id: actor.id,
      from_municipality: null,
      created_at: new Date().toISOString(),
    });
    await audit(db, actor, { action: 'signal.note', subjectType: 'signal', subjectId: signal.id }, ip);
  });
  return form;
}

const STAFF_ROLES = ['municipality_admin', 'municipality_editor'] as const;

/** The people who work for a town: those a report of it may be assigned to. */
export const colleaguesOf = (ctx: ModuleContext, municipalityId: number) => scopeContacts(ctx.database.db, STAFF_ROLES, municipalityId);

/** Assigns a report to a colleague of the town ('' for nobody); the choice must be one of them. */
export async function assign(ctx: ModuleContext, actor: Actor, signal: Signal, body: unknown, ip?: string): Promise<FormResult<null>> {
  const raw = (body as { assignee?: unknown } | undefined)?.assignee;
  const colleagues = await colleaguesOf(ctx, signal.municipality_id);
  const assignee = raw === '' ? null : colleagues.find((c) => String(c.id) === raw);
  if (assignee === undefined) return { ok: false, errors: { assignee: { key: 'form.error.choose' } } };
  const to = assignee?.id ?? null;
  if (to === signal.assigned_to) return { ok: true, data: null };
  await transaction(ctx.database.db, async (db) => {
    const now = new Date().toISOString();
    await repo.updateSignal(db, signal.id, { assigned_to: to, updated_at: now });
    await repo.insertUpdate(db, {
      signal_id: signal.id,
      kind: 'assigned',
      state: null,
      note: null,
      author_id: actor.id,
      from_municipality: null,
      assignee_id: to,
      created_at: now,
    });
    await audit(db, actor, { action: 'signal.assign', subjectType: 'signal', subjectId: signal.id, details: { to } }, ip);
    // Whoever takes a report themselves knows it already.
    if (assignee && assignee.id !== actor.id) await tellAssignee(db, ctx, signal, assignee, actor.name);
  });
  if (assignee && assignee.id !== actor.id) ctx.mail.wake();
  return { ok: true, data: null };
}

/** Towns within NEIGHBOUR_KM of a report's town that take reports (have an active category), nearest first. */
export async function neighboursOf(ctx: ModuleContext, municipalityId: number) {
  const { db } = ctx.database;
  const here = await municipalityById(db, municipalityId);
  if (!here || here.latitude === null || here.longitude === null) return [];
  const ids = await staffRepo.townsTakingReports(db);
  const towns = await municipalitiesByIds(
    db,
    ids.filter((id) => id !== municipalityId),
  );
  const k = Math.cos((here.latitude * Math.PI) / 180);
  return [...towns.values()]
    .flatMap((m) => {
      if (m.latitude === null || m.longitude === null) return [];
      const dLat = (m.latitude - here.latitude!) * 111.2;
      const dLon = (m.longitude - here.longitude!) * 111.2 * k;
      const km = Math.sqrt(dLat * dLat + dLon * dLon);
      return km <= NEIGHBOUR_KM ? [{ ...m, km }] : [];
    })
    .sort((a, b) => a.km - b.km);
}

export const passTownInput = z.object({
  town: idSchema.catch(0),
  pass_note: note(),
});

/**
 * Passes a report on to a neighbouring town: it moves there, in the category of the same code or
 * "other", unassigned; the old town's staff lose it. Its author is told.
 */
export async function passToTown(ctx: ModuleContext, actor: Actor, signal: Signal, body: unknown, ip?: string): Promise<FormResult<null>> {
  const form = validateForm(passTownInput, body, { pass_note: NOTE_LIMIT });
  if (!form.ok) return form;
  const target = (await neighboursOf(ctx, signal.municipality_id)).find((m) => m.id === form.data.town);
  if (!target) return { ok: false, errors: { town: { key: 'form.error.choose' } } };
  const { db } = ctx.database;
  const from = await repo.categoryById(db, signal.category_id);
  const category = (from && (await repo.categoryByCode(db, target.id, from.code))) ?? (await repo.categoryByCode(db, target.id, 'other'));
  if (!category) return { ok: false, errors: { town: { key: 'signals.manage.error.noCategory' } } };
  const told = await transaction(db, async (trx) => {
    const now = new Date().toISOString();
    await repo.updateSignal(trx, signal.id, {
      municipality_id: target.id,
      category_id: category.id,
      assigned_to: null,
      duplicate_of: null,
      updated_at: now,
    });
    await repo.insertUpdate(trx, {
      signal_id: signal.id,
      kind: 'passed',
      state: null,
      note: form.data.pass_note,
      author_id: actor.id,
      from_municipality: signal.municipality_id,
      created_at: now,
    });
    await audit(
      trx,
      actor,
      { action: 'signal.pass', subjectType: 'signal', subjectId: signal.id, details: { from: signal.municipality_id, to: target.id } },
      ip,
    );
    return tellAuthor(trx, ctx, signal, { kind: 'passed', town: target.name, note: form.data.pass_note });
  });
  if (told) ctx.mail.wake();
  return { ok: true, data: null };
}

export const passBodyInput = z.object({
  body_name: text().trim().min(1, 'form.error.required').max(BODY_LIMITS.body_name, 'form.error.tooLong'),
  body_email: email,
  body_note: note(),
});
export const BODY_FIELDS = ['body_name', 'body_email', 'body_note'] as const;

/**
 * Sends a report to the body responsible for it: they get it by mail, and the report says who is
 * ("not the municipality's responsibility"), which tells its author.
 */
export async function passToBody(
  ctx: ModuleContext,
  actor: Actor,
  signal: Signal,
  body: unknown,
  lang: LanguageCode,
  ip?: string,
): Promise<FormResult<null>> {
  const form = validateForm(passBodyInput, body, { ...BODY_LIMITS, body_note: NOTE_LIMIT });
  if (!form.ok) return form;
  const { body_name: name, body_email: to, body_note: note } = form.data;
  const change: StateChange = { state: 'not_responsible', note, responsible: name };
  if (await refusalOf(ctx, signal, change, 'staff')) return { ok: false, errors: { form: { key: 'signals.manage.error.state' } } };
  const town = (await municipalityById(ctx.database.db, signal.municipality_id))?.name ?? '';
  await transaction(ctx.database.db, async (db) => {
    await mailBody(db, ctx, signal, { name, email: to, note }, town, lang);
    await applyChange(db, ctx, actor, signal, change, ip);
    await audit(db, actor, { action: 'signal.send', subjectType: 'signal', subjectId: signal.id, details: { to, name } }, ip);
  });
  ctx.mail.wake();
  return { ok: true, data: null };
}

/** Hides a photo from everybody but the town's staff, or shows it again; kept for the record. */
export async function setPhotoHidden(ctx: ModuleContext, actor: Actor, signal: Signal, photoId: number, hidden: boolean, ip?: string) {
  const { db } = ctx.database;
  const photo = (await repo.photosOf(db, signal.id)).find((p) => p.id === photoId);
  if (!photo) return false;
  await transaction(db, async (trx) => {
    await staffRepo.setPhotoHidden(trx, photo.id, hidden);
    const action = hidden ? 'signal.photo.hide' : 'signal.photo.show';
    await audit(trx, actor, { action, subjectType: 'signal', subjectId: signal.id, details: { photo: photo.id } }, ip);
  });
  return true;
}

/** Hides a whole report from every public page and list, or shows it again. */
export async function setHidden(ctx: ModuleContext, actor: Actor, signal: Signal, hidden: boolean, ip?: string) {
  await transaction(ctx.database.db, async (db) => {
    await repo.updateSignal(db, signal.id, { hidden: hidden ? 1 : 0, updated_at: new Date().toISOString() });
    await audit(db, actor, { action: hidden ? 'signal.hide' : 'signal.show', subjectType: 'signal', subjectId: signal.id }, ip);
  });
}

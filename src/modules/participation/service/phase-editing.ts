import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import type { FormResult } from '../../../core/http/forms.ts';
import { hasControl, isCalendarDate, today } from '../../../core/http/input.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import * as repo from '../repo.ts';
import { PHASE_ACTIONS, PHASE_KINDS, type PhaseAction, type PhaseKind, type Process } from '../schema.ts';
import { listOf } from './editing.ts';
import type { Phase } from './processes.ts';

/** The rows the phases form holds at most: more phases than this make a process nobody follows. */
export const MAX_PHASES = 6;
/** The dates a phase may take: anything else is a typing mistake. */
export const FIRST_DAY = '2000-01-01';
export const LAST_DAY = '2100-12-31';

/** One row of the phases form as typed. */
export interface PhaseRow {
  kind: string;
  starts_on: string;
  ends_on: string;
  actions: string[];
  remove: boolean;
}

const blankRow = (): PhaseRow => ({ kind: 'ideas', starts_on: '', ends_on: '', actions: [], remove: false });
const isBlank = (r: PhaseRow) => !r.starts_on.trim() && !r.ends_on.trim() && r.actions.length === 0;

/** The form filled with the stored phases, in date order, and one empty row to add another. */
export function storedRows(phases: Phase[]): PhaseRow[] {
  const rows = phases.map((ph) => ({ kind: ph.kind, starts_on: ph.starts_on, ends_on: ph.ends_on, actions: ph.actions, remove: false }));
  return rows.length < MAX_PHASES ? [...rows, blankRow()] : rows;
}

/** The rows as they were sent (as many as the form said it had); with `more`, one empty row added. */
export function typedRows(body: unknown, more = false): PhaseRow[] {
  const b = (body ?? {}) as Record<string, unknown>;
  const n = Math.min(MAX_PHASES, Math.max(1, Number.parseInt(String(b.rows ?? '1'), 10) || 1));
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const rows = Array.from({ length: n }, (_, i) => ({
    kind: str(b[`kind_${i}`]),
    starts_on: str(b[`starts_on_${i}`]),
    ends_on: str(b[`ends_on_${i}`]),
    actions: listOf(b[`actions_${i}`]).filter((a): a is string => typeof a === 'string'),
    remove: b[`remove_${i}`] !== undefined,
  }));
  return more && rows.length < MAX_PHASES ? [...rows, blankRow()] : rows;
}

type Checked = { index: number; kind: PhaseKind; starts_on: string; ends_on: string; actions: PhaseAction[] };

const dateError = (v: string) =>
  !v.trim()
    ? 'form.error.required'
    : hasControl(v) || !isCalendarDate(v) || v < FIRST_DAY || v > LAST_DAY
      ? 'participation.manage.error.date'
      : null;

/** Each row kept, checked on its own: a kind, two real dates in order, at least one known action. */
function checkRow(r: PhaseRow, i: number, errors: FieldErrors): Checked | null {
  const before = Object.keys(errors).length;
  if (!(PHASE_KINDS as readonly string[]).includes(r.kind)) errors[`kind_${i}`] = { key: 'form.error.choose' };
  const startError = dateError(r.starts_on);
  const endError = dateError(r.ends_on);
  if (startError) errors[`starts_on_${i}`] = { key: startError };
  if (endError) errors[`ends_on_${i}`] = { key: endError };
  else if (!startError && r.ends_on < r.starts_on) errors[`ends_on_${i}`] = { key: 'participation.manage.error.endBeforeStart' };
  if (r.actions.length === 0) errors[`actions_${i}`] = { key: 'participation.manage.error.actions' };
  else if (!r.actions.every((a) => (PHASE_ACTIONS as readonly string[]).includes(a))) errors[`actions_${i}`] = { key: 'form.error.choose' };
  if (Object.keys(errors).length > before) return null;
  const actions = PHASE_ACTIONS.filter((a) => r.actions.includes(a));
  return { index: i, kind: r.kind as PhaseKind, starts_on: r.starts_on, ends_on: r.ends_on, actions };
}

/**
 * Replaces a process's phases with the rows of the form: empty rows and rows ticked for removal
 * are left out, the others kept in date order, none overlapping another. The process then runs
 * from its first phase's start to its last one's end. The route checks who may.
 */
export async function savePhases(
  ctx: ModuleContext,
  actor: Actor,
  p: Process,
  body: unknown,
  ip: string,
): Promise<FormResult<{ count: number }>> {
  const errors: FieldErrors = {};
  const kept = typedRows(body).flatMap((r, i) => (r.remove || isBlank(r) ? [] : [checkRow(r, i, errors)]));
  const phases = kept.filter((r): r is Checked => r !== null).sort((a, b) => a.starts_on.localeCompare(b.starts_on));
  for (const [i, ph] of phases.entries()) {
    const prev = phases[i - 1];
    if (prev && ph.starts_on <= prev.ends_on) {
      errors[`starts_on_${ph.index}`] = { key: 'participation.manage.error.overlap', values: { other: prev.index + 1 } };
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const rows = phases.map((ph, position) => ({
    process_id: p.id,
    position,
    kind: ph.kind,
    starts_on: ph.starts_on,
    ends_on: ph.ends_on,
    actions: ph.actions.join(','),
  }));
  await transaction(ctx.database.db, async (trx) => {
    await repo.replacePhases(trx, p.id, rows);
    const span = { starts_on: rows[0]?.starts_on ?? today(), ends_on: rows.at(-1)?.ends_on ?? null };
    await repo.updateProcess(trx, p.id, { ...span, updated_at: new Date().toISOString() });
    const details = { phases: rows.map((r) => `${r.kind} ${r.starts_on}/${r.ends_on}`) };
    await audit(trx, actor, { action: 'process.phases', subjectType: 'process', subjectId: p.id, details }, ip);
  });
  return { ok: true, data: { count: rows.length } };
}

import type { Kysely } from 'kysely';
import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import type { Tables } from '../../../core/db/tables.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import { isOpen, SIGNAL_STATES, type Signal, type SignalState } from '../schema.ts';
import { tellAuthor } from './notify.ts';

/** States staff may set; "open" is where a report starts, and "reopened" follows one that was settled. */
export const STAFF_STATES: readonly SignalState[] = SIGNAL_STATES.filter((s) => s !== 'open');

export const NOTE_LIMIT = 2000;

export interface StateChange {
  state: SignalState;
  /** Public: every change says why. */
  note: string;
  /** For "not_responsible": who is. */
  responsible?: string;
  /** For "duplicate": the report it repeats, of the same town. */
  duplicateOf?: number;
}

export type ChangeRefusal = 'state' | 'note' | 'responsible' | 'duplicate';

/** What is wrong with a change, or undefined when it may be made. Authorisation is the route's. */
export async function refusalOf(
  ctx: ModuleContext,
  signal: Signal,
  change: StateChange,
  by: 'staff' | 'author',
): Promise<ChangeRefusal | undefined> {
  const { state } = change;
  if (by === 'author') {
    // The author may say it is fixed while it is open, or reopen it once settled: nothing else.
    const allowed = isOpen(signal.state) ? state === 'fixed' : state === 'reopened';
    if (!allowed) return 'state';
  } else if (!STAFF_STATES.includes(state) || state === signal.state) return 'state';
  if (state === 'reopened' && isOpen(signal.state)) return 'state';
  if (by === 'staff' && !change.note.trim()) return 'note';
  if (change.note.length > NOTE_LIMIT) return 'note';
  if (state === 'not_responsible' && !change.responsible?.trim()) return 'responsible';
  if (state === 'duplicate') {
    const of = change.duplicateOf === undefined ? undefined : await repo.signalById(ctx.database.db, change.duplicateOf);
    if (!of || of.id === signal.id || of.municipality_id !== signal.municipality_id || of.confirmed !== 1) return 'duplicate';
  }
  return undefined;
}

/**
 * Moves a report to a new state with its public note; "fixed" starts the four weeks before its author
 * is asked. The author is told by mail unless they made the change: `actor` null is the author
 * answering by a mailed link, without an account.
 */
export async function changeState(
  ctx: ModuleContext,
  actor: Actor | null,
  signal: Signal,
  change: StateChange,
  ip?: string,
  now = new Date().toISOString(),
): Promise<void> {
  const told = await transaction(ctx.database.db, (db) => applyChange(db, ctx, actor, signal, change, ip, now));
  if (told) ctx.mail.wake();
}

/** changeState within a transaction the caller holds (a bulk change: all of it or none); whether a mail was queued. */
export async function applyChange(
  db: Kysely<Tables>,
  ctx: ModuleContext,
  actor: Actor | null,
  signal: Signal,
  change: StateChange,
  ip?: string,
  now = new Date().toISOString(),
): Promise<boolean> {
  await repo.updateSignal(db, signal.id, {
    state: change.state,
    updated_at: now,
    ...(change.state === 'fixed' ? { fixed_at: now, asked_at: null, questionnaire_hash: null } : {}),
    ...(change.state === 'not_responsible' ? { responsible: change.responsible!.trim() } : {}),
    ...(change.state === 'duplicate' ? { duplicate_of: change.duplicateOf! } : {}),
  });
  await repo.insertUpdate(db, {
    signal_id: signal.id,
    kind: 'state',
    state: change.state,
    note: change.note.trim() || null,
    author_id: actor?.id ?? signal.author_id,
    from_municipality: null,
    created_at: now,
  });
  const byAuthor = !actor || actor.id === signal.author_id;
  if (byAuthor) return false;
  await audit(
    db,
    actor,
    { action: 'signal.state', subjectType: 'signal', subjectId: signal.id, details: { from: signal.state, to: change.state } },
    ip,
  );
  const responsible = change.state === 'not_responsible' ? change.responsible!.trim() : undefined;
  return tellAuthor(db, ctx, signal, {
    kind: 'state',
    state: change.state,
    note: change.note.trim(),
    ...(responsible ? { responsible } : {}),
  });
}

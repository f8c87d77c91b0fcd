import { z } from 'zod';
import { transaction } from '../../../core/db/client.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { text } from '../../../core/http/input.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { hashToken, newToken } from '../../../core/tokens.ts';
import * as staffRepo from '../repo/staff.ts';
import * as repo from '../repo.ts';
import type { Signal } from '../schema.ts';
import { tellAuthor } from './notify.ts';
import { applyChange, NOTE_LIMIT } from './states.ts';

/** How long after "fixed" its author is asked whether it really is. */
export const ASK_AFTER_MS = 28 * 86_400_000;
/** Authors asked per run: a backlog is worked off over the next runs. */
const BATCH = 100;

export const questionnairePath = (id: number, token: string) => `/signals/${id}/questionnaire/${token}`;

/**
 * The questionnaire job: asks the author of each report fixed four weeks ago whether it really is,
 * once, however many processes run it at once. Returns how many were asked.
 */
export async function askAuthors(ctx: ModuleContext, now = new Date()): Promise<number> {
  const { db } = ctx.database;
  const due = await staffRepo.dueForQuestionnaire(db, new Date(now.getTime() - ASK_AFTER_MS).toISOString(), BATCH);
  let asked = 0;
  for (const signal of due) {
    const { token, hash } = newToken();
    const sent = await transaction(db, async (trx) => {
      if (!(await staffRepo.claimQuestionnaire(trx, signal.id, hash, now.toISOString()))) return false;
      return tellAuthor(trx, ctx, signal, { kind: 'questionnaire', path: questionnairePath(signal.id, token) });
    });
    if (sent) asked++;
  }
  if (asked) ctx.mail.wake();
  return asked;
}

/** The report a questionnaire link asks about, while it still may be answered. */
export async function questionnaireOf(ctx: ModuleContext, id: number, token: string): Promise<Signal | undefined> {
  const signal = await staffRepo.signalByQuestionnaire(ctx.database.db, id, hashToken(token));
  return signal?.state === 'fixed' ? signal : undefined;
}

export const answerInput = z.object({
  answer: z.enum(['yes', 'no'], { error: 'form.error.choose' }),
  note: text().trim().max(NOTE_LIMIT, 'form.error.tooLong').optional().default(''),
});
export type QuestionnaireAnswer = z.output<typeof answerInput>;

export const readAnswer = (body: unknown): FormResult<QuestionnaireAnswer> => validateForm(answerInput, body, { note: NOTE_LIMIT });

/**
 * The author's answer: "yes" is recorded on the timeline, "no" reopens the report with their note.
 * False when the link was used meanwhile.
 */
export async function answerQuestionnaire(
  ctx: ModuleContext,
  signal: Signal,
  token: string,
  answer: QuestionnaireAnswer,
  now = new Date().toISOString(),
): Promise<boolean> {
  return transaction(ctx.database.db, async (db) => {
    if (!(await staffRepo.useQuestionnaire(db, signal.id, hashToken(token)))) return false;
    if (answer.answer === 'no') {
      await applyChange(db, ctx, null, signal, { state: 'reopened', note: answer.note }, undefined, now);
      return true;
    }
    await repo.insertUpdate(db, {
      signal_id: signal.id,
      kind: 'questionnaire',
      state: 'fixed',
      note: answer.note || null,
      author_id: signal.author_id,
      from_municipality: null,
      created_at: now,
    });
    await repo.updateSignal(db, signal.id, { updated_at: now });
    return true;
  });
}

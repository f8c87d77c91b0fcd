import { z } from 'zod';
import type { Actor } from '../../../core/authz.ts';
import { validateForm } from '../../../core/http/forms.ts';
import { text } from '../../../core/http/input.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import * as repo from '../repo.ts';
import { OPEN_STATES, type Signal, type SignalCategory, type SignalQuestion } from '../schema.ts';
import { activeCategories } from './categories.ts';
import { keptPhoto, MAX_PHOTOS, storePhotos, unkeptPhoto } from './photos.ts';
import type { Place } from './places.ts';
import { type Answers, readAnswers } from './questions.ts';
import { type NewReport, REPORT_LIMITS } from './reports.ts';

/** The text fields of the report form's second step, as typed. */
export const WHAT_FIELDS = ['category', 'description', 'name', 'email', 'phone', 'show_name'] as const;
export type WhatValues = Partial<Record<(typeof WHAT_FIELDS)[number], string>>;

/** A question's field: named by its id, which is unique across the town's categories (codes are per category). */
export const answerField = (q: Pick<SignalQuestion, 'id'>) => `answer-${q.id}`;

const listOf = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const strings = (v: unknown) => listOf(v).filter((x): x is string => typeof x === 'string');

/** What the person typed in the second step, to show again: the fields, and every answer by its field. */
export function typedWhat(body: unknown): { values: WhatValues; answers: Record<string, string[]> } {
  const fields = (body ?? {}) as Record<string, unknown>;
  const values: WhatValues = {};
  for (const key of WHAT_FIELDS) if (typeof fields[key] === 'string') values[key] = fields[key] as string;
  const answers: Record<string, string[]> = {};
  for (const [key, v] of Object.entries(fields)) if (/^answer-\d{1,10}$/.test(key)) answers[key] = strings(v);
  return { values, answers };
}

const optional = (max: number) => text().trim().max(max, 'form.error.tooLong').optional().default('');
const PHONE = /^[+0-9 ()./-]{0,40}$/;

/** Someone without an account leaves a name and an address to be told of the report; a phone is up to them. */
const whatInput = (signedIn: boolean) =>
  z.object({
    description: text().trim().min(1, 'form.error.required').max(REPORT_LIMITS.description, 'form.error.tooLong'),
    name: signedIn
      ? optional(REPORT_LIMITS.name)
      : text().trim().min(1, 'form.error.required').max(REPORT_LIMITS.name, 'form.error.tooLong'),
    email: signedIn
      ? z
          .unknown()
          .optional()
          .transform(() => '')
      : text().trim().min(1, 'form.error.required').max(REPORT_LIMITS.email, 'form.error.tooLong').pipe(z.email('form.error.email')),
    phone: optional(REPORT_LIMITS.phone).refine((v) => PHONE.test(v), 'signals.report.error.phone'),
    // A box ticked or not: any other value reads as not ticked.
    show_name: z
      .unknown()
      .optional()
      .transform((v) => v === '1'),
  });

/** Why an answer was refused, in the words of its kind. */
function answerError(q: SignalQuestion, reason: 'required' | 'invalid') {
  if (reason === 'required') return { key: q.kind.endsWith('list') ? 'form.error.choose' : 'form.error.required' };
  if (q.kind === 'number') return { key: 'signals.report.error.number' };
  if (q.kind === 'datetime') return { key: 'signals.report.error.datetime' };
  if (q.kind.endsWith('list')) return { key: 'form.error.choose' };
  return { key: 'form.error.tooLong', values: { max: q.kind === 'string' ? 200 : 2000 } };
}

/** A town's active categories with their questions, for the form. */
export async function categoriesWithQuestions(ctx: ModuleContext, municipalityId: number) {
  const categories = await activeCategories(ctx, municipalityId);
  const questions = await repo.questionsOf(
    ctx.database.db,
    categories.map((c) => c.id),
  );
  return categories.map((c) => ({ category: c, questions: questions.filter((q) => q.category_id === c.id) }));
}

export type CategoryChoice = Awaited<ReturnType<typeof categoriesWithQuestions>>[number];

/**
 * Reads the second step: a category the town takes reports in, its answers, the description,
 * photos (stored as soon as they are read, so the next step need not send them again) and contact
 * details. The report ready to file, or the errors; and the photos kept so far, signed.
 */
export async function readWhat(
  ctx: ModuleContext,
  actor: Actor | null,
  place: Place,
  choices: CategoryChoice[],
  body: unknown,
): Promise<{ report?: NewReport & { photos: string[] }; errors: FieldErrors; kept: string[] }> {
  const fields = (body ?? {}) as Record<string, unknown>;
  const errors: FieldErrors = {};
  const chosen = choices.find((c) => String(c.category.id) === fields.category);
  if (!chosen) errors.category = { key: 'form.error.choose' };
  let answers: Answers = {};
  if (chosen) {
    const read = readAnswers(chosen.questions, (code) => {
      const q = chosen.questions.find((x) => x.code === code)!;
      return strings(fields[answerField(q)]);
    });
    answers = read.answers;
    for (const w of read.wrong) {
      const q = chosen.questions.find((x) => x.code === w.code)!;
      errors[answerField(q)] = answerError(q, w.reason);
    }
  }
  const form = validateForm(whatInput(!!actor), body, { ...REPORT_LIMITS });
  if (!form.ok) Object.assign(errors, form.errors);

  const kept = listOf(fields.kept).flatMap((v) => unkeptPhoto(ctx, actor, v) ?? []);
  const files = listOf(fields.photos).filter((f): f is Buffer => Buffer.isBuffer(f) && f.length > 0);
  if (kept.length + files.length > MAX_PHOTOS) errors.photos = { key: 'signals.report.error.photos', values: { max: MAX_PHOTOS } };
  else if (files.length) {
    const stored = await storePhotos(ctx, files);
    if ('error' in stored) errors.photos = { key: stored.error };
    else kept.push(...stored.bases);
  }
  const signed = kept.map((base) => keptPhoto(ctx, actor, base));
  if (!form.ok || !chosen || Object.keys(errors).length) return { errors, kept: signed };
  const d = form.data;
  return {
    errors,
    kept: signed,
    report: {
      municipalityId: place.town.id,
      category: chosen.category,
      latitude: place.latitude,
      longitude: place.longitude,
      address: place.address,
      description: d.description,
      answers,
      contact: { name: d.name || null, email: d.email || null, phone: d.phone || null },
      showName: d.show_name,
      photos: kept,
    },
  };
}

/** How far around a point reports count as the same problem. */
export const NEARBY_METRES = 150;

/** Open public reports of the category within NEARBY_METRES of the point, nearest first. */
export async function openNearby(
  ctx: ModuleContext,
  category: SignalCategory,
  at: { latitude: number; longitude: number },
): Promise<Signal[]> {
  const dLat = NEARBY_METRES / 111_320;
  const dLon = dLat / Math.max(0.01, Math.cos((at.latitude * Math.PI) / 180));
  const box = { minLat: at.latitude - dLat, maxLat: at.latitude + dLat, minLon: at.longitude - dLon, maxLon: at.longitude + dLon };
  const rows = await repo.openNear(ctx.database.db, category.id, box, OPEN_STATES, 20);
  const metres = (s: Signal) => Math.hypot((s.latitude - at.latitude) / dLat, (s.longitude - at.longitude) / dLon) * NEARBY_METRES;
  return rows
    .map((s) => ({ s, d: metres(s) }))
    .filter((x) => x.d <= NEARBY_METRES)
    .sort((a, b) => a.d - b.d)
    .slice(0, 5)
    .map((x) => x.s);
}

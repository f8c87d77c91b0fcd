import { z } from 'zod';
import { POLICY_AREAS } from '../../../core/areas.ts';
import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { text } from '../../../core/http/input.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import * as staffRepo from '../repo/staff.ts';
import * as repo from '../repo.ts';
import { DESTINATIONS, QUESTION_KINDS, type SignalCategory, type SignalQuestion } from '../schema.ts';
import { adoptDefaults } from './categories.ts';
import type { Option } from './questions.ts';

export const CATEGORY_LIMITS = { code: 40, name: 100, description: 1000, body_name: 150, body_email: 254, position: 4 } as const;
export const QUESTION_LIMITS = { code: 40, label: 200, description: 500, options: 5000 } as const;
/** A code as GeoReport clients use it: lower-case letters, digits, - and _. */
const CODE = /^[a-z0-9][a-z0-9_-]*$/;
const MAX_OPTIONS = 50;

const code = text().trim().min(1, 'form.error.required').max(40, 'form.error.tooLong').regex(CODE, 'signals.categories.error.code');
const optional = (max: number) => text().trim().max(max, 'form.error.tooLong').optional().default('');
const box = z.literal('1').optional().catch(undefined);

export const categoryInput = z
  .object({
    code,
    name: optional(CATEGORY_LIMITS.name),
    description: optional(CATEGORY_LIMITS.description),
    area: z
      .enum(['', ...POLICY_AREAS], { error: 'form.error.choose' })
      .optional()
      .default(''),
    destination: z.enum(DESTINATIONS, { error: 'form.error.choose' }),
    body_name: optional(CATEGORY_LIMITS.body_name),
    body_email: optional(CATEGORY_LIMITS.body_email).refine((v) => v === '' || z.email().safeParse(v).success, 'form.error.email'),
    active: box,
    position: text()
      .trim()
      .regex(/^\d{0,4}$/, 'signals.categories.error.position')
      .transform((v) => Number(v || 0))
      .optional()
      .default(0),
  })
  .superRefine((c, issue) => {
    if (c.destination !== 'email') return;
    if (!c.body_name) issue.addIssue({ code: 'custom', path: ['body_name'], message: 'signals.categories.error.bodyName' });
    if (!c.body_email) issue.addIssue({ code: 'custom', path: ['body_email'], message: 'signals.categories.error.bodyEmail' });
  });
export type CategoryData = z.output<typeof categoryInput>;
export const CATEGORY_FIELDS = [
  'code',
  'name',
  'description',
  'area',
  'destination',
  'body_name',
  'body_email',
  'active',
  'position',
] as const;

/** A category as its form shows it. */
export function categoryValues(c: SignalCategory | undefined): Record<string, string> {
  if (!c) return { destination: 'inbox', active: '1', position: '0' };
  return {
    code: c.code,
    name: c.name ?? '',
    description: c.description ?? '',
    area: c.area ?? '',
    destination: c.destination,
    body_name: c.body_name ?? '',
    body_email: c.body_email ?? '',
    active: c.active === 1 ? '1' : '',
    position: String(c.position),
  };
}

/**
 * Adds or changes a town's category. Its code is unique in the town and, once reports were filed
 * in it, fixed (Open311 clients know it); a default's name left empty keeps its translated text.
 */
export async function saveCategory(
  ctx: ModuleContext,
  actor: Actor,
  municipalityId: number,
  existing: SignalCategory | undefined,
  body: unknown,
  ip?: string,
): Promise<FormResult<{ id: number }>> {
  const form = validateForm(categoryInput, body, CATEGORY_LIMITS);
  if (!form.ok) return form;
  const c = form.data;
  const { db } = ctx.database;
  if (!c.name && !existing?.default_key) return { ok: false, errors: { name: { key: 'form.error.required' } } };
  if (existing && c.code !== existing.code && (await staffRepo.categoryReports(db, existing.id)) > 0)
    return { ok: false, errors: { code: { key: 'signals.categories.error.codeFixed' } } };
  const same = await repo.categoryByCode(db, municipalityId, c.code);
  if (same && same.id !== existing?.id) return { ok: false, errors: { code: { key: 'signals.categories.error.codeTaken' } } };
  const now = new Date().toISOString();
  const row = {
    code: c.code,
    name: c.name || null,
    description: c.description || null,
    area: c.area || null,
    destination: c.destination,
    body_name: c.destination === 'email' ? c.body_name : null,
    body_email: c.destination === 'email' ? c.body_email.toLowerCase() : null,
    active: c.active ? 1 : 0,
    position: c.position,
    updated_at: now,
  };
  const id = await transaction(db, async (trx) => {
    let id = existing?.id;
    if (id) await staffRepo.updateCategory(trx, id, row);
    else id = (await repo.insertCategory(trx, { ...row, municipality_id: municipalityId, default_key: null, created_at: now })).id;
    const action = existing ? 'signal.category.update' : 'signal.category.create';
    await audit(trx, actor, { action, subjectType: 'signal_category', subjectId: id, details: { code: c.code } }, ip);
    return id;
  });
  return { ok: true, data: { id } };
}

/** The portal's default categories added to a town in one click; audited with how many. */
export async function adoptDefaultsFor(ctx: ModuleContext, actor: Actor, municipalityId: number, ip?: string): Promise<number> {
  const added = await adoptDefaults(ctx, municipalityId);
  await audit(
    ctx.database.db,
    actor,
    { action: 'signal.category.adopt', subjectType: 'municipality', subjectId: municipalityId, details: { added } },
    ip,
  );
  return added;
}

const LIST_KINDS = new Set(['singlevaluelist', 'multivaluelist']);

/** Choices written one a line as `key|name`. */
function readOptions(lines: string): { options: Option[] } | { error: string } {
  const options: Option[] = [];
  for (const line of lines.split(/\r?\n/).map((l) => l.trim())) {
    if (!line) continue;
    const [key, ...rest] = line.split('|');
    const name = rest.join('|').trim();
    if (!key || !CODE.test(key.trim()) || key.trim().length > 40 || !name || name.length > 200)
      return { error: 'signals.categories.question.error.optionLine' };
    if (options.some((o) => o.key === key.trim())) return { error: 'signals.categories.question.error.optionTwice' };
    options.push({ key: key.trim(), name });
  }
  if (!options.length) return { error: 'signals.categories.question.error.options' };
  if (options.length > MAX_OPTIONS) return { error: 'signals.categories.question.error.tooManyOptions' };
  return { options };
}

export const questionInput = z.object({
  code,
  kind: z.enum(QUESTION_KINDS, { error: 'form.error.choose' }),
  label: text().trim().min(1, 'form.error.required').max(QUESTION_LIMITS.label, 'form.error.tooLong'),
  description: optional(QUESTION_LIMITS.description),
  required: box,
  options: optional(QUESTION_LIMITS.options),
});
export const QUESTION_FIELDS = ['code', 'kind', 'label', 'description', 'required', 'options'] as const;

export function questionValues(q: SignalQuestion | undefined): Record<string, string> {
  if (!q) return { kind: 'string' };
  const options = q.options ? (JSON.parse(q.options) as Option[]) : [];
  return {
    code: q.code,
    kind: q.kind,
    label: q.label,
    description: q.description ?? '',
    required: q.required ? '1' : '',
    options: options.map((o) => `${o.key}|${o.name}`).join('\n'),
  };
}

/** Adds or changes an extra question of a category: its code unique within it, list kinds with their choices. */
export async function saveQuestion(
  ctx: ModuleContext,
  actor: Actor,
  category: SignalCategory,
  existing: SignalQuestion | undefined,
  body: unknown,
  ip?: string,
): Promise<FormResult<{ id: number }>> {
  const form = validateForm(questionInput, body, QUESTION_LIMITS);
  if (!form.ok) return form;
  const q = form.data;
  let options: string | null = null;
  if (LIST_KINDS.has(q.kind)) {
    const read = readOptions(q.options);
    if ('error' in read) return { ok: false, errors: { options: { key: read.error } } };
    options = JSON.stringify(read.options);
  }
  const { db } = ctx.database;
  const siblings = await repo.questionsOf(db, [category.id]);
  if (siblings.some((s) => s.code === q.code && s.id !== existing?.id))
    return { ok: false, errors: { code: { key: 'signals.categories.question.error.codeTaken' } } };
  const row = { code: q.code, kind: q.kind, label: q.label, description: q.description || null, required: q.required ? 1 : 0, options };
  const id = await transaction(db, async (trx) => {
    let id = existing?.id;
    if (id) await staffRepo.updateQuestion(trx, id, row);
    else id = await staffRepo.insertQuestion(trx, { ...row, category_id: category.id, position: siblings.length });
    const action = existing ? 'signal.question.update' : 'signal.question.create';
    await audit(trx, actor, { action, subjectType: 'signal_category', subjectId: category.id, details: { code: q.code } }, ip);
    return id;
  });
  return { ok: true, data: { id } };
}

export async function removeQuestion(ctx: ModuleContext, actor: Actor, category: SignalCategory, question: SignalQuestion, ip?: string) {
  await transaction(ctx.database.db, async (trx) => {
    await staffRepo.deleteQuestion(trx, question.id);
    const details = { code: question.code };
    await audit(trx, actor, { action: 'signal.question.delete', subjectType: 'signal_category', subjectId: category.id, details }, ip);
  });
}

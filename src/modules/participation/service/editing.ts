import { z } from 'zod';
import { POLICY_AREAS } from '../../../core/areas.ts';
import { audit } from '../../../core/audit.ts';
import { type Actor, ForbiddenError, ownersOf } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { text } from '../../../core/http/input.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { describeScopes } from '../../../core/scopes.ts';
import { slugify } from '../../../core/search/normalize.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { participationPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import { PROCESS_KINDS, type Process, SUPPORTERS } from '../schema.ts';

export const PROCESS_LIMITS = { slug: 80, title: 200, summary: 500, description: 20_000 } as const;
export const MAX_THRESHOLD = 1_000_000;
export const MAX_SUPPORT_LIMIT = 1000;
/** Who may run a process: towns and networks. */
export const OWNER_TYPES = ['municipality', 'network'];
/** Words the module's own addresses use after /participation/: no process may take them. */
const RESERVED = new Set(['new', 'manage', 'census', 'follow', 'unfollow', 'news-for-you', 'notifications', 'unsubscribe', 'debates']);
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const TEXT_FIELDS = ['title', 'summary', 'description'] as const;
const SETTINGS_FIELDS = ['support_threshold', 'support_limit', 'supporters', 'stances', 'published'] as const;

/** A repeated form field (checkboxes) as a list. */
export const listOf = (v: unknown) => (v === undefined ? [] : [v].flat());
const ticked = z.preprocess((v) => (v === undefined || v === '' ? 0 : 1), z.number());
/** An optional whole number from 1 to `max`; null when left empty. */
const count = (max: number, error: string) =>
  text()
    .trim()
    .optional()
    .default('')
    .refine((v) => v === '' || (/^\d{1,9}$/.test(v) && Number(v) >= 1 && Number(v) <= max), error)
    .transform((v) => (v === '' ? null : Number(v)));

const settingsInput = z.object({
  areas: z.preprocess(
    listOf,
    z
      .array(z.enum(POLICY_AREAS, { error: 'form.error.choose' }))
      .min(1, 'participation.manage.error.areas')
      .transform((v) => [...new Set(v)]),
  ),
  support_threshold: count(MAX_THRESHOLD, 'participation.manage.error.threshold'),
  support_limit: count(MAX_SUPPORT_LIMIT, 'participation.manage.error.limit'),
  supporters: z.enum(SUPPORTERS, { error: 'form.error.choose' }),
  stances: ticked,
  published: ticked,
});

const textInput = z.object({
  title: text().trim().min(1, 'form.error.required').max(PROCESS_LIMITS.title, 'form.error.tooLong'),
  summary: text().trim().max(PROCESS_LIMITS.summary, 'form.error.tooLong').optional().default(''),
  // Browsers send a textarea's lines with CR LF; Markdown finds paragraphs by blank lines.
  description: text()
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(PROCESS_LIMITS.description, 'form.error.tooLong'))
    .optional()
    .default(''),
});

const createInput = z.object({
  owner: z.string({ error: 'form.error.choose' }),
  kind: z.enum(PROCESS_KINDS, { error: 'form.error.choose' }),
  slug: text()
    .trim()
    .max(PROCESS_LIMITS.slug, 'form.error.tooLong')
    .refine((v) => v === '' || (SLUG.test(v) && !RESERVED.has(v)), 'participation.manage.error.slug')
    .optional()
    .default(''),
});

/** A process form as shown: its fields as strings and the areas ticked. */
export interface ProcessForm {
  values: Record<string, string>;
  areas: string[];
}

/** The form filled with what is stored: the settings and one language's texts (empty when not written in it). */
export function storedForm(p: Process, texts: { title: string; summary: string; description: string } | undefined): ProcessForm {
  const values: Record<string, string> = {
    kind: p.kind,
    slug: p.slug,
    support_threshold: p.support_threshold === null ? '' : String(p.support_threshold),
    support_limit: p.support_limit === null ? '' : String(p.support_limit),
    supporters: p.supporters,
    ...(p.stances ? { stances: '1' } : {}),
    ...(p.published ? { published: '1' } : {}),
  };
  for (const f of TEXT_FIELDS) values[f] = texts?.[f] ?? '';
  return { values, areas: p.areas.split(',').filter(Boolean) };
}

/** The form as it was sent, to show again with its errors. */
export function typedForm(body: unknown): ProcessForm {
  const b = (body ?? {}) as Record<string, unknown>;
  const names = ['owner', 'kind', 'slug', ...TEXT_FIELDS, ...SETTINGS_FIELDS];
  const values = Object.fromEntries(names.flatMap((k) => (typeof b[k] === 'string' ? [[k, b[k] as string]] : [])));
  return { values, areas: listOf(b.areas).filter((a): a is string => typeof a === 'string') };
}

/** What a new process starts with: a participatory process asking any confirmed account, stances on, not published. */
export const blankForm = (owner: string | undefined): ProcessForm => ({
  values: { ...(owner ? { owner } : {}), kind: 'participatory', supporters: 'confirmed', stances: '1' },
  areas: [],
});

export interface OwnerOption {
  value: string;
  label: string;
}

/** The towns and networks a person is staff of, and the one asked for when they may run its processes (a platform admin). */
export async function ownerOptions(ctx: ModuleContext, actor: Actor, asked?: string): Promise<OwnerOption[]> {
  const refs = ownersOf(actor).scoped.flatMap(({ type, ids }) => ids.map((id) => ({ type, id })));
  const wanted = ownerRef(asked);
  const mine = [...refs, ...(wanted ? [wanted] : [])].filter(
    (o) => OWNER_TYPES.includes(o.type) && participationPolicy.can(actor, 'process.manage', { owner_type: o.type, owner_id: o.id }),
  );
  const described = await describeScopes(ctx, mine);
  return [...described.values()].sort((a, b) => a.name.localeCompare(b.name)).map((d) => ({ value: `${d.type}:${d.id}`, label: d.name }));
}

/** "municipality:12" as a type and an id; undefined for anything else. */
export function ownerRef(value: string | undefined): { type: string; id: number } | undefined {
  const m = /^([a-z]{1,20}):([1-9]\d{0,9})$/.exec(value ?? '');
  return m && OWNER_TYPES.includes(m[1]!) ? { type: m[1]!, id: Number(m[2]) } : undefined;
}

/** The slug a new process gets: the one typed, or its title's with a number added when that is taken. */
async function newSlug(ctx: ModuleContext, typed: string, title: string): Promise<{ slug: string } | { error: string }> {
  if (typed)
    return (await repo.slugsTaken(ctx.database.db, [typed])).length ? { error: 'participation.manage.error.slugTaken' } : { slug: typed };
  const base =
    slugify(title)
      .slice(0, PROCESS_LIMITS.slug - 4)
      .replace(/-+$/, '') || 'process';
  const tries = [base, ...Array.from({ length: 20 }, (_, i) => `${base}-${i + 2}`)].filter((s) => !RESERVED.has(s));
  const taken = new Set(await repo.slugsTaken(ctx.database.db, tries));
  const free = tries.find((s) => !taken.has(s));
  return free ? { slug: free } : { error: 'participation.manage.error.slugTaken' };
}

/** The settings and texts of a form, each checked; errors keyed by field. */
function readForm(body: unknown) {
  const settings = validateForm(settingsInput, body);
  const texts = validateForm(textInput, body, PROCESS_LIMITS);
  const errors: FieldErrors = { ...(texts.ok ? {} : texts.errors), ...(settings.ok ? {} : settings.errors) };
  return { settings, texts, errors };
}

/**
 * Creates a process, unpublished unless ticked, for an owner the person is staff of (403 for any
 * other), with its texts in the language of the page.
 */
export async function createProcess(
  ctx: ModuleContext,
  actor: Actor,
  language: string,
  body: unknown,
  ip: string,
): Promise<FormResult<{ id: number; slug: string }>> {
  const head = validateForm(createInput, body, PROCESS_LIMITS);
  const { settings, texts, errors } = readForm(body);
  const owner = ownerRef(typedForm(body).values.owner);
  if (owner && !participationPolicy.can(actor, 'process.manage', { owner_type: owner.type, owner_id: owner.id })) {
    throw new ForbiddenError('process.manage', false);
  }
  if (!head.ok) Object.assign(errors, head.errors);
  else if (!owner || !(await describeScopes(ctx, [owner])).size) errors.owner = { key: 'form.error.choose' };
  if (!head.ok || !owner || !settings.ok || !texts.ok || Object.keys(errors).length) return { ok: false, errors };
  const slug = await newSlug(ctx, head.data.slug, texts.data.title);
  if ('error' in slug) return { ok: false, errors: { slug: { key: slug.error } } };
  const at = new Date().toISOString();
  const s = settings.data;
  const id = await transaction(ctx.database.db, async (trx) => {
    const id = await repo.insertProcess(trx, {
      slug: slug.slug,
      owner_type: owner.type,
      owner_id: owner.id,
      kind: head.data.kind,
      original_language: language,
      areas: s.areas.join(','),
      support_threshold: s.support_threshold,
      support_limit: s.support_limit,
      supporters: s.supporters,
      stances: s.stances,
      published: s.published,
      starts_on: at.slice(0, 10),
      ends_on: null,
      created_at: at,
      updated_at: at,
    });
    await repo.saveText(trx, { process_id: id, language, ...texts.data });
    const details = { slug: slug.slug, owner: `${owner.type}:${owner.id}`, language, published: s.published };
    await audit(trx, actor, { action: 'process.create', subjectType: 'process', subjectId: id, details }, ip);
    return id;
  });
  return { ok: true, data: { id, slug: slug.slug } };
}

/** Saves a process's settings and its texts in one language (added when not written in it yet). The route checks who may. */
export async function editProcess(
  ctx: ModuleContext,
  actor: Actor,
  p: Process,
  language: string,
  body: unknown,
  ip: string,
): Promise<FormResult<{ changed: string[] }>> {
  const { settings, texts, errors } = readForm(body);
  if (!settings.ok || !texts.ok) return { ok: false, errors };
  const { db } = ctx.database;
  const s = settings.data;
  const next = { ...s, areas: s.areas.join(',') };
  const fields = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== p[k]);
  const before = await repo.processText(db, p.id, language);
  const textChanged = !before || TEXT_FIELDS.some((f) => before[f] !== texts.data[f]);
  const changed = [...fields, ...(textChanged ? [`texts_${language}`] : [])];
  if (!changed.length) return { ok: true, data: { changed } };
  await transaction(db, async (trx) => {
    await repo.updateProcess(trx, p.id, { ...next, updated_at: new Date().toISOString() });
    if (textChanged) await repo.saveText(trx, { process_id: p.id, language, ...texts.data });
    const details = { fields, ...(textChanged ? { language } : {}) };
    await audit(trx, actor, { action: 'process.edit', subjectType: 'process', subjectId: p.id, details }, ip);
  });
  return { ok: true, data: { changed } };
}

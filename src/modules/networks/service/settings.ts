import { z } from 'zod';
import { POLICY_AREAS } from '../../../core/areas.ts';
import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { text, urlField } from '../../../core/http/input.ts';
import { LANGUAGE_CODES, type LanguageCode } from '../../../core/i18n/languages.ts';
import { dropLogo, keepLogo } from '../../../core/logos.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import * as repo from '../repo.ts';
import { NETWORK_KINDS, type Network } from '../schema.ts';

export const SETTINGS_LIMITS = { name: 150, acronym: 30, description: 5000, website: 300 } as const;
export const FIRST_YEAR = 1800;
const TEXT_FIELDS = ['name', 'acronym', 'description'] as const;
/** A form field's values, one or several (repeated fields), strings only. */
const strings = (v: unknown) => [v ?? []].flat().filter((x): x is string => typeof x === 'string');

/** A field of a form that may be ticked several times (checkboxes): the choices, each once, all of them known. */
export const choices = <T extends string>(allowed: readonly T[]) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .refine((v) => v.every((x) => allowed.includes(x as T)), 'form.error.choose')
    .transform((v) => [...new Set(v)] as T[]);

/** What a settings form holds: its fields as typed, the areas ticked and the languages whose texts it shows. */
export interface SettingsForm {
  languages: LanguageCode[];
  /** The languages the network has texts in now. */
  written: string[];
  values: Record<string, string>;
  areas: string[];
  /** Languages ticked to have their texts removed. */
  remove: string[];
}

const settingsInput = z.object({
  kind: z.enum(NETWORK_KINDS, { error: 'form.error.choose' }),
  founded_year: text()
    .trim()
    .optional()
    .default('')
    .refine(
      (v) => v === '' || (/^\d{4}$/.test(v) && Number(v) >= FIRST_YEAR && Number(v) <= new Date().getUTCFullYear()),
      'networks.error.year',
    )
    .transform((v) => (v === '' ? null : Number(v))),
  website: urlField(SETTINGS_LIMITS.website),
  areas: choices(POLICY_AREAS),
});

const textInput = z.object({
  name: text().trim().min(1, 'form.error.required').max(SETTINGS_LIMITS.name, 'form.error.tooLong'),
  acronym: text().trim().max(SETTINGS_LIMITS.acronym, 'form.error.tooLong').optional().default(''),
  // Browsers send a textarea's lines with CR LF; paragraphs are found by blank lines.
  description: text()
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(SETTINGS_LIMITS.description, 'form.error.tooLong'))
    .optional()
    .default(''),
});

/** The languages a settings form shows: the original one, those written, the reader's and one asked for. */
export function formLanguages(n: Pick<Network, 'original_language'>, written: readonly string[], more: readonly string[]): LanguageCode[] {
  const all = [n.original_language, ...written, ...more];
  return [...new Set(all)].filter((l): l is LanguageCode => (LANGUAGE_CODES as string[]).includes(l));
}

/** The settings form filled with what is stored. */
export async function currentSettings(ctx: ModuleContext, n: Network, more: readonly string[]): Promise<SettingsForm> {
  const texts = await repo.allTextsOf(ctx.database.db, n.id);
  const written = texts.map((t) => t.language);
  const values: Record<string, string> = {
    kind: n.kind,
    founded_year: n.founded_year === null ? '' : String(n.founded_year),
    website: n.website ?? '',
  };
  for (const t of texts) for (const f of TEXT_FIELDS) values[`${f}_${t.language}`] = t[f];
  return { languages: formLanguages(n, written, more), written, values, areas: n.areas.split(',').filter(Boolean), remove: [] };
}

/** The settings form as it was sent, to show again with its errors. */
export async function typedSettings(ctx: ModuleContext, n: Network, body: unknown): Promise<SettingsForm> {
  const b = (body ?? {}) as Record<string, unknown>;
  const written = (await repo.allTextsOf(ctx.database.db, n.id)).map((t) => t.language);
  const languages = formLanguages(n, written, strings(b.languages));
  const names = ['kind', 'founded_year', 'website', ...languages.flatMap((l) => TEXT_FIELDS.map((f) => `${f}_${l}`))];
  const values = Object.fromEntries(names.flatMap((k) => (typeof b[k] === 'string' ? [[k, b[k] as string]] : [])));
  return { languages, written, values, areas: strings(b.areas), remove: strings(b.remove) };
}

const fieldOf = (body: Record<string, unknown>, field: string, language: string) => body[`${field}_${language}`];

/**
 * Saves a network's settings and its texts in the languages the form showed: a language not
 * written yet whose fields are left empty is not added; one ticked for removal (never the
 * original) loses its texts. The route checks who may.
 */
export async function saveSettings(
  ctx: ModuleContext,
  actor: Actor,
  n: Network,
  body: unknown,
  ip: string,
): Promise<FormResult<{ changed: string[] }>> {
  const b = (body ?? {}) as Record<string, unknown>;
  const base = validateForm(settingsInput, body, { website: SETTINGS_LIMITS.website });
  const errors: FieldErrors = base.ok ? {} : { ...base.errors };
  const { db } = ctx.database;
  const before = new Map((await repo.allTextsOf(db, n.id)).map((t) => [t.language, t]));
  // The languages whose fields the form showed; any other language's texts stay as they are.
  const languages = formLanguages(n, [], strings(b.languages));
  const removed = strings(b.remove).filter((l) => l !== n.original_language && before.has(l) && languages.includes(l as LanguageCode));
  const texts: { language: string; name: string; acronym: string; description: string }[] = [];
  for (const language of languages) {
    if (removed.includes(language)) continue;
    const typed = TEXT_FIELDS.map((f) => fieldOf(b, f, language));
    // A language the form offered but nobody wrote in is not added.
    if (!before.has(language) && language !== n.original_language && typed.every((v) => typeof v !== 'string' || v.trim() === '')) continue;
    const parsed = validateForm(textInput, { name: typed[0], acronym: typed[1], description: typed[2] }, SETTINGS_LIMITS);
    if (parsed.ok) texts.push({ language, ...parsed.data });
    else for (const [field, error] of Object.entries(parsed.errors)) errors[`${field}_${language}`] ??= error;
  }
  if (!base.ok || Object.keys(errors).length) return { ok: false, errors };
  const v = base.data;
  const next = { kind: v.kind, founded_year: v.founded_year, website: v.website || null, areas: v.areas.join(',') };
  const fields = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== n[k]);
  const written = texts.filter((t) => {
    const old = before.get(t.language);
    return !old || TEXT_FIELDS.some((f) => old[f] !== t[f]);
  });
  const changed = [...fields, ...written.map((t) => `texts_${t.language}`), ...removed.map((l) => `removed_${l}`)];
  if (!changed.length) return { ok: true, data: { changed } };
  await transaction(db, async (trx) => {
    await repo.updateNetwork(trx, n.id, { ...next, updated_at: new Date().toISOString() });
    for (const t of written) await repo.saveText(trx, { network_id: n.id, ...t });
    await repo.deleteTexts(trx, n.id, removed);
    const details = { fields, languages: written.map((t) => t.language), removed };
    await audit(trx, actor, { action: 'network.edit', subjectType: 'network', subjectId: n.id, details }, ip);
  });
  return { ok: true, data: { changed } };
}

/** Where a network's logos are kept, under the data directory's uploads. */
export const LOGO_FOLDER = 'networks';

/** Stores a network's logo in place of the one it had. */
export async function uploadLogo(
  ctx: ModuleContext,
  actor: Actor,
  n: Network,
  body: unknown,
  ip: string,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const kept = await keepLogo(ctx.config.dataDir, LOGO_FOLDER, n.id, (body as { logo?: unknown } | undefined)?.logo);
  if ('error' in kept) {
    const key = kept.error === 'size' ? 'networks.error.logoSize' : `images.error.${kept.error}`;
    return { ok: false, errors: { logo: { key } } };
  }
  await transaction(ctx.database.db, async (trx) => {
    await repo.updateNetwork(trx, n.id, { logo: kept.base, updated_at: new Date().toISOString() });
    await audit(trx, actor, { action: 'network.logo', subjectType: 'network', subjectId: n.id }, ip);
  });
  dropLogo(ctx.config.dataDir, LOGO_FOLDER, n.logo);
  return { ok: true };
}

export async function removeLogo(ctx: ModuleContext, actor: Actor, n: Network, ip: string): Promise<void> {
  if (!n.logo) return;
  await transaction(ctx.database.db, async (trx) => {
    await repo.updateNetwork(trx, n.id, { logo: null, updated_at: new Date().toISOString() });
    await audit(trx, actor, { action: 'network.logo.remove', subjectType: 'network', subjectId: n.id }, ip);
  });
  dropLogo(ctx.config.dataDir, LOGO_FOLDER, n.logo);
}

import { z } from 'zod';
import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { EU_COUNTRIES } from '../../../core/countries.ts';
import { transaction } from '../../../core/db/client.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { text } from '../../../core/http/input.ts';
import { LANGUAGE_CODES, type LanguageCode } from '../../../core/i18n/languages.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import * as repo from '../repo.ts';
import { APPLICANTS, type MembershipKind, type Network } from '../schema.ts';
import { kindsOf } from './networks.ts';
import { choices, formLanguages } from './settings.ts';

export const KIND_LIMITS = { code: 40, label: 60 } as const;
export const KIND_DEFAULTS = { report_years: 2, grace_days: 90 } as const;
const MAX_POPULATION = 100_000_000;
const NUMBER_FIELDS = ['min_population', 'max_population', 'report_years', 'grace_days', 'position'] as const;

/** What a kind's form holds: its fields as typed, the countries ticked and the languages it offers labels in. */
export interface KindForm {
  languages: LanguageCode[];
  values: Record<string, string>;
  countries: string[];
}

/** A whole number between bounds; `fallback` when left empty (null: none). */
const whole = <F extends number | null>(min: number, max: number, fallback: F, error: string) =>
  text()
    .trim()
    .optional()
    .default('')
    .refine((v) => v === '' || (/^\d{1,9}$/.test(v) && Number(v) >= min && Number(v) <= max), error)
    .transform((v) => (v === '' ? fallback : Number(v)));

const kindInput = z.object({
  code: text()
    .trim()
    .min(1, 'form.error.required')
    .max(KIND_LIMITS.code, 'form.error.tooLong')
    .regex(/^[a-z0-9-]+$/, 'networks.error.code'),
  applicants: z.enum(APPLICANTS, { error: 'form.error.choose' }),
  countries: choices(EU_COUNTRIES),
  min_population: whole(0, MAX_POPULATION, null, 'networks.error.populationNumber'),
  max_population: whole(0, MAX_POPULATION, null, 'networks.error.populationNumber'),
  report_years: whole(1, 10, KIND_DEFAULTS.report_years, 'networks.error.reportYears'),
  grace_days: whole(0, 365, KIND_DEFAULTS.grace_days, 'networks.error.graceDays'),
  position: whole(0, 999, 0, 'networks.error.position'),
});

const labelInput = text().trim().max(KIND_LIMITS.label, 'form.error.tooLong');

export const labelsOf = (kind: Pick<MembershipKind, 'labels'>) => JSON.parse(kind.labels) as Record<string, string>;

/**
 * The languages a kind's form offers labels in: the network's first language, English, those
 * labelled and `more` (the languages the network is written in, the reader's).
 */
const kindLanguages = (n: Pick<Network, 'original_language'>, labelled: readonly string[], more: readonly string[]) =>
  formLanguages(n, ['en', ...labelled], more);

/** A kind's form filled with what is stored, or with the defaults for a new one. */
export function kindForm(n: Network, kind: MembershipKind | undefined, more: readonly string[], position = 0): KindForm {
  if (!kind) {
    const values = { applicants: 'municipality', report_years: '2', grace_days: '90', position: String(position) };
    return { languages: kindLanguages(n, [], more), values, countries: [] };
  }
  const labels = labelsOf(kind);
  const values: Record<string, string> = { code: kind.code, applicants: kind.applicants };
  for (const f of NUMBER_FIELDS) values[f] = kind[f] === null ? '' : String(kind[f]);
  for (const [l, label] of Object.entries(labels)) values[`label_${l}`] = label;
  return { languages: kindLanguages(n, Object.keys(labels), more), values, countries: kind.countries.split(',').filter(Boolean) };
}

/** A kind's form as it was sent, to show again with its errors. */
export function typedKind(n: Network, body: unknown, more: readonly string[]): KindForm {
  const b = (body ?? {}) as Record<string, unknown>;
  const names = ['code', 'applicants', ...NUMBER_FIELDS, ...LANGUAGE_CODES.map((l) => `label_${l}`)];
  const values = Object.fromEntries(names.flatMap((k) => (typeof b[k] === 'string' ? [[k, b[k] as string]] : [])));
  const labelled = LANGUAGE_CODES.filter((l) => values[`label_${l}`]);
  const countries = [b.countries ?? []].flat().filter((x): x is string => typeof x === 'string');
  return { languages: kindLanguages(n, labelled, more), values, countries };
}

/**
 * Adds a kind of membership to a network, or changes one (`kind`). Its code is unique in the
 * network; it is named at least in English or in the network's first language. The route checks who may.
 */
export async function saveKind(
  ctx: ModuleContext,
  actor: Actor,
  n: Network,
  kind: MembershipKind | undefined,
  body: unknown,
  ip: string,
): Promise<FormResult<{ id: number }>> {
  const b = (body ?? {}) as Record<string, unknown>;
  const parsed = validateForm(kindInput, body, KIND_LIMITS);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const labels: Record<string, string> = {};
  for (const l of LANGUAGE_CODES) {
    const label = labelInput.safeParse(b[`label_${l}`] ?? '');
    if (!label.success) errors[`label_${l}`] = { key: label.error.issues[0]!.message, values: { max: KIND_LIMITS.label } };
    else if (label.data) labels[l] = label.data;
  }
  const first = n.original_language;
  if (!labels.en && !labels[first]) errors[`label_${first}`] ??= { key: 'networks.error.label' };
  const kinds = await kindsOf(ctx, [n.id]);
  if (parsed.ok) {
    const v = parsed.data;
    if (v.min_population !== null && v.max_population !== null && v.min_population > v.max_population) {
      errors.max_population ??= { key: 'networks.error.populationRange' };
    }
    if (kinds.some((k) => k.code === v.code && k.id !== kind?.id)) errors.code ??= { key: 'networks.error.codeTaken' };
  }
  if (!parsed.ok || Object.keys(errors).length) return { ok: false, errors };
  const { countries, ...v } = parsed.data;
  const row = { ...v, countries: countries.join(','), labels: JSON.stringify(labels) };
  const id = await transaction(ctx.database.db, async (trx) => {
    const saved = kind ? kind.id : await repo.insertKind(trx, { network_id: n.id, ...row });
    if (kind) await repo.updateKind(trx, kind.id, row);
    const action = kind ? 'network.kind.edit' : 'network.kind.create';
    await audit(trx, actor, { action, subjectType: 'network', subjectId: n.id, details: { kind: saved, code: v.code } }, ip);
    return saved;
  });
  return { ok: true, data: { id } };
}

/** Deletes a kind of membership that no membership (in any state, past ones too) is of; false when one is. */
export async function deleteKind(ctx: ModuleContext, actor: Actor, n: Network, kind: MembershipKind, ip: string): Promise<boolean> {
  return transaction(ctx.database.db, async (trx) => {
    const used = (await repo.membershipsByKind(trx, n.id)).some((c) => c.kind_id === kind.id && Number(c.n) > 0);
    if (used) return false;
    await repo.deleteKind(trx, kind.id);
    await audit(
      trx,
      actor,
      { action: 'network.kind.delete', subjectType: 'network', subjectId: n.id, details: { kind: kind.id, code: kind.code } },
      ip,
    );
    return true;
  });
}

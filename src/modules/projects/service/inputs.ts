import { z } from 'zod';
import { POLICY_AREAS } from '../../../core/areas.ts';
import { countryName } from '../../../core/countries.ts';
import { text, urlField } from '../../../core/http/input.ts';
import { LANGUAGE_CODES, type LanguageCode } from '../../../core/i18n/languages.ts';
import { isTimeZone } from '../../../core/zones.ts';
import { APPLICANTS } from '../schema.ts';
import { instantIn } from './dates.ts';

export const PROGRAMME_LIMITS = { acronym: 40, name: 200, summary: 3000, managing_body: 200, website: 300, strands: 2000 } as const;
export const CALL_LIMITS = { reference: 80, title: 200, summary: 5000, countries: 300, url: 300 } as const;
/** The largest sum a form takes, in euros: more than any single call of the programmes offers. */
export const MAX_EUR = 10_000_000_000;

/** Boxes ticked among known values; anything else is refused, not dropped. */
const ticked = <T extends string>(allowed: readonly T[]) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .refine((v) => v.every((x) => allowed.includes(x as T)), 'form.error.choose')
    .transform((v) => [...new Set(v)] as T[]);

const language = z.enum(LANGUAGE_CODES as [LanguageCode, ...LanguageCode[]], { error: 'form.error.choose' });
const required = (max: number) => text().trim().min(1, 'form.error.required').max(max, 'form.error.tooLong');
const optional = (max: number) => text().trim().max(max, 'form.error.tooLong').optional().default('');

/** A whole number typed into a field, within bounds; `blank` says whether it may be left empty. */
function count(min: number, max: number, error: string, blank: boolean) {
  return text()
    .trim()
    .optional()
    .default('')
    .refine((v) => (v === '' ? blank : /^\d{1,12}$/.test(v) && Number(v) >= min && Number(v) <= max), error)
    .transform((v) => (v === '' ? null : Number(v)));
}

/** Strand names, one a line; blank lines are left out. */
const strandLines = optional(PROGRAMME_LIMITS.strands)
  .transform((v) =>
    v
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  )
  .refine((lines) => lines.length <= 20 && lines.every((l) => l.length <= 120), 'projects.error.strands');

export const programmeInput = z.object({
  language,
  acronym: required(PROGRAMME_LIMITS.acronym),
  name: required(PROGRAMME_LIMITS.name),
  summary: optional(PROGRAMME_LIMITS.summary),
  managing_body: optional(PROGRAMME_LIMITS.managing_body),
  website: urlField(PROGRAMME_LIMITS.website),
  areas: ticked(POLICY_AREAS),
  active: z.literal('on').optional(),
  strands: strandLines,
});
export type ProgrammeInput = z.output<typeof programmeInput>;

/** ISO codes, separated by commas or spaces, of countries that exist (associated countries too, not only members). */
const countries = optional(CALL_LIMITS.countries)
  .transform((v) => [
    ...new Set(
      v
        .toUpperCase()
        .split(/[\s,;]+/)
        .filter(Boolean),
    ),
  ])
  .refine((codes) => codes.every((c) => /^[A-Z]{2}$/.test(c) && countryName(c, 'en') !== c), 'projects.error.countries');

const when = text('projects.error.when')
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v), 'projects.error.when');

export const callInput = z
  .object({
    language,
    reference: required(CALL_LIMITS.reference).refine((v) => /^[\p{L}\p{N}][\p{L}\p{N} ._/-]*$/u.test(v), 'projects.error.reference'),
    title: required(CALL_LIMITS.title),
    summary: optional(CALL_LIMITS.summary),
    strand: text().optional().default(''),
    areas: ticked(POLICY_AREAS),
    applicants: ticked(APPLICANTS).refine((v) => v.length > 0, 'projects.error.applicants'),
    countries,
    min_partners: count(1, 500, 'projects.error.partners', false),
    min_countries: count(1, 60, 'projects.error.countryCount', false),
    duration_months_min: count(1, 120, 'projects.error.months', true),
    duration_months_max: count(1, 120, 'projects.error.months', true),
    budget_eur: count(0, MAX_EUR, 'projects.error.euros', true),
    lump_sum_eur: count(0, MAX_EUR, 'projects.error.euros', true),
    opens_at: when,
    deadline_at: when,
    time_zone: text('form.error.choose').refine(isTimeZone, 'projects.error.zone'),
    url: required(CALL_LIMITS.url).refine((v) => /^https?:\/\/[^\s/]+\.[^\s]+$/.test(v), 'form.error.url'),
  })
  .transform((c, ctx) => {
    const opens = instantIn(c.opens_at, c.time_zone);
    const deadline = instantIn(c.deadline_at, c.time_zone);
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!opens) issue('opens_at', 'projects.error.when');
    if (!deadline) issue('deadline_at', 'projects.error.when');
    else if (opens && deadline <= opens) issue('deadline_at', 'projects.error.deadlineOrder');
    if (c.duration_months_min && c.duration_months_max && c.duration_months_min > c.duration_months_max)
      issue('duration_months_max', 'projects.error.monthsOrder');
    if (c.min_partners !== null && c.min_countries !== null && c.min_countries > c.min_partners)
      issue('min_countries', 'projects.error.countriesOrder');
    return { ...c, opens_at: opens ?? '', deadline_at: deadline ?? '' };
  });
export type CallInput = z.output<typeof callInput>;

export const PROGRAMME_FIELDS = ['language', 'acronym', 'name', 'summary', 'managing_body', 'website', 'active', 'strands'] as const;
export const CALL_FIELDS = [
  'language',
  'reference',
  'title',
  'summary',
  'strand',
  'countries',
  'min_partners',
  'min_countries',
  'duration_months_min',
  'duration_months_max',
  'budget_eur',
  'lump_sum_eur',
  'opens_at',
  'deadline_at',
  'time_zone',
  'url',
] as const;

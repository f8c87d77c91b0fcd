import { z } from 'zod';
import { POLICY_AREAS } from '../../../core/areas.ts';
import { isCountry } from '../../../core/countries.ts';
import { isCalendarDate, text, urlField } from '../../../core/http/input.ts';
import { LANGUAGE_CODES, type LanguageCode } from '../../../core/i18n/languages.ts';
import { INDICATOR_KINDS, ORGANISATION_TYPES, PARTNER_ROLES, PROJECT_STATES } from '../schema.ts';
import { MAX_EUR } from './inputs.ts';

export const PROJECT_LIMITS = { acronym: 40, title: 300, summary: 5000, reference: 80, website: 300 } as const;
export const PARTNER_LIMITS = { organisation: 200 } as const;
export const INDICATOR_LIMITS = { label: 200, unit: 40 } as const;

const language = z.enum(LANGUAGE_CODES as [LanguageCode, ...LanguageCode[]], { error: 'form.error.choose' });
const required = (max: number) => text().trim().min(1, 'form.error.required').max(max, 'form.error.tooLong');
const optional = (max: number) => text().trim().max(max, 'form.error.tooLong').optional().default('');
const day = (blank: boolean) =>
  text()
    .trim()
    .optional()
    .default('')
    .refine((v) => (v === '' ? blank : isCalendarDate(v)), 'projects.error.day')
    .transform((v) => v || null);
const euros = text()
  .trim()
  .optional()
  .default('')
  .refine((v) => v === '' || (/^\d{1,12}$/.test(v) && Number(v) <= MAX_EUR), 'projects.error.euros')
  .transform((v) => (v === '' ? null : Number(v)));
const id = text()
  .trim()
  .optional()
  .default('')
  .refine((v) => v === '' || /^[1-9]\d{0,9}$/.test(v), 'form.error.choose')
  .transform((v) => (v === '' ? null : Number(v)));

export const projectInput = z
  .object({
    language,
    acronym: required(PROJECT_LIMITS.acronym).refine((v) => /^[\p{L}\p{N}][\p{L}\p{N} ._&+-]*$/u.test(v), 'projects.error.acronym'),
    title: required(PROJECT_LIMITS.title),
    summary: optional(PROJECT_LIMITS.summary),
    programme: id,
    call: id,
    reference: optional(PROJECT_LIMITS.reference),
    starts_on: day(false),
    ends_on: day(false),
    budget_eur: euros,
    eu_contribution_eur: euros,
    areas: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
      .refine((v) => v.every((x) => (POLICY_AREAS as readonly string[]).includes(x)), 'form.error.choose')
      .transform((v) => [...new Set(v)]),
    website: urlField(PROJECT_LIMITS.website).refine((v) => v === '' || /^https?:\/\//i.test(v), 'form.error.url'),
  })
  .superRefine((p, ctx) => {
    if (p.starts_on && p.ends_on && p.ends_on <= p.starts_on)
      ctx.addIssue({ code: 'custom', path: ['ends_on'], message: 'projects.error.endBeforeStart' });
    if (p.budget_eur !== null && p.eu_contribution_eur !== null && p.eu_contribution_eur > p.budget_eur)
      ctx.addIssue({ code: 'custom', path: ['eu_contribution_eur'], message: 'projects.error.contributionAboveBudget' });
  });
export type ProjectInput = z.output<typeof projectInput>;
export const PROJECT_FIELDS = [
  'language',
  'acronym',
  'title',
  'summary',
  'programme',
  'call',
  'reference',
  'starts_on',
  'ends_on',
  'budget_eur',
  'eu_contribution_eur',
  'website',
] as const;

export const stateInput = z.object({
  state: z.enum(PROJECT_STATES, { error: 'form.error.choose' }),
  confirm: z.literal('yes', { error: 'projects.error.confirm' }),
});

const role = z.enum(PARTNER_ROLES, { error: 'form.error.choose' });
/** A town of the directory invited by its id (found with the directory's search). */
export const inviteInput = z.object({ municipality: id.refine((v) => v !== null, 'projects.error.town'), role });
export const organisationInput = z.object({
  organisation: required(PARTNER_LIMITS.organisation),
  country: text().trim().toUpperCase().refine(isCountry, 'projects.error.country'),
  organisation_type: z.enum(ORGANISATION_TYPES, { error: 'form.error.choose' }),
  municipality: id,
  role,
});
export const partnerChangeInput = z.object({ role, joined_on: day(true), left_on: day(true) }).superRefine((p, ctx) => {
  if (p.joined_on && p.left_on && p.left_on < p.joined_on)
    ctx.addIssue({ code: 'custom', path: ['left_on'], message: 'projects.error.leftBeforeJoined' });
});

const amount = text()
  .trim()
  .optional()
  .default('')
  .refine((v) => v === '' || (/^\d{1,12}(\.\d{1,2})?$/.test(v) && Number(v) <= 1e12), 'projects.error.amount')
  .transform((v) => (v === '' ? null : Number(v)));
export const indicatorInput = z.object({
  kind: z.enum(INDICATOR_KINDS, { error: 'form.error.choose' }),
  label: required(INDICATOR_LIMITS.label),
  unit: optional(INDICATOR_LIMITS.unit),
  target: amount,
  achieved: amount,
});
export const INDICATOR_FIELDS = ['kind', 'label', 'unit', 'target', 'achieved'] as const;

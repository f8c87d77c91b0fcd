import { z } from 'zod';
import { dateField, text, urlField } from '../../../core/http/input.ts';
import { isLanguage } from '../../../core/i18n/languages.ts';

export const EDITION_LIMITS = { slug: 80, title: 200, rules: 8000, mayor_categories: 2000, practice_categories: 2000 };
const anyDate = () => dateField('awards.error.date', () => ({ min: '2000-01-01', max: '2100-12-31' }));

export const EDITION_FIELDS = [
  'language',
  'slug',
  'year',
  'title',
  'rules',
  'nominations_close',
  'vote_opens',
  'vote_closes',
  'jury_closes',
  'results_on',
  'jury_weight',
  'mayor_categories',
  'practice_categories',
] as const;

export const editionInput = z
  .object({
    language: z.string({ error: 'form.error.required' }).refine(isLanguage, 'form.error.required'),
    slug: text()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'awards.error.slug')
      .max(EDITION_LIMITS.slug, 'form.error.tooLong')
      // The page for a new edition has this address.
      .refine((s) => s !== 'new', 'awards.error.slugTaken'),
    year: text()
      .trim()
      .regex(/^20\d\d$/, 'awards.error.year')
      .transform(Number),
    title: text().trim().min(1, 'form.error.required').max(EDITION_LIMITS.title, 'form.error.tooLong'),
    rules: text().trim().max(EDITION_LIMITS.rules, 'form.error.tooLong').optional().default(''),
    nominations_close: anyDate(),
    vote_opens: anyDate(),
    vote_closes: anyDate(),
    jury_closes: anyDate(),
    results_on: anyDate(),
    jury_weight: text()
      .trim()
      .regex(/^\d{1,3}$/, 'awards.error.weight')
      .transform(Number)
      .refine((n) => n <= 100, 'awards.error.weight'),
    mayor_categories: text().max(EDITION_LIMITS.mayor_categories, 'form.error.tooLong').optional().default(''),
    practice_categories: text().max(EDITION_LIMITS.practice_categories, 'form.error.tooLong').optional().default(''),
  })
  .superRefine((v, c) => {
    const order = [v.nominations_close, v.vote_opens, v.vote_closes, v.jury_closes, v.results_on];
    const keys = ['nominations_close', 'vote_opens', 'vote_closes', 'jury_closes', 'results_on'];
    for (let i = 1; i < order.length; i++) {
      if (order[i]! < order[i - 1]!) c.addIssue({ code: 'custom', path: [keys[i]!], message: 'awards.error.order' });
    }
  });

export type EditionInput = z.output<typeof editionInput>;

export const NOMINATION_LIMITS = { town: 200, mayor_name: 160, practice: 200, reasons: 4000 };
export const NOMINATION_FIELDS = ['country', 'town', 'mayor_name', 'practice', 'reasons'] as const;

export const nominationInput = z.object({
  country: text()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'awards.error.country')
    .transform((c) => c.toUpperCase()),
  town: text().trim().min(1, 'form.error.required').max(NOMINATION_LIMITS.town, 'form.error.tooLong'),
  mayor_name: text().trim().max(NOMINATION_LIMITS.mayor_name, 'form.error.tooLong').optional().default(''),
  practice: text().trim().max(NOMINATION_LIMITS.practice, 'form.error.tooLong').optional().default(''),
  reasons: text().trim().min(20, 'awards.error.reasons').max(NOMINATION_LIMITS.reasons, 'form.error.tooLong'),
});

export const MATERIAL_LIMITS = { body: 4000, url: 300 };
export const materialInput = z.object({
  body: text().trim().min(1, 'form.error.required').max(MATERIAL_LIMITS.body, 'form.error.tooLong'),
  url: urlField(MATERIAL_LIMITS.url),
});

export const VOID_LIMITS = { reason: 500 };
export const voidInput = z.object({
  reason: text().trim().min(5, 'awards.error.voidReason').max(VOID_LIMITS.reason, 'form.error.tooLong'),
});

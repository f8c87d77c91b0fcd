import { DateTime } from 'luxon';
import { z } from 'zod';
import { urlField } from '../../../core/http/input.ts';
import { isLanguage } from '../../../core/i18n/languages.ts';
import { cleanLine, cleanText } from './sanitize.ts';
import { CONTENT_TYPES, POLICY_AREAS, type PolicyArea } from '../schema.ts';

export const LIMITS = {
  title: 200, summary: 600, body: 50_000, image_alt: 300, goal: 600, problem: 5000, solution: 5000, results: 5000, cost: 300, reuse: 600,
  tags: 400, venue_name: 200, venue_address: 300, online_url: 300, organiser: 200, contact: 600, name: 160, email: 254,
} as const;
export const MAX_TAGS = 10;

const required = (max: number) => z.string({ error: 'form.error.required' }).transform(cleanLine).pipe(z.string().min(1, 'form.error.required').max(max, 'form.error.tooLong'));
const optional = (max: number) => z.string().optional().default('').transform(cleanLine).pipe(z.string().max(max, 'form.error.tooLong'));
const longText = (max: number) => z.string().optional().default('').transform(cleanText).pipe(z.string().max(max, 'form.error.tooLong'));
const url = urlField();
const choice = <T extends string>(values: readonly T[]) => z.string({ error: 'form.error.choose' }).refine((v): v is T => values.includes(v as T), 'form.error.choose');
const list = z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** Texts of one language of an item; which of them are asked depends on the type. */
export const textsInput = z.object({
  title: required(LIMITS.title),
  summary: required(LIMITS.summary),
  body: longText(LIMITS.body),
  image_alt: optional(LIMITS.image_alt),
  goal: optional(LIMITS.goal),
  problem: longText(LIMITS.problem),
  solution: longText(LIMITS.solution),
  results: longText(LIMITS.results),
  cost: optional(LIMITS.cost),
  reuse: optional(LIMITS.reuse),
});
export type TextsInput = z.infer<typeof textsInput>;

export const isTimeZone = (zone: string) => zone.length <= 64 && DateTime.local().setZone(zone).isValid;

/** What an item is and where it stands, beside its texts: areas, tags, event and type details. */
export const detailsInput = z.object({
  areas: list.refine((v) => v.length > 0, 'content.error.area').refine((v) => v.every((a) => POLICY_AREAS.includes(a as PolicyArea)), 'form.error.choose'),
  tags: optional(LIMITS.tags).transform((v) => [...new Set(v.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))])
    .refine((tags) => tags.length <= MAX_TAGS, 'content.error.tags').refine((tags) => tags.every((t) => t.length <= 40), 'content.error.tags'),
  starts_at: optional(20),
  ends_at: optional(20),
  time_zone: optional(64),
  all_day: z.string().optional().transform((v) => v === 'on' || v === '1' || v === 'true'),
  venue_name: optional(LIMITS.venue_name),
  venue_address: optional(LIMITS.venue_address),
  latitude: z.string().optional().default('').transform((v) => v.trim())
    .refine((v) => v === '' || (/^-?\d{1,2}(\.\d+)?$/.test(v) && Math.abs(Number(v)) <= 90), 'municipalities.edit.error.latitude'),
  longitude: z.string().optional().default('').transform((v) => v.trim())
    .refine((v) => v === '' || (/^-?\d{1,3}(\.\d+)?$/.test(v) && Math.abs(Number(v)) <= 180), 'municipalities.edit.error.longitude'),
  online_url: url,
  organiser: optional(LIMITS.organiser),
  registration: z.string().optional().transform((v) => v === 'on' || v === '1' || v === 'true'),
  capacity: z.string().optional().default('').transform((v) => v.trim()).refine((v) => v === '' || /^\d{1,6}$/.test(v), 'content.error.capacity'),
  deadline: optional(10).refine((v) => v === '' || DateTime.fromISO(v).isValid, 'content.error.date'),
  contact: optional(LIMITS.contact),
});
export type DetailsInput = z.infer<typeof detailsInput>;

export const createInput = z.object({
  type: choice(CONTENT_TYPES),
  owner: z.string({ error: 'form.error.choose' }).regex(/^(platform|[a-z][a-z-]*:\d{1,10})$/, 'form.error.choose'),
  language: z.string({ error: 'form.error.choose' }).refine(isLanguage, 'form.error.choose'),
});

export const publishInput = z.object({
  when: choice(['now', 'later'] as const),
  publish_at: optional(20),
  time_zone: optional(64),
});

export const registerInput = z.object({
  name: required(LIMITS.name),
  email: z.string({ error: 'form.error.required' }).trim().toLowerCase().min(1, 'form.error.required').max(LIMITS.email, 'form.error.tooLong')
    .refine((v) => z.email().safeParse(v).success, 'form.error.email'),
});

/** A local date and time in a zone, as an ISO instant in UTC; undefined when it is not one. */
export function instantIn(local: string, zone: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/.test(local)) return undefined;
  const dt = DateTime.fromISO(local, { zone });
  return dt.isValid ? dt.toUTC().toISO({ suppressMilliseconds: false })! : undefined;
}

/** An instant shown as the local date and time of a zone, as a datetime-local field holds it. */
export function localIn(instant: string | null, zone: string | null, dateOnly = false): string {
  if (!instant) return '';
  const dt = DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone ?? 'UTC');
  return dateOnly ? dt.toISODate()! : dt.toFormat("yyyy-MM-dd'T'HH:mm");
}

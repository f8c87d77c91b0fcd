import type { Generated } from 'kysely';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { urlField } from '../../core/http/input.ts';
import { isLanguage } from '../../core/i18n/languages.ts';
import { isTimeZone } from '../../core/zones.ts';

export const CONTENT_TYPES = ['news', 'event', 'initiative', 'practice'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/** The address segment of each type: /{lang}/news, /{lang}/events, ... */
export const TYPE_PATHS: Record<ContentType, string> = {
  news: 'news',
  event: 'events',
  initiative: 'initiatives',
  practice: 'good-practices',
};

import { POLICY_AREAS, type PolicyArea } from '../../core/areas.ts';

export { POLICY_AREAS, type PolicyArea };

/** "platform", or the type of a scope that writes content (a municipality, a network…). */
export type OwnerType = string;

/** Stored states; "scheduled" is a published item whose time has not come yet. */
export type StoredState = 'draft' | 'published' | 'unpublished';
export type State = StoredState | 'scheduled';

export interface ContentItemRow {
  id: Generated<number>;
  type: ContentType;
  owner_type: OwnerType;
  /** The owning thing's id (a municipality's, a network's…); null for the platform. */
  owner_id: number | null;
  /** The owner's country, for filtering without asking the directory; null for the platform. */
  country: string | null;
  original_language: string;
  slug: string;
  state: StoredState;
  published_at: string | null;
  /** Base name of the image's resized variants. */
  image: string | null;
  /** Tags as ",tag one,tag two,". */
  tags: string;
  starts_at: string | null;
  ends_at: string | null;
  time_zone: string | null;
  all_day: number;
  venue_name: string | null;
  venue_address: string | null;
  latitude: number | null;
  longitude: number | null;
  online_url: string | null;
  organiser: string | null;
  /** null: no registration; 0: registration without a limit. */
  capacity: number | null;
  deadline: string | null;
  contact: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** The texts of an item in one language. */
export interface ContentTextRow {
  id: Generated<number>;
  item_id: number;
  language: string;
  title: string;
  summary: string;
  /** What the editor wrote (Markdown); body_html is its sanitised rendering. */
  body_source: string;
  body_html: string;
  image_alt: string | null;
  goal: string | null;
  problem: string | null;
  solution: string | null;
  results: string | null;
  cost: string | null;
  reuse: string | null;
  updated_at: string;
}

export interface ContentAreaRow {
  item_id: number;
  area: PolicyArea;
  /** The item's publication time while it is published; null otherwise. */
  published_at: string | null;
}

export interface ContentRevisionRow {
  id: Generated<number>;
  item_id: number;
  language: string;
  /** The item's fields and the language's texts, as JSON. */
  snapshot: string;
  user_id: number | null;
  created_at: string;
}

export interface RegistrationRow {
  id: Generated<number>;
  item_id: number;
  user_id: number | null;
  name: string;
  email: string;
  language: string;
  status: 'confirmed' | 'waiting' | 'cancelled';
  token_hash: string;
  created_at: string;
  updated_at: string;
}

declare module '../../core/db/tables.ts' {
  interface Tables {
    content_items: ContentItemRow;
    content_texts: ContentTextRow;
    content_areas: ContentAreaRow;
    content_revisions: ContentRevisionRow;
    event_registrations: RegistrationRow;
  }
}

export type ContentItem = Omit<ContentItemRow, 'id'> & { id: number };
export type ContentText = Omit<ContentTextRow, 'id'> & { id: number };
export type Registration = Omit<RegistrationRow, 'id'> & { id: number };

/** The fields that a translation carries, beside title, summary and body. */
export const TEXT_FIELDS = ['goal', 'problem', 'solution', 'results', 'cost', 'reuse'] as const;

// Form inputs. Messages are message keys; LIMITS names each field's length for "too long".

/** Single-line text as typed, without control characters; markup in it is shown, never run. */
export function cleanLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the control characters the cleaner removes
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the control characters the cleaner removes
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b-\u001f\u007f]+/g;

/** Multi-line text without control characters other than line breaks. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL_BUT_LINE_BREAKS, ' ').trim();
}

export const LIMITS = {
  title: 200,
  summary: 600,
  body: 50_000,
  image_alt: 300,
  goal: 600,
  problem: 5000,
  solution: 5000,
  results: 5000,
  cost: 300,
  reuse: 600,
  tags: 400,
  venue_name: 200,
  venue_address: 300,
  online_url: 300,
  organiser: 200,
  contact: 600,
  name: 160,
  email: 254,
} as const;
export const MAX_TAGS = 10;

const required = (max: number) =>
  z
    .string({ error: 'form.error.required' })
    .transform(cleanLine)
    .pipe(z.string().min(1, 'form.error.required').max(max, 'form.error.tooLong'));
const optional = (max: number) => z.string().optional().default('').transform(cleanLine).pipe(z.string().max(max, 'form.error.tooLong'));
const longText = (max: number) => z.string().optional().default('').transform(cleanText).pipe(z.string().max(max, 'form.error.tooLong'));
const url = urlField();
const choice = <T extends string>(values: readonly T[]) =>
  z.string({ error: 'form.error.choose' }).refine((v): v is T => values.includes(v as T), 'form.error.choose');
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

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

export { isTimeZone };

/** A zone, or empty for the owner's; checked against the list with the other details, so any misfit reads "choose from the list". */
const zoneField = z
  .string()
  .optional()
  .default('')
  .transform((v) => v.trim());

/** What an item is and where it stands, beside its texts: areas, tags, event and type details. */
export const detailsInput = z.object({
  areas: list
    .refine((v) => v.length > 0, 'content.error.area')
    .refine((v) => v.every((a) => POLICY_AREAS.includes(a as PolicyArea)), 'form.error.choose'),
  tags: optional(LIMITS.tags)
    .transform((v) => [
      ...new Set(
        v
          .split(',')
          .map((t) => t.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .refine((tags) => tags.length <= MAX_TAGS, 'content.error.tags')
    .refine((tags) => tags.every((t) => t.length <= 40), 'content.error.tags'),
  starts_at: optional(20),
  ends_at: optional(20),
  time_zone: zoneField,
  all_day: z
    .string()
    .optional()
    .transform((v) => v === 'on' || v === '1' || v === 'true'),
  venue_name: optional(LIMITS.venue_name),
  venue_address: optional(LIMITS.venue_address),
  latitude: z
    .string()
    .optional()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => v === '' || (/^-?\d{1,2}(\.\d+)?$/.test(v) && Math.abs(Number(v)) <= 90), 'form.error.latitude'),
  longitude: z
    .string()
    .optional()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => v === '' || (/^-?\d{1,3}(\.\d+)?$/.test(v) && Math.abs(Number(v)) <= 180), 'form.error.longitude'),
  online_url: url,
  organiser: optional(LIMITS.organiser),
  registration: z
    .string()
    .optional()
    .transform((v) => v === 'on' || v === '1' || v === 'true'),
  capacity: z
    .string()
    .optional()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => v === '' || /^\d{1,6}$/.test(v), 'content.error.capacity'),
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
  time_zone: zoneField,
});

export const registerInput = z.object({
  name: required(LIMITS.name),
  email: z
    .string({ error: 'form.error.required' })
    .trim()
    .toLowerCase()
    .min(1, 'form.error.required')
    .max(LIMITS.email, 'form.error.tooLong')
    .refine((v) => z.email().safeParse(v).success, 'form.error.email'),
});

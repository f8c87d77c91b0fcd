import type { Generated } from 'kysely';

export const CONTENT_TYPES = ['news', 'event', 'initiative', 'practice'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/** The address segment of each type: /{lang}/news, /{lang}/events, ... */
export const TYPE_PATHS: Record<ContentType, string> = { news: 'news', event: 'events', initiative: 'initiatives', practice: 'good-practices' };

/** The platform's policy areas; their names are messages `content.area.{key}`. */
export const POLICY_AREAS = [
  'taxes', 'environment', 'health', 'culture', 'economy', 'sport', 'social', 'climate', 'mobility', 'digital', 'europe',
] as const;
export type PolicyArea = (typeof POLICY_AREAS)[number];

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

import type { Generated, Selectable } from 'kysely';

/**
 * Where a report stands: FixMyStreet's set. "fixed" is said only by staff or by the author;
 * "not_responsible" names who is, "duplicate" of which report.
 */
export const SIGNAL_STATES = [
  'open',
  'confirmed',
  'investigating',
  'in_progress',
  'action_scheduled',
  'fixed',
  'closed',
  'not_responsible',
  'duplicate',
  'unable_to_fix',
  'reopened',
] as const;
export type SignalState = (typeof SIGNAL_STATES)[number];

/** States in which the problem is still there to be dealt with; Open311 calls them "open". */
export const OPEN_STATES: readonly SignalState[] = ['open', 'confirmed', 'investigating', 'in_progress', 'action_scheduled', 'reopened'];
export const isOpen = (state: SignalState) => OPEN_STATES.includes(state);

/** The kinds of an extra question, as GeoReport v2 names attribute datatypes. */
export const QUESTION_KINDS = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Where a category's reports go: the town's own inbox, or another body's contact address. */
export const DESTINATIONS = ['inbox', 'email'] as const;
export type Destination = (typeof DESTINATIONS)[number];

/** What an entry of a report's timeline records. */
export const UPDATE_KINDS = ['created', 'state', 'note', 'internal', 'passed', 'me_too', 'questionnaire', 'assigned'] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

export interface SignalCategoryRow {
  id: Generated<number>;
  municipality_id: number;
  /** The GeoReport service_code: unique within the town, kept when the name changes. */
  code: string;
  /** One of the portal's defaults (its name and description are then translated), or null. */
  default_key: string | null;
  /** The town's own name and description; null shows the default's, in the reader's language. */
  name: string | null;
  description: string | null;
  /** A policy area (core `area.*`), for filtering the inbox. */
  area: string | null;
  destination: Destination;
  /** For destination "email": the other body and its address. */
  body_name: string | null;
  body_email: string | null;
  /** 0: no new reports (kept for the old ones). */
  active: Generated<number>;
  position: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SignalQuestionRow {
  id: Generated<number>;
  category_id: number;
  /** The GeoReport attribute code. */
  code: string;
  kind: QuestionKind;
  label: string;
  description: string | null;
  required: number;
  /** For the list kinds, the choices as JSON: [{"key": "...", "name": "..."}]. */
  options: string | null;
  position: number;
}

export interface SignalRow {
  id: Generated<number>;
  municipality_id: number;
  category_id: number;
  state: SignalState;
  latitude: number;
  longitude: number;
  address: string | null;
  description: string;
  /** Answers to the category's questions, as JSON {code: value | value[]}. */
  answers: string | null;
  /** Private: only staff of the town and the author see who reported. */
  author_id: number | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  /** 1 when the author agreed to show their name in public; 0 by default. */
  show_name: number;
  /** 0 until the author of a report sent without an account confirms it by the mailed link. */
  confirmed: number;
  confirm_hash: string | null;
  /** Where it came from: the portal's form, or an Open311 client (its key). */
  source: string;
  api_key_id: number | null;
  /** The Open311 token a client may ask about before the report has an id of its own. */
  token: string;
  /** People who said "me too" (the author not counted). */
  me_too: Generated<number>;
  duplicate_of: number | null;
  /** For "not_responsible": who is. */
  responsible: string | null;
  /** The colleague dealing with it. */
  assigned_to: number | null;
  /** Hidden by moderation: gone from every public page. */
  hidden: Generated<number>;
  created_at: string;
  confirmed_at: string | null;
  updated_at: string;
  /** When it was last said to be fixed, and when its author was asked whether it really is. */
  fixed_at: string | null;
  asked_at: string | null;
  /** The language the report was made in: its author's, when they have no account to tell. */
  language: string | null;
  /** sha256 of the questionnaire link mailed to the author ("is it really fixed?"); null once used. */
  questionnaire_hash: string | null;
}

export interface SignalUpdateRow {
  id: Generated<number>;
  signal_id: number;
  kind: UpdateKind;
  /** The state it moved to, for kind "state". */
  state: SignalState | null;
  /** Public, except for kind "internal". */
  note: string | null;
  /** Staff (or the author, for "fixed" and "reopened"); null for the portal itself. */
  author_id: number | null;
  /** For "passed": the town it came from. */
  from_municipality: number | null;
  /** For "assigned": the colleague it went to (null: nobody any more). */
  assignee_id: number | null;
  created_at: string;
}

export interface SignalPhotoRow {
  id: Generated<number>;
  signal_id: number;
  /** The base name of its resized variants. */
  file: string;
  /** Hidden by staff: kept for the record, shown to nobody else. */
  hidden: Generated<number>;
  position: number;
}

export interface SignalSupportRow {
  signal_id: number;
  user_id: number;
  created_at: string;
}

export interface SignalApiKeyRow {
  id: Generated<number>;
  /** The application it was issued to. */
  name: string;
  contact_email: string;
  /** sha256 of the key; the key itself is shown once. */
  key_hash: string;
  created_by: number | null;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface SignalBoundaryRow {
  municipality_id: number;
  /** A GeoJSON Polygon or MultiPolygon, in WGS 84. */
  geometry: string;
  min_lat: number;
  max_lat: number;
  min_lon: number;
  max_lon: number;
  updated_at: string;
}

declare module '../../core/db/tables.ts' {
  interface Tables {
    signal_categories: SignalCategoryRow;
    signal_questions: SignalQuestionRow;
    signals: SignalRow;
    signal_updates: SignalUpdateRow;
    signal_photos: SignalPhotoRow;
    signal_supports: SignalSupportRow;
    signal_api_keys: SignalApiKeyRow;
    signal_boundaries: SignalBoundaryRow;
  }
}

export type SignalCategory = Selectable<SignalCategoryRow>;
export type SignalQuestion = Selectable<SignalQuestionRow>;
export type Signal = Selectable<SignalRow>;
export type SignalUpdate = Selectable<SignalUpdateRow>;
export type SignalPhoto = Selectable<SignalPhotoRow>;
export type SignalApiKey = Selectable<SignalApiKeyRow>;

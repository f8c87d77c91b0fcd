import type { ColumnType, Generated, Selectable } from 'kysely';

/** A participatory process gathers proposals; a vision process a town's shared strategy, by section. */
export const PROCESS_KINDS = ['participatory', 'vision'] as const;
export type ProcessKind = (typeof PROCESS_KINDS)[number];

/** The phases a process moves through, in a usual order; each allows some actions. */
export const PHASE_KINDS = ['ideas', 'discussion', 'evaluation', 'monitoring'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

/** What a phase may allow readers to do. */
export const PHASE_ACTIONS = ['propose', 'support', 'comment', 'debate'] as const;
export type PhaseAction = (typeof PHASE_ACTIONS)[number];

/** Who may support: any confirmed account, or people verified against the town's census list. */
export const SUPPORTERS = ['confirmed', 'census'] as const;
export type Supporters = (typeof SUPPORTERS)[number];

/** The town's official answer to a proposal. */
export const ANSWER_STATES = ['evaluating', 'accepted', 'rejected', 'under_way'] as const;
export type AnswerState = (typeof ANSWER_STATES)[number];

/** Where a monitored result stands. */
export const RESULT_STATUSES = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

/** What a comment is on. */
export const COMMENT_SUBJECTS = ['proposal', 'debate', 'result', 'section'] as const;
export type CommentSubject = (typeof COMMENT_SUBJECTS)[number];

export const STANCES = ['for', 'against', 'neutral'] as const;
export type Stance = (typeof STANCES)[number];

export interface ProcessRow {
  id: Generated<number>;
  slug: string;
  /** Who runs it: a municipality or a network (scope type and id). */
  owner_type: string;
  owner_id: number;
  kind: ProcessKind;
  original_language: string;
  /** Policy areas, comma-separated. */
  areas: string;
  /** Supports a proposal needs to be answered; null for none. */
  support_threshold: number | null;
  /** Proposals one person may support in this process; null for no limit. */
  support_limit: number | null;
  supporters: Supporters;
  /** 1 when comments take a stance (for, against, neutral). */
  stances: number;
  /** 0 while staff prepare it: only they see it. */
  published: number;
  /** YYYY-MM-DD: from the first phase's start to the last one's end. */
  starts_on: string;
  ends_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProcessTextRow {
  id: Generated<number>;
  process_id: number;
  language: string;
  title: string;
  summary: string;
  /** Sanitised rich text, as content's bodies. */
  description: string;
}

export interface ProcessPhaseRow {
  id: Generated<number>;
  process_id: number;
  position: number;
  kind: PhaseKind;
  /** YYYY-MM-DD, both days included, in the owner's time zone. */
  starts_on: string;
  ends_on: string;
  /** The actions it allows, comma-separated. */
  actions: string;
}

export interface VisionSectionRow {
  id: Generated<number>;
  process_id: number;
  position: number;
  language: string;
  title: string;
  body: string;
  comments_count: number;
}

export interface ProposalRow {
  id: Generated<number>;
  process_id: number;
  author_id: number | null;
  /** The organisation its author speaks for; null for a citizen writing in their own name. */
  on_behalf_of: string | null;
  language: string;
  title: string;
  body: string;
  area: string;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  /** The published answer's state, kept here for filters; null before one. */
  answer_state: AnswerState | null;
  supports_count: number;
  comments_count: number;
  /** 1 when moderation hid it: it shows nowhere. */
  hidden: number;
  withdrawn: number;
  published_at: string;
  edited_at: string | null;
  updated_at: string;
}

export interface ProposalPictureRow {
  id: Generated<number>;
  proposal_id: number;
  position: number;
  file: string;
  alt: string;
}

export interface SupportRow {
  id: Generated<number>;
  proposal_id: number;
  process_id: number;
  user_id: number;
  created_at: string;
}

export interface ProposalAnswerRow {
  id: Generated<number>;
  proposal_id: number;
  state: AnswerState;
  text: string;
  cost_cents: number | null;
  author_id: number | null;
  /** When it goes public: now, or together with others at a set time. */
  publish_at: string;
  published: number;
  created_at: string;
  updated_at: string;
}

export interface ResultRow {
  id: Generated<number>;
  process_id: number;
  language: string;
  title: string;
  description: string;
  area: string | null;
  /** 0–100. */
  progress: number;
  status: ResultStatus;
  starts_on: string | null;
  ends_on: string | null;
  /** The id a town's CSV gives it, so that importing again updates rather than adds. */
  external_id: string | null;
  comments_count: number;
  created_at: string;
  updated_at: string;
}

export interface ResultProposalRow {
  result_id: number;
  proposal_id: number;
}

export interface ResultEventRow {
  id: Generated<number>;
  result_id: number;
  on_date: string;
  text: string;
  progress: number | null;
}

export interface DebateRow {
  id: Generated<number>;
  /** null for a debate in a policy area of the owner, outside any process. */
  process_id: number | null;
  owner_type: string;
  owner_id: number;
  area: string | null;
  author_id: number | null;
  /** 1 when staff of the owner opened it. */
  official: number;
  language: string;
  title: string;
  body: string;
  closes_at: string | null;
  closed_at: string | null;
  conclusions: string | null;
  comments_count: number;
  hidden: number;
  created_at: string;
  updated_at: string;
}

export interface CommentRow {
  id: Generated<number>;
  subject_type: CommentSubject;
  subject_id: number;
  /** The comment it answers; answers are not answered in turn (two levels). */
  parent_id: number | null;
  author_id: number | null;
  body: string;
  stance: Stance | null;
  /** 1 for a reply by staff of the owner, marked as official. */
  official: number;
  hidden: number;
  created_at: string;
  edited_at: string | null;
}

export type Process = Selectable<ProcessRow>;
export type ProcessPhase = Selectable<ProcessPhaseRow>;
export type VisionSection = Selectable<VisionSectionRow>;
export type Proposal = Selectable<ProposalRow>;
export type ProposalAnswer = Selectable<ProposalAnswerRow>;
export type Result = Selectable<ResultRow>;
export type ResultEvent = Selectable<ResultEventRow>;
export type Debate = Selectable<DebateRow>;
export type Comment = Selectable<CommentRow>;

declare module '../../core/db/tables.ts' {
  interface Tables {
    processes: ProcessRow;
    process_texts: ProcessTextRow;
    process_phases: ProcessPhaseRow;
    vision_sections: VisionSectionRow;
    proposals: ProposalRow;
    proposal_pictures: ProposalPictureRow;
    supports: SupportRow;
    proposal_answers: ProposalAnswerRow;
    results: ResultRow;
    result_proposals: ResultProposalRow;
    result_events: ResultEventRow;
    debates: DebateRow;
    comments: CommentRow;
  }
}

// The census check (see migrations/20261204_03_census.ts).

/** An identifier on an owner's census list, as HMAC-SHA-256 under the portal's secret: never in clear. */
export interface CensusEntryRow {
  owner_type: string;
  owner_id: number;
  hash: string;
}

/** When an owner's list was last uploaded, by whom, and how many identifiers it holds. */
export interface CensusListRow {
  id: Generated<number>;
  owner_type: string;
  owner_id: number;
  entries: number;
  uploaded_by: number | null;
  uploaded_at: string;
}

/** The account an identifier verified as a resident of an owner. */
export interface CensusVerificationRow {
  id: Generated<number>;
  owner_type: string;
  owner_id: number;
  hash: string;
  user_id: number;
  verified_at: string;
}

/** A second account that typed an identifier another account had used: staff decide which keeps it. */
export interface CensusClashRow {
  id: Generated<number>;
  owner_type: string;
  owner_id: number;
  hash: string;
  user_id: number;
  created_at: string;
}

export type CensusClash = Selectable<CensusClashRow>;

declare module '../../core/db/tables.ts' {
  interface Tables {
    census_entries: CensusEntryRow;
    census_lists: CensusListRow;
    census_verifications: CensusVerificationRow;
    census_clashes: CensusClashRow;
  }
}

// Following, notifications and their mail

/** What a person can follow. */
export const FOLLOW_TYPES = ['process', 'proposal', 'debate'] as const;
export type FollowType = (typeof FOLLOW_TYPES)[number];

/** What happened, for the people who follow it. */
export const NOTIFY_EVENTS = ['proposal.new', 'comment.new', 'answer.published', 'debate.new', 'debate.closed', 'result.updated'] as const;
export type NotifyEvent = (typeof NOTIFY_EVENTS)[number];

/** The text that caused a notification. */
export type SourceType = 'proposal' | 'comment' | 'debate' | 'answer' | 'result';

/** How often a person wants mail of what is new; daily when they never said. */
export const FREQUENCIES = ['immediate', 'daily', 'weekly', 'never'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export interface FollowRow {
  id: Generated<number>;
  user_id: number;
  subject_type: FollowType;
  subject_id: number;
  created_at: string;
}

export interface NotificationRow {
  id: Generated<number>;
  user_id: number;
  event: NotifyEvent;
  subject_type: FollowType;
  subject_id: number;
  process_id: number | null;
  source_type: SourceType;
  source_id: number;
  /** What the person follows that brought it: the subject, or its process. */
  reason: FollowType;
  created_at: string;
  read_at: string | null;
  mailed_at: string | null;
}

export interface MailPrefsRow {
  user_id: number;
  frequency: Frequency;
  last_digest_at: string | null;
  updated_at: string;
}

export interface ParticipationMailRow {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  frequency: Frequency;
  created_at: string;
}

export type Notification = Selectable<NotificationRow>;

declare module '../../core/db/tables.ts' {
  interface Tables {
    participation_follows: FollowRow;
    participation_notifications: NotificationRow;
    participation_mail_prefs: MailPrefsRow;
    participation_mails: ParticipationMailRow;
  }
}
// Proposals and supports (migration 20261204_02_proposals).

/** The organisation it was published as (migration 20261213_03_as_organisation); null for its author's own name. */
type PublishedAs = ColumnType<number | null, number | null | undefined, number | null>;

export interface ProposalRow {
  organisation_id: PublishedAs;
}
export interface DebateRow {
  organisation_id: PublishedAs;
}
export interface CommentRow {
  organisation_id: PublishedAs;
}

export interface ProposalRow {
  /** A random key set once (0 unless given): the list's random order starts at a visitor's seed and walks it. */
  shuffle: Generated<number>;
}
export type ProposalPicture = Selectable<ProposalPictureRow>;

/** The list's orders: newest first, most supported, most commented, and random (stable per visitor). */
export const PROPOSAL_SORTS = ['random', 'newest', 'supports', 'comments'] as const;
export type ProposalSort = (typeof PROPOSAL_SORTS)[number];

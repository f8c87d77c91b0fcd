import type { Generated } from 'kysely';

/** What a network is: the kinds people filter by. */
export const NETWORK_KINDS = ['association', 'initiative', 'project_network', 'informal'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

/** Who may hold a membership of a kind. */
export const APPLICANTS = ['municipality', 'organisation', 'both'] as const;
export type Applicants = (typeof APPLICANTS)[number];

/**
 * Where a membership stands. An application is drafted and submitted; the coordinators find it
 * eligible or refuse it; the applicant sends the signed commitment (commitment pending) and the
 * coordinators accept it: active from the commitment's date. A report is due every N years; past
 * its deadline the membership is overdue, past the grace period on hold, and active again when a
 * report is accepted. The member may withdraw; the coordinators may end it.
 */
export const MEMBERSHIP_STATES = [
  'draft',
  'submitted',
  'eligible',
  'refused',
  'commitment_pending',
  'active',
  'report_overdue',
  'on_hold',
  'withdrawn',
  'ended',
] as const;
export type MembershipState = (typeof MEMBERSHIP_STATES)[number];

/** The states the public sees in a member list: on hold, refused, withdrawn and ended members are not shown. */
export const PUBLIC_STATES: readonly MembershipState[] = ['active', 'report_overdue'];

export interface NetworkRow {
  id: Generated<number>;
  slug: string;
  kind: NetworkKind;
  founded_year: number | null;
  website: string | null;
  /** The language its texts were first written in: shown where the reader's is missing. */
  original_language: string;
  /** Policy areas it works on, comma-separated. */
  areas: string;
  /** The base name of its logo's stored variants; null without one. */
  logo: string | null;
  created_at: string;
  updated_at: string;
}

/** A network's name, acronym and description in one language. */
export interface NetworkTextRow {
  id: Generated<number>;
  network_id: number;
  language: string;
  name: string;
  acronym: string;
  description: string;
}

/** A kind of membership a network offers (signatory, supporter…), configured by its coordinators. */
export interface MembershipKindRow {
  id: Generated<number>;
  network_id: number;
  code: string;
  /** Its name per language, as JSON: {"en": "Supporter", "bg": "Поддръжник"}. */
  labels: string;
  applicants: Applicants;
  /** Countries whose members may apply (ISO codes, comma-separated); empty for all. */
  countries: string;
  min_population: number | null;
  max_population: number | null;
  /** A report is due this many years after joining and after each accepted report. */
  report_years: number;
  /** Days after a report's deadline before the membership goes on hold. */
  grace_days: number;
  position: number;
}

export interface MembershipRow {
  id: Generated<number>;
  network_id: number;
  kind_id: number;
  member_type: 'municipality' | 'organisation';
  member_id: number;
  /** The member's country (ISO), kept here so that member lists filter without another module's tables. */
  country: string | null;
  state: MembershipState;
  /** The join date: the date of the signed commitment or the council's decision. */
  since: string | null;
  commitment_date: string | null;
  /** Where the signed commitment is kept, under the data directory; null until it is sent. */
  commitment_file: string | null;
  report_due_at: string | null;
  /** Whether the one extension of the current deadline was given. */
  extended: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** Every change of state: who, when and why. */
export interface MembershipEventRow {
  id: Generated<number>;
  membership_id: number;
  from_state: MembershipState | null;
  to_state: MembershipState;
  actor_id: number | null;
  reason: string;
  at: string;
}

/** A reminder of a report's deadline, sent once. */
export interface MembershipReminderRow {
  id: Generated<number>;
  membership_id: number;
  due_at: string;
  days_before: number;
  sent_at: string;
}

/** What a report's question asks for: words, a number, one of its choices, or a file. */
export const QUESTION_KINDS = ['text', 'number', 'choice', 'file'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** A question of a network's report form, in several languages. */
export interface ReportQuestionRow {
  id: Generated<number>;
  network_id: number;
  kind: QuestionKind;
  /** The question per language, as JSON: {"en": "How many…", "bg": "Колко…"}. */
  labels: string;
  /** For a choice: its options, as JSON, each per language: [{"en": "Yes"}, {"en": "No"}]. */
  choices: string;
  required: number;
  /** Whether the answer is shown on the member's profile once the report is accepted. */
  public: number;
  position: number;
}

/** A report is written, submitted, and accepted or returned with comments (and then sent again). */
export const REPORT_STATES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export interface MembershipReportRow {
  id: Generated<number>;
  membership_id: number;
  network_id: number;
  state: ReportState;
  /** The deadline this report answers. */
  due_at: string | null;
  submitted_at: string | null;
  decided_at: string | null;
  decided_by: number | null;
  /** The coordinators' comments on a return or an acceptance. */
  comment: string;
  created_at: string;
  updated_at: string;
}

/** One answer of a report: the text, the number, the choice's index, or the stored file's name. */
export interface ReportAnswerRow {
  id: Generated<number>;
  report_id: number;
  question_id: number;
  value: string;
}

declare module '../../core/db/tables.ts' {
  interface Tables {
    report_questions: ReportQuestionRow;
    membership_reports: MembershipReportRow;
    report_answers: ReportAnswerRow;
    membership_reminders: MembershipReminderRow;
    networks: NetworkRow;
    network_texts: NetworkTextRow;
    membership_kinds: MembershipKindRow;
    memberships: MembershipRow;
    membership_events: MembershipEventRow;
  }
}

export type Network = Omit<NetworkRow, 'id'> & { id: number };
export type NetworkText = Omit<NetworkTextRow, 'id'> & { id: number };
export type MembershipKind = Omit<MembershipKindRow, 'id'> & { id: number };
export type Membership = Omit<MembershipRow, 'id' | 'extended'> & { id: number; extended: number };
export type MembershipEvent = Omit<MembershipEventRow, 'id'> & { id: number };
export type ReportQuestion = Omit<ReportQuestionRow, 'id'> & { id: number };
export type MembershipReport = Omit<MembershipReportRow, 'id'> & { id: number };

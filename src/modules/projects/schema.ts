import type { Generated } from 'kysely';

/** Who a call lets apply, as the programmes' guides name them. */
export const APPLICANTS = ['municipality', 'ngo', 'public_body', 'university', 'business'] as const;
export type Applicant = (typeof APPLICANTS)[number];

/** A call's state follows from its dates: before opening, open, after the deadline. */
export const CALL_STATES = ['open', 'forthcoming', 'closed'] as const;
export type CallState = (typeof CALL_STATES)[number];

/** A funding programme local authorities may apply to, e.g. CERV or Interreg Europe. */
export interface ProgrammeRow {
  id: Generated<number>;
  slug: string;
  acronym: string;
  /** Who runs it, e.g. "European Commission (EACEA)". */
  managing_body: string;
  website: string;
  /** Policy areas, comma-separated. */
  areas: string;
  /** 1 while it takes applications in this funding period, 0 for one kept for its history. */
  active: number;
  original_language: string;
  created_at: string;
  updated_at: string;
}

export interface ProgrammeTextRow {
  id: Generated<number>;
  programme_id: number;
  language: string;
  name: string;
  summary: string;
}

/** A strand of a programme, e.g. CERV's town twinning; `names` is JSON: {"en": "Town twinning"}. */
export interface StrandRow {
  id: Generated<number>;
  programme_id: number;
  key: string;
  position: number;
  names: string;
}

/** A call for proposals of a programme; `partner_calls` are the twinning module's towns looking for partners. */
export interface FundingCallRow {
  id: Generated<number>;
  programme_id: number;
  strand_id: number | null;
  /** The programme's own reference, e.g. "CERV-2027-CITIZENS-TOWN-TT". */
  reference: string;
  areas: string;
  /** Applicants (APPLICANTS), comma-separated. */
  applicants: string;
  /** ISO codes of the countries whose bodies may apply, comma-separated; empty: EU member states and associated countries. */
  countries: string;
  min_partners: number;
  min_countries: number;
  duration_months_min: number | null;
  duration_months_max: number | null;
  budget_eur: number | null;
  lump_sum_eur: number | null;
  /** UTC instants; the call's own zone says how to show them. */
  opens_at: string;
  deadline_at: string;
  time_zone: string;
  url: string;
  original_language: string;
  created_at: string;
  updated_at: string;
}

export interface FundingCallTextRow {
  id: Generated<number>;
  call_id: number;
  language: string;
  title: string;
  summary: string;
}

/** A project's life: planned before it starts, running, closed after it (and still shown). */
export const PROJECT_STATES = ['planned', 'running', 'closed'] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];

/** A partner's place in a project, as grant agreements name them. */
export const PARTNER_ROLES = ['coordinator', 'partner', 'associated'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

/** A town invited as a partner confirms or declines; an organisation named by the coordinator is confirmed at once. */
export const PARTNER_STATUSES = ['invited', 'confirmed', 'declined'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

/** What kind of organisation a partner that is not a town of the directory is. */
export const ORGANISATION_TYPES = ['public_body', 'ngo', 'university', 'business', 'other'] as const;

/** Outputs (what the project makes) and outcomes (what changes because of it). */
export const INDICATOR_KINDS = ['output', 'outcome'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** A project towns run with partners, usually funded by a programme's call, e.g. EC-NET. */
export interface ProjectRow {
  id: Generated<number>;
  slug: string;
  acronym: string;
  programme_id: number | null;
  call_id: number | null;
  /** The grant agreement's number. */
  reference: string;
  /** Calendar days, YYYY-MM-DD. */
  starts_on: string;
  ends_on: string;
  budget_eur: number | null;
  eu_contribution_eur: number | null;
  areas: string;
  website: string;
  state: ProjectState;
  original_language: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ProjectTextRow {
  id: Generated<number>;
  project_id: number;
  language: string;
  title: string;
  summary: string;
}

/** A town of the directory (municipality_id) or an organisation (its name, type and country). */
export interface ProjectPartnerRow {
  id: Generated<number>;
  project_id: number;
  municipality_id: number | null;
  organisation: string;
  organisation_type: string;
  country: string;
  role: PartnerRole;
  status: PartnerStatus;
  joined_on: string | null;
  left_on: string | null;
  position: number;
  invited_by: number | null;
  decided_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A measured result; `labels` is JSON: {"en": "Participants in events"}. */
export interface ProjectIndicatorRow {
  id: Generated<number>;
  project_id: number;
  kind: IndicatorKind;
  position: number;
  labels: string;
  unit: string;
  target: number | null;
  achieved: number | null;
}

declare module '../../core/db/tables.ts' {
  interface Tables {
    programmes: ProgrammeRow;
    programme_texts: ProgrammeTextRow;
    programme_strands: StrandRow;
    funding_calls: FundingCallRow;
    funding_call_texts: FundingCallTextRow;
    projects: ProjectRow;
    project_texts: ProjectTextRow;
    project_partners: ProjectPartnerRow;
    project_indicators: ProjectIndicatorRow;
  }
}

export type Programme = Omit<ProgrammeRow, 'id'> & { id: number };
export type Strand = Omit<StrandRow, 'id'> & { id: number };
export type FundingCall = Omit<FundingCallRow, 'id'> & { id: number };
export type Project = Omit<ProjectRow, 'id'> & { id: number };
export type ProjectPartner = Omit<ProjectPartnerRow, 'id'> & { id: number };
export type ProjectIndicator = Omit<ProjectIndicatorRow, 'id'> & { id: number };

/** A programme as a reader sees it: its name and summary in their language, else the original. */
export type ProgrammeView = Programme & { name: string; summary: string; language: string };
/** A call as a reader sees it, with its programme and strand named. */
export type CallView = FundingCall & {
  title: string;
  summary: string;
  language: string;
  programme: { slug: string; acronym: string; name: string };
  strand: string | null;
};

/** A call's state at a moment. */
export function callState(call: Pick<FundingCall, 'opens_at' | 'deadline_at'>, now = new Date()): CallState {
  const at = now.toISOString();
  if (at < call.opens_at) return 'forthcoming';
  return at > call.deadline_at ? 'closed' : 'open';
}

// ---- Deliverables and their files

/** What a project delivers, as grant agreements name them. */
export const DELIVERABLE_KINDS = ['toolkit', 'method', 'recommendations', 'report', 'other'] as const;
export type DeliverableKind = (typeof DELIVERABLE_KINDS)[number];

/** The licences a deliverable may carry, with the deed each links to. */
export const LICENCES = {
  'cc-by-4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'cc-by-sa-4.0': 'https://creativecommons.org/licenses/by-sa/4.0/',
  'cc-by-nc-4.0': 'https://creativecommons.org/licenses/by-nc/4.0/',
  cc0: 'https://creativecommons.org/publicdomain/zero/1.0/',
  'all-rights-reserved': '',
} as const;
export type Licence = keyof typeof LICENCES;

export interface DeliverableRow {
  id: Generated<number>;
  project_id: number;
  kind: DeliverableKind;
  /** The work package it belongs to, e.g. "WP3". */
  work_package: string;
  licence: Licence;
  /** A calendar day, YYYY-MM-DD. */
  published_on: string;
  areas: string;
  original_language: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface DeliverableTextRow {
  id: Generated<number>;
  deliverable_id: number;
  language: string;
  title: string;
  summary: string;
}

/** One version of a deliverable's file in a language; versions count from 1 per language. */
export interface DeliverableFileRow {
  id: Generated<number>;
  deliverable_id: number;
  language: string;
  version: number;
  /** The random name it is kept under (core uploads' DOCUMENT_NAME). */
  stored_name: string;
  original_name: string;
  type: string;
  size: number;
  sha256: string;
  downloads: number;
  uploaded_by: number | null;
  created_at: string;
}

declare module '../../core/db/tables.ts' {
  interface Tables {
    deliverables: DeliverableRow;
    deliverable_texts: DeliverableTextRow;
    deliverable_files: DeliverableFileRow;
  }
}

export type Deliverable = Omit<DeliverableRow, 'id'> & { id: number };
export type DeliverableFile = Omit<DeliverableFileRow, 'id'> & { id: number };

// ---- Activities and the partners' workspace

export const ACTIVITY_KINDS = ['kick_off', 'partner_meeting', 'international_event', 'local_event', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** One of the project's content events, with its kind, its host and, after the fact, who came. */
export interface ProjectActivityRow {
  id: Generated<number>;
  project_id: number;
  event_id: number;
  kind: ActivityKind;
  host_partner_id: number | null;
  participants_total: number | null;
  /** JSON: {"SI": 40, "BG": 12}. */
  participants: string;
  report: string;
  reported_at: string | null;
  reported_by: number | null;
  created_by: number | null;
  created_at: string;
}

export interface ProjectDocumentRow {
  id: Generated<number>;
  project_id: number;
  /** What keepDocument named it. */
  stored_name: string;
  original_name: string;
  type: string;
  size: number;
  uploaded_by: number | null;
  created_at: string;
}

export interface ProjectTaskRow {
  id: Generated<number>;
  project_id: number;
  title: string;
  owner_id: number | null;
  due_on: string | null;
  done: number;
  created_by: number | null;
  created_at: string;
}

export interface ProjectNoticeRow {
  id: Generated<number>;
  project_id: number;
  text: string;
  author_id: number | null;
  created_at: string;
}

declare module '../../core/db/tables.ts' {
  interface Tables {
    project_activities: ProjectActivityRow;
    project_documents: ProjectDocumentRow;
    project_tasks: ProjectTaskRow;
    project_notices: ProjectNoticeRow;
  }
}

export type ProjectActivity = Omit<ProjectActivityRow, 'id'> & { id: number };
export type ProjectDocument = Omit<ProjectDocumentRow, 'id'> & { id: number };
export type ProjectTask = Omit<ProjectTaskRow, 'id'> & { id: number };
export type ProjectNotice = Omit<ProjectNoticeRow, 'id'> & { id: number };

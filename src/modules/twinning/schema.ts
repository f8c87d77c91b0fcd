import type { Generated } from 'kysely';

/** A formal agreement signed by both councils, or a looser friendship and cooperation. */
export const TWINNING_KINDS = ['formal', 'friendship'] as const;
export type TwinningKind = (typeof TWINNING_KINDS)[number];

/** Proposed by one town, confirmed or declined by the other; either may end it. */
export const TWINNING_STATES = ['proposed', 'confirmed', 'declined', 'ended'] as const;
export type TwinningState = (typeof TWINNING_STATES)[number];

export interface TwinningRow {
  id: Generated<number>;
  /** The town that proposed it (or the first named, for one a platform editor entered). */
  proposer_id: number;
  partner_id: number;
  kind: TwinningKind;
  /** The year of the agreement, as the towns give it. */
  since_year: number | null;
  state: TwinningState;
  /** Where a twinning older than the portal is documented, for one a platform editor entered. */
  source: string;
  ended_on: string | null;
  created_by: number | null;
  decided_by: number | null;
  created_at: string;
  updated_at: string;
}

/** The size of partner a call looks for. */
export const PARTNER_SIZES = ['any', 'small', 'medium', 'large'] as const;
export type PartnerSize = (typeof PARTNER_SIZES)[number];

/** A town looking for partners, for a twinning or a network project, until its deadline. */
export interface PartnerCallRow {
  id: Generated<number>;
  town_id: number;
  title: string;
  description: string;
  /** Policy areas, comma-separated. */
  areas: string;
  /** Countries wanted (ISO, comma-separated); empty for any. */
  countries: string;
  size: PartnerSize;
  programme: string;
  /** The EU call (of the projects module's catalogue) it is for, if it names one. */
  funding_call_id: number | null;
  /** The last day to answer (YYYY-MM-DD). */
  deadline: string;
  language: string;
  /** Title and description folded to Latin letters and lower case, for the search. */
  search_text: string;
  created_by: number | null;
  created_at: string;
}

/** An answer to a call: kept for the poster's staff, mailed to them, never shown to others. */
export interface PartnerAnswerRow {
  id: Generated<number>;
  call_id: number;
  author_id: number;
  /** The town the answer speaks for, if the author works for one. */
  town_id: number | null;
  message: string;
  created_at: string;
}

declare module '../../core/db/tables.ts' {
  interface Tables {
    partner_calls: PartnerCallRow;
    partner_answers: PartnerAnswerRow;
    twinnings: TwinningRow;
  }
}

export type Twinning = Omit<TwinningRow, 'id'> & { id: number };
export type PartnerCall = Omit<PartnerCallRow, 'id'> & { id: number };
export type PartnerAnswer = Omit<PartnerAnswerRow, 'id'> & { id: number };

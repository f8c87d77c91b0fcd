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

declare module '../../core/db/tables.ts' {
  interface Tables {
    twinnings: TwinningRow;
  }
}

export type Twinning = Omit<TwinningRow, 'id'> & { id: number };

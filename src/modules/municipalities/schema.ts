import type { Generated } from 'kysely';

export interface MunicipalityRow {
  id: Generated<number>;
  source: string;
  country: string;
  slug: string;
  name: string;
  native_name: string | null;
  name_key: string;
  native_key: string | null;
  population: number;
  latitude: number | null;
  longitude: number | null;
  region_code: string | null;
  region_name: string | null;
  joined_at: string | null;
  join_rank: Generated<number>;
  website: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  mayor_name: string | null;
  mayor_since: string | null;
  /** Languages of the municipality, as ",bg,en,". */
  languages: string | null;
  /** Social links as JSON: {"facebook": url, ...}. */
  social: string | null;
  /** Uploaded images, as the base name of their resized variants. */
  coat_of_arms: string | null;
  mayor_photo: string | null;
  edited_fields: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface DescriptionRow {
  id: Generated<number>;
  municipality_id: number;
  language: string;
  text: string;
  updated_at: string;
}

export interface ChangeRow {
  id: Generated<number>;
  municipality_id: number;
  user_id: number | null;
  field: string;
  old_value: string | null;
  new_value: string | null;
  created_at: string;
}

export type ClaimStatus = 'email_pending' | 'review' | 'approved' | 'refused';

export interface ClaimRow {
  id: Generated<number>;
  municipality_id: number;
  user_id: number;
  job_title: string;
  official_email: string;
  /** The claimant's language, for the mails about the claim. */
  language: string;
  website: string | null;
  evidence_file: string | null;
  token_hash: string | null;
  status: ClaimStatus;
  reason: string | null;
  reviewed_by: number | null;
  reviewed_at: string | null;
  created_at: string;
}

export interface ProposalRow {
  id: Generated<number>;
  user_id: number;
  country: string;
  name: string;
  native_name: string | null;
  region: string | null;
  population: number | null;
  website: string | null;
  note: string | null;
  status: 'review' | 'approved' | 'refused';
  reason: string | null;
  municipality_id: number | null;
  reviewed_by: number | null;
  reviewed_at: string | null;
  created_at: string;
}

declare module '../../core/db/tables.ts' {
  interface Tables {
    municipalities: MunicipalityRow;
    municipality_descriptions: DescriptionRow;
    municipality_changes: ChangeRow;
    municipality_claims: ClaimRow;
    municipality_proposals: ProposalRow;
  }
}

export type Municipality = Omit<MunicipalityRow, 'id' | 'edited_fields' | 'join_rank'> & { id: number; edited_fields: string; join_rank: number };

/** One place to import, from open data or from an operator's CSV file. */
export interface ImportRecord {
  source: string;
  country: string;
  name: string;
  nativeName?: string | undefined;
  population: number;
  latitude: number | null;
  longitude: number | null;
  regionCode?: string | undefined;
  regionName?: string | undefined;
}

import type { Generated } from 'kysely';
import { z } from 'zod';
import { isCountry } from '../../core/countries.ts';
import { text, urlField } from '../../core/http/input.ts';
import { isLanguage, LANGUAGE_CODES } from '../../core/i18n/languages.ts';

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

export interface FollowRow {
  user_id: number;
  municipality_id: number;
  created_at: string;
}

declare module '../../core/db/tables.ts' {
  interface Tables {
    municipality_follows: FollowRow;
    municipalities: MunicipalityRow;
    municipality_descriptions: DescriptionRow;
    municipality_changes: ChangeRow;
    municipality_claims: ClaimRow;
    municipality_proposals: ProposalRow;
  }
}

export type Municipality = Omit<MunicipalityRow, 'id' | 'edited_fields' | 'join_rank'> & {
  id: number;
  edited_fields: string;
  join_rank: number;
};

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

// Form inputs. Messages are message keys; the limits name each field's length for "too long".

export const SOCIAL = ['facebook', 'instagram', 'x', 'youtube', 'linkedin'] as const;
export const DESCRIPTION_LIMIT = 5000;

const optional = (max: number) => text().trim().max(max, 'form.error.tooLong').optional().default('');
const url = urlField();

export const profileInput = z.object({
  name: text().trim().min(1, 'form.error.required').max(200, 'form.error.tooLong'),
  native_name: optional(200),
  population: text()
    .trim()
    .regex(/^\d{1,9}$/, 'municipalities.edit.error.population'),
  website: url,
  email: text()
    .trim()
    .max(254, 'form.error.tooLong')
    .refine((v) => v === '' || z.email().safeParse(v).success, 'form.error.email')
    .optional()
    .default(''),
  phone: text()
    .trim()
    .max(40, 'form.error.tooLong')
    .refine((v) => v === '' || /^\+?[\d\s()./-]{4,}$/.test(v), 'municipalities.edit.error.phone')
    .optional()
    .default(''),
  address: optional(300),
  region_name: optional(200),
  latitude: text()
    .trim()
    .refine((v) => v === '' || (/^-?\d{1,2}(\.\d+)?$/.test(v) && Math.abs(Number(v)) <= 90), 'form.error.latitude')
    .optional()
    .default(''),
  longitude: text()
    .trim()
    .refine((v) => v === '' || (/^-?\d{1,3}(\.\d+)?$/.test(v) && Math.abs(Number(v)) <= 180), 'form.error.longitude')
    .optional()
    .default(''),
  mayor_name: optional(160),
  mayor_since: text()
    .trim()
    .refine((v) => v === '' || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v), 'municipalities.edit.error.date')
    .optional()
    .default(''),
  languages: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .refine((codes) => codes.every(isLanguage), 'form.error.choose'),
  ...Object.fromEntries(SOCIAL.map((s) => [`social_${s}`, url])),
  ...Object.fromEntries(LANGUAGE_CODES.map((l) => [`description_${l}`, optional(DESCRIPTION_LIMIT)])),
});

export const PROFILE_LIMITS: Record<string, number> = {
  name: 200,
  native_name: 200,
  website: 300,
  email: 254,
  phone: 40,
  address: 300,
  region_name: 200,
  mayor_name: 160,
  ...Object.fromEntries(SOCIAL.map((s) => [`social_${s}`, 300])),
  ...Object.fromEntries(LANGUAGE_CODES.map((l) => [`description_${l}`, DESCRIPTION_LIMIT])),
};

export const claimInput = z.object({
  job_title: text().trim().min(1, 'form.error.required').max(120, 'form.error.tooLong'),
  official_email: text()
    .trim()
    .toLowerCase()
    .min(1, 'form.error.required')
    .max(254, 'form.error.tooLong')
    .pipe(z.email('form.error.email')),
  website: urlField(),
});
export const CLAIM_LIMITS = { job_title: 120, official_email: 254, website: 300 };

export const proposalInput = z.object({
  country: z
    .string({ error: 'form.error.choose' })
    .transform((c) => c.toUpperCase())
    .refine(isCountry, 'form.error.choose'),
  name: text().trim().min(1, 'form.error.required').max(200, 'form.error.tooLong'),
  native_name: text().trim().max(200, 'form.error.tooLong').optional().default(''),
  region: text().trim().max(200, 'form.error.tooLong').optional().default(''),
  population: text()
    .trim()
    .refine((v) => v === '' || /^\d{1,9}$/.test(v), 'municipalities.edit.error.population')
    .optional()
    .default(''),
  website: urlField(),
  note: text().trim().max(2000, 'form.error.tooLong').optional().default(''),
});
export const PROPOSAL_LIMITS = { name: 200, native_name: 200, region: 200, website: 300, note: 2000 };

/** The reason a reviewer gives for refusing a claim or a proposed place: the claimant is told it. */
export const refusalReason = text().trim().min(1).max(1000);

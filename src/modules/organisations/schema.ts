import type { Generated, Selectable } from 'kysely';
import { z } from 'zod';
import { POLICY_AREAS } from '../../core/areas.ts';
import { EU_COUNTRIES } from '../../core/countries.ts';
import { dateField, hasControl, isCalendarDate, text, urlField } from '../../core/http/input.ts';

/** "other" stays for profiles made before universities and agencies had a kind of their own. */
export const ORGANISATION_KINDS = ['business', 'ngo', 'school', 'university', 'agency', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/**
 * A business, NGO, school, university or public agency. The table was first made by the accounts
 * module's migration, whose name stays; this module has owned it since.
 */
export interface OrganisationRow {
  id: Generated<number>;
  name: string;
  kind: OrganisationKind;
  website: string | null;
  description: string | null;
  /** Unique; its address. */
  slug: Generated<string>;
  /** ISO code, upper case; '' when not given. */
  country: Generated<string>;
  /** Its town in the directory, if given. */
  municipality_id: number | null;
  /** The base name of its logo's stored variants. */
  logo: string | null;
  /** Policy areas, comma-separated. */
  areas: Generated<string>;
  created_by: number | null;
  created_at: string;
  updated_at: string | null;
}

/** Proposed by one side, confirmed by the other: the town's staff or the organisation's representatives. */
export const PARTNERSHIP_STATES = ['proposed', 'confirmed', 'declined'] as const;
export type PartnershipState = (typeof PARTNERSHIP_STATES)[number];

export interface PartnershipRow {
  id: Generated<number>;
  municipality_id: number;
  area: string;
  description: string;
  results: string;
  starts_on: string;
  ends_on: string | null;
  state: PartnershipState;
  /** Whether the town's staff have agreed (they have when they proposed it). */
  town_confirmed: number;
  /** The organisation that proposed it; null when the town's staff did. */
  proposer_organisation_id: number | null;
  /** Country of the town, for the list's filter. */
  country: string;
  created_by: number | null;
  decided_by: number | null;
  created_at: string;
  updated_at: string;
}

/** An organisation in a partnership; it takes part once its representatives agree. */
export interface PartnershipOrganisationRow {
  partnership_id: number;
  organisation_id: number;
  confirmed: number;
}

declare module '../../core/db/tables.ts' {
  interface Tables {
    organisations: OrganisationRow;
    partnerships: PartnershipRow;
    partnership_organisations: PartnershipOrganisationRow;
  }
}

export type Organisation = Selectable<OrganisationRow>;
export type Partnership = Omit<PartnershipRow, 'id'> & { id: number };

export const LIMITS = { name: 160, website: 300, description: 5000, results: 3000 } as const;

/** Organisations in one partnership: the proposer's or the named one, and up to four more. */
export const MAX_ORGANISATIONS = 5;

/** The other organisations named by their name or address; empty fields are not counted. */
const partnersField = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) =>
    [v ?? []]
      .flat()
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .refine((v) => v.length < MAX_ORGANISATIONS, { message: 'organisations.error.tooMany' })
  .refine((v) => v.every((s) => s.length <= LIMITS.name), { message: 'form.error.tooLong' })
  .refine((v) => !v.some(hasControl), { message: 'form.error.characters' });

const optionalText = (max: number) => text().trim().max(max, 'form.error.tooLong').optional().default('');
const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? Number(v) : null))
  .refine((v) => v === null || (Number.isInteger(v) && v > 0 && v <= 2_147_483_647), 'form.error.choose');

export const organisationInput = z.object({
  name: text().trim().min(1, 'form.error.required').max(LIMITS.name, 'form.error.tooLong'),
  kind: z.enum(ORGANISATION_KINDS, { error: 'form.error.choose' }),
  country: z
    .string()
    .optional()
    .default('')
    .refine((v) => v === '' || (EU_COUNTRIES as readonly string[]).includes(v), 'form.error.choose'),
  town: optionalText(LIMITS.name),
  website: urlField(LIMITS.website),
  description: optionalText(LIMITS.description),
  areas: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => [v ?? []].flat())
    .refine((v) => v.every((a) => (POLICY_AREAS as readonly string[]).includes(a)), 'form.error.choose'),
});

export const partnershipInput = z
  .object({
    town: optionalId,
    organisation: optionalId,
    partners: partnersField,
    area: z.enum(POLICY_AREAS, { error: 'form.error.choose' }),
    description: text().trim().min(1, 'form.error.required').max(LIMITS.description, 'form.error.tooLong'),
    results: optionalText(LIMITS.results),
    starts_on: dateField('organisations.error.date', () => ({})),
    ends_on: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null),
  })
  .refine((p) => p.ends_on === null || (isCalendarDate(p.ends_on) && p.ends_on >= p.starts_on), {
    path: ['ends_on'],
    message: 'organisations.error.endDate',
  });

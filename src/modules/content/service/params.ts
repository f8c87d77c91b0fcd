import { z } from 'zod';
import { idSchema } from '../../../core/http/input.ts';
import { countryParam, languageParam, lenient } from '../../../core/http/params.ts';
import type { ContentFilter } from '../repo.ts';
import { CONTENT_TYPES, POLICY_AREAS } from '../schema.ts';

export interface ListingParams {
  q: string;
  type: string;
  country: string;
  municipality: string;
  area: string;
  language: string;
  tag: string;
}

const trimmed = (max: number) => z.string().transform((v) => v.trim().slice(0, max));
const listingQuery = lenient({
  q: trimmed(200),
  type: z.enum(CONTENT_TYPES),
  country: countryParam,
  municipality: idSchema,
  area: z.enum(POLICY_AREAS),
  language: languageParam,
  tag: trimmed(40).transform((v) => v.toLowerCase().replace(/,/g, '')),
  page: z.coerce
    .number()
    .int()
    .transform((n) => Math.min(500, Math.max(1, n))),
});

/** The filters of a listing's address. Values that are not valid are dropped, never an error page. */
export function readParams(query: unknown): { params: ListingParams; filter: ContentFilter; page: number } {
  const { q, type, country, municipality, area, language, tag, page } = listingQuery(query);
  const params = {
    q: q ?? '',
    type: type ?? '',
    country: country?.toLowerCase() ?? '',
    municipality: municipality ? String(municipality) : '',
    area: area ?? '',
    language: language ?? '',
    tag: tag ?? '',
  };
  const filter: ContentFilter = {
    ...(type ? { type } : {}),
    ...(country ? { country } : {}),
    ...(municipality ? { municipality } : {}),
    ...(area ? { area } : {}),
    ...(language ? { language } : {}),
    ...(tag ? { tag } : {}),
  };
  return { params, filter, page: page ?? 1 };
}

import { parseId } from '../../../core/http/input.ts';
import { isLanguage } from '../../../core/i18n/languages.ts';
import { isCountry } from '../../../core/countries.ts';
import type { ContentFilter } from '../repo.ts';
import { CONTENT_TYPES, type ContentType, POLICY_AREAS, type PolicyArea } from '../schema.ts';

export interface ListingParams { q: string; type: string; country: string; municipality: string; area: string; language: string; tag: string }

/** The filters of a listing's address. Values that are not valid are dropped, never an error page. */
export function readParams(query: unknown): { params: ListingParams; filter: ContentFilter; page: number } {
  const raw = (query ?? {}) as Record<string, unknown>;
  const str = (k: string, max = 100) => (typeof raw[k] === 'string' ? (raw[k] as string).trim().slice(0, max) : '');
  const type = CONTENT_TYPES.includes(str('type') as ContentType) ? str('type') : '';
  const country = isCountry(str('country').toUpperCase()) ? str('country').toLowerCase() : '';
  const municipality = parseId(str('municipality')) ? str('municipality') : '';
  const area = POLICY_AREAS.includes(str('area') as PolicyArea) ? str('area') : '';
  const language = isLanguage(str('language')) ? str('language') : '';
  const tag = str('tag', 40).toLowerCase().replace(/,/g, '');
  const page = Math.min(500, Math.max(1, Number.parseInt(str('page'), 10) || 1));
  const params = { q: str('q', 200), type, country, municipality, area, language, tag };
  const filter: ContentFilter = {
    ...(type ? { type: type as ContentType } : {}),
    ...(country ? { country: country.toUpperCase() } : {}),
    ...(municipality ? { municipality: Number(municipality) } : {}),
    ...(area ? { area: area as PolicyArea } : {}),
    ...(language ? { language } : {}),
    ...(tag ? { tag } : {}),
  };
  return { params, filter, page };
}

import Negotiator from 'negotiator';
import { DEFAULT_LANGUAGE, LANGUAGE_CODES, type LanguageCode } from './languages.ts';

/** Picks the best portal language for an Accept-Language header ("de-AT" matches "de"). */
export function negotiateLanguage(acceptLanguage: string | undefined): LanguageCode {
  if (!acceptLanguage) return DEFAULT_LANGUAGE;
  const wanted = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).languages();
  for (const tag of wanted) {
    const base = tag.toLowerCase().split('-')[0] as LanguageCode;
    if (LANGUAGE_CODES.includes(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

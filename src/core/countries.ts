import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { LANGUAGE_CODES } from './i18n/languages.ts';

const require = createRequire(import.meta.url);
for (const lang of LANGUAGE_CODES) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));

/** The 27 member states of the European Union, by ISO 3166-1 alpha-2 code. */
export const EU_COUNTRIES = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
] as const;
export type CountryCode = (typeof EU_COUNTRIES)[number];

export function isCountry(value: unknown): value is CountryCode {
  return typeof value === 'string' && (EU_COUNTRIES as readonly string[]).includes(value);
}

/** A country's name in a portal language, e.g. ("BG", "bg") → "България". */
export function countryName(code: string, lang: string): string {
  return countries.getName(code, lang) ?? countries.getName(code, 'en') ?? code;
}

const sortedByName = new Map<string, { code: CountryCode; name: string }[]>();

/** The countries sorted by their name in the given language. */
export function countriesByName(lang: string): { code: CountryCode; name: string }[] {
  let sorted = sortedByName.get(lang);
  if (!sorted) {
    const collator = new Intl.Collator(lang);
    sorted = EU_COUNTRIES.map((code) => ({ code, name: countryName(code, lang) })).sort((a, b) => collator.compare(a.name, b.name));
    sortedByName.set(lang, sorted);
  }
  return sorted;
}

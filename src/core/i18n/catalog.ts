import { readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import { DEFAULT_LANGUAGE, LANGUAGE_CODES, type LanguageCode } from './languages.ts';

export type MessageValues = Record<string, string | number | Date>;
export type Translator = (key: string, values?: MessageValues) => string;

const localesDir = new URL('../../../locales/', import.meta.url);

export function readCatalog(lang: LanguageCode): Record<string, string> {
  return JSON.parse(readFileSync(new URL(`${lang}.json`, localesDir), 'utf8')) as Record<string, string>;
}

const catalogs = new Map<LanguageCode, Record<string, string>>(LANGUAGE_CODES.map((l) => [l, readCatalog(l)]));
const compiled = new Map<string, IntlMessageFormat>();

function format(lang: LanguageCode, key: string): IntlMessageFormat | undefined {
  const own = catalogs.get(lang)?.[key];
  // A missing message falls back to English, key by key.
  const source = own ?? catalogs.get(DEFAULT_LANGUAGE)?.[key];
  if (source === undefined) return undefined;
  const locale = own === undefined ? DEFAULT_LANGUAGE : lang;
  const id = `${locale}\u0000${key}`;
  let message = compiled.get(id);
  if (!message) {
    message = new IntlMessageFormat(source, locale);
    compiled.set(id, message);
  }
  return message;
}

/** True when the message is shown in this language rather than in the English fallback. */
export function hasMessage(lang: LanguageCode, key: string): boolean {
  return catalogs.get(lang)?.[key] !== undefined;
}

const translators = new Map<LanguageCode, Translator>();
// Most messages take no values; their text is the same every time, so it is formatted once.
const plain = new Map<string, string>();

export function translator(lang: LanguageCode): Translator {
  let t = translators.get(lang);
  if (!t) {
    t = (key, values) => {
      if (values === undefined) {
        const id = `${lang}\u0000${key}`;
        let text = plain.get(id);
        if (text === undefined) {
          const message = format(lang, key);
          if (!message) return key;
          text = String(message.format());
          plain.set(id, text);
        }
        return text;
      }
      const message = format(lang, key);
      return message ? String(message.format(values)) : key;
    };
    translators.set(lang, t);
  }
  return t;
}

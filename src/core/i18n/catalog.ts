import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGE_CODES, type LanguageCode } from './languages.ts';

export type MessageValues = Record<string, string | number | Date>;
export type Translator = (key: string, values?: MessageValues) => string;

/** A folder of catalogs, one `{lang}.json` a language: core's own, or a module's. */
export interface CatalogSource {
  /** "core", or the module's folder name. */
  owner: string;
  dir: string;
  /** The languages this folder has a catalog for. */
  languages: LanguageCode[];
}

const srcDir = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Core's catalogs (src/core/locales/) and those of every module folder that has a `locales/`
 * folder (src/modules/{module}/locales/), found on disk: core does not import the modules.
 */
export function catalogSources(src: string = srcDir): CatalogSource[] {
  const modulesDir = join(src, 'modules');
  const modules = existsSync(modulesDir)
    ? readdirSync(modulesDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(join(modulesDir, d.name, 'locales')))
        .map((d) => d.name)
        .sort()
    : [];
  const folders = [
    { owner: 'core', dir: join(src, 'core', 'locales') },
    ...modules.map((m) => ({ owner: m, dir: join(modulesDir, m, 'locales') })),
  ];
  return folders.map(({ owner, dir }) => {
    const languages: LanguageCode[] = [];
    for (const file of existsSync(dir) ? readdirSync(dir).sort() : []) {
      const lang = file.endsWith('.json') ? file.slice(0, -'.json'.length) : '';
      if (!isLanguage(lang))
        throw new Error(`${shown(join(dir, file))} is not a catalog: catalogs are named {lang}.json after an official EU language`);
      languages.push(lang);
    }
    return { owner, dir, languages };
  });
}

/** A path as people read it in the repository: src/modules/accounts/locales/en.json. */
function shown(file: string): string {
  const rel = relative(join(srcDir, '..'), file);
  return rel.startsWith('..') ? file : rel;
}

/** One catalog file: its messages, as written. */
export function readCatalogFile(source: CatalogSource, lang: LanguageCode): Record<string, string> {
  const file = join(source.dir, `${lang}.json`);
  let messages: unknown;
  try {
    messages = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${shown(file)} cannot be read: ${(err as Error).message}`);
  }
  if (!messages || typeof messages !== 'object' || Array.isArray(messages)) throw new Error(`${shown(file)} is not an object of messages`);
  for (const [key, message] of Object.entries(messages)) {
    if (typeof message !== 'string') throw new Error(`${shown(file)}: the message ${key} is not a string`);
  }
  return messages as Record<string, string>;
}

/** The catalogs of one language, merged. A key defined in two catalogs is an error naming both files. */
export function mergeCatalogs(lang: LanguageCode, sources: CatalogSource[]): Record<string, string> {
  const merged: Record<string, string> = {};
  const definedIn = new Map<string, string>();
  for (const source of sources) {
    if (!source.languages.includes(lang)) continue;
    const file = shown(join(source.dir, `${lang}.json`));
    for (const [key, message] of Object.entries(readCatalogFile(source, lang))) {
      const first = definedIn.get(key);
      if (first !== undefined) throw new Error(`The message key "${key}" is defined twice: in ${first} and in ${file}`);
      definedIn.set(key, file);
      merged[key] = message;
    }
  }
  return merged;
}

const sources = catalogSources();

/** Every catalog of a language (core's and the modules'), merged. */
export function readCatalog(lang: LanguageCode): Record<string, string> {
  return mergeCatalogs(lang, sources);
}

const catalogs = new Map<LanguageCode, Record<string, string>>(LANGUAGE_CODES.map((l) => [l, readCatalog(l)]));
const compiled = new Map<string, IntlMessageFormat>();

/** The Intl objects a message needs, shared by all messages: found by a short key, not by serialising the arguments. */
function sharedFormatter<T>(build: (locales: string | string[], options?: object) => T) {
  const made = new Map<string, T>();
  return (locales: string | string[], options?: object): T => {
    const id = `${String(locales)}|${options === undefined ? '' : JSON.stringify(options)}`;
    let f = made.get(id);
    if (f === undefined) {
      f = build(locales, options);
      made.set(id, f);
    }
    return f;
  };
}
const formatters = {
  getNumberFormat: sharedFormatter((l, o) => new Intl.NumberFormat(l, o)),
  getDateTimeFormat: sharedFormatter((l, o) => new Intl.DateTimeFormat(l, o)),
  getPluralRules: sharedFormatter((l, o) => new Intl.PluralRules(l, o)),
};

function format(lang: LanguageCode, key: string): IntlMessageFormat | undefined {
  const own = catalogs.get(lang)?.[key];
  // A missing message falls back to English, key by key.
  const source = own ?? catalogs.get(DEFAULT_LANGUAGE)?.[key];
  if (source === undefined) return undefined;
  const locale = own === undefined ? DEFAULT_LANGUAGE : lang;
  const id = `${locale}\u0000${key}`;
  let message = compiled.get(id);
  if (!message) {
    message = new IntlMessageFormat(source, locale, undefined, { formatters });
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
// A message with values is asked for again and again with the same ones (a count, a name): its
// text is kept too, for a bounded number of them.
const withValues = new Map<string, string>();
const WITH_VALUES_MAX = 20_000;

/** What names a message with its values, or undefined for a value that cannot be written as text (nothing is kept). */
function valuesId(lang: LanguageCode, key: string, values: MessageValues): string | undefined {
  let id = `${lang}\u0000${key}`;
  for (const name in values) {
    const v: unknown = values[name];
    // A text holding the separator could pass for other values: it is formatted and not kept.
    if (typeof v === 'string' && !v.includes('\u0000')) id += `\u0000${name}\u0001s${v}`;
    else if (typeof v === 'number') id += `\u0000${name}\u0001n${v}`;
    else if (v instanceof Date) id += `\u0000${name}\u0001d${v.getTime()}`;
    else return undefined;
  }
  return id;
}

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
      const id = valuesId(lang, key, values);
      let text = id === undefined ? undefined : withValues.get(id);
      if (text === undefined) {
        const message = format(lang, key);
        if (!message) return key;
        text = String(message.format(values));
        if (id !== undefined) {
          if (withValues.size >= WITH_VALUES_MAX) withValues.clear();
          withValues.set(id, text);
        }
      }
      return text;
    };
    translators.set(lang, t);
  }
  return t;
}

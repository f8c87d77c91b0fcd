import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { catalogSources, hasMessage, mergeCatalogs, readCatalog, readCatalogFile, translator } from './catalog.ts';
import { COMPLETE_LANGUAGES, LANGUAGE_CODES } from './languages.ts';
import { negotiateLanguage } from './negotiate.ts';

/** The arguments a message uses, with their kind: "count:plural", "max:number", "query:argument". */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument) found.add(`${el.value}:argument`);
    if (el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) found.add(`${el.value}:${TYPE[el.type]}`);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      found.add(`${el.value}:${TYPE[el.type]}`);
      for (const option of Object.values(el.options)) argumentsOf(option.value, found);
    }
    if (el.type === TYPE.tag) argumentsOf(el.children, found);
  }
  return found;
}

const english = readCatalog('en');

test('all 24 official EU languages have a catalog that parses', () => {
  assert.equal(LANGUAGE_CODES.length, 24);
  for (const lang of LANGUAGE_CODES) {
    assert.ok(Object.keys(readCatalog(lang)).length > 0, `${lang} has no messages`);
  }
  for (const source of catalogSources()) {
    for (const lang of source.languages) {
      for (const [key, message] of Object.entries(readCatalogFile(source, lang))) {
        assert.doesNotThrow(() => parse(message), `${source.owner} ${lang} ${key}`);
      }
    }
  }
});

/** The key namespaces a module's catalogs hold: its own name, but for pages, the pages it serves. */
// The contact module's messages are "townContact.*": "contact.*" is the portal's own contact page, in pages.
const NAMESPACES: Record<string, string[]> = {
  pages: ['home', 'about', 'accessibility', 'privacy', 'terms', 'contact'],
  contact: ['townContact'],
};
const namespacesOf = (owner: string): string[] => NAMESPACES[owner] ?? [owner];

test("each module's catalogs hold only keys of its own namespace, and core's the rest", () => {
  const sources = catalogSources();
  const modules = sources.filter((s) => s.owner !== 'core').map((s) => s.owner);
  for (const m of ['accounts', 'content', 'municipalities', 'pages']) assert.ok(modules.includes(m), `the ${m} module has catalogs`);
  const taken = modules.flatMap(namespacesOf);
  assert.equal(new Set(taken).size, taken.length, 'no namespace belongs to two modules');
  for (const source of sources) {
    assert.ok(source.languages.includes('en'), `${source.owner} has an English catalog`);
    for (const lang of source.languages) {
      const keys = Object.keys(readCatalogFile(source, lang));
      assert.ok(keys.length > 0, `${source.owner} ${lang}.json is empty: leave the file out`);
      const own = (key: string) => {
        const space = key.split('.')[0]!;
        return source.owner === 'core' ? !taken.includes(space) : namespacesOf(source.owner).includes(space);
      };
      assert.deepEqual(
        keys.filter((k) => !own(k)),
        [],
        `${source.owner} ${lang}.json holds keys of another namespace`,
      );
    }
  }
});

test('a key defined in two catalogs is an error naming both files', () => {
  const src = mkdtempSync(join(tmpdir(), 'municipium-catalogs-'));
  try {
    const coreFile = join(src, 'core', 'locales', 'en.json');
    const moduleFile = join(src, 'modules', 'notices', 'locales', 'en.json');
    mkdirSync(join(src, 'core', 'locales'), { recursive: true });
    mkdirSync(join(src, 'modules', 'notices', 'locales'), { recursive: true });
    mkdirSync(join(src, 'modules', 'empty'), { recursive: true });
    writeFileSync(coreFile, JSON.stringify({ 'nav.home': 'Home', 'nav.notices': 'Notices' }));
    writeFileSync(moduleFile, JSON.stringify({ 'notices.title': 'Notices' }));
    const sources = catalogSources(src);
    assert.deepEqual(
      sources.map((s) => [s.owner, s.languages]),
      [
        ['core', ['en']],
        ['notices', ['en']],
      ],
    );
    assert.deepEqual(mergeCatalogs('en', sources), {
      'nav.home': 'Home',
      'nav.notices': 'Notices',
      'notices.title': 'Notices',
    });
    assert.deepEqual(mergeCatalogs('de', sources), {});

    writeFileSync(moduleFile, JSON.stringify({ 'notices.title': 'Notices', 'nav.notices': 'Notices' }));
    assert.throws(
      () => mergeCatalogs('en', sources),
      (err: Error) => err.message.includes('"nav.notices"') && err.message.includes(coreFile) && err.message.includes(moduleFile),
    );

    writeFileSync(join(src, 'modules', 'notices', 'locales', 'english.json'), '{}');
    assert.throws(() => catalogSources(src), /english\.json is not a catalog/);
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
});

test('no catalog has keys that English does not have', () => {
  for (const lang of LANGUAGE_CODES) {
    const extra = Object.keys(readCatalog(lang)).filter((k) => !(k in english));
    assert.deepEqual(extra, [], `${lang} has unknown keys`);
  }
});

for (const lang of COMPLETE_LANGUAGES) {
  test(`the ${lang} catalog is complete and its placeholders match English`, () => {
    const catalog = readCatalog(lang);
    const missing = Object.keys(english).filter((k) => !(k in catalog));
    assert.deepEqual(missing, [], `${lang} misses keys`);
    for (const [key, source] of Object.entries(english)) {
      const want = [...argumentsOf(parse(source))].sort();
      const got = [...argumentsOf(parse(catalog[key] ?? ''))].sort();
      assert.deepEqual(got, want, `${lang} ${key}: placeholders differ`);
      if (lang !== 'en') assert.notEqual((catalog[key] ?? '').trim(), '', `${lang} ${key} is empty`);
    }
  });
}

test('a message missing from a catalog falls back to English, key by key', () => {
  const lang = LANGUAGE_CODES.find((l) => !COMPLETE_LANGUAGES.includes(l) && !hasMessage(l, 'contact.submit'));
  assert.ok(lang, 'some partial catalog lacks contact.submit');
  assert.equal(translator(lang)('contact.submit'), 'Send message');
  assert.equal(translator('en')('no.such.key'), 'no.such.key');
});

test('messages format plurals and numbers in their language', () => {
  assert.equal(translator('en')('search.resultsFor', { count: 1, query: 'x' }), '1 result for “x”');
  assert.equal(translator('en')('search.resultsFor', { count: 2, query: 'x' }), '2 results for “x”');
  assert.match(translator('de')('form.error.tooLong', { max: 5000 }), /5\.000/);
});

test('Accept-Language picks the best portal language', () => {
  assert.equal(negotiateLanguage('de-AT,de;q=0.9,en;q=0.8'), 'de');
  assert.equal(negotiateLanguage('ja,bg;q=0.5'), 'bg');
  assert.equal(negotiateLanguage('ja,zh'), 'en');
  assert.equal(negotiateLanguage(undefined), 'en');
  assert.equal(negotiateLanguage('FI-fi'), 'fi');
  assert.equal(negotiateLanguage(';;;,,'), 'en');
});

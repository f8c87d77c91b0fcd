import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { hasMessage, readCatalog, translator } from './catalog.ts';
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
    for (const [key, message] of Object.entries(readCatalog(lang))) {
      assert.doesNotThrow(() => parse(message), `${lang} ${key}`);
    }
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

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { caughtInHoneypot, HONEYPOT_FIELD } from './http/spam.tsx';
import { type ModeratedKind, moderatedKind, registerModerated } from './moderation.ts';

const kind = (type: string): ModeratedKind => ({
  type,
  label: 'test.kind',
  describe: async () => new Map(),
  setHidden: async () => {},
  byAuthor: async () => [],
});

test('a moderated kind is known by its type, declared once only', () => {
  const note = kind('note');
  registerModerated([note]);
  registerModerated([note]);
  assert.equal(moderatedKind('note'), note, 'the same declaration again is fine: the server and commands register alike');
  assert.throws(() => registerModerated([kind('note')]), /declared twice/);
  assert.throws(() => registerModerated([kind('Bad Type')]), /not allowed/);
  assert.equal(moderatedKind('nothing'), undefined);
});

test('the honeypot catches a filled-in trap, and only that', () => {
  assert.equal(caughtInHoneypot({ [HONEYPOT_FIELD]: 'https://buy.example' }), true);
  assert.equal(caughtInHoneypot({ [HONEYPOT_FIELD]: '' }), false);
  assert.equal(caughtInHoneypot({ reason: 'spam' }), false);
  assert.equal(caughtInHoneypot(undefined), false);
});

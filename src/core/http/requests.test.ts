import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { appTest, formSession } from '../../../test/helpers/app.ts';
import { hasControl, nulIn, parseId } from './input.ts';
import { jsonDepth } from './requests.ts';

const countMessages = async (app: FastifyInstance) =>
  (await app.context.database.db.selectFrom('contact_messages').select('id').execute()).length;

test('ids fit an integer column; control characters and NUL bytes are found', () => {
  assert.equal(parseId('2147483647'), 2147483647);
  for (const bad of ['2147483648', '0', '-1', '1e3', ' 1', 'NaN', '', undefined, 1.5, 2 ** 31])
    assert.equal(parseId(bad), undefined, String(bad));
  assert.ok(hasControl('a\u0000b') && hasControl('\u001f') && !hasControl('tab\there\r\nnew line'));
  assert.equal(nulIn({ q: ['a', 'b\u0000'] }), 'q');
  assert.equal(nulIn({ form: { deep: ['x\u0000'] } }), 'form');
  assert.equal(nulIn({ q: 'fine' }), undefined);
  assert.equal(jsonDepth('{"a":[{"b":"[[[["}]}'), 3, 'brackets in strings do not count');
});

appTest('a NUL byte in a query or an address is a localised 400 before any handler; problem JSON names it', async (app) => {
  const page = await app.inject({ url: '/bg/search?q=a%00b' });
  assert.equal(page.statusCode, 400);
  assert.match(page.body, /<html lang="bg"/);
  assert.match(page.body, /Заявката съдържаше знаци, които не можем да приемем/);
  assert.equal((await app.inject({ url: '/en/municipalities/bg/a%00b' })).statusCode, 400);
  const api = await app.inject({ url: '/api/v1/content?tag=%00' });
  assert.equal(api.statusCode, 400);
  assert.match(String(api.headers['content-type']), /^application\/problem\+json/);
  assert.deepEqual(api.json().errors, [{ name: 'tag', reason: 'must not contain a NUL byte' }]);
});

appTest('a malformed multipart body is a localised 400, not a crash', async (app) => {
  const session = await formSession(app, '/de/contact');
  for (const [type, payload] of [
    ['multipart/form-data', 'x'],
    ['multipart/form-data; boundary=XX', '--XX\r\nContent-Disposition: form-data; name="a"\r\n\r\nx'],
  ]) {
    const res = await app.inject({
      method: 'POST',
      url: '/de/contact',
      headers: { cookie: session.cookie, 'content-type': type! },
      payload,
    });
    assert.equal(res.statusCode, 400, type);
    assert.match(res.body, /<html lang="de"/);
  }
  assert.equal(await countMessages(app), 0);
});

appTest('JSON bodies are shallow and small: deep nesting is a 400, a big body a 413; a plain one still parses', async (app) => {
  const session = await formSession(app, '/en/contact');
  const post = (payload: string) =>
    app.inject({
      method: 'POST',
      url: '/en/contact',
      headers: { cookie: session.cookie, 'content-type': 'application/json' },
      payload,
    });
  const nested = (depth: number) => `{"_csrf":"${session.csrf}","name":${'['.repeat(depth)}${']'.repeat(depth)}}`;
  assert.equal((await post(nested(50_000))).statusCode, 413, '50,000 levels are too big to read at all');
  assert.equal((await post(nested(1000))).statusCode, 400, 'a small body nested deep is refused before it is parsed');
  assert.equal((await post(`{"_csrf":"${session.csrf}","name":"${'x'.repeat(70 * 1024)}"}`)).statusCode, 413);
  assert.equal((await post('{"_csrf":')).statusCode, 400);
  assert.equal(
    (await post(`{"_csrf":"${session.csrf}","__proto__":{"admin":true}}`)).statusCode,
    400,
    'prototype keys are refused as before',
  );
  const plain = await post(
    JSON.stringify({ _csrf: session.csrf, topic: 'general', name: 'Ana', email: 'ana@example.eu', message: 'Hello' }),
  );
  assert.equal(plain.statusCode, 303);
  assert.equal(await countMessages(app), 1);
});

appTest('a NUL byte in a body that no form schema checks is refused before the handler', async (app, database) => {
  const session = await formSession(app, '/en/password/forgot');
  const res = await app.inject({
    method: 'POST',
    url: '/en/password/forgot',
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: `_csrf=${session.csrf}&email=a%00b@example.eu`,
  });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /The request held characters we cannot accept/);
  assert.equal((await database.db.selectFrom('mail_outbox').select('id').execute()).length, 0);
});

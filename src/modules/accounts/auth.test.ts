import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { PASSWORD, person, sessionFrom, submit } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/helpers/app.ts';
import { dbTest, type TestDatabase } from '../../../test/helpers/db.ts';
import { linkIn, startSmtp, type TestSmtp } from '../../../test/helpers/smtp.ts';
import { hasHoneypot, ROBOT } from '../../../test/input.ts';

type Ctx = { app: FastifyInstance; database: TestDatabase; smtp: TestSmtp };

/** The portal with mail going to a real SMTP server started for the test. */
function mailTest(name: string, fn: (c: Ctx) => Promise<void>) {
  dbTest(name, async (database) => {
    const smtp = await startSmtp();
    const app = await createTestApp(database, { SMTP_URL: smtp.url });
    try {
      await fn({ app, database, smtp });
    } finally {
      await app.close();
      await smtp.close();
    }
  });
}

const deliver = (app: FastifyInstance) => app.context.mail.deliverDue();
const path = (url: string) => new URL(url).pathname;
const users = (database: TestDatabase) => database.db.selectFrom('users').selectAll().execute();

async function signUp(app: FastifyInstance, lang: string, fields: Partial<Record<string, string>> = {}) {
  return submit(app, `/${lang}/sign-up`, {
    name: 'Ana Novak',
    email: 'ana@example.si',
    password: PASSWORD,
    terms: 'yes',
    ...fields,
  } as Record<string, string>);
}

mailTest('sign up, confirm by the emailed link, and land signed in on the account page', async ({ app, database, smtp }) => {
  const res = await signUp(app, 'sl');
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/sl/sign-up/check-email');
  const [user] = await users(database);
  assert.equal(user?.email_confirmed_at, null);
  assert.ok(user?.terms_accepted_at, 'the time the terms were accepted is kept');
  assert.match(String(user?.password_hash), /^\$argon2id\$/);
  await deliver(app);
  const mail = await smtp.messageTo('ana@example.si');
  assert.ok(!mail.subject?.startsWith('Confirm your'), 'the mail is in Slovenian');
  const confirm = path(linkIn(mail, '/confirm/'));
  assert.match(confirm, /^\/sl\/confirm\//);
  const page = await app.inject({ url: confirm });
  assert.equal(page.statusCode, 200, 'opening the link changes nothing by itself');
  assert.equal((await users(database))[0]?.email_confirmed_at, null);
  const done = await submit(app, confirm, {});
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, '/sl/account?notice=confirmed');
  assert.ok(
    done.cookies.some((c) => c.name === 'municipium_device'),
    'this browser is known to the account from now on',
  );
  const account = await app.inject({ url: '/sl/account?notice=confirmed', headers: { cookie: sessionFrom(done) } });
  assert.equal(account.statusCode, 200);
  assert.ok(account.body.includes('ana@example.si'));
  assert.match(account.body, /class="notice notice--success"/);
  assert.ok((await users(database))[0]?.email_confirmed_at);
  const again = await submit(app, confirm, {});
  assert.equal(again.statusCode, 410, 'the link works once');
});

mailTest(
  'sign-up refuses bad input with localised errors, keeps what was typed but not the password, stores nothing',
  async ({ app, database }) => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ terms: '' }, 'terms', /terms/],
      [{ password: 'short' }, 'password', /at least 10/],
      [{ password: 'ana@example.si!!' }, 'password', /email address/],
      [{ password: 'password123456' }, 'password', /too common/],
      [{ email: 'not an email' }, 'email', /email address like/],
      [{ name: 'x'.repeat(121) }, 'name', /at most 120/],
      [{ name: '   ' }, 'name', /Fill in/],
    ];
    for (const [fields, field, message] of cases) {
      const res = await signUp(app, 'en', { name: 'Ana <b>Novak</b>', ...fields });
      assert.equal(res.statusCode, 422, field);
      assert.match(res.body, new RegExp(`id="${field}-error"`), field);
      assert.match(res.body, message, field);
      if (field !== 'name') assert.ok(res.body.includes('value="Ana &lt;b>Novak&lt;/b>"'), 'name kept, escaped');
      assert.ok(!res.body.includes(fields.password ?? PASSWORD), 'the password is not sent back');
    }
    const de = await signUp(app, 'de', { password: 'short' });
    assert.ok(!de.body.includes('Use at least'), 'errors in German');
    assert.equal((await users(database)).length, 0);
  },
);

mailTest('signing up with a taken address looks the same, and the owner is told', async ({ app, database, smtp }) => {
  const owner = await person(database, { email: 'taken@example.eu', name: 'Owner' });
  const res = await signUp(app, 'en', { email: 'Taken@Example.eu', name: 'Intruder' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/en/sign-up/check-email');
  assert.equal((await users(database)).length, 1);
  await deliver(app);
  const mail = await smtp.messageTo(owner.email);
  assert.match(mail.subject ?? '', /Someone tried to create an account/);
});

mailTest('a wrong password and an unknown address get the same answer', async ({ app, database }) => {
  const known = await person(database);
  const wrong = await submit(app, '/en/sign-in', { email: known.email, password: 'not the password at all' });
  const unknown = await submit(app, '/en/sign-in', { email: 'nobody@example.eu', password: 'not the password at all' });
  assert.equal(wrong.statusCode, 422);
  assert.equal(unknown.statusCode, 422);
  const message = (body: string) => /<li><a href="#form">[^<]*<\/a><\/li>/.exec(body)?.[0];
  assert.ok(message(wrong.body));
  assert.equal(message(wrong.body), message(unknown.body));
  assert.ok(wrong.body.includes(`value="${known.email}"`), 'the address typed is kept');
  assert.equal(
    wrong.cookies.some((c) => c.name === 'municipium_session'),
    false,
  );
});

mailTest('sign-in starts a new session id and goes back where the person was; open redirects are ignored', async ({ app, database }) => {
  const p = await person(database);
  const page = await app.inject({ url: '/en/sign-in?next=%2Fen%2Fabout' });
  assert.match(page.body, /name="next" value="\/en\/about"/);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  // The browser still holds an earlier session cookie: signing in must replace it, not reuse it.
  const res = await app.inject({
    method: 'POST',
    url: '/en/sign-in',
    headers: {
      cookie: [p.cookie, ...page.cookies.map((c) => `${c.name}=${c.value}`)].join('; '),
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: new URLSearchParams({ _csrf: csrf, email: p.email, password: PASSWORD, next: '/en/about' }).toString(),
  });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/en/about');
  assert.notEqual(sessionFrom(res), p.cookie, 'a new session id');
  assert.equal((await app.inject({ url: '/en/account', headers: { cookie: p.cookie } })).statusCode, 303, 'the old session ended');
  const bad = [
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'javascript:alert(1)',
    '/en//evil.example',
    '/en/x\r\nSet-Cookie: a=b',
    '/en/x\u0000y',
    '/en/\u2215\u2215evil.example',
    '/en/\u2215evil.example',
    '/\u2215/evil.example',
  ];
  for (const next of bad) {
    const r = await submit(app, '/en/sign-in', { email: p.email, password: PASSWORD, next });
    assert.equal(r.statusCode, 303, JSON.stringify(next));
    assert.equal(r.headers.location, '/en/', `${JSON.stringify(next)} falls back to the home page`);
    const page = await app.inject({
      url: `/en/sign-in?next=${encodeURIComponent(next)}`,
      headers: { cookie: sessionFrom(r) },
    });
    assert.equal(page.statusCode, 303, JSON.stringify(next));
    assert.equal(page.headers.location, '/en/', `${JSON.stringify(next)} falls back to the home page when signed in`);
    const form = await app.inject({ url: `/en/sign-in?next=${encodeURIComponent(next)}` });
    assert.match(form.body, /name="next" value="\/en\/"/, JSON.stringify(next));
  }
  const plain = await submit(app, '/en/sign-in', { email: p.email, password: PASSWORD });
  assert.equal(plain.headers.location, '/en/account', 'without a next, the account page');
});

mailTest('an unconfirmed account cannot sign in and gets a fresh link', async ({ app, database, smtp }) => {
  const p = await person(database, { confirmed: false });
  const res = await submit(app, '/en/sign-in', { email: p.email, password: PASSWORD });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Confirm your email address first/);
  await deliver(app);
  assert.match(linkIn(await smtp.messageTo(p.email), '/confirm/'), /\/en\/confirm\//);
});

mailTest('five failures lock an address for a while, whether or not it has an account', async ({ app, database }) => {
  const p = await person(database);
  for (const email of [p.email, 'ghost@example.eu']) {
    for (let i = 0; i < 5; i++)
      assert.equal((await submit(app, '/en/sign-in', { email, password: `wrong-${i}-password` })).statusCode, 422);
    const locked = await submit(app, '/en/sign-in', { email, password: PASSWORD });
    assert.equal(locked.statusCode, 429, email);
    assert.match(locked.body, /Too many attempts\. Wait 15 minutes/);
  }
});

mailTest('forgotten password: same answer for any address, a single-use link, sessions ended', async ({ app, database, smtp }) => {
  const p = await person(database, { language: 'fi' });
  const unknown = await submit(app, '/en/password/forgot', { email: 'nobody@example.eu' });
  const known = await submit(app, '/en/password/forgot', { email: p.email });
  assert.equal(unknown.statusCode, 200);
  assert.equal(known.body.replace(/_csrf[^>]+/g, ''), unknown.body.replace(/_csrf[^>]+/g, ''));
  await deliver(app);
  assert.equal(smtp.messages.filter((m) => m.to?.[0]?.address === 'nobody@example.eu').length, 0);
  const reset = path(linkIn(await smtp.messageTo(p.email), '/password/reset/'));
  assert.match(reset, /^\/fi\//, 'in the account’s language');
  const weak = await submit(app, reset, { password: 'short' });
  assert.equal(weak.statusCode, 422);
  const done = await submit(app, reset, { password: 'A brand new passphrase here' });
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, '/fi/sign-in?notice=password-reset');
  assert.equal((await app.inject({ url: '/en/account', headers: { cookie: p.cookie } })).statusCode, 303, 'signed out everywhere');
  assert.equal((await submit(app, '/en/sign-in', { email: p.email, password: 'A brand new passphrase here' })).statusCode, 303);
  assert.equal((await app.inject({ url: reset })).statusCode, 410, 'single use');
});

mailTest('a reset link expires', async ({ app, database, smtp }) => {
  const p = await person(database);
  await submit(app, '/en/password/forgot', { email: p.email });
  await deliver(app);
  const reset = path(linkIn(await smtp.messageTo(p.email), '/password/reset/'));
  await database.db
    .updateTable('account_tokens')
    .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
    .execute();
  assert.equal((await app.inject({ url: reset })).statusCode, 410);
  const page = await app.inject({ url: '/en/password/forgot' });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const late = await app.inject({
    method: 'POST',
    url: reset,
    headers: {
      cookie: page.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: new URLSearchParams({ _csrf: csrf, password: 'A brand new passphrase here' }).toString(),
  });
  assert.equal(late.statusCode, 410);
  assert.equal(
    (await submit(app, '/en/sign-in', { email: p.email, password: 'A brand new passphrase here' })).statusCode,
    422,
    'the password did not change',
  );
});

mailTest('sign-out needs the form token and ends the session', async ({ app, database }) => {
  const p = await person(database);
  const forged = await app.inject({ method: 'POST', url: '/en/sign-out', headers: { cookie: p.cookie } });
  assert.equal(forged.statusCode, 403);
  assert.equal((await app.inject({ url: '/en/account', headers: { cookie: p.cookie } })).statusCode, 200);
  const out = await submit(app, '/en/account', {}, p, '/en/sign-out');
  assert.equal(out.statusCode, 303);
  assert.equal((await app.inject({ url: '/en/account', headers: { cookie: p.cookie } })).statusCode, 303);
});

mailTest(
  'a robot that fills in the hidden field is told to check its mail, but no account is made and no mail sent',
  async ({ app, database, smtp }) => {
    assert.ok(hasHoneypot((await app.inject({ url: '/en/sign-up' })).body), 'the form holds the trap');
    const owner = await person(database, { email: 'taken@example.eu' });
    for (const email of ['robot@example.eu', owner.email]) {
      const res = await signUp(app, 'en', { email, ...ROBOT });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/en/sign-up/check-email');
    }
    assert.deepEqual(
      (await users(database)).map((u) => u.email),
      [owner.email],
    );
    await deliver(app);
    assert.equal(smtp.messages.length, 0, 'neither the robot nor the owner of the taken address gets mail');
  },
);

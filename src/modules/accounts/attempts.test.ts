import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { PASSWORD, person, submit } from '../../../test/factories.ts';
import { appTest, cookieHeader } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { hit } from '../../core/http/throttle.ts';
import { THROTTLE } from './service/limits.ts';

const signInUrl = '/en/sign-in';

/** Loads the sign-in page as a browser at this address (with its cookies) and returns how to post it. */
async function signInForm(app: FastifyInstance, ip: string, cookie = '') {
  const page = await app.inject({ url: signInUrl, remoteAddress: ip, headers: cookie ? { cookie } : {} });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const cookies = [cookie, cookieHeader(page)].filter(Boolean).join('; ');
  return (email: string, password: string) =>
    app.inject({
      method: 'POST',
      url: signInUrl,
      remoteAddress: ip,
      headers: { cookie: cookies, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
    });
}

const sessionsOf = async (database: TestDatabase, userId: number) =>
  (await database.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).length;

function assertTooMany(res: LightMyRequestResponse, what: string) {
  assert.equal(res.statusCode, 429, what);
  const wait = Number(res.headers['retry-after']);
  assert.ok(wait > 0 && wait <= 3600, `${what}: Retry-After is ${res.headers['retry-after']}`);
  assert.match(res.body, /Too many (attempts|requests)/, what);
}

appTest('40 parallel sign-ins for one account from 40 addresses: at most 5 passwords are checked', async (app, database) => {
  const owner = await person(database);
  const posts = await Promise.all(Array.from({ length: 40 }, (_, i) => signInForm(app, `10.0.${i}.1`)));
  const before = await sessionsOf(database, owner.id);
  // The right password comes last, as an attacker's 40th guess would.
  const answers = await Promise.all(posts.map((post, i) => post(owner.email, i === 39 ? PASSWORD : `wrong guess ${i}!`)));
  const checked = answers.filter((r) => r.statusCode !== 429);
  assert.ok(checked.length <= THROTTLE.signInFailuresPerAccount.max, `${checked.length} passwords were checked`);
  assert.ok(checked.every((r) => r.statusCode === 422 || r.statusCode === 303));
  for (const r of answers.filter((a) => a.statusCode === 429)) assertTooMany(r, 'a refused attempt');
  assert.equal(answers[39]?.statusCode, 429, 'the right password, guessed too late, does not sign in');
  assert.equal(await sessionsOf(database, owner.id), before, 'no session was started');
});

appTest('a stranger who locks an account out does not lock its owner out of a browser they used before', async (app, database) => {
  const owner = await person(database);
  const first = await (await signInForm(app, '192.0.2.10'))(owner.email, PASSWORD);
  assert.equal(first.statusCode, 303);
  const device = first.cookies.find((c) => c.name === 'municipium_device');
  assert.ok(device?.httpOnly, 'the browser is remembered in an HttpOnly cookie');
  const deviceCookie = `municipium_device=${device.value}`;

  for (let i = 0; i < 5; i++)
    assert.equal((await (await signInForm(app, `198.51.100.${i}`))(owner.email, `bad guess ${i}!`)).statusCode, 422);
  const stranger = await (await signInForm(app, '198.51.100.99'))(owner.email, PASSWORD);
  assertTooMany(stranger, 'a new browser, even with the right password');
  assert.match(stranger.body, /browser you have signed in with before/, 'the owner is told how to get in');

  const back = await (await signInForm(app, '203.0.113.7', deviceCookie))(owner.email, PASSWORD);
  assert.equal(back.statusCode, 303, 'the owner signs in from the browser they used before');

  const forged = [`municipium_device=${owner.id}.${'A'.repeat(24)}`, deviceCookie.replace(/\.[^.]+$/, '.tampered')];
  for (const cookie of forged) {
    assertTooMany(await (await signInForm(app, '198.51.100.98', cookie))(owner.email, PASSWORD), `forged device cookie ${cookie}`);
  }
  const other = await person(database);
  const otherDevice = (await (await signInForm(app, '192.0.2.11'))(other.email, PASSWORD)).cookies.find(
    (c) => c.name === 'municipium_device',
  );
  const borrowed = await (await signInForm(app, '198.51.100.97', `municipium_device=${otherDevice?.value}`))(owner.email, PASSWORD);
  assertTooMany(borrowed, 'another account’s device cookie');

  // A known browser has its own five attempts: a stolen laptop is not a way around the limit.
  for (let i = 0; i < 5; i++)
    assert.equal((await (await signInForm(app, '203.0.113.8', deviceCookie))(owner.email, `typo ${i} here`)).statusCode, 422);
  assertTooMany(await (await signInForm(app, '203.0.113.8', deviceCookie))(owner.email, PASSWORD), 'the device’s own limit');
});

appTest('a password reset by mail lifts the lock a stranger put on the account', async (app, database) => {
  const owner = await person(database);
  for (let i = 0; i < 5; i++) await (await signInForm(app, `198.51.100.${i}`))(owner.email, `bad guess ${i}!`);
  assertTooMany(await (await signInForm(app, '198.51.100.50'))(owner.email, PASSWORD), 'locked');
  await submit(app, '/en/password/forgot', { email: owner.email });
  const mail = await database.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('to_address', '=', owner.email)
    .executeTakeFirstOrThrow();
  const reset = /http:\/\/portal\.test(\/en\/password\/reset\/\S+)/.exec(mail.text_body)?.[1];
  assert.ok(reset);
  assert.equal((await submit(app, reset, { password: 'A brand new passphrase here' })).statusCode, 303);
  assert.equal((await (await signInForm(app, '198.51.100.51'))(owner.email, 'A brand new passphrase here')).statusCode, 303);
});

appTest('every refusal for too many attempts answers 429 with Retry-After and keeps what was typed', async (app, database) => {
  const admin = await person(database, { roles: [['platform_admin', null]] });
  const ip = '127.0.0.1';
  await Promise.all([
    ...Array.from({ length: THROTTLE.signUpPerIp.max }, () => hit(database.db, `signup:ip:${ip}`, THROTTLE.signUpPerIp)),
    ...Array.from({ length: THROTTLE.resetPerIp.max }, () => hit(database.db, `reset:ip:${ip}`, THROTTLE.resetPerIp)),
    ...Array.from({ length: THROTTLE.emailChangePerAccount.max }, () =>
      hit(database.db, `email-change:${admin.id}`, THROTTLE.emailChangePerAccount),
    ),
    ...Array.from({ length: THROTTLE.invitationsPerActor.max }, () => hit(database.db, `invite:${admin.id}`, THROTTLE.invitationsPerActor)),
  ]);
  const users = (await database.db.selectFrom('users').select('id').execute()).length;
  const signUp = await submit(app, '/en/sign-up', {
    name: 'Mara Kovač',
    email: 'mara@example.eu',
    password: PASSWORD,
    terms: 'yes',
  });
  assertTooMany(signUp, 'sign-up per address');
  assert.ok(signUp.body.includes('value="Mara Kovač"'), 'the name typed is kept');
  assertTooMany(await submit(app, '/en/password/forgot', { email: admin.email }), 'password reset per address');
  assertTooMany(await submit(app, '/en/account/email', { email: 'new@example.eu', current_password: PASSWORD }, admin), 'email change');
  const invite = await submit(
    app,
    '/en/team/platform',
    { email: 'editor@example.eu', role: 'platform_editor' },
    admin,
    '/en/team/platform/invite',
  );
  assertTooMany(invite, 'invitations');
  assert.equal((await database.db.selectFrom('users').select('id').execute()).length, users, 'no account was made');
  assert.equal((await database.db.selectFrom('invitations').select('id').execute()).length, 0, 'no invitation was made');
  assert.equal((await database.db.selectFrom('mail_outbox').select('id').execute()).length, 0, 'no mail was sent');

  // The per-process form limit answers the same way.
  let last: LightMyRequestResponse | undefined;
  for (let i = 0; i < 11; i++) last = await submit(app, '/en/contact', { name: 'A', email: 'a@example.eu', message: 'Hello there' });
  assert.ok(last);
  assertTooMany(last, 'the contact form limit');
});

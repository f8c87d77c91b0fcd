import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { PASSWORD, person, submit, type TestPerson } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';

const NEW_PASSWORD = 'Seven swans over Lake Bled';

/** The path of the newest link mailed to an address, of the given kind. */
async function mailedLink(database: TestDatabase, to: string, kind: RegExp): Promise<string> {
  const mails = await database.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('to_address', '=', to)
    .orderBy('id', 'desc')
    .execute();
  for (const m of mails) {
    const url = m.text_body
      .match(/http:\/\/portal\.test(\/[a-z]{2}\/\S+)/g)
      ?.map((u) => u.replace('http://portal.test', ''))
      .find((u) => kind.test(u));
    if (url) return url;
  }
  throw new Error(`no ${kind} link mailed to ${to}`);
}

async function resetLink(app: FastifyInstance, database: TestDatabase, who: TestPerson): Promise<string> {
  assert.equal((await submit(app, '/en/password/forgot', { email: who.email })).statusCode, 200);
  return mailedLink(database, who.email, /\/password\/reset\//);
}

async function emailChangeLink(app: FastifyInstance, database: TestDatabase, who: TestPerson, to: string): Promise<string> {
  assert.equal((await submit(app, '/en/account/email', { email: to, current_password: PASSWORD }, who)).statusCode, 200);
  return mailedLink(database, to, /\/email\/confirm\//);
}

async function assertDead(app: FastifyInstance, link: string, who: TestPerson | undefined, fields: Record<string, string>, what: string) {
  if (link.includes('/password/reset/')) assert.equal((await app.inject({ url: link })).statusCode, 410, `${what}: the page says so`);
  // The form is posted with a token from another page: the link's own page no longer offers one.
  assert.equal((await submit(app, '/en/password/forgot', fields, who, link)).statusCode, 410, what);
}

const passwordHash = async (database: TestDatabase, id: number) =>
  (await database.db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow()).password_hash;

appTest('a reset link mailed before a password change stops working after it', async (app, database) => {
  const p = await person(database);
  const reset = await resetLink(app, database, p);
  const changed = await submit(app, '/en/account/password', { current_password: PASSWORD, password: NEW_PASSWORD }, p);
  assert.equal(changed.headers.location, '/en/account?notice=password-changed');
  const hash = await passwordHash(database, p.id);
  await assertDead(app, reset, undefined, { password: 'Somebody else chose this one' }, 'reset after a password change');
  assert.equal(await passwordHash(database, p.id), hash, 'the password stays as the owner set it');
});

appTest('a reset link mailed to the old address stops working once the address changes', async (app, database) => {
  const p = await person(database);
  const reset = await resetLink(app, database, p);
  const confirm = await emailChangeLink(app, database, p, 'moved@example.eu');
  assert.equal((await submit(app, confirm, {}, p)).headers.location, '/en/account?notice=email-changed');
  const hash = await passwordHash(database, p.id);
  await assertDead(app, reset, undefined, { password: 'Somebody else chose this one' }, 'reset after an email change');
  assert.equal(await passwordHash(database, p.id), hash);
});

appTest('a pending email change stops working after a password reset or change', async (app, database) => {
  const p = await person(database);
  const confirm = await emailChangeLink(app, database, p, 'elsewhere@example.eu');
  const reset = await resetLink(app, database, p);
  assert.equal((await submit(app, reset, { password: NEW_PASSWORD })).statusCode, 303);
  const signedIn = await person(database, { email: 'second@example.eu' });
  await assertDead(app, confirm, signedIn, {}, 'email change after a password reset');
  const email = async (id: number) =>
    (await database.db.selectFrom('users').select('email').where('id', '=', id).executeTakeFirstOrThrow()).email;
  assert.equal(await email(p.id), p.email, 'the address did not change');

  const q = await person(database);
  const pending = await emailChangeLink(app, database, q, 'another@example.eu');
  await submit(app, '/en/account/password', { current_password: PASSWORD, password: NEW_PASSWORD }, q);
  await assertDead(app, pending, q, {}, 'email change after a password change');
  assert.equal(await email(q.id), q.email);
});

import assert from 'node:assert/strict';
import { PASSWORD, person, sessionFrom, submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { sampleDirectory } from '../../../test/scopes.ts';
import { modules } from '../index.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './service/limits.ts';

const NEW_PASSWORD = 'Seven bridges over the Drava';

appTest('a session ends after a day idle and after two weeks in any case', async (app, database) => {
  const idle = await person(database);
  const old = await person(database);
  const fresh = await person(database);
  await database.db
    .updateTable('sessions')
    .set({ last_seen_at: new Date(Date.now() - SESSION_IDLE_MS - 1000).toISOString() })
    .where('user_id', '=', idle.id)
    .execute();
  await database.db
    .updateTable('sessions')
    .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
    .where('user_id', '=', old.id)
    .execute();
  for (const p of [idle, old]) {
    const res = await app.inject({ url: '/en/account', headers: { cookie: p.cookie } });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/en/sign-in?next=%2Fen%2Faccount');
  }
  assert.equal((await app.inject({ url: '/en/account', headers: { cookie: fresh.cookie } })).statusCode, 200);
  const row = await database.db
    .selectFrom('sessions')
    .select(['created_at', 'expires_at'])
    .where('user_id', '=', fresh.id)
    .executeTakeFirstOrThrow();
  assert.equal(Date.parse(row.expires_at) - Date.parse(row.created_at), SESSION_ABSOLUTE_MS);
  assert.equal(
    (await database.db.selectFrom('sessions').select('id').where('user_id', 'in', [idle.id, old.id]).execute()).length,
    0,
    'ended sessions are removed',
  );
});

appTest(
  'the session cookie is HttpOnly and SameSite, and Secure outside development',
  async (app, database) => {
    const p = await person(database);
    const res = await submit(app, '/en/sign-in', { email: p.email, password: PASSWORD });
    const cookie = res.cookies.find((c) => c.name === 'municipium_session');
    assert.equal(cookie?.httpOnly, true);
    assert.equal(cookie?.sameSite, 'Lax');
    assert.equal(cookie?.secure, true);
  },
  { NODE_ENV: 'production' },
);

appTest('the sessions page lists each browser and signs out all the others', async (app, database) => {
  const p = await person(database);
  const second = await submit(app, '/en/sign-in', { email: p.email, password: PASSWORD });
  const other = sessionFrom(second);
  const page = await app.inject({ url: '/en/account/sessions', headers: { cookie: p.cookie } });
  assert.equal((page.body.match(/<tr>/g) ?? []).length, 3, 'a header and two sessions');
  assert.match(page.body, /class="tag">This browser</);
  const done = await submit(app, '/en/account/sessions', {}, p, '/en/account/sessions/end-others');
  assert.equal(done.headers.location, '/en/account/sessions?ended=1');
  assert.equal((await app.inject({ url: '/en/account', headers: { cookie: other } })).statusCode, 303, 'the other browser is signed out');
  assert.equal((await app.inject({ url: '/en/account', headers: { cookie: p.cookie } })).statusCode, 200, 'this one stays');
});

appTest('changing the password needs the current one and signs out other browsers', async (app, database) => {
  const p = await person(database);
  const other = sessionFrom(await submit(app, '/en/sign-in', { email: p.email, password: PASSWORD }));
  const wrong = await submit(app, '/en/account/password', { current_password: 'not my password', password: NEW_PASSWORD }, p);
  assert.equal(wrong.statusCode, 422);
  assert.match(wrong.body, /id="current_password-error"/);
  const weak = await submit(app, '/en/account/password', { current_password: PASSWORD, password: 'qwertyuiop' }, p);
  assert.equal(weak.statusCode, 422);
  const ok = await submit(app, '/en/account/password', { current_password: PASSWORD, password: NEW_PASSWORD }, p);
  assert.equal(ok.headers.location, '/en/account?notice=password-changed');
  assert.equal((await app.inject({ url: '/en/account', headers: { cookie: other } })).statusCode, 303);
  assert.equal((await submit(app, '/en/sign-in', { email: p.email, password: NEW_PASSWORD })).statusCode, 303);
  const mails = await database.db.selectFrom('mail_outbox').select('subject').where('to_address', '=', p.email).execute();
  assert.ok(
    mails.some((m) => /password .* was changed/.test(m.subject)),
    'the owner is told',
  );
});

appTest('changing the email address goes through a link sent to the new address', async (app, database) => {
  const p = await person(database);
  const taken = await person(database);
  const wrong = await submit(app, '/en/account/email', { email: 'new@example.eu', current_password: 'nope nope nope' }, p);
  assert.equal(wrong.statusCode, 422);
  assert.ok(wrong.body.includes('value="new@example.eu"'));
  const sameAnswer = await submit(app, '/en/account/email', { email: taken.email, current_password: PASSWORD }, p);
  assert.equal(sameAnswer.statusCode, 200, 'a taken address gets the same answer');
  assert.equal((await database.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', taken.email).execute()).length, 0);
  const ok = await submit(app, '/en/account/email', { email: 'New@Example.eu', current_password: PASSWORD }, p);
  assert.equal(ok.statusCode, 200);
  const mails = await database.db.selectFrom('mail_outbox').select(['to_address', 'text_body']).execute();
  assert.ok(
    mails.some((m) => m.to_address === p.email),
    'the old address is told',
  );
  const link = mails
    .find((m) => m.to_address === 'new@example.eu')
    ?.text_body.match(/http:\/\/portal\.test(\/en\/email\/confirm\/\S+)/)?.[1];
  assert.ok(link);
  const confirmed = await submit(app, link, {}, p);
  assert.equal(confirmed.headers.location, '/en/account?notice=email-changed');
  assert.equal(
    (await database.db.selectFrom('users').select('email').where('id', '=', p.id).executeTakeFirstOrThrow()).email,
    'new@example.eu',
  );
  assert.equal((await submit(app, link, {}, p)).statusCode, 410);
});

appTest('the profile name can be changed, with errors that keep what was typed', async (app, database) => {
  const p = await person(database);
  const bad = await submit(app, '/en/account', { name: '' }, p);
  assert.equal(bad.statusCode, 422);
  const ok = await submit(app, '/fi/account', { name: 'Aino Virtanen' }, p);
  assert.equal(ok.headers.location, '/fi/account?notice=saved');
  const row = await database.db.selectFrom('users').select(['name', 'language']).where('id', '=', p.id).executeTakeFirstOrThrow();
  assert.deepEqual(row, { name: 'Aino Virtanen', language: 'fi' });
});

appTest('download my data holds everything about the person and no secrets', async (app, database) => {
  const p = await person(database, { roles: [['municipality_editor', 7]] });
  await submit(app, '/en/contact', { topic: 'general', name: p.name, email: p.email, message: 'Hello from me' });
  await submit(app, '/en/contact', {
    topic: 'general',
    name: 'Someone else',
    email: 'else@example.eu',
    message: 'Not mine',
  });
  const res = await app.inject({ url: '/en/account/data', headers: { cookie: p.cookie } });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-disposition']), /attachment; filename="municipium-my-data\.json"/);
  const data = JSON.parse(res.body);
  assert.equal(data.account.email, p.email);
  assert.equal(data.account.password_hash, undefined);
  assert.deepEqual(data.roles, [{ role: 'municipality_editor', scope_type: 'municipality', scope_id: 7 }]);
  assert.equal(data.sessions.length, 1);
  assert.equal(data.sessions[0].id, undefined, 'session ids are secrets');
  assert.deepEqual(
    data.pages.contactMessages.map((m: { message: string }) => m.message),
    ['Hello from me'],
  );
  assert.ok(!res.body.includes('Not mine'));
  assert.equal((await app.inject({ url: '/en/account/data' })).statusCode, 303, 'signed-in only');
});

appTest('deleting the account erases personal data everywhere but keeps the record of actions', async (app, database) => {
  await sampleDirectory(database);
  const admin = await person(database, { roles: [['platform_admin', null]] });
  const p = await person(database, { roles: [['municipality_admin', 3]] });
  await submit(app, '/en/contact', { topic: 'general', name: p.name, email: p.email, message: 'Please call me' });
  await submit(
    app,
    '/en/team/municipality/3',
    { email: 'colleague@example.eu', role: 'municipality_editor' },
    p,
    '/en/team/municipality/3/invite',
  );
  const wrong = await submit(app, '/en/account/delete', { current_password: 'wrong wrong wrong' }, p);
  assert.equal(wrong.statusCode, 422);
  const res = await submit(app, '/en/account/delete', { current_password: PASSWORD }, p);
  assert.equal(res.headers.location, '/en/account/deleted');
  const row = await database.db.selectFrom('users').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
  assert.equal(row.name, '');
  assert.equal(row.email, `deleted-${p.id}@deleted.invalid`);
  assert.equal(row.password_hash, null);
  assert.ok(row.deleted_at);
  assert.equal((await database.db.selectFrom('sessions').selectAll().where('user_id', '=', p.id).execute()).length, 0);
  assert.equal((await database.db.selectFrom('role_grants').selectAll().where('user_id', '=', p.id).execute()).length, 0);
  assert.equal((await database.db.selectFrom('contact_messages').selectAll().execute()).length, 0);
  assert.equal((await submit(app, '/en/sign-in', { email: p.email, password: PASSWORD })).statusCode, 422);
  const audit = await app.inject({ url: '/en/admin/audit', headers: { cookie: admin.cookie } });
  assert.match(audit.body, /<td[^>]*>Deleted account<\/td><td[^>]*><code>role\.invite<\/code>/);
  assert.equal((await app.inject({ url: '/en/account', headers: { cookie: p.cookie } })).statusCode, 303);
});

appTest('every account page asks an anonymous visitor to sign in and come back', async (app) => {
  for (const url of [
    '/en/account',
    '/en/account/password',
    '/en/account/email',
    '/en/account/sessions',
    '/en/account/data',
    '/en/account/delete',
    '/en/organisations/new',
    '/en/admin/audit',
    '/en/team/platform',
  ]) {
    const res = await app.inject({ url });
    assert.equal(res.statusCode, 303, url);
    assert.equal(res.headers.location, `/en/sign-in?next=${encodeURIComponent(url)}`);
    const json = await app.inject({ url: url.replace('/en/', '/de/'), headers: { accept: 'application/json' } });
    assert.equal(json.statusCode, 401, `${url} as JSON`);
    assert.equal(json.json().title, 'Melden Sie sich zuerst an', 'a localised problem');
  }
});

appTest('the header shows sign-in to visitors and the account to signed-in people', async (app, database) => {
  assert.match((await app.inject({ url: '/en/' })).body, /<div class="header-account"><a href="\/en\/sign-in">Sign in<\/a><\/div>/);
  const p = await person(database, { name: 'Mira <Kos>' });
  const body = (await app.inject({ url: '/en/about', headers: { cookie: p.cookie } })).body;
  assert.match(body, /<a href="\/en\/account">Your account<span class="visually-hidden">: Mira &lt;Kos><\/span><\/a>/);
});

appTest('the housekeeping jobs remove ended sessions and old rate-limit counters', async (app, database) => {
  const ended = await person(database);
  const active = await person(database);
  await database.db
    .updateTable('sessions')
    .set({ last_seen_at: new Date(Date.now() - SESSION_IDLE_MS - 1).toISOString() })
    .where('user_id', '=', ended.id)
    .execute();
  await database.db
    .insertInto('throttle')
    .values([
      { key: 'old', window_start: Date.now() - 48 * 3600_000, hits: 3 },
      { key: 'new', window_start: Date.now(), hits: 1 },
    ])
    .execute();
  const jobs = modules.flatMap((m) => m.jobs ?? []);
  assert.deepEqual(jobs.map((j) => j.name).sort(), [
    'membership deadlines',
    'participation answers',
    'participation news mail',
    'prune rate-limit counters',
    'remove ended sessions',
    'send newsletters',
    'signals questionnaire',
    'signals unsent photos',
  ]);
  for (const job of jobs) await job.run(app.context);
  const sessions = await database.db.selectFrom('sessions').select('user_id').execute();
  assert.deepEqual(
    sessions.map((s) => s.user_id),
    [active.id],
  );
  assert.deepEqual(
    (await database.db.selectFrom('throttle').select('key').execute()).map((r) => r.key),
    ['new'],
  );
});

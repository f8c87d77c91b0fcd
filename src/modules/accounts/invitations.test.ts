import assert from 'node:assert/strict';
import { PASSWORD, person, sessionFrom, submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { registerPortalScopes, sampleDirectory, sampleNetwork } from '../../../test/scopes.ts';

registerPortalScopes();

function linkTo(body: string, path: string): string {
  const m = body.match(new RegExp(`http://portal\\.test(/[a-z]{2}${path}\\S+)`));
  if (!m?.[1]) throw new Error(`no ${path} link in:\n${body}`);
  return m[1];
}

appTest('an admin invites an editor by email; the invitee signs up with that address and accepts', async (app, database) => {
  await sampleDirectory(database);
  const admin = await person(database, { roles: [['municipality_admin', 5]], name: 'Mayor Office' });
  const invited = await submit(
    app,
    '/bg/team/municipality/5',
    { email: 'Editor@Example.bg', role: 'municipality_editor' },
    admin,
    '/bg/team/municipality/5/invite',
  );
  assert.equal(invited.headers.location, '/bg/team/municipality/5?notice=invited');
  const team = await app.inject({ url: '/bg/team/municipality/5', headers: { cookie: admin.cookie } });
  assert.ok(team.body.includes('editor@example.bg'), 'listed as waiting');
  const mail = await database.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('to_address', '=', 'editor@example.bg')
    .executeTakeFirstOrThrow();
  assert.equal(mail.language, 'bg', 'in the language the admin used, for an address without account');
  const invitation = linkTo(mail.text_body, '/invitations/');

  const visitor = await app.inject({ url: invitation });
  assert.equal(visitor.statusCode, 200);
  assert.match(visitor.body, /href="\/bg\/sign-in\?next=/);

  await submit(app, '/bg/sign-up', {
    name: 'Ivan Petrov',
    email: 'editor@example.bg',
    password: PASSWORD,
    terms: 'yes',
  });
  const confirmMail = await database.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('to_address', '=', 'editor@example.bg')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const signedIn = await submit(app, linkTo(confirmMail.text_body, '/confirm/'), {});
  const cookie = sessionFrom(signedIn);
  const userId = (await database.db.selectFrom('users').select('id').where('email', '=', 'editor@example.bg').executeTakeFirstOrThrow()).id;
  const who = { id: userId, email: 'editor@example.bg', name: 'Ivan Petrov', cookie };

  const page = await app.inject({ url: invitation, headers: { cookie } });
  assert.match(page.body, /<form method="post" action="\/bg\/invitations\//);
  const accepted = await submit(app, invitation, {}, who);
  assert.equal(accepted.headers.location, '/bg/account?notice=saved');
  const grants = await database.db
    .selectFrom('role_grants')
    .select(['role', 'scope_type', 'scope_id', 'granted_by'])
    .where('user_id', '=', userId)
    .execute();
  assert.deepEqual(grants, [{ role: 'municipality_editor', scope_type: 'municipality', scope_id: 5, granted_by: admin.id }]);
  const again = await app.inject({ url: invitation, headers: { cookie } });
  assert.ok(!again.body.includes('<form method="post" action="/bg/invitations/'), 'used once');
  const actions = await database.db.selectFrom('audit_log').select(['action', 'actor_id']).orderBy('id').execute();
  assert.deepEqual(actions, [
    { action: 'role.invite', actor_id: admin.id },
    { action: 'role.accept', actor_id: userId },
  ]);
});

appTest('an invitation cannot be taken by another account, after it expires, or once cancelled', async (app, database) => {
  await sampleNetwork(database, 'first');
  await sampleNetwork(database, 'second', 'Second Network');
  const admin = await person(database, { roles: [['network_coordinator', 2]] });
  const other = await person(database);
  await submit(app, '/en/team/network/2', { email: 'wanted@example.eu', role: 'network_coordinator' }, admin, '/en/team/network/2/invite');
  const mail = await database.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('to_address', '=', 'wanted@example.eu')
    .executeTakeFirstOrThrow();
  const invitation = linkTo(mail.text_body, '/invitations/');
  assert.match(
    (await app.inject({ url: invitation, headers: { cookie: other.cookie } })).body,
    /This invitation is for wanted@example\.eu/,
  );
  const stolen = await submit(app, '/en/account', {}, other, invitation);
  assert.equal(stolen.statusCode, 403);
  assert.equal((await database.db.selectFrom('role_grants').selectAll().where('user_id', '=', other.id).execute()).length, 0);

  const wanted = await person(database, { email: 'wanted@example.eu' });
  await database.db
    .updateTable('invitations')
    .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
    .execute();
  assert.match((await app.inject({ url: invitation, headers: { cookie: wanted.cookie } })).body, /can no longer be used/);
  const late = await submit(app, '/en/account', {}, wanted, invitation);
  assert.equal(late.statusCode, 303);
  assert.equal((await database.db.selectFrom('role_grants').selectAll().where('user_id', '=', wanted.id).execute()).length, 0);

  await database.db
    .updateTable('invitations')
    .set({ expires_at: new Date(Date.now() + 60_000).toISOString() })
    .execute();
  const inv = await database.db.selectFrom('invitations').select('id').executeTakeFirstOrThrow();
  const cancelled = await submit(app, '/en/team/network/2', {}, admin, `/en/team/network/2/invitations/${inv.id}/cancel`);
  assert.equal(cancelled.headers.location, '/en/team/network/2?notice=cancelled');
  await submit(app, '/en/account', {}, wanted, invitation);
  assert.equal((await database.db.selectFrom('role_grants').selectAll().where('user_id', '=', wanted.id).execute()).length, 0);
  assert.equal((await app.inject({ url: '/en/invitations/not-a-real-token' })).statusCode, 404);
});

appTest('invite form: bad input is refused with errors that keep what was typed', async (app, database) => {
  const admin = await person(database, { roles: [['platform_admin', null]] });
  const member = await person(database, { roles: [['platform_moderator', null]] });
  const cases: [Record<string, string>, string][] = [
    [{ email: 'nope', role: 'platform_moderator' }, 'email'],
    [{ email: 'a@example.eu', role: 'municipality_editor' }, 'role'],
    [{ email: 'a@example.eu', role: 'emperor' }, 'role'],
    [{ email: member.email, role: 'platform_moderator' }, 'email'],
  ];
  for (const [fields, field] of cases) {
    const res = await submit(app, '/en/team/platform', fields, admin, '/en/team/platform/invite');
    assert.equal(res.statusCode, 422, JSON.stringify(fields));
    assert.match(res.body, new RegExp(`id="${field}-error"`));
    assert.ok(res.body.includes(`value="${fields.email}"`));
  }
  assert.equal((await database.db.selectFrom('invitations').selectAll().execute()).length, 0);
});

appTest('the team page and the invitation mail name the town, in the invitee’s language', async (app, database) => {
  await sampleDirectory(database);
  const id = (await database.db.selectFrom('municipalities').select('id').where('slug', '=', 'stara-zagora').executeTakeFirstOrThrow()).id;
  const mayor = await person(database, { roles: [['municipality_admin', id]], name: 'Mayor Office' });
  const page = await app.inject({ url: `/en/team/municipality/${id}`, headers: { cookie: mayor.cookie } });
  assert.match(page.body, /<title>People of Stara Zagora/);
  assert.match(page.body, /<h1>People of Stara Zagora<\/h1>/);
  await person(database, { email: 'colleague@example.bg', language: 'fr' });
  for (const email of ['new@example.bg', 'colleague@example.bg']) {
    const res = await submit(
      app,
      `/en/team/municipality/${id}`,
      { email, role: 'municipality_editor' },
      mayor,
      `/en/team/municipality/${id}/invite`,
    );
    assert.equal(res.statusCode, 303);
  }
  const mails = await database.db.selectFrom('mail_outbox').select(['to_address', 'text_body']).orderBy('id').execute();
  assert.match(mails[0]!.text_body, /Mayor Office invites you to be Municipality editor for Stara Zagora on /);
  assert.match(mails[1]!.text_body, /pour Stara Zagora sur /, 'in the language of the account it is sent to');
  for (const m of mails)
    assert.doesNotMatch(m.text_body.replace(/https?:\/\/\S+/g, ''), new RegExp(`no\\.|\\b${id}\\b`), 'never a number for the town');

  const admin = await person(database, { roles: [['platform_admin', null]] });
  await submit(app, '/en/team/platform', { email: 'helper@example.eu', role: 'platform_editor' }, admin, '/en/team/platform/invite');
  const platformMail = await database.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('to_address', '=', 'helper@example.eu')
    .executeTakeFirstOrThrow();
  assert.match(platformMail.text_body, /for the platform on /);
});

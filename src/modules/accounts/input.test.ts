import assert from 'node:assert/strict';
import { PASSWORD, person, submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { CHARACTERS_ERROR, fieldError } from '../../../test/input.ts';

appTest('a NUL byte in a name is an error at the field, with what was typed kept and nothing saved', async (app, database) => {
  const signUp = await submit(app, '/en/sign-up', {
    name: 'Ana\u0000Novak',
    email: 'ana@example.si',
    password: PASSWORD,
    terms: 'yes',
  });
  assert.equal(signUp.statusCode, 422);
  assert.equal(fieldError(signUp.body, 'name'), CHARACTERS_ERROR);
  assert.ok(signUp.body.includes('value="Ana\u0000Novak"'));
  assert.ok(signUp.body.includes('value="ana@example.si"'));

  const ana = await person(database, { name: 'Ana' });
  const rename = await submit(app, '/en/account', { name: 'Ana\u0000' }, ana);
  assert.equal(rename.statusCode, 422);
  assert.equal(fieldError(rename.body, 'name'), CHARACTERS_ERROR);

  const org = await submit(app, '/en/organisations/new', { name: 'Zelena\u0000Zagora', kind: 'ngo', description: 'Trees\u0001' }, ana);
  assert.equal(org.statusCode, 422);
  assert.equal(fieldError(org.body, 'name'), CHARACTERS_ERROR);
  assert.equal(fieldError(org.body, 'description'), CHARACTERS_ERROR);
  assert.ok(org.body.includes('value="Zelena\u0000Zagora"'));

  const users = await database.db.selectFrom('users').select('name').execute();
  assert.deepEqual(
    users.map((u) => u.name),
    ['Ana'],
    'no account made, no name changed',
  );
  assert.equal((await database.db.selectFrom('organisations').select('id').execute()).length, 0);
});

appTest('ids past the largest integer are not found, never a database error', async (app, database) => {
  const admin = await person(database, { roles: [['platform_admin', null]] });
  const headers = { cookie: admin.cookie };
  for (const url of [
    '/en/organisations/2147483648',
    '/en/organisations/2147483648/edit',
    '/en/team/organisation/2147483648',
    '/en/team/municipality/9999999999',
  ]) {
    assert.equal((await app.inject({ url, headers })).statusCode, 404, url);
  }
  assert.equal(
    (await app.inject({ url: '/en/admin/audit?before=2147483648', headers })).statusCode,
    200,
    'an unknown position lists from the newest',
  );
  const remove = await submit(app, '/en/team/platform', {}, admin, '/en/team/platform/members/2147483648/remove');
  assert.equal(remove.statusCode, 404);
  const cancel = await submit(app, '/en/team/platform', {}, admin, '/en/team/platform/invitations/NaN/cancel');
  assert.equal(cancel.statusCode, 404);
});

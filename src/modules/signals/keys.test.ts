import assert from 'node:assert/strict';
import { person, submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { assertError, post311 } from '../../../test/open311.ts';
import { countOf, IN_STARA_ZAGORA, open311Towns, postAs } from '../../../test/signals-open311.ts';

const KEYS = '/en/signals/keys';

appTest('only platform administrators see and issue Open311 keys', async (app, database) => {
  const towns = await open311Towns(database);
  const citizen = await person(database);
  const townAdmin = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
  const editor = await person(database, { roles: [['platform_editor', null]] });
  const admin = await person(database, { roles: [['platform_admin', null]] });

  const visitor = await app.inject({ url: KEYS });
  assert.equal(visitor.statusCode, 303);
  assert.match(String(visitor.headers.location), /\/en\/sign-in\?next=/);
  for (const who of [citizen, townAdmin, editor]) {
    assert.equal((await app.inject({ url: KEYS, headers: { cookie: who.cookie } })).statusCode, 403);
    assert.equal((await postAs(app, KEYS, { name: 'App', contact_email: 'a@example.eu' }, who)).statusCode, 403);
  }
  const page = await app.inject({ url: KEYS, headers: { cookie: admin.cookie } });
  assert.equal(page.statusCode, 200);
  assert.equal(page.headers['cache-control'], 'no-store');
  assert.match(page.body, /No key has been issued yet/);

  const issued = await submit(app, KEYS, { name: 'Pothole <script>app</script>', contact_email: 'dev@pothole.example' }, admin);
  assert.equal(issued.statusCode, 200, issued.body);
  assert.equal(issued.headers['cache-control'], 'no-store');
  const key = /<code>([\w-]{43})<\/code>/.exec(issued.body)?.[1];
  assert.ok(key, 'the key is shown once');
  assert.ok(!issued.body.includes('<script>app'), 'the name is escaped');
  assert.match(issued.body, /Pothole &lt;script/);
  const row = await database.db.selectFrom('signal_api_keys').selectAll().executeTakeFirstOrThrow();
  assert.notEqual(row.key_hash, key, 'only its hash is kept');
  assert.equal(row.created_by, admin.id);
  const again = await app.inject({ url: KEYS, headers: { cookie: admin.cookie } });
  assert.ok(!again.body.includes(key!), 'never shown again');
  assert.match(again.body, /dev@pothole\.example/);

  // The key works for Open311 until it is revoked.
  const post = () =>
    post311(app, 'json', {
      api_key: key!,
      jurisdiction_id: 'bg/stara-zagora',
      service_code: 'roads',
      lat: String(IN_STARA_ZAGORA.lat),
      long: String(IN_STARA_ZAGORA.long),
      description: 'Pothole',
    });
  assert.equal((await post()).statusCode, 200);
  const revoke = await submit(app, KEYS, {}, admin, `/en/signals/keys/${row.id}/revoke`);
  assert.equal(revoke.statusCode, 303);
  assert.equal(revoke.headers.location, '/en/signals/keys?notice=revoked');
  assertError(await post(), 403, /api_key is not valid/);
  assert.equal(await countOf(database, 'signals'), 1);
  const twice = await submit(app, KEYS, {}, admin, `/en/signals/keys/${row.id}/revoke`);
  assert.equal(twice.statusCode, 404, 'a revoked key stays revoked');
  const actions = await database.db.selectFrom('audit_log').select(['action', 'actor_id', 'subject_id']).orderBy('id').execute();
  assert.deepEqual(actions, [
    { action: 'signals.key.issue', actor_id: admin.id, subject_id: row.id },
    { action: 'signals.key.revoke', actor_id: admin.id, subject_id: row.id },
  ]);
  // Nobody else revokes one.
  const other = await database.db.selectFrom('signal_api_keys').select('id').executeTakeFirstOrThrow();
  for (const who of [citizen, townAdmin, editor])
    assert.equal((await postAs(app, `/en/signals/keys/${other.id}/revoke`, {}, who)).statusCode, 403);
});

appTest('a key form refused keeps what was typed, says why, and issues nothing', async (app, database) => {
  const admin = await person(database, { roles: [['platform_admin', null]] });
  const cases: [Record<string, string>, RegExp][] = [
    [{ name: '', contact_email: 'dev@example.eu' }, /Application: Fill in this field\./],
    [{ name: 'App', contact_email: 'not-mail' }, /Contact email: Enter an email address/],
    [{ name: 'x'.repeat(151), contact_email: 'dev@example.eu' }, /Use at most 150 characters/],
    [{ name: 'Bell \u0007', contact_email: 'dev@example.eu' }, /invisible control characters/],
    [{ name: '<script>alert(1)</script>', contact_email: '<script>@x' }, /Enter an email address/],
  ];
  for (const [fields, message] of cases) {
    const res = await submit(app, KEYS, fields, admin);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<title>Error: /);
    assert.match(res.body, message);
    if (fields.contact_email === 'not-mail') assert.match(res.body, /value="not-mail"/);
    assert.ok(!res.body.includes('<script>alert'), 'escaped');
  }
  assert.equal(await countOf(database, 'signal_api_keys'), 0);
  const noToken = await app.inject({
    method: 'POST',
    url: KEYS,
    headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'name=App&contact_email=a%40example.eu',
  });
  assert.equal(noToken.statusCode, 403, 'no CSRF token, no key');
  assert.equal(await countOf(database, 'signal_api_keys'), 0);
});

import assert from 'node:assert/strict';
import { person, submit, type TestPerson } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { testActor as actor, type Matrix, policyMatrix } from '../../../test/policy.ts';
import { registerPortalScopes, sampleDirectory, sampleNetwork } from '../../../test/scopes.ts';
import type { Actor, Scope } from '../../core/authz.ts';
import { accountsPolicy } from './policy.ts';

registerPortalScopes();

const ACTORS: Record<string, Actor | null> = {
  anonymous: null,
  unconfirmed: actor('unconfirmed', [], false),
  citizen: actor('citizen'),
  orgRep1: actor('orgrep', [{ role: 'organisation_representative', scopeId: 1 }]),
  editor1: actor('editor', [{ role: 'municipality_editor', scopeId: 1 }]),
  muniAdmin1: actor('muniadmin', [{ role: 'municipality_admin', scopeId: 1 }]),
  coordinator1: actor('coordinator', [{ role: 'network_coordinator', scopeId: 1 }]),
  moderator: actor('moderator', [{ role: 'platform_moderator', scopeId: null }]),
  admin: actor('admin', [{ role: 'platform_admin', scopeId: null }]),
  unconfirmedAdmin: actor('unconfirmedadmin', [{ role: 'platform_admin', scopeId: null }], false),
};

const SCOPES: Record<string, Scope> = {
  platform: { type: 'platform', id: null },
  m1: { type: 'municipality', id: 1 },
  m2: { type: 'municipality', id: 2 },
  n1: { type: 'network', id: 1 },
  n2: { type: 'network', id: 2 },
  o1: { type: 'organisation', id: 1 },
  o2: { type: 'organisation', id: 2 },
};

/** Every action with the subjects it is tried on, and who may: everyone else must be refused. */
const MATRIX: Matrix = {
  ...Object.fromEntries(
    ['team.view', 'team.invite', 'team.revoke'].map((action) => [
      action,
      {
        subjects: Object.fromEntries(Object.entries(SCOPES).map(([k, s]) => [k, () => s])),
        allowed: {
          platform: ['admin'],
          m1: ['muniAdmin1', 'admin'],
          m2: ['admin'],
          n1: ['coordinator1', 'admin'],
          n2: ['admin'],
          o1: ['orgRep1', 'admin'],
          o2: ['admin'],
        },
      },
    ]),
  ),
  'invitation.accept': {
    subjects: {
      own: (who) => ({ email: ACTORS[who]?.email ?? 'x@example.eu' }),
      other: () => ({ email: 'someone.else@example.eu' }),
    },
    allowed: { own: ['citizen', 'orgRep1', 'editor1', 'muniAdmin1', 'coordinator1', 'moderator', 'admin'], other: [] },
  },
  'audit.view': { subjects: { none: () => null }, allowed: { none: ['admin'] } },
};

policyMatrix('accounts', accountsPolicy, ACTORS, MATRIX);

appTest('team pages: each person reaches only the teams of their own scope, on the server', async (app, database) => {
  await sampleDirectory(database);
  await sampleNetwork(database, 'first');
  await sampleNetwork(database, 'second', 'Second Network');
  const people: Record<string, TestPerson> = {
    citizen: await person(database),
    editor1: await person(database, { roles: [['municipality_editor', 1]] }),
    muniAdmin1: await person(database, { roles: [['municipality_admin', 1]] }),
    coordinator1: await person(database, { roles: [['network_coordinator', 1]] }),
    moderator: await person(database, { roles: [['platform_moderator', null]] }),
    admin: await person(database, { roles: [['platform_admin', null]] }),
  };
  const pages: Record<string, string[]> = {
    '/en/team/platform': ['admin'],
    '/en/team/municipality/1': ['muniAdmin1', 'admin'],
    '/en/team/municipality/2': ['admin'],
    '/en/team/network/1': ['coordinator1', 'admin'],
    '/en/team/network/2': ['admin'],
  };
  for (const [url, allowed] of Object.entries(pages)) {
    for (const [who, p] of Object.entries(people)) {
      const res = await app.inject({ url, headers: { cookie: p.cookie } });
      assert.equal(res.statusCode, allowed.includes(who) ? 200 : 403, `${who} GET ${url}`);
    }
  }
  // A forged invite into another municipality is refused and changes nothing.
  const own = await submit(
    app,
    '/en/team/municipality/1',
    { email: 'x@example.eu', role: 'municipality_editor' },
    people.muniAdmin1!,
    '/en/team/municipality/1/invite',
  );
  assert.equal(own.statusCode, 303);
  const forged = await submit(
    app,
    '/en/team/municipality/1',
    { email: 'y@example.eu', role: 'municipality_admin' },
    people.muniAdmin1!,
    '/en/team/municipality/2/invite',
  );
  assert.equal(forged.statusCode, 403);
  const byEditor = await submit(
    app,
    '/en/account',
    { email: 'z@example.eu', role: 'municipality_editor' },
    people.editor1!,
    '/en/team/municipality/1/invite',
  );
  assert.equal(byEditor.statusCode, 403);
  const invitations = await database.db.selectFrom('invitations').select(['email', 'scope_id']).execute();
  assert.deepEqual(invitations, [{ email: 'x@example.eu', scope_id: 1 }]);
  for (const url of [
    '/en/team/village/1',
    '/en/team/municipality/0',
    '/en/team/municipality/abc',
    '/en/team/organisation/999',
    '/en/team/municipality/999999',
    '/en/team/network/101',
  ]) {
    assert.equal((await app.inject({ url, headers: { cookie: people.admin!.cookie } })).statusCode, 404, url);
  }
});

appTest('a role cannot be removed through another scope’s address, and the last admin stays', async (app, database) => {
  await sampleDirectory(database);
  const admin1 = await person(database, { roles: [['municipality_admin', 1]] });
  const editor2 = await person(database, { roles: [['municipality_editor', 2]] });
  const platformAdmin = await person(database, { roles: [['platform_admin', null]] });
  const grant2 = await database.db.selectFrom('role_grants').select('id').where('user_id', '=', editor2.id).executeTakeFirstOrThrow();
  const newsroom = () => app.inject({ url: '/en/newsroom/new?type=news', headers: { cookie: editor2.cookie } });
  assert.equal((await newsroom()).statusCode, 200, 'the editor writes for their town');
  const viaOwnScope = await submit(app, '/en/team/municipality/1', {}, admin1, `/en/team/municipality/1/members/${grant2.id}/remove`);
  assert.equal(viaOwnScope.statusCode, 404, 'the grant is not in this scope');
  const viaOtherScope = await submit(app, '/en/team/municipality/1', {}, admin1, `/en/team/municipality/2/members/${grant2.id}/remove`);
  assert.equal(viaOtherScope.statusCode, 403);
  assert.equal((await database.db.selectFrom('role_grants').select('id').where('id', '=', grant2.id).execute()).length, 1);
  const own = await database.db.selectFrom('role_grants').select('id').where('user_id', '=', platformAdmin.id).executeTakeFirstOrThrow();
  const last = await submit(app, '/en/team/platform', {}, platformAdmin, `/en/team/platform/members/${own.id}/remove`);
  assert.equal(last.headers.location, '/en/team/platform?notice=last-admin');
  assert.equal((await database.db.selectFrom('role_grants').select('id').where('id', '=', own.id).execute()).length, 1);
  const removed = await submit(app, '/en/team/platform', {}, platformAdmin, `/en/team/municipality/2/members/${grant2.id}/remove`);
  assert.equal(removed.headers.location, '/en/team/municipality/2?notice=removed');
  assert.equal((await newsroom()).statusCode, 403, 'a removed role ends with the next request');
  const audit = await database.db.selectFrom('audit_log').select(['actor_id', 'action', 'subject_type', 'subject_id']).execute();
  assert.deepEqual(audit, [{ actor_id: platformAdmin.id, action: 'role.revoke', subject_type: 'municipality', subject_id: 2 }]);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { idFrom, NEWS } from '../../test/content.ts';
import { person, submit } from '../../test/factories.ts';
import { testConfig } from '../../test/helpers/app.ts';
import { dbTest } from '../../test/helpers/db.ts';
import { modules } from '../modules/index.ts';
import { buildApp } from './app.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { ModuleManifest } from './modules.ts';
import { registerScopes } from './scopes.ts';

/** A module written for this test alone: it owns choirs, and declares them as a scope. Nothing else knows of it. */
const choirs: ModuleManifest = {
  name: 'choirs',
  scopes: [
    {
      type: 'choir',
      roles: ['choir_conductor', 'choir_singer'],
      roleLabels: { choir_conductor: 'choirs.role.conductor', choir_singer: 'choirs.role.singer' },
      writers: ['choir_conductor'],
      describe: async (ids) =>
        new Map(ids.filter((id) => id === 7 || id === 8).map((id) => [id, { name: `Choir ${id}`, path: `/choirs/${id}`, country: 'SI' }])),
    },
  ],
};

dbTest('a module that declares a scope gets roles, invitations, a team page and content ownership', async (database) => {
  const portal = [...modules, choirs];
  await migrateToLatest(database.db, portal);
  const app = await buildApp({ config: testConfig(database), database, modules: portal, logger: false });
  try {
    const conductor = await person(database, { roles: [['choir_conductor', 7]] });
    const other = await person(database, { roles: [['choir_conductor', 8]] });
    const team = await app.inject({ url: '/en/team/choir/7', headers: { cookie: conductor.cookie } });
    assert.equal(team.statusCode, 200);
    assert.match(team.body, /Choir 7/, 'the team page names the choir');
    assert.equal(
      (await app.inject({ url: '/en/team/choir/8', headers: { cookie: conductor.cookie } })).statusCode,
      403,
      'not another choir’s',
    );
    assert.equal((await app.inject({ url: '/en/team/choir/9', headers: { cookie: conductor.cookie } })).statusCode, 404, 'no such choir');

    const invited = await submit(
      app,
      '/en/team/choir/7',
      { email: 'singer@example.eu', role: 'choir_singer' },
      conductor,
      '/en/team/choir/7/invite',
    );
    assert.equal(invited.headers.location, '/en/team/choir/7?notice=invited');
    const foreignRole = await submit(
      app,
      '/en/team/choir/7',
      { email: 'x@example.eu', role: 'municipality_admin' },
      conductor,
      '/en/team/choir/7/invite',
    );
    assert.equal(foreignRole.statusCode, 422, 'only the choir’s own roles are offered');
    const invitations = await database.db.selectFrom('invitations').select(['email', 'role', 'scope_type', 'scope_id']).execute();
    assert.deepEqual(invitations, [{ email: 'singer@example.eu', role: 'choir_singer', scope_type: 'choir', scope_id: 7 }]);

    const desk = await app.inject({ url: '/en/newsroom/new?type=news', headers: { cookie: conductor.cookie } });
    assert.match(desk.body, /<option value="choir:7"[^>]*>Choir 7<\/option>/, 'the choir is an owner to write for');
    const created = await submit(app, '/en/newsroom/new?type=news', { ...NEWS, owner: 'choir:7' }, conductor, '/en/newsroom/new');
    assert.equal(created.statusCode, 303);
    const id = idFrom(created.headers.location);
    assert.equal((await submit(app, `/en/newsroom/${id}/edit`, {}, conductor, `/en/newsroom/${id}/publish?when=now`)).statusCode, 303);
    const forged = await submit(app, '/en/newsroom/new?type=news', { ...NEWS, owner: 'choir:7' }, other, '/en/newsroom/new');
    assert.equal(forged.statusCode, 403, 'another choir’s conductor cannot write for it');
    const news = await app.inject({ url: '/en/news' });
    assert.match(news.body, /<a href="\/en\/choirs\/7">Choir 7 \(Slovenia\)<\/a>/, 'readers see who published it, linked');
    const item = await database.db.selectFrom('content_items').select(['owner_type', 'owner_id', 'country']).executeTakeFirstOrThrow();
    assert.deepEqual(item, { owner_type: 'choir', owner_id: 7, country: 'SI' });
  } finally {
    await app.close();
  }
});

test('a role belongs to one scope: declaring it twice is refused', () => {
  registerScopes(choirs.scopes!);
  assert.throws(
    () => registerScopes([{ type: 'band', roles: ['choir_conductor'], describe: async () => new Map() }]),
    /already a role of choir/,
  );
  assert.throws(() => registerScopes([{ type: 'platform', roles: ['x'], describe: async () => new Map() }]), /not allowed/);
});

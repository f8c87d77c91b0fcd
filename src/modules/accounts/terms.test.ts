import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { PASSWORD, person, submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { dbTest } from '../../../test/helpers/db.ts';
import { migrateToLatest } from '../../core/db/migrate.ts';
import { modules } from '../index.ts';
import { TERMS_VERSION } from '../pages/index.ts';

appTest('the sign-up checkbox’s label links the terms of use and the privacy notice it names', async (app) => {
  const en = await app.inject({ url: '/en/sign-up' });
  const label = '<label for="terms">I accept the <a href="/en/terms">terms of use</a> and have read the <a href="/en/privacy">';
  assert.ok(en.body.includes(`${label}privacy notice</a></label>`));
  const fi = await app.inject({ url: '/fi/sign-up' });
  assert.ok(fi.body.includes('Hyväksyn <a href="/fi/terms">käyttöehdot</a> ja olen lukenut <a href="/fi/privacy">tietosuojaselosteen</a>'));
  const refused = await submit(app, '/en/sign-up', { name: 'Ana', email: 'ana@example.si', password: 'x', terms: '' });
  assert.equal(refused.statusCode, 422);
  assert.ok(
    refused.body.includes('<a href="#terms">I accept the terms of use and have read the privacy notice: '),
    'the error summary names the field in plain words',
  );
  assert.match(refused.body, /<label for="terms">I accept the <a href="\/en\/terms">/, 'the links stay after an error');
});

appTest(
  'signing up records the version of the terms accepted and when; the account page and the data download show it',
  async (app, database) => {
    const before = Date.now();
    const res = await submit(app, '/de/sign-up', { name: 'Anna Berger', email: 'anna@example.at', password: PASSWORD, terms: 'yes' });
    assert.equal(res.statusCode, 303);
    const user = await database.db.selectFrom('users').selectAll().where('email', '=', 'anna@example.at').executeTakeFirstOrThrow();
    assert.equal(user.terms_version, TERMS_VERSION);
    assert.ok(Date.parse(user.terms_accepted_at ?? '') >= before - 1000, 'accepted now');

    const p = await person(database, { email: 'anna2@example.at' });
    const accepted = '2026-12-01T09:30:00.000Z';
    await database.db.updateTable('users').set({ terms_accepted_at: accepted }).where('id', '=', p.id).execute();
    const page = await app.inject({ url: '/en/account', headers: { cookie: p.cookie } });
    assert.ok(page.body.includes('<dt>Terms of use</dt>'));
    assert.ok(page.body.includes(`Version ${TERMS_VERSION}, accepted on December 1, 2026. <a href="/en/terms">Read the terms</a>`));
    const fr = await app.inject({ url: '/fr/account', headers: { cookie: p.cookie } });
    assert.ok(fr.body.includes(`Version ${TERMS_VERSION}, acceptée le 1 décembre 2026.`), 'in the reader’s language');

    const data = JSON.parse((await app.inject({ url: '/en/account/data', headers: { cookie: p.cookie } })).body);
    assert.equal(data.account.terms_version, TERMS_VERSION);
    assert.equal(data.account.terms_accepted_at, accepted);
  },
);

appTest('an account that accepted older terms is told they changed; one that never accepted any shows nothing', async (app, database) => {
  const older = await person(database);
  await database.db.updateTable('users').set({ terms_version: '2026-01-15' }).where('id', '=', older.id).execute();
  const page = await app.inject({ url: '/en/account', headers: { cookie: older.cookie } });
  assert.match(
    page.body,
    /Version 2026-01-15, accepted on [^<]+ <a href="\/en\/terms">They have changed since: read the current terms<\/a>/,
  );

  const unversioned = await person(database);
  await database.db.updateTable('users').set({ terms_version: null }).where('id', '=', unversioned.id).execute();
  const before = await app.inject({ url: '/en/account', headers: { cookie: unversioned.cookie } });
  assert.match(before.body, /<dd>Accepted on [^<]+ <a href="\/en\/terms">They have changed since/, 'the date without a version');

  const admin = await person(database);
  await database.db.updateTable('users').set({ terms_version: null, terms_accepted_at: null }).where('id', '=', admin.id).execute();
  const none = await app.inject({ url: '/en/account', headers: { cookie: admin.cookie } });
  assert.equal(none.statusCode, 200);
  assert.ok(!none.body.includes('Terms of use</dt>'));
  const data = JSON.parse((await app.inject({ url: '/en/account/data', headers: { cookie: admin.cookie } })).body);
  assert.equal(data.account.terms_version, null);
});

dbTest('a database made by the earlier migrations gains the terms version, keeping its accounts', async (database) => {
  const { db } = database;
  const withoutTerms = modules.map((m) => ({
    ...m,
    migrations: Object.fromEntries(Object.entries(m.migrations ?? {}).filter(([file]) => file !== '20261130_01_terms_version')),
  }));
  await migrateToLatest(db, withoutTerms);
  const at = '2026-11-22T08:00:00.000Z';
  await sql`insert into users (name, email, language, terms_accepted_at, created_at)
    values ('Early Bird', 'early@example.eu', 'fi', ${at}, ${at})`.execute(db);
  const { applied } = await migrateToLatest(db, modules);
  assert.deepEqual(applied, ['20261130_01_terms_version:accounts']);
  const row = await db.selectFrom('users').selectAll().where('email', '=', 'early@example.eu').executeTakeFirstOrThrow();
  assert.equal(row.terms_version, null, 'an old account accepted terms whose version nobody recorded');
  assert.equal(row.terms_accepted_at, at);
  await db.updateTable('users').set({ terms_version: TERMS_VERSION }).where('id', '=', row.id).execute();
  assert.equal(
    (await db.selectFrom('users').select('terms_version').where('id', '=', row.id).executeTakeFirstOrThrow()).terms_version,
    TERMS_VERSION,
  );
});

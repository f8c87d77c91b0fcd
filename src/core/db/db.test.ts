import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { createTestDatabase, dbTest, POSTGRES_URL } from '../../../test/helpers/db.ts';
import { modules } from '../../modules/index.ts';
import type { ModuleManifest } from '../modules.ts';
import { Changes } from './changes.ts';
import { openDatabase, transaction } from './client.ts';
import { collectMigrations, migrateToLatest } from './migrate.ts';
import type { Tables } from './tables.ts';

const tableExists = async (db: Kysely<Tables>, name: string) => (await db.introspection.getTables()).some((t) => t.name === name);

dbTest('migrations are applied in order, recorded, and safe to run twice', async ({ db }) => {
  const first = await migrateToLatest(db, modules);
  assert.ok(first.applied.includes('20261121_01_contact_messages:pages'));
  assert.ok(await tableExists(db, 'contact_messages'));
  const recorded = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  assert.deepEqual(
    recorded.rows.map((r) => r.name),
    Object.keys(collectMigrations(modules)),
  );
  const second = await migrateToLatest(db, modules);
  assert.deepEqual(second.applied, []);
});

/** The migrations installations already ran, by the names recorded in their databases. */
const SHIPPED = [
  '20261121_00_mail_outbox:core',
  '20261121_00_throttle:core',
  '20261121_01_contact_messages:pages',
  '20261121_02_accounts:accounts',
  '20261121_03_municipalities:municipalities',
  '20261121_04_profiles_and_claims:municipalities',
  '20261121_05_content:content',
  '20261121_06_search_inline:content',
  '20261130_01_terms_version:accounts',
  '20261130_02_follows:municipalities',
];

dbTest('a database that ran the shipped migrations runs none of them again', async ({ db }) => {
  const names = Object.keys(collectMigrations(modules));
  for (const name of SHIPPED) assert.ok(names.includes(name), `${name} keeps its name, or installations would run it twice`);
  // The database as an earlier release left it: its tables made and every shipped name recorded.
  await migrateToLatest(
    db,
    modules.map((m) => ({
      ...m,
      migrations: Object.fromEntries(Object.entries(m.migrations ?? {}).filter(([file]) => SHIPPED.includes(`${file}:${m.name}`))),
    })),
  );
  const now = await migrateToLatest(db, modules);
  assert.deepEqual(
    now.applied.filter((n) => SHIPPED.includes(n)),
    [],
    'nothing shipped runs again',
  );
});

dbTest('a failing migration stops with its name, changes nothing itself and keeps what ran before', async ({ db }) => {
  const broken: ModuleManifest[] = [
    {
      name: 'alpha',
      migrations: {
        '20260101_01_ok': {
          up: async (d) => {
            await d.schema.createTable('alpha_ok').addColumn('x', 'integer').execute();
          },
        },
      },
    },
    {
      name: 'beta',
      migrations: {
        '20260102_01_bad': {
          up: async (d) => {
            await d.schema.createTable('beta_half').addColumn('x', 'integer').execute();
            await sql`create table nonsense (`.execute(d);
          },
        },
      },
    },
  ];
  await assert.rejects(migrateToLatest(db, broken), /Migration 20260102_01_bad:beta failed/);
  assert.ok(await tableExists(db, 'alpha_ok'));
  assert.equal(await tableExists(db, 'beta_half'), false);
  const recorded = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  assert.deepEqual(
    recorded.rows.map((r) => r.name),
    ['20260101_01_ok:alpha'],
  );
});

test('migration names must start with a date so modules interleave in writing order', () => {
  assert.throws(
    () => collectMigrations([{ name: 'x', migrations: { init: { up: async () => {} } } }]),
    /must look like 20261121_01_what_it_does/,
  );
  const order = Object.keys(
    collectMigrations([
      { name: 'late', migrations: { '20270101_01_b': { up: async () => {} } } },
      { name: 'early', migrations: { '20260101_01_a': { up: async () => {} } } },
    ]),
  );
  assert.deepEqual(order, ['20260101_01_a:early', '20270101_01_b:late']);
});

dbTest('the transaction helper keeps all or nothing', async ({ db }) => {
  await migrateToLatest(db, modules);
  const row = {
    topic: 'general' as const,
    name: 'A',
    email: 'a@example.eu',
    message: 'm',
    language: 'en',
    created_at: new Date().toISOString(),
  };
  await assert.rejects(
    transaction(db, async (trx) => {
      await trx.insertInto('contact_messages').values(row).execute();
      throw new Error('boom');
    }),
    /boom/,
  );
  assert.equal((await db.selectFrom('contact_messages').selectAll().execute()).length, 0);
  await transaction(db, async (trx) => {
    await trx.insertInto('contact_messages').values(row).execute();
    await trx
      .insertInto('contact_messages')
      .values({ ...row, name: 'B' })
      .execute();
  });
  assert.deepEqual(
    (await db.selectFrom('contact_messages').select('name').orderBy('name').execute()).map((r) => r.name),
    ['A', 'B'],
  );
});

dbTest('timestamps come back as ISO strings on both databases', async ({ db }) => {
  await migrateToLatest(db, modules);
  const at = '2026-11-21T10:20:30.000Z';
  await db
    .insertInto('contact_messages')
    .values({ topic: 'general', name: 'A', email: 'a@example.eu', message: 'm', language: 'en', created_at: at })
    .execute();
  const row = await db.selectFrom('contact_messages').select(['created_at', 'status']).executeTakeFirstOrThrow();
  assert.equal(row.created_at, at);
  assert.equal(row.status, 'new');
});

if (POSTGRES_URL) {
  test('several processes migrating one PostgreSQL at once apply each migration once', async () => {
    const database = await createTestDatabase('postgres');
    const other = openDatabase(database.url);
    try {
      const [a, b] = await Promise.all([migrateToLatest(database.db, modules), migrateToLatest(other.db, modules)]);
      assert.equal(a.applied.length + b.applied.length, Object.keys(collectMigrations(modules)).length);
    } finally {
      await other.close();
      await database.drop();
    }
  });

  test('each PostgreSQL schema keeps its own migration record', async () => {
    const first = await createTestDatabase('postgres');
    const second = await createTestDatabase('postgres');
    try {
      await migrateToLatest(first.db, modules);
      const { applied } = await migrateToLatest(second.db, modules);
      assert.deepEqual(applied, Object.keys(collectMigrations(modules)));
      assert.ok(await tableExists(second.db, 'contact_messages'));
    } finally {
      await first.drop();
      await second.drop();
    }
  });

  test('a portal hears the writes of other processes on its schema, not those of a portal in another schema', async () => {
    const mine = await createTestDatabase('postgres');
    const neighbour = await createTestDatabase('postgres');
    const other = openDatabase(mine.url);
    try {
      await sql`create table ours (id integer)`.execute(mine.db);
      await sql`create table theirs (id integer)`.execute(neighbour.db);
      await Promise.all([mine.changes.listen(), other.changes.listen(), neighbour.changes.listen()]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [ours, theirs] = [mine.changes.versionOf(['ours']), mine.changes.versionOf(['theirs'])];
      // biome-ignore lint/suspicious/noExplicitAny: tables of this test only
      await (neighbour.db as Kysely<any>).insertInto('theirs').values({ id: 1 }).execute();
      await neighbour.changes.settle();
      const heard = new Promise((resolve) => mine.changes.once('change', resolve));
      // biome-ignore lint/suspicious/noExplicitAny: tables of this test only
      await (other.db as Kysely<any>).insertInto('ours').values({ id: 1 }).execute();
      await other.changes.settle();
      await heard;
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.ok(mine.changes.versionOf(['ours']) > ours, 'a write of another process on its schema is heard');
      assert.equal(mine.changes.versionOf(['theirs']), theirs, 'a portal on another schema is not heard');
    } finally {
      await other.close();
      await mine.drop();
      await neighbour.drop();
    }
  });
}

test('two writers that overlap each settle after their own commit, so nothing read between stays kept', async () => {
  const changes = new Changes();
  const a = changes.writes;
  const b = changes.writes;
  changes.written(); // A writes
  changes.written(); // B writes; its commit is still to come
  await changes.settle(a); // A is done
  const afterA = changes.current();
  await changes.settle(b); // B is done, committed: what was read since A settled is stale
  assert.ok(changes.current() > afterA, 'B settles too');
  const idle = changes.current();
  await changes.settle(changes.writes); // a form that wrote nothing
  assert.equal(changes.current(), idle, 'nothing written, nothing dropped');
});

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import pg from 'pg';
import { type Database, type DialectName, openDatabase } from '../../src/core/db/client.ts';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL;

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export const DIALECTS: DialectName[] = POSTGRES_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase extends Database {
  /** A URL that reaches the same fresh database, for a child process. */
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database: a new SQLite file, or a new PostgreSQL schema. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'municipium-test-'));
    const url = `sqlite:${join(dir, 'test.sqlite')}`;
    const database = openDatabase(url);
    return {
      ...database,
      url,
      drop: async () => {
        await database.close().catch(() => {});
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!POSTGRES_URL) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = openDatabase(POSTGRES_URL, { schema, poolSize: 4 });
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    ...database,
    url: url.toString(),
    drop: async () => {
      await database.close().catch(() => {});
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

/** Registers one test per database dialect, each on a fresh database that is dropped afterwards. */
export function dbTest(name: string, fn: (database: TestDatabase, t: TestContext) => Promise<void>): void {
  for (const dialect of DIALECTS) {
    test(`${name} [${dialect}]`, async (t) => {
      const database = await createTestDatabase(dialect);
      try {
        await fn(database, t);
      } finally {
        await database.drop();
      }
    });
  }
}

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type LogEvent, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DialectName } from '../../src/core/db/client.ts';
import { migrateToLatest } from '../../src/core/db/migrate.ts';
import { modules } from '../../src/modules/index.ts';
import { POSTGRES_URL, type TestDatabase } from './db.ts';

/**
 * Most tests start from a database with every migration applied. Running the migrator for each one
 * costs 0.3 s on SQLite and 2 s on PostgreSQL (dozens of steps, each its own transaction with its
 * bookkeeping); what it runs on an empty database is always the same. So a process migrates one
 * empty database per dialect, records every statement with its values written in, and each test
 * database replays them as one script in one transaction. The migrator then finds nothing to do.
 */
const scripts = new Map<DialectName, Promise<{ text: string; schema?: string }>>();

/** A value written into SQL as a literal: only what migrations insert (text, numbers, null). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  throw new Error(`a migration sent a value the test replay cannot write: ${typeof value}`);
}

/** PostgreSQL's placeholders are numbered: $1, $2… */
const inline = (sqlText: string, values: readonly unknown[]) =>
  values.length ? sqlText.replace(/\$(\d+)/g, (_, n) => literal(values[Number(n) - 1])) : sqlText;

/** SQLite's placeholders are all "?": they are filled in order. */
function inlineInOrder(sqlText: string, values: readonly unknown[]): string {
  let i = 0;
  return values.length ? sqlText.replace(/\?/g, () => literal(values[i++])) : sqlText;
}

async function record(dialect: DialectName): Promise<{ text: string; schema?: string }> {
  const statements: string[] = [];
  const log = (e: LogEvent) => {
    if (e.level !== 'query') return;
    const text = dialect === 'sqlite' ? inlineInOrder(e.query.sql, e.query.parameters) : inline(e.query.sql, e.query.parameters);
    // The replay is one transaction of its own.
    if (!/^\s*(begin|commit|rollback|savepoint|release)\b/i.test(text)) statements.push(text);
  };
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'municipium-template-'));
    const db = new Kysely<never>({ dialect: new SqliteDialect({ database: new SQLite(join(dir, 'template.sqlite')) }), log });
    try {
      await migrateToLatest(db, modules);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
    return { text: statements.join(';\n') };
  }
  const schema = `template_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 1, options: `-c search_path=${schema}` });
  const db = new Kysely<never>({ dialect: new PostgresDialect({ pool }), log });
  try {
    await migrateToLatest(db, modules);
  } finally {
    await db.destroy();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
  return { text: statements.join(';\n'), schema };
}

/** Whether the database has been migrated before (some tests build the app twice on one database). */
async function migratedBefore(database: TestDatabase): Promise<boolean> {
  const query =
    database.dialect === 'sqlite'
      ? sql`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`
      : sql`select 1 from information_schema.tables where table_schema = current_schema() and table_name = 'kysely_migration'`;
  return (await query.execute(database.db)).rows.length > 0;
}

/** Brings a test database to the latest migration, as migrateToLatest would. */
export async function migrated(database: TestDatabase): Promise<void> {
  if (await migratedBefore(database)) {
    await migrateToLatest(database.db, modules);
    return;
  }
  let script = scripts.get(database.dialect);
  if (!script) {
    script = record(database.dialect);
    scripts.set(database.dialect, script);
  }
  const { text, schema } = await script;
  if (database.dialect === 'sqlite') {
    const connection = new SQLite(database.location);
    try {
      connection.exec(`begin;\n${text};\ncommit;`);
    } finally {
      connection.close();
    }
  } else {
    const target = /search_path=([^\s&]+)/.exec(decodeURIComponent(database.url))?.[1];
    if (!schema || !target) throw new Error('a PostgreSQL test database names its schema in its URL');
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(`begin;\n${text.replaceAll(schema, target)};\ncommit;`);
    } finally {
      await client.end();
    }
  }
  // Whatever the replay missed, the migrator does now.
  await migrateToLatest(database.db, modules);
}

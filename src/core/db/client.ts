import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { Changes, changesChannel, notifyStatement, sqliteChanges, watchChanges } from './changes.ts';
import type { Tables } from './tables.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<Tables>;
  dialect: DialectName;
  /** Where the data lives, without credentials: for logs and the health check. */
  location: string;
  /** When the data last changed, in this process or another (what cached pages are checked against). */
  changes: Changes;
  close(): Promise<void>;
}

// Timestamps travel as ISO strings on both databases, and counts as numbers.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (v) => new Date(`${v}Z`).toISOString());
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function openDatabase(url: string, options: { schema?: string; poolSize?: number } = {}): Database {
  if (isPostgresUrl(url)) return openPostgres(url, options);
  return openSqlite(url);
}

function sqlitePath(url: string): string {
  const path = url.replace(/^(sqlite|file):(\/\/)?/, '');
  return path === ':memory:' ? path : resolve(path);
}

function openSqlite(url: string): Database {
  const path = sqlitePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const connection = new SQLite(path);
  connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  connection.pragma('synchronous = NORMAL');
  const optimizer = keepStatistics(connection);
  const changes = sqliteChanges(connection);
  const db = new Kysely<Tables>({
    dialect: new SqliteDialect({ database: withStatementCache(connection) }),
    plugins: [changes.plugin()],
  });
  watchChanges(db, changes);
  const close = () => {
    clearInterval(optimizer);
    return changes.stop().then(() => db.destroy());
  };
  return { db, dialect: 'sqlite', location: path, changes, close };
}

const OPTIMIZE_EVERY_MS = 3600_000;

/**
 * Keeps the statistics SQLite plans queries with, as its documentation advises for connections that
 * live long: at opening and every hour, each table whose size changed much is sampled again (a few
 * hundred rows per index, some milliseconds). Without them, a filter on one person's proposals
 * reads a process's 100,000 rather than their five.
 */
function keepStatistics(connection: SQLite.Database): NodeJS.Timeout {
  connection.pragma('analysis_limit = 1000');
  connection.pragma('optimize = 0x10002');
  return setInterval(() => connection.pragma('optimize'), OPTIMIZE_EVERY_MS).unref();
}

const STATEMENT_CACHE = 500;

/**
 * Kysely prepares every query anew; preparing costs more than running most of ours, so prepared
 * statements are kept by their SQL text (Kysely runs one query at a time on this connection).
 */
function withStatementCache(connection: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  return new Proxy(connection, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') return Reflect.get(target, prop, receiver);
      return (sqlText: string) => {
        let statement = cache.get(sqlText);
        if (!statement) {
          statement = target.prepare(sqlText);
          if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
          cache.set(sqlText, statement);
        }
        return statement;
      };
    },
  });
}

/** The schema an address names in its options (`?options=-c search_path=portal`), if any. */
function searchPathOf(url: string): string | undefined {
  const options = new URL(url).searchParams.get('options') ?? '';
  return /search_path=([^\s,]+)/.exec(options)?.[1];
}

function openPostgres(url: string, options: { schema?: string; poolSize?: number }): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  // The portal's queries are short. The planner's costs for a full-text match or a count over
  // many rows often pass the JIT threshold, and compiling then takes 10–30 ms, longer than the query.
  pool.on('connect', (client) => void client.query('set jit = off').catch(() => {}));
  const channel = changesChannel(options.schema ?? searchPathOf(url));
  const changes = new Changes({
    channel,
    listenClient: () =>
      new pg.Client({ connectionString: url, ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}) }),
    notify: (payload) => notifyStatement(channel, payload).execute(db),
  });
  const db: Kysely<Tables> = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }), plugins: [changes.plugin()] });
  watchChanges(db, changes);
  const u = new URL(url);
  return {
    db,
    dialect: 'postgres',
    location: `${u.hostname}:${u.port || 5432}${u.pathname}`,
    changes,
    close: () => changes.stop().then(() => db.destroy()),
  };
}

/** Runs fn in one transaction: all of it is kept, or none of it. Inside a transaction, joins it. */
export function transaction<T>(db: Kysely<Tables>, fn: (trx: Kysely<Tables>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

export async function ping(db: Kysely<Tables>): Promise<void> {
  await sql`select 1`.execute(db);
}

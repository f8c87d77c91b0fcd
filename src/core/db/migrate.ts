import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from 'kysely';
import type { ModuleManifest } from '../modules.ts';
import { isPostgres } from './schema.ts';

/**
 * Collects the migrations of every module. A migration is named `<module>:<file>`, and the file
 * names start with a date, so migrations of all modules run in the order they were written.
 */
export function collectMigrations(modules: ModuleManifest[]): Record<string, Migration> {
  const all: [string, Migration][] = [];
  for (const m of modules) {
    for (const [file, migration] of Object.entries(m.migrations ?? {})) {
      if (!/^\d{8}_\d{2}_[a-z0-9_]+$/.test(file)) {
        throw new Error(`Migration ${m.name}/${file}: name must look like 20261121_01_what_it_does`);
      }
      all.push([`${file}:${m.name}`, atomic(migration)]);
    }
  }
  all.sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(all);
}

/**
 * Each migration is all or nothing. PostgreSQL's migrator runs it in a transaction already;
 * SQLite can roll back DDL too, but the migrator does not ask it to.
 */
function atomic(migration: Migration): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration works on the schema as it was then, not today's Tables
    up: (db: Kysely<any>) => (isPostgres(db) || db.isTransaction ? migration.up(db) : db.transaction().execute((trx) => migration.up(trx))),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: a migration works on the schema as it was then, not today's Tables
async function currentSchema(db: Kysely<any>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  if (!rows[0]?.schema) throw new Error('PostgreSQL has no current schema: check the search_path');
  return rows[0].schema;
}

/**
 * The database as the migrator sees it on PostgreSQL: it only asks which schemas and tables exist,
 * several times per step, and Kysely's introspection answers with every column of every table of
 * every schema (tens of milliseconds once the portal's tables are there). Names of this schema are
 * all it needs.
 */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema
function withNamesOnly(db: Kysely<any>, schema: string): Kysely<any> {
  const introspection = {
    getSchemas: async () => (await sql<{ name: string }>`select nspname as name from pg_namespace`.execute(db)).rows,
    getTables: async () =>
      (
        await sql<{ name: string }>`select c.relname as name from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = ${schema} and c.relkind in ('r', 'p', 'v')`.execute(db)
      ).rows.map((r) => ({ name: r.name, schema, isView: false, columns: [] })),
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'introspection') return introspection;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export interface MigrationReport {
  applied: string[];
}

/** Brings the database up to date. Safe to run twice and from several processes at once. */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>, modules: ModuleManifest[]): Promise<MigrationReport> {
  const migrations = collectMigrations(modules);
  const schema = isPostgres(db) ? await currentSchema(db) : undefined;
  const migrator = new Migrator({
    db: schema ? withNamesOnly(db, schema) : db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
    // Without a schema the migrator finds its tables in any schema of the database, not ours.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const applied: string[] = [];
  // One step at a time, so that a failure keeps the migrations before it on both databases.
  for (;;) {
    const result: MigrationResultSet = await migrator.migrateUp();
    if (result.error) {
      const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      const reason = result.error instanceof Error ? result.error.message : String(result.error);
      throw new Error(`Migration ${failed} failed: ${reason}`, { cause: result.error });
    }
    const done = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    if (done.length === 0) return { applied };
    applied.push(...done);
  }
}

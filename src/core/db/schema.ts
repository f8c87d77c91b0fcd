import { type ColumnDataType, type CreateTableBuilder, type Kysely, PostgresAdapter } from 'kysely';

/** Helpers that keep migrations portable between SQLite and PostgreSQL. */
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export function withId<T extends string>(db: Kysely<unknown>, table: CreateTableBuilder<T, never>) {
  return isPostgres(db)
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** A point in time: timestamptz on PostgreSQL, ISO 8601 text on SQLite. */
export function timestampType(db: Kysely<unknown>): ColumnDataType {
  return isPostgres(db) ? 'timestamptz' : 'text';
}

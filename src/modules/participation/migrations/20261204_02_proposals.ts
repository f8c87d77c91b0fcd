import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../../../core/db/schema.ts';

/**
 * Proposals' full-text search (to show similar ones before a new one is published): a GIN-indexed
 * vector on PostgreSQL, an FTS5 table on SQLite (rowid = proposal id), as content does. And a
 * random key per proposal, so that the list's random order reads through an index too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('proposals')
    .addColumn('shuffle', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('proposals_shuffle').on('proposals').columns(['process_id', 'hidden', 'shuffle', 'id']).execute();
  if (isPostgres(db)) {
    await sql`alter table proposals add column search tsvector`.execute(db);
    await sql`create index proposals_search on proposals using gin (search)`.execute(db);
  } else {
    await sql`create virtual table proposals_fts using fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2')`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) await sql`alter table proposals drop column search`.execute(db);
  else await sql`drop table proposals_fts`.execute(db);
  await db.schema.dropIndex('proposals_shuffle').execute();
  await db.schema.alterTable('proposals').dropColumn('shuffle').execute();
}

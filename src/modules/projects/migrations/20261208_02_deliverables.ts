import { type Kysely, sql } from 'kysely';
import { isPostgres, timestampType, withId } from '../../../core/db/schema.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  await withId(db, db.schema.createTable('deliverables'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('work_package', 'varchar(20)', (c) => c.notNull().defaultTo(''))
    .addColumn('licence', 'varchar(24)', (c) => c.notNull())
    .addColumn('published_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('areas', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('original_language', 'varchar(2)', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // The library lists newest publication first; a project's page lists its own the same way.
  await db.schema.createIndex('deliverables_published').on('deliverables').columns(['published_on', 'id']).execute();
  await db.schema.createIndex('deliverables_project').on('deliverables').columns(['project_id', 'published_on']).execute();
  await withId(db, db.schema.createTable('deliverable_texts'))
    .addColumn('deliverable_id', 'integer', (c) => c.notNull().references('deliverables.id').onDelete('cascade'))
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('deliverable_texts_deliverable_language', ['deliverable_id', 'language'])
    .execute();
  // Every version of every language is kept: a new upload adds a row, it never replaces one.
  await withId(db, db.schema.createTable('deliverable_files'))
    .addColumn('deliverable_id', 'integer', (c) => c.notNull().references('deliverables.id').onDelete('cascade'))
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('stored_name', 'varchar(64)', (c) => c.notNull())
    .addColumn('original_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('type', 'varchar(120)', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('downloads', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('deliverable_files_version', ['deliverable_id', 'language', 'version'])
    .execute();
  // The library's language filter: the deliverables that have a file in a language.
  await db.schema.createIndex('deliverable_files_language').on('deliverable_files').columns(['language', 'deliverable_id']).execute();
  // Full-text search on title and summary in every language, as content does it.
  if (isPostgres(db)) {
    await sql`alter table deliverable_texts add column search tsvector`.execute(db);
    await sql`create index deliverable_texts_search on deliverable_texts using gin (search)`.execute(db);
  } else {
    await sql`create virtual table deliverable_fts using fts5(title, summary, tokenize = 'porter unicode61 remove_diacritics 2')`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table deliverable_fts`.execute(db);
  for (const t of ['deliverable_files', 'deliverable_texts', 'deliverables']) await db.schema.dropTable(t).execute();
}

import { type Kysely, sql } from 'kysely';
import { isPostgres, timestampType, withId } from '../../../core/db/schema.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  await withId(db, db.schema.createTable('content_items'))
    .addColumn('type', 'varchar(12)', (c) => c.notNull())
    .addColumn('owner_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('owner_id', 'integer')
    .addColumn('country', 'varchar(2)')
    .addColumn('original_language', 'varchar(2)', (c) => c.notNull())
    .addColumn('slug', 'varchar(120)', (c) => c.notNull())
    .addColumn('state', 'varchar(12)', (c) => c.notNull())
    .addColumn('published_at', ts)
    .addColumn('image', 'varchar(100)')
    .addColumn('tags', 'varchar(600)', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_at', ts)
    .addColumn('ends_at', ts)
    .addColumn('time_zone', 'varchar(64)')
    .addColumn('all_day', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('venue_name', 'varchar(200)')
    .addColumn('venue_address', 'varchar(300)')
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .addColumn('online_url', 'varchar(300)')
    .addColumn('organiser', 'varchar(200)')
    .addColumn('capacity', 'integer')
    .addColumn('deadline', 'varchar(10)')
    .addColumn('contact', 'varchar(600)')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // Listings read the newest published items first: everywhere, by type, by owner, by country.
  await db.schema.createIndex('content_items_published').on('content_items').columns(['state', 'published_at', 'id']).execute();
  await db.schema.createIndex('content_items_type').on('content_items').columns(['type', 'state', 'published_at', 'id']).execute();
  await db.schema
    .createIndex('content_items_owner')
    .on('content_items')
    .columns(['owner_type', 'owner_id', 'state', 'published_at'])
    .execute();
  await db.schema.createIndex('content_items_country').on('content_items').columns(['country', 'state', 'published_at']).execute();
  // Upcoming events: the start index carries end and publication time, so its scan reads no row;
  // the longest duration is one index read away, which bounds where "not ended yet" starts looking.
  await db.schema
    .createIndex('content_items_events')
    .on('content_items')
    .columns(['type', 'state', 'starts_at', 'ends_at', 'published_at'])
    .execute();
  if (isPostgres(db)) {
    await sql`create index content_items_duration on content_items ((coalesce(ends_at, starts_at) - starts_at)) where starts_at is not null`.execute(
      db,
    );
  } else {
    await sql`create index content_items_duration on content_items ((julianday(coalesce(ends_at, starts_at)) - julianday(starts_at))) where starts_at is not null`.execute(
      db,
    );
  }

  await withId(db, db.schema.createTable('content_texts'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('summary', 'varchar(600)', (c) => c.notNull())
    .addColumn('body_source', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('image_alt', 'varchar(300)')
    .addColumn('goal', 'varchar(600)')
    .addColumn('problem', 'text')
    .addColumn('solution', 'text')
    .addColumn('results', 'text')
    .addColumn('cost', 'varchar(300)')
    .addColumn('reuse', 'varchar(600)')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('content_texts_unique', ['item_id', 'language'])
    .execute();

  // Policy areas, with the item's publication time so an area's page reads from one index.
  await db.schema
    .createTable('content_areas')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
    .addColumn('area', 'varchar(20)', (c) => c.notNull())
    .addColumn('published_at', ts)
    .addPrimaryKeyConstraint('content_areas_pk', ['item_id', 'area'])
    .execute();
  await db.schema.createIndex('content_areas_area').on('content_areas').columns(['area', 'published_at']).execute();

  await withId(db, db.schema.createTable('content_revisions'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('content_revisions_item').on('content_revisions').columns(['item_id', 'id']).execute();

  await withId(db, db.schema.createTable('event_registrations'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
    .addColumn('user_id', 'integer')
    .addColumn('name', 'varchar(160)', (c) => c.notNull())
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_registrations_item').on('event_registrations').columns(['item_id', 'status', 'id']).execute();
  await db.schema.createIndex('event_registrations_email').on('event_registrations').columns(['email']).execute();

  // Full-text search: a GIN-indexed vector on PostgreSQL, an FTS5 table on SQLite (rowid = text id).
  if (isPostgres(db)) {
    await sql`alter table content_texts add column search tsvector`.execute(db);
    await sql`create index content_texts_search on content_texts using gin (search)`.execute(db);
  } else {
    await sql`create virtual table content_fts using fts5(title, summary, body, tokenize = 'porter unicode61 remove_diacritics 2')`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table content_fts`.execute(db);
  for (const t of ['event_registrations', 'content_revisions', 'content_areas', 'content_texts', 'content_items'])
    await db.schema.dropTable(t).execute();
}

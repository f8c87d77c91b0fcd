import type { Kysely } from 'kysely';
import { timestampType, withId } from '../../../core/db/schema.ts';

/** Report categories and their questions, reports with their timeline, photos and "me too"s, Open311 keys, town boundaries. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  await withId(db, db.schema.createTable('signal_categories'))
    .addColumn('municipality_id', 'integer', (c) => c.notNull().references('municipalities.id').onDelete('cascade'))
    .addColumn('code', 'varchar(40)', (c) => c.notNull())
    .addColumn('default_key', 'varchar(20)')
    .addColumn('name', 'varchar(100)')
    .addColumn('description', 'varchar(1000)')
    .addColumn('area', 'varchar(20)')
    .addColumn('destination', 'varchar(10)', (c) => c.notNull().defaultTo('inbox'))
    .addColumn('body_name', 'varchar(150)')
    .addColumn('body_email', 'varchar(254)')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('signal_categories_code', ['municipality_id', 'code'])
    .execute();
  await withId(db, db.schema.createTable('signal_questions'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('signal_categories.id').onDelete('cascade'))
    .addColumn('code', 'varchar(40)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('label', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'varchar(500)')
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('options', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('signal_questions_code', ['category_id', 'code'])
    .execute();
  await withId(db, db.schema.createTable('signals'))
    .addColumn('municipality_id', 'integer', (c) => c.notNull().references('municipalities.id').onDelete('cascade'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('signal_categories.id'))
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    .addColumn('address', 'varchar(200)')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('answers', 'text')
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('contact_name', 'varchar(150)')
    .addColumn('contact_email', 'varchar(254)')
    .addColumn('contact_phone', 'varchar(40)')
    .addColumn('show_name', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('confirm_hash', 'varchar(64)')
    .addColumn('source', 'varchar(10)', (c) => c.notNull().defaultTo('web'))
    .addColumn('api_key_id', 'integer')
    .addColumn('token', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('me_too', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('duplicate_of', 'integer')
    .addColumn('responsible', 'varchar(200)')
    .addColumn('assigned_to', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('confirmed_at', ts)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('fixed_at', ts)
    .addColumn('asked_at', ts)
    .execute();
  const index = (name: string, columns: string[]) => db.schema.createIndex(name).on('signals').columns(columns).execute();
  await index('signals_town', ['municipality_id', 'confirmed', 'hidden', 'created_at']);
  await index('signals_town_state', ['municipality_id', 'state', 'created_at']);
  await index('signals_nearby', ['category_id', 'latitude', 'longitude']);
  await index('signals_created', ['confirmed', 'hidden', 'created_at']);
  await index('signals_fixed', ['state', 'fixed_at']);
  await index('signals_author', ['author_id']);
  await index('signals_confirm', ['confirm_hash']);
  await withId(db, db.schema.createTable('signal_updates'))
    .addColumn('signal_id', 'integer', (c) => c.notNull().references('signals.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('state', 'varchar(20)')
    .addColumn('note', 'text')
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('from_municipality', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('signal_updates_signal').on('signal_updates').columns(['signal_id', 'created_at']).execute();
  await withId(db, db.schema.createTable('signal_photos'))
    .addColumn('signal_id', 'integer', (c) => c.notNull().references('signals.id').onDelete('cascade'))
    .addColumn('file', 'varchar(80)', (c) => c.notNull())
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('signal_photos_signal').on('signal_photos').columns(['signal_id', 'position']).execute();
  await db.schema
    .createTable('signal_supports')
    .addColumn('signal_id', 'integer', (c) => c.notNull().references('signals.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('signal_supports_pk', ['signal_id', 'user_id'])
    .execute();
  await withId(db, db.schema.createTable('signal_api_keys'))
    .addColumn('name', 'varchar(150)', (c) => c.notNull())
    .addColumn('contact_email', 'varchar(254)', (c) => c.notNull())
    .addColumn('key_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('revoked_at', ts)
    .addColumn('last_used_at', ts)
    .execute();
  await db.schema
    .createTable('signal_boundaries')
    .addColumn('municipality_id', 'integer', (c) => c.primaryKey().references('municipalities.id').onDelete('cascade'))
    .addColumn('geometry', 'text', (c) => c.notNull())
    .addColumn('min_lat', 'double precision', (c) => c.notNull())
    .addColumn('max_lat', 'double precision', (c) => c.notNull())
    .addColumn('min_lon', 'double precision', (c) => c.notNull())
    .addColumn('max_lon', 'double precision', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'signal_boundaries',
    'signal_api_keys',
    'signal_supports',
    'signal_photos',
    'signal_updates',
    'signals',
    'signal_questions',
    'signal_categories',
  ])
    await db.schema.dropTable(table).execute();
}

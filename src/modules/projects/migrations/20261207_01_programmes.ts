import type { Kysely } from 'kysely';
import { timestampType, withId } from '../../../core/db/schema.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  await withId(db, db.schema.createTable('programmes'))
    .addColumn('slug', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('acronym', 'varchar(40)', (c) => c.notNull())
    .addColumn('managing_body', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('areas', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('original_language', 'varchar(2)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('programme_texts'))
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('programme_texts_programme_language', ['programme_id', 'language'])
    .execute();
  // A strand's names per language are a small JSON object ({"en": "Town twinning"}): few, short, always read together.
  await withId(db, db.schema.createTable('programme_strands'))
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('key', 'varchar(80)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('names', 'text', (c) => c.notNull())
    .addUniqueConstraint('programme_strands_programme_key', ['programme_id', 'key'])
    .execute();
  await withId(db, db.schema.createTable('funding_calls'))
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('strand_id', 'integer', (c) => c.references('programme_strands.id').onDelete('set null'))
    .addColumn('reference', 'varchar(80)', (c) => c.notNull())
    .addColumn('areas', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('applicants', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('countries', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('min_partners', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('min_countries', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('duration_months_min', 'integer')
    .addColumn('duration_months_max', 'integer')
    .addColumn('budget_eur', 'bigint')
    .addColumn('lump_sum_eur', 'bigint')
    .addColumn('opens_at', ts, (c) => c.notNull())
    .addColumn('deadline_at', ts, (c) => c.notNull())
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull().defaultTo('Europe/Brussels'))
    .addColumn('url', 'varchar(300)', (c) => c.notNull())
    .addColumn('original_language', 'varchar(2)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('funding_calls_programme').on('funding_calls').column('programme_id').execute();
  await db.schema.createIndex('funding_calls_deadline').on('funding_calls').column('deadline_at').execute();
  await withId(db, db.schema.createTable('funding_call_texts'))
    .addColumn('call_id', 'integer', (c) => c.notNull().references('funding_calls.id').onDelete('cascade'))
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('funding_call_texts_call_language', ['call_id', 'language'])
    .execute();
}

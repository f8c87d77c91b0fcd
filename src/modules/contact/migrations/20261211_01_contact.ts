import type { Kysely } from 'kysely';
import { timestampType, withId } from '../../../core/db/schema.ts';

/** A town hall's topics and expected response time, its enquiries with their threads, and the yearly reference counters. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('contact_settings')
    .addColumn('municipality_id', 'integer', (c) => c.primaryKey().references('municipalities.id').onDelete('cascade'))
    .addColumn('response_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('contact_topics'))
    .addColumn('municipality_id', 'integer', (c) => c.notNull().references('municipalities.id').onDelete('cascade'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('department', 'varchar(150)', (c) => c.notNull())
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_topics_town').on('contact_topics').columns(['municipality_id', 'name']).execute();
  await db.schema
    .createTable('contact_counters')
    .addColumn('municipality_id', 'integer', (c) => c.notNull().references('municipalities.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_counters_pk', ['municipality_id', 'year'])
    .execute();
  await withId(db, db.schema.createTable('contact_enquiries'))
    .addColumn('municipality_id', 'integer', (c) => c.notNull().references('municipalities.id').onDelete('cascade'))
    .addColumn('topic_id', 'integer', (c) => c.references('contact_topics.id').onDelete('set null'))
    .addColumn('topic_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('department_email', 'varchar(254)')
    .addColumn('reference', 'varchar(40)', (c) => c.unique())
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('name', 'varchar(150)', (c) => c.notNull())
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('phone', 'varchar(40)')
    .addColumn('language', 'varchar(10)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('file', 'varchar(60)')
    .addColumn('file_name', 'varchar(200)')
    .addColumn('state', 'varchar(20)', (c) => c.notNull().defaultTo('new'))
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('confirm_hash', 'varchar(64)')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('confirmed_at', ts)
    .addColumn('answered_at', ts)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  const index = (name: string, columns: string[]) => db.schema.createIndex(name).on('contact_enquiries').columns(columns).execute();
  await index('contact_enquiries_inbox', ['municipality_id', 'confirmed', 'state', 'confirmed_at']);
  await index('contact_enquiries_topic', ['municipality_id', 'topic_id']);
  await index('contact_enquiries_author', ['author_id']);
  await index('contact_enquiries_email', ['email']);
  await index('contact_enquiries_confirm', ['confirm_hash']);
  await index('contact_enquiries_answered', ['municipality_id', 'answered_at']);
  await withId(db, db.schema.createTable('contact_replies'))
    .addColumn('enquiry_id', 'integer', (c) => c.notNull().references('contact_enquiries.id').onDelete('cascade'))
    .addColumn('from_staff', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_replies_enquiry').on('contact_replies').columns(['enquiry_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['contact_replies', 'contact_enquiries', 'contact_counters', 'contact_topics', 'contact_settings'])
    await db.schema.dropTable(table).execute();
}

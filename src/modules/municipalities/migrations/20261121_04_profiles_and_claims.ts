import type { Kysely } from 'kysely';
import { timestampType, withId } from '../../../core/db/schema.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  for (const [column, type] of [
    ['website', 'varchar(300)'],
    ['email', 'varchar(254)'],
    ['phone', 'varchar(40)'],
    ['address', 'varchar(300)'],
    ['mayor_name', 'varchar(160)'],
    ['mayor_since', 'varchar(10)'],
    ['languages', 'varchar(100)'],
    ['social', 'text'],
    ['coat_of_arms', 'varchar(100)'],
    ['mayor_photo', 'varchar(100)'],
  ] as const) {
    await db.schema.alterTable('municipalities').addColumn(column, type).execute();
  }

  await withId(db, db.schema.createTable('municipality_descriptions'))
    .addColumn('municipality_id', 'integer', (c) => c.notNull().references('municipalities.id').onDelete('cascade'))
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('municipality_descriptions_unique', ['municipality_id', 'language'])
    .execute();

  await withId(db, db.schema.createTable('municipality_changes'))
    .addColumn('municipality_id', 'integer', (c) => c.notNull().references('municipalities.id').onDelete('cascade'))
    .addColumn('user_id', 'integer')
    .addColumn('field', 'varchar(40)', (c) => c.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('municipality_changes_municipality').on('municipality_changes').columns(['municipality_id', 'id']).execute();

  await withId(db, db.schema.createTable('municipality_claims'))
    .addColumn('municipality_id', 'integer', (c) => c.notNull().references('municipalities.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('job_title', 'varchar(120)', (c) => c.notNull())
    .addColumn('official_email', 'varchar(254)', (c) => c.notNull())
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('website', 'varchar(300)')
    .addColumn('evidence_file', 'varchar(120)')
    .addColumn('token_hash', 'varchar(64)')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('reviewed_by', 'integer')
    .addColumn('reviewed_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('municipality_claims_status').on('municipality_claims').columns(['status', 'id']).execute();
  await db.schema.createIndex('municipality_claims_user').on('municipality_claims').column('user_id').execute();

  await withId(db, db.schema.createTable('municipality_proposals'))
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('country', 'varchar(2)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('native_name', 'varchar(200)')
    .addColumn('region', 'varchar(200)')
    .addColumn('population', 'integer')
    .addColumn('website', 'varchar(300)')
    .addColumn('note', 'text')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('municipality_id', 'integer')
    .addColumn('reviewed_by', 'integer')
    .addColumn('reviewed_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
}

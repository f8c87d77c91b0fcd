import type { Kysely } from 'kysely';
import { timestampType } from '../../../core/db/schema.ts';

/** The towns a person follows: one row per person and town; erased with the account (see the manifest's personal data). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('municipality_follows')
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('municipality_id', 'integer', (c) => c.notNull().references('municipalities.id').onDelete('cascade'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addPrimaryKeyConstraint('municipality_follows_pk', ['user_id', 'municipality_id'])
    .execute();
  await db.schema.createIndex('municipality_follows_town').on('municipality_follows').column('municipality_id').execute();
}

import type { Kysely } from 'kysely';
import { timestampType, withId } from '../../../core/db/schema.ts';

/**
 * The census check: each owner's list of allowed identifiers, kept only as keyed hashes; which
 * account each identifier verified; and the clashes when a second account typed a used one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('census_entries')
    .addColumn('owner_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('census_entries_pk', ['owner_type', 'owner_id', 'hash'])
    .execute();
  await withId(db, db.schema.createTable('census_lists'))
    .addColumn('owner_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.notNull())
    .addColumn('entries', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('uploaded_at', ts, (c) => c.notNull())
    .addUniqueConstraint('census_lists_owner', ['owner_type', 'owner_id'])
    .execute();
  // One identifier verifies one account, and an account verifies once per owner: both keys hold it.
  await withId(db, db.schema.createTable('census_verifications'))
    .addColumn('owner_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('verified_at', ts, (c) => c.notNull())
    .addUniqueConstraint('census_verifications_hash', ['owner_type', 'owner_id', 'hash'])
    .addUniqueConstraint('census_verifications_user', ['owner_type', 'owner_id', 'user_id'])
    .execute();
  await withId(db, db.schema.createTable('census_clashes'))
    .addColumn('owner_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('census_clashes_once', ['owner_type', 'owner_id', 'hash', 'user_id'])
    .execute();
}

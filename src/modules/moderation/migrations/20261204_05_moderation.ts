import type { Kysely } from 'kysely';
import { timestampType, withId } from '../../../core/db/schema.ts';

/** Texts under moderation, the flags people raised on them, moderators' decisions, and texts a block holds back. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  await withId(db, db.schema.createTable('moderation_items'))
    .addColumn('text_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('text_id', 'integer', (c) => c.notNull())
    .addColumn('owner_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('owner_id', 'integer')
    .addColumn('author_id', 'integer')
    .addColumn('state', 'varchar(12)', (c) => c.notNull())
    .addColumn('flags_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('moderation_items_text', ['text_type', 'text_id'])
    .execute();
  await db.schema.createIndex('moderation_items_state').on('moderation_items').columns(['state', 'updated_at', 'id']).execute();
  await db.schema.createIndex('moderation_items_owner').on('moderation_items').columns(['owner_type', 'owner_id', 'state']).execute();
  // One flag per person per text: the unique key holds it, whatever runs at once.
  await withId(db, db.schema.createTable('moderation_flags'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('moderation_items.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('moderation_flags_once', ['item_id', 'user_id'])
    .execute();
  await db.schema.createIndex('moderation_flags_user').on('moderation_flags').column('user_id').execute();
  await withId(db, db.schema.createTable('moderation_decisions'))
    .addColumn('item_id', 'integer', (c) => c.references('moderation_items.id').onDelete('cascade'))
    .addColumn('account_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('action', 'varchar(12)', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)')
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('moderation_decisions_item').on('moderation_decisions').columns(['item_id', 'id']).execute();
  await db.schema.createIndex('moderation_decisions_account').on('moderation_decisions').columns(['account_id', 'id']).execute();
  // The texts a block hid, so that unblocking shows again those and only those.
  await db.schema
    .createTable('moderation_holds')
    .addColumn('text_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('text_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('moderation_holds_pk', ['text_type', 'text_id'])
    .execute();
  await db.schema.createIndex('moderation_holds_user').on('moderation_holds').column('user_id').execute();
}

import type { Kysely } from 'kysely';
import { timestampType, withId } from '../../../core/db/schema.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  await withId(db, db.schema.createTable('newsletter_subscriptions'))
    .addColumn('list', 'varchar(60)', (c) => c.notNull())
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('topics', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('confirm_hash', 'varchar(64)')
    .addColumn('confirm_expires_at', ts)
    .addColumn('unsubscribe_key', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('confirmed_at', ts)
    .addColumn('ended_at', ts)
    .addColumn('bounce_reason', 'varchar(300)')
    .addUniqueConstraint('newsletter_subscriptions_list_email', ['list', 'email'])
    .execute();
  await db.schema.createIndex('newsletter_subscriptions_confirm').on('newsletter_subscriptions').column('confirm_hash').execute();
  await db.schema.createIndex('newsletter_subscriptions_email').on('newsletter_subscriptions').column('email').execute();
  await withId(db, db.schema.createTable('newsletter_issues'))
    .addColumn('list', 'varchar(60)', (c) => c.notNull())
    .addColumn('subject', 'varchar(150)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('areas', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('sent_at', ts)
    .addColumn('sent_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recipients', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cursor', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('newsletter_issues_list').on('newsletter_issues').columns(['list', 'status']).execute();
}

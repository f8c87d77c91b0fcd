import type { Kysely } from 'kysely';
import { timestampType, withId } from '../../../core/db/schema.ts';

/** Who follows what, what happened for them, how often they want mail, and the mails' unsubscribe tokens. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  // Following twice is following once: the unique key holds it, whatever runs at once.
  await withId(db, db.schema.createTable('participation_follows'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('subject_type', 'varchar(10)', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('participation_follows_once', ['user_id', 'subject_type', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('participation_follows_subject')
    .on('participation_follows')
    .columns(['subject_type', 'subject_id', 'user_id'])
    .execute();

  await withId(db, db.schema.createTable('participation_notifications'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('event', 'varchar(20)', (c) => c.notNull())
    .addColumn('subject_type', 'varchar(10)', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('process_id', 'integer')
    .addColumn('source_type', 'varchar(10)', (c) => c.notNull())
    .addColumn('source_id', 'integer', (c) => c.notNull())
    /** What the person follows that brought it: the subject itself or its process. */
    .addColumn('reason', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('read_at', ts)
    // The claim: set once, by the one run of the mail job that sends it.
    .addColumn('mailed_at', ts)
    .execute();
  await db.schema.createIndex('participation_notifications_user').on('participation_notifications').columns(['user_id', 'id']).execute();
  await db.schema
    .createIndex('participation_notifications_unmailed')
    .on('participation_notifications')
    .columns(['mailed_at', 'created_at'])
    .execute();

  await db.schema
    .createTable('participation_mail_prefs')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('frequency', 'varchar(10)', (c) => c.notNull())
    // The claim of a digest: a run sends one only when it moves this past the period's start.
    .addColumn('last_digest_at', ts)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  // One row per mail sent: its unsubscribe link's token (only the hash) names the person.
  await withId(db, db.schema.createTable('participation_mails'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('frequency', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('participation_mails_user').on('participation_mails').column('user_id').execute();
}

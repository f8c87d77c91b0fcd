import type { Kysely } from 'kysely';
import { timestampType, withId } from '../../../core/db/schema.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  await withId(db, db.schema.createTable('networks'))
    .addColumn('slug', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('founded_year', 'integer')
    .addColumn('website', 'varchar(300)')
    .addColumn('original_language', 'varchar(2)', (c) => c.notNull())
    .addColumn('areas', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('network_texts'))
    .addColumn('network_id', 'integer', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('name', 'varchar(150)', (c) => c.notNull())
    .addColumn('acronym', 'varchar(30)', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('network_texts_network_language', ['network_id', 'language'])
    .execute();
  await withId(db, db.schema.createTable('membership_kinds'))
    .addColumn('network_id', 'integer', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('code', 'varchar(40)', (c) => c.notNull())
    .addColumn('labels', 'text', (c) => c.notNull())
    .addColumn('applicants', 'varchar(12)', (c) => c.notNull())
    .addColumn('countries', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('min_population', 'integer')
    .addColumn('max_population', 'integer')
    .addColumn('report_years', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('grace_days', 'integer', (c) => c.notNull().defaultTo(90))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('membership_kinds_network_code', ['network_id', 'code'])
    .execute();
  await withId(db, db.schema.createTable('memberships'))
    .addColumn('network_id', 'integer', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('kind_id', 'integer', (c) => c.notNull().references('membership_kinds.id'))
    .addColumn('member_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('member_id', 'integer', (c) => c.notNull())
    .addColumn('country', 'varchar(2)')
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    .addColumn('since', ts)
    .addColumn('commitment_date', 'varchar(10)')
    .addColumn('commitment_file', 'varchar(200)')
    .addColumn('report_due_at', ts)
    .addColumn('extended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('memberships_network_member', ['network_id', 'member_type', 'member_id'])
    .execute();
  // The member list of a network, filtered by state and country, and a member's networks on its profile.
  await db.schema.createIndex('memberships_network_state').on('memberships').columns(['network_id', 'state', 'country']).execute();
  await db.schema.createIndex('memberships_member').on('memberships').columns(['member_type', 'member_id']).execute();
  await db.schema.createIndex('memberships_due').on('memberships').columns(['state', 'report_due_at']).execute();
  await withId(db, db.schema.createTable('membership_events'))
    .addColumn('membership_id', 'integer', (c) => c.notNull().references('memberships.id').onDelete('cascade'))
    .addColumn('from_state', 'varchar(20)')
    .addColumn('to_state', 'varchar(20)', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('membership_events_membership').on('membership_events').column('membership_id').execute();
  // One row per reminder sent: the unique key makes a reminder go once, whichever process sends it.
  await withId(db, db.schema.createTable('membership_reminders'))
    .addColumn('membership_id', 'integer', (c) => c.notNull().references('memberships.id').onDelete('cascade'))
    .addColumn('due_at', ts, (c) => c.notNull())
    .addColumn('days_before', 'integer', (c) => c.notNull())
    .addColumn('sent_at', ts, (c) => c.notNull())
    .addUniqueConstraint('membership_reminders_once', ['membership_id', 'due_at', 'days_before'])
    .execute();
}

import type { Kysely } from 'kysely';
import { timestampType, withId } from '../../../core/db/schema.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  // An activity is one of the project's content events, with what only the project knows about it.
  await withId(db, db.schema.createTable('project_activities'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('host_partner_id', 'integer', (c) => c.references('project_partners.id').onDelete('set null'))
    .addColumn('participants_total', 'integer')
    // Participants by country as JSON: {"SI": 40, "BG": 12}.
    .addColumn('participants', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('report', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reported_at', ts)
    .addColumn('reported_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('project_activities_event', ['event_id'])
    .execute();
  await db.schema.createIndex('project_activities_project').on('project_activities').column('project_id').execute();
}

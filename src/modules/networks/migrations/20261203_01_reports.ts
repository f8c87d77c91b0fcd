import type { Kysely } from 'kysely';
import { timestampType, withId } from '../../../core/db/schema.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  await withId(db, db.schema.createTable('report_questions'))
    .addColumn('network_id', 'integer', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('labels', 'text', (c) => c.notNull())
    .addColumn('choices', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('report_questions_network').on('report_questions').columns(['network_id', 'position']).execute();
  await withId(db, db.schema.createTable('membership_reports'))
    .addColumn('membership_id', 'integer', (c) => c.notNull().references('memberships.id').onDelete('cascade'))
    .addColumn('network_id', 'integer', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('state', 'varchar(10)', (c) => c.notNull())
    .addColumn('due_at', ts)
    .addColumn('submitted_at', ts)
    .addColumn('decided_at', ts)
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // A membership's reports, newest first; a network's reports waiting for the coordinators.
  await db.schema.createIndex('membership_reports_membership').on('membership_reports').columns(['membership_id', 'id']).execute();
  await db.schema.createIndex('membership_reports_network').on('membership_reports').columns(['network_id', 'state']).execute();
  await withId(db, db.schema.createTable('report_answers'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('membership_reports.id').onDelete('cascade'))
    .addColumn('question_id', 'integer', (c) => c.notNull().references('report_questions.id').onDelete('cascade'))
    .addColumn('value', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_answers_once', ['report_id', 'question_id'])
    .execute();
}

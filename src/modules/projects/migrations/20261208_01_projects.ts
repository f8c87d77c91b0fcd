import type { Kysely } from 'kysely';
import { timestampType, withId } from '../../../core/db/schema.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  await withId(db, db.schema.createTable('projects'))
    .addColumn('slug', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('acronym', 'varchar(40)', (c) => c.notNull())
    .addColumn('programme_id', 'integer', (c) => c.references('programmes.id').onDelete('set null'))
    .addColumn('call_id', 'integer', (c) => c.references('funding_calls.id').onDelete('set null'))
    .addColumn('reference', 'varchar(80)', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('budget_eur', 'bigint')
    .addColumn('eu_contribution_eur', 'bigint')
    .addColumn('areas', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('state', 'varchar(10)', (c) => c.notNull().defaultTo('planned'))
    .addColumn('original_language', 'varchar(2)', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('projects_programme').on('projects').column('programme_id').execute();
  await db.schema.createIndex('projects_state_start').on('projects').columns(['state', 'starts_on']).execute();
  await withId(db, db.schema.createTable('project_texts'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('project_texts_project_language', ['project_id', 'language'])
    .execute();
  // A partner is a town of the directory (municipality_id) or an organisation named here.
  await withId(db, db.schema.createTable('project_partners'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('municipality_id', 'integer', (c) => c.references('municipalities.id').onDelete('cascade'))
    .addColumn('organisation', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('organisation_type', 'varchar(20)', (c) => c.notNull().defaultTo(''))
    .addColumn('country', 'varchar(2)', (c) => c.notNull())
    .addColumn('role', 'varchar(12)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('joined_on', 'varchar(10)')
    .addColumn('left_on', 'varchar(10)')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('invited_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_partners_project').on('project_partners').columns(['project_id', 'position']).execute();
  await db.schema.createIndex('project_partners_town').on('project_partners').columns(['municipality_id', 'status']).execute();
  // An indicator's label per language is a small JSON object, as a strand's names are.
  await withId(db, db.schema.createTable('project_indicators'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('labels', 'text', (c) => c.notNull())
    .addColumn('unit', 'varchar(40)', (c) => c.notNull().defaultTo(''))
    .addColumn('target', 'double precision')
    .addColumn('achieved', 'double precision')
    .execute();
  await db.schema.createIndex('project_indicators_project').on('project_indicators').columns(['project_id', 'position']).execute();
}

import type { Kysely } from 'kysely';
import { timestampType, withId } from '../../../core/db/schema.ts';

/** Partnerships of a town with organisations, on a policy area, which both sides confirm. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  await withId(db, db.schema.createTable('partnerships'))
    .addColumn('municipality_id', 'integer', (c) => c.notNull())
    .addColumn('area', 'varchar(20)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('results', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)')
    .addColumn('state', 'varchar(12)', (c) => c.notNull())
    .addColumn('town_confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('country', 'varchar(2)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('partnerships_town').on('partnerships').columns(['municipality_id', 'state']).execute();
  await db.schema.createIndex('partnerships_list').on('partnerships').columns(['state', 'area', 'country']).execute();
  await db.schema
    .createTable('partnership_organisations')
    .addColumn('partnership_id', 'integer', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('partnership_organisations_pk', ['partnership_id', 'organisation_id'])
    .execute();
  await db.schema.createIndex('partnership_organisations_org').on('partnership_organisations').column('organisation_id').execute();
}

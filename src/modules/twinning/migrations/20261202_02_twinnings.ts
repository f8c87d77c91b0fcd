import type { Kysely } from 'kysely';
import { timestampType, withId } from '../../../core/db/schema.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  await withId(db, db.schema.createTable('twinnings'))
    .addColumn('proposer_id', 'integer', (c) => c.notNull())
    .addColumn('partner_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('since_year', 'integer')
    .addColumn('state', 'varchar(12)', (c) => c.notNull())
    .addColumn('source', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('ended_on', 'varchar(10)')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('twinnings_proposer').on('twinnings').columns(['proposer_id', 'state']).execute();
  await db.schema.createIndex('twinnings_partner').on('twinnings').columns(['partner_id', 'state']).execute();
  await withId(db, db.schema.createTable('partner_calls'))
    .addColumn('town_id', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(150)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('areas', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('countries', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('size', 'varchar(10)', (c) => c.notNull())
    .addColumn('programme', 'varchar(150)', (c) => c.notNull().defaultTo(''))
    .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('partner_calls_deadline').on('partner_calls').column('deadline').execute();
  await withId(db, db.schema.createTable('partner_answers'))
    .addColumn('call_id', 'integer', (c) => c.notNull().references('partner_calls.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('town_id', 'integer')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('partner_answers_call').on('partner_answers').column('call_id').execute();
}

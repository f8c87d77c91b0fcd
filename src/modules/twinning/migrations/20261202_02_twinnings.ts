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
}

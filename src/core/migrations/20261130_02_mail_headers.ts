import type { Kysely } from 'kysely';

/** Mail can carry its own headers (a list's unsubscribe address) and a tag naming what it is for (bounces). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('mail_outbox').addColumn('headers', 'text').execute();
  await db.schema.alterTable('mail_outbox').addColumn('tag', 'varchar(100)').execute();
}

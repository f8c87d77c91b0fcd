import type { Kysely } from 'kysely';
import { timestampType } from '../../../core/db/schema.ts';

/** When moderation blocked an account, and why: it reads, but writes nothing people see. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('blocked_at', timestampType(db)).execute();
  await db.schema.alterTable('users').addColumn('blocked_reason', 'varchar(500)').execute();
}

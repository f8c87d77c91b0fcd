import type { Kysely } from 'kysely';

/** Which version of the terms of use a person accepted; empty for accounts made before it was recorded. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('terms_version', 'text').execute();
}

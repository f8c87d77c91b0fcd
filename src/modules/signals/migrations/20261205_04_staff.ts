import type { Kysely } from 'kysely';

/**
 * What the town hall's side needs: the language a report was made in (to write to an author
 * without an account), the hash of the questionnaire's mailed link, and whom an entry assigned.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('signals').addColumn('language', 'varchar(10)').execute();
  await db.schema.alterTable('signals').addColumn('questionnaire_hash', 'varchar(64)').execute();
  await db.schema.alterTable('signal_updates').addColumn('assignee_id', 'integer').execute();
  await db.schema.createIndex('signals_questionnaire').on('signals').column('questionnaire_hash').execute();
  await db.schema.createIndex('signals_assigned').on('signals').columns(['assigned_to', 'state']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('signals_assigned').execute();
  await db.schema.dropIndex('signals_questionnaire').execute();
  await db.schema.alterTable('signal_updates').dropColumn('assignee_id').execute();
  await db.schema.alterTable('signals').dropColumn('questionnaire_hash').execute();
  await db.schema.alterTable('signals').dropColumn('language').execute();
}

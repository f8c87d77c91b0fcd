import type { Kysely } from 'kysely';

/** A subject's history (a project's state moves on its page) is read by subject, not by actor. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('audit_log_subject').on('audit_log').columns(['subject_type', 'subject_id']).execute();
}

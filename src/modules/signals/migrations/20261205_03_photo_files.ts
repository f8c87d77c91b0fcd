import type { Kysely } from 'kysely';

/** A photo's address names its file: served only after its report is looked up by it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('signal_photos_file').on('signal_photos').column('file').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('signal_photos_file').execute();
}

import type { Kysely } from 'kysely';

/** A network's logo: the base name of its stored WebP variants, null when it has none. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('networks').addColumn('logo', 'varchar(80)').execute();
}

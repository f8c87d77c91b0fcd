import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../../../core/db/schema.ts';

/**
 * On PostgreSQL, a text's search vector stays in the row (compressed if need be) and its long
 * columns move out instead: a search that checks thousands of texts one by one then reads each
 * vector where it finds the row, about twice as fast as fetching it from the TOAST table.
 * Rows written before keep their layout until they are next saved.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) await sql`alter table content_texts alter column search set storage main`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) await sql`alter table content_texts alter column search set storage extended`.execute(db);
}

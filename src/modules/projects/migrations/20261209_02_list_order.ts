import { type Kysely, sql } from 'kysely';

/**
 * The projects list reads running projects first, then planned, then closed, newest start first:
 * without an index in that order each page sorted all projects (20,000 took ~40 ms).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('projects_list_order')
    .on('projects')
    .expression(sql`(case state when 'running' then 0 when 'planned' then 1 else 2 end), starts_on desc, id desc`)
    .execute();
}

import type { Kysely } from 'kysely';

/**
 * A list filtered by area, by answer, or both: its count reads one of these indexes alone rather
 * than every proposal of the process, and a filter few proposals match reads only those (see
 * proposalPage). Neither holds a count, so supporting a proposal leaves them as they are.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('proposals_area')
    .on('proposals')
    .columns(['process_id', 'hidden', 'withdrawn', 'area', 'answer_state'])
    .execute();
  await db.schema.createIndex('proposals_answer').on('proposals').columns(['process_id', 'hidden', 'withdrawn', 'answer_state']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('proposals_answer').execute();
  await db.schema.dropIndex('proposals_area').execute();
}

import type { Kysely } from 'kysely';

/**
 * A network's member list is read longest-standing first, 50 at a time: in the order of this index,
 * a page is found by walking the network's members in order instead of sorting them all.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('memberships_network_since').on('memberships').columns(['network_id', 'since', 'id', 'state']).execute();
}

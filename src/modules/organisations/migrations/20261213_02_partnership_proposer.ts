import { type Kysely, sql } from 'kysely';

/**
 * Which side proposed a partnership, so that the proposer hears of each answer once several
 * organisations take part: the organisation's id, or null when the town's staff proposed it.
 * A proposal the town had not agreed to was an organisation's, the one that had agreed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('partnerships')
    .addColumn('proposer_organisation_id', 'integer', (c) => c.references('organisations.id').onDelete('set null'))
    .execute();
  await sql`update partnerships set proposer_organisation_id = (
      select min(po.organisation_id) from partnership_organisations po where po.partnership_id = partnerships.id and po.confirmed = 1
    ) where town_confirmed = 0`.execute(db);
}

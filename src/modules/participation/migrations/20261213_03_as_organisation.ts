import { type Kysely, sql } from 'kysely';

const TABLES = ['proposals', 'debates', 'comments'] as const;

/**
 * The organisation a proposal, debate or comment was published as, next to its author (kept for
 * moderation and personal data). Deleting the organisation leaves the item to its author.
 * Proposals written "on behalf of" an organisation by name before take its id when the name
 * names exactly one organisation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn('organisation_id', 'integer', (c) => c.references('organisations.id').onDelete('set null'))
      .execute();
  }
  // An organisation's profile lists what it published, newest first.
  await db.schema.createIndex('proposals_organisation').on('proposals').columns(['organisation_id', 'published_at']).execute();
  await db.schema.createIndex('debates_organisation').on('debates').columns(['organisation_id', 'created_at']).execute();
  await sql`update proposals set organisation_id = (select o.id from organisations o where o.name = proposals.on_behalf_of)
    where on_behalf_of is not null and (select count(*) from organisations o where o.name = proposals.on_behalf_of) = 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('debates_organisation').execute();
  await db.schema.dropIndex('proposals_organisation').execute();
  for (const table of TABLES) await db.schema.alterTable(table).dropColumn('organisation_id').execute();
}

import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../../../core/db/schema.ts';

/**
 * A country's list, joined towns first, is read in the order of this index and stops after a page.
 * Its last column is the id the order ends with: SQLite keeps the row id in every index anyway,
 * PostgreSQL does not and sorted every place of the country (7,000 in Germany) for each page.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('municipalities_country_rank_population_id')
    .on('municipalities')
    .columns(['country', 'join_rank', 'population', 'id'])
    .execute();
  await db.schema.dropIndex('municipalities_country_rank_population').execute();
  // A directory imported before the import refreshed PostgreSQL's statistics may have none (where
  // autovacuum is off): a name search then read all 52,768 places instead of the name index.
  if (isPostgres(db)) await sql`analyze municipalities`.execute(db);
}

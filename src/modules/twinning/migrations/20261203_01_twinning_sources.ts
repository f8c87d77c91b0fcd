import type { Kysely } from 'kysely';
import { isPostgres } from '../../../core/db/schema.ts';

/** A source may be a long citation (500 characters). SQLite keeps any length of text already. */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db))
    await db.schema
      .alterTable('twinnings')
      .alterColumn('source', (c) => c.setDataType('varchar(500)'))
      .execute();
}

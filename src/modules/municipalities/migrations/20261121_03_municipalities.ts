import { type Kysely, sql } from 'kysely';
import { isPostgres, timestampType, withId } from '../../../core/db/schema.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  // Folded keys compare byte by byte, so that a prefix is a range on the index on both databases.
  const binary = isPostgres(db) ? sql`collate "C"` : sql`collate binary`;
  await withId(db, db.schema.createTable('municipalities'))
    .addColumn('source', 'varchar(60)', (c) => c.notNull().unique())
    .addColumn('country', 'varchar(2)', (c) => c.notNull())
    .addColumn('slug', 'varchar(200)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('native_name', 'varchar(200)')
    .addColumn('name_key', 'varchar(200)', (c) => c.notNull().modifyEnd(binary))
    .addColumn('native_key', 'varchar(200)', (c) => c.modifyEnd(binary))
    .addColumn('population', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .addColumn('region_code', 'varchar(20)')
    .addColumn('region_name', 'varchar(200)')
    .addColumn('joined_at', ts)
    /** 1 once joined, 0 before: lists by size show joined municipalities first, straight from an index. */
    .addColumn('join_rank', 'integer', (c) => c.notNull().defaultTo(0))
    /** Fields staff edited, as ",name,population,": a re-import leaves them alone. */
    .addColumn('edited_fields', 'varchar(300)', (c) => c.notNull().defaultTo(','))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('municipalities_country_slug', ['country', 'slug'])
    .execute();
  await db.schema.createIndex('municipalities_name_key').on('municipalities').columns(['name_key', 'population']).execute();
  await db.schema.createIndex('municipalities_native_key').on('municipalities').column('native_key').execute();
  await db.schema.createIndex('municipalities_rank_population').on('municipalities').columns(['join_rank', 'population']).execute();
  await db.schema.createIndex('municipalities_population').on('municipalities').column('population').execute();
  await db.schema.createIndex('municipalities_country_population').on('municipalities').columns(['country', 'population']).execute();
  await db.schema
    .createIndex('municipalities_country_rank_population')
    .on('municipalities')
    .columns(['country', 'join_rank', 'population'])
    .execute();
  await db.schema
    .createIndex('municipalities_country_region')
    .on('municipalities')
    .columns(['country', 'region_code', 'region_name'])
    .execute();
  await db.schema.createIndex('municipalities_location').on('municipalities').columns(['latitude', 'longitude']).execute();
}

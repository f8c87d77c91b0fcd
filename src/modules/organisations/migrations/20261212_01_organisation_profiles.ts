import { type Kysely, sql } from 'kysely';
import { timestampType } from '../../../core/db/schema.ts';

/** An organisation's address, country, town, logo and policy areas; profiles made before get an address from their id. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  const add = (build: (t: ReturnType<typeof db.schema.alterTable>) => { execute(): Promise<void> }) =>
    build(db.schema.alterTable('organisations')).execute();
  await add((t) => t.addColumn('slug', 'varchar(100)', (c) => c.notNull().defaultTo('')));
  await add((t) => t.addColumn('country', 'varchar(2)', (c) => c.notNull().defaultTo('')));
  await add((t) => t.addColumn('municipality_id', 'integer'));
  await add((t) => t.addColumn('logo', 'varchar(80)'));
  await add((t) => t.addColumn('areas', 'varchar(300)', (c) => c.notNull().defaultTo('')));
  await add((t) => t.addColumn('updated_at', ts));
  await sql`update organisations set slug = 'organisation-' || id, updated_at = created_at`.execute(db);
  await db.schema.createIndex('organisations_slug').on('organisations').column('slug').unique().execute();
  await db.schema.createIndex('organisations_country').on('organisations').columns(['country', 'name']).execute();
  await db.schema.createIndex('organisations_name').on('organisations').column('name').execute();
}

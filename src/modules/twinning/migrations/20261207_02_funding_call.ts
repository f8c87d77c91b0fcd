import type { Kysely } from 'kysely';

/** A partner search may name the EU call it is for; the call's page then links it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('partner_calls')
    .addColumn('funding_call_id', 'integer', (c) => c.references('funding_calls.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('partner_calls_funding_call').on('partner_calls').columns(['funding_call_id', 'deadline']).execute();
}

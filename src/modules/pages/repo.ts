import type { Kysely } from 'kysely';
import type { Tables } from '../../core/db/tables.ts';
import type { ContactInput } from './schema.ts';

export async function insertContactMessage(db: Kysely<Tables>, input: ContactInput, language: string, now: Date): Promise<number> {
  const row = await db
    .insertInto('contact_messages')
    .values({
      topic: input.topic,
      name: input.name,
      email: input.email,
      page_url: input.page_url || null,
      message: input.message,
      language,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function countContactMessages(db: Kysely<Tables>): Promise<number> {
  const row = await db
    .selectFrom('contact_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listContactMessagesFrom(db: Kysely<Tables>, email: string) {
  return db
    .selectFrom('contact_messages')
    .select(['topic', 'name', 'email', 'page_url', 'message', 'language', 'created_at'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .orderBy('id')
    .execute();
}

export async function deleteContactMessagesFrom(db: Kysely<Tables>, email: string): Promise<void> {
  await db
    .deleteFrom('contact_messages')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .execute();
}

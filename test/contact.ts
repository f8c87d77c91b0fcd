import { sampleTowns } from './content.ts';
import { person } from './factories.ts';
import type { TestDatabase } from './helpers/db.ts';

/** Stara Zagora and Botevgrad joined, each with an administrator; Stara Zagora with two topics; a citizen. */
export async function contactSetting(database: TestDatabase) {
  const towns = await sampleTowns(database);
  const now = new Date().toISOString();
  await database.db
    .updateTable('municipalities')
    .set({ joined_at: now, email: 'obshtina@stara-zagora.example.eu' })
    .where('id', 'in', [towns.staraZagora, towns.botevgrad])
    .execute();
  const topic = async (town: number, name: string, email: string) =>
    (
      await database.db
        .insertInto('contact_topics')
        .values({ municipality_id: town, name, department: `${name} department`, email, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const taxes = await topic(towns.staraZagora, 'Local taxes', 'taxes@stara-zagora.example.eu');
  const building = await topic(towns.staraZagora, 'Building permits', 'building@stara-zagora.example.eu');
  const sport = await topic(towns.botevgrad, 'Sport', 'sport@botevgrad.example.eu');
  return {
    towns,
    topics: { taxes, building, sport },
    szAdmin: await person(database, { roles: [['municipality_admin', towns.staraZagora]], name: 'Admin Zlatka' }),
    szEditor: await person(database, { roles: [['municipality_editor', towns.staraZagora]], name: 'Editor Emil' }),
    btgAdmin: await person(database, { roles: [['municipality_admin', towns.botevgrad]], name: 'Admin Boris' }),
    platformAdmin: await person(database, { roles: [['platform_admin', null]] }),
    citizen: await person(database, { name: 'Citizen Cvetana' }),
    other: await person(database, { name: 'Other Olga' }),
  };
}

export const SZ = '/en/municipalities/bg/stara-zagora/contact';
export const BTG = '/en/municipalities/bg/botevgrad/contact';

export const rows = async (database: TestDatabase, table: 'contact_enquiries' | 'contact_replies' | 'contact_topics') =>
  Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

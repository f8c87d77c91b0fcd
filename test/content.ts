import { csvRecords, importRecords } from '../src/modules/municipalities/service/import.ts';
import { SAMPLE_CSV } from './fixtures/municipalities.ts';
import type { TestDatabase } from './helpers/db.ts';

/** The sample directory, and the ids of the towns the content tests use. */
export async function sampleTowns(database: TestDatabase) {
  await importRecords(database.db, csvRecords(SAMPLE_CSV));
  const id = async (slug: string) =>
    (await database.db.selectFrom('municipalities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  return { staraZagora: await id('stara-zagora'), botevgrad: await id('botevgrad') };
}

export const NEWS = {
  type: 'news',
  language: 'en',
  title: 'Linden avenue replanted',
  summary: 'Two hundred young linden trees now line the main avenue.',
  body: 'The **city gardeners** planted the trees over three weekends.\n\n## What comes next\n\n- watering in summer\n- a map of every tree',
  areas: ['environment', 'climate'],
  tags: 'trees, green city',
};

/** Where the editor lands after saving: the item's id from the redirect. */
export const idFrom = (location: unknown) => Number(/\/newsroom\/(\d+)\//.exec(String(location))?.[1]);

/** Adds the places of a CSV (country,code,name,…) to the directory, as the import command does. */
export const importPlaces = (db: TestDatabase['db'], csv: string) => importRecords(db, csvRecords(csv));

import { randomBytes } from 'node:crypto';
import * as repo from '../src/modules/signals/repo.ts';
import type { SignalState } from '../src/modules/signals/schema.ts';
import { insertDefaults } from '../src/modules/signals/service/categories.ts';
import { importPlaces, sampleTowns } from './content.ts';
import { person, type TestPerson } from './factories.ts';
import type { TestDatabase } from './helpers/db.ts';

/** Pravets lies some 11 km east of Botevgrad: a neighbour a report can be passed on to. */
const NEIGHBOUR_CSV = `country,code,name,population,latitude,longitude,region,native_name
BG,PRV,Pravets,8000,42.8897,23.9167,Sofia Province,Правец
`;

/** The portal's default categories in a town, as "adopt the defaults" makes them; their ids by code. */
export async function sampleCategories(database: TestDatabase, municipalityId: number): Promise<Record<string, number>> {
  await insertDefaults(database.db, municipalityId);
  return Object.fromEntries((await repo.categoriesOf(database.db, municipalityId)).map((c) => [c.code, c.id]));
}

export interface SampleReport {
  category: number;
  author?: TestPerson | null;
  /** The contact address; the author's by default, none when there is no author. */
  email?: string | null;
  name?: string;
  phone?: string;
  description?: string;
  state?: SignalState;
  confirmed?: boolean;
  hidden?: boolean;
  /** Days ago it was made. */
  age?: number;
  /** Days ago it was said to be fixed (the state then is "fixed"). */
  fixedAgo?: number;
  language?: string;
  photos?: number;
}

/** A report of a town stored as filing one stores it, with its "created" entry; its id. */
export async function sampleReport(database: TestDatabase, municipalityId: number, r: SampleReport): Promise<number> {
  const at = new Date(Date.now() - (r.age ?? 1) * 86_400_000).toISOString();
  const fixedAt = r.fixedAgo === undefined ? null : new Date(Date.now() - r.fixedAgo * 86_400_000).toISOString();
  const { id } = await repo.insertSignal(database.db, {
    municipality_id: municipalityId,
    category_id: r.category,
    state: fixedAt ? 'fixed' : (r.state ?? 'open'),
    latitude: 42.905,
    longitude: 23.79,
    address: 'Vasil Levski Street 12',
    description: r.description ?? 'A deep pothole in front of the school.',
    answers: null,
    author_id: r.author?.id ?? null,
    contact_name: r.name ?? r.author?.name ?? 'Maria Ivanova',
    contact_email: r.email === undefined ? (r.author?.email ?? null) : r.email,
    contact_phone: r.phone ?? '+359 888 123 456',
    show_name: 0,
    confirmed: r.confirmed === false ? 0 : 1,
    confirm_hash: null,
    source: 'web',
    api_key_id: null,
    token: randomBytes(12).toString('hex'),
    created_at: at,
    confirmed_at: r.confirmed === false ? null : at,
    updated_at: fixedAt ?? at,
    hidden: r.hidden ? 1 : 0,
    fixed_at: fixedAt,
    language: r.language ?? null,
  });
  await repo.insertUpdate(database.db, {
    signal_id: id,
    kind: 'created',
    state: 'open',
    note: null,
    author_id: r.author?.id ?? null,
    from_municipality: null,
    created_at: at,
  });
  for (let i = 0; i < (r.photos ?? 0); i++)
    await database.db
      .insertInto('signal_photos')
      .values({ signal_id: id, file: `${id}-${i}-photo`, position: i })
      .execute();
  return id;
}

/**
 * The sample directory with a neighbour of Botevgrad, the defaults in Botevgrad, Pravets and Stara
 * Zagora, staff of Botevgrad (two) and of Stara Zagora, a citizen and an author writing in Bulgarian.
 */
export async function staffSetting(database: TestDatabase) {
  const towns = await sampleTowns(database);
  await importPlaces(database.db, NEIGHBOUR_CSV);
  const pravets = (await database.db.selectFrom('municipalities').select('id').where('name', '=', 'Pravets').executeTakeFirstOrThrow()).id;
  const botevgrad = await sampleCategories(database, towns.botevgrad);
  const staraZagora = await sampleCategories(database, towns.staraZagora);
  await sampleCategories(database, pravets);
  return {
    towns: { ...towns, pravets },
    categories: { botevgrad, staraZagora },
    staff: await person(database, { name: 'Elena Botevgrad', roles: [['municipality_editor', towns.botevgrad]] }),
    colleague: await person(database, { name: 'Georgi Botevgrad', roles: [['municipality_admin', towns.botevgrad]] }),
    other: await person(database, { name: 'Petar Zagora', roles: [['municipality_editor', towns.staraZagora]] }),
    neighbourStaff: await person(database, { name: 'Rada Pravets', roles: [['municipality_editor', pravets]] }),
    citizen: await person(database, { name: 'Ivan Citizen' }),
    author: await person(database, { name: 'Maria Author', language: 'bg', email: `author-${randomBytes(4).toString('hex')}@example.eu` }),
  };
}

/** How many rows a table holds: what a refused action must leave as it was. */
export async function count(
  database: TestDatabase,
  table: 'signals' | 'signal_updates' | 'signal_categories' | 'signal_questions' | 'mail_outbox' | 'audit_log',
) {
  const row = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

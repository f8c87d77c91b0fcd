import { randomBytes } from 'node:crypto';
import type { SignalState } from '../src/modules/signals/schema.ts';
import { sampleTowns } from './content.ts';
import type { TestDatabase } from './helpers/db.ts';

/** A category of a town: the default "roads" unless said otherwise, in the town's inbox. */
export async function sampleCategory(
  database: TestDatabase,
  municipalityId: number,
  options: { code?: string; name?: string; active?: boolean; bodyEmail?: string; bodyName?: string } = {},
): Promise<number> {
  const now = new Date().toISOString();
  const code = options.code ?? 'roads';
  const isDefault = !options.name && ['roads', 'lighting', 'waste', 'parks', 'water', 'transport', 'noise', 'other'].includes(code);
  const { id } = await database.db
    .insertInto('signal_categories')
    .values({
      municipality_id: municipalityId,
      code,
      default_key: isDefault ? code : null,
      name: options.name ?? null,
      description: options.name ? `About ${options.name}` : null,
      area: null,
      destination: options.bodyEmail ? 'email' : 'inbox',
      body_name: options.bodyName ?? null,
      body_email: options.bodyEmail ?? null,
      active: options.active === false ? 0 : 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** An extra question of a category. */
export async function sampleQuestion(
  database: TestDatabase,
  categoryId: number,
  q: { code: string; kind: string; label: string; required?: boolean; options?: [string, string][]; position?: number },
): Promise<number> {
  const { id } = await database.db
    .insertInto('signal_questions')
    .values({
      category_id: categoryId,
      code: q.code,
      kind: q.kind as 'string',
      label: q.label,
      description: null,
      required: q.required ? 1 : 0,
      options: q.options ? JSON.stringify(q.options.map(([key, name]) => ({ key, name }))) : null,
      position: q.position ?? 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A report as the form files it: public unless said otherwise, in its town's category. */
export async function sampleReport(
  database: TestDatabase,
  r: {
    municipalityId: number;
    categoryId: number;
    at: [number, number];
    state?: SignalState;
    confirmed?: boolean;
    hidden?: boolean;
    authorId?: number | null;
    contactName?: string;
    contactEmail?: string;
    showName?: boolean;
    address?: string;
    description?: string;
    createdAt?: string;
    photos?: { file: string; hidden?: boolean }[];
  },
): Promise<number> {
  const created = r.createdAt ?? new Date().toISOString();
  const confirmed = r.confirmed === false ? 0 : 1;
  const { id } = await database.db
    .insertInto('signals')
    .values({
      municipality_id: r.municipalityId,
      category_id: r.categoryId,
      state: r.state ?? 'open',
      latitude: r.at[0],
      longitude: r.at[1],
      address: r.address ?? null,
      description: r.description ?? 'A deep pothole in front of the school.',
      answers: null,
      author_id: r.authorId ?? null,
      contact_name: r.contactName ?? 'Rada Koleva',
      contact_email: r.contactEmail ?? 'rada.koleva@example.eu',
      contact_phone: null,
      show_name: r.showName ? 1 : 0,
      confirmed,
      confirm_hash: null,
      source: 'web',
      api_key_id: null,
      token: randomBytes(12).toString('hex'),
      hidden: r.hidden ? 1 : 0,
      created_at: created,
      confirmed_at: confirmed ? created : null,
      updated_at: created,
      fixed_at: null,
      asked_at: null,
      responsible: null,
      duplicate_of: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.db
    .insertInto('signal_updates')
    .values({
      signal_id: id,
      kind: 'created',
      state: 'open',
      note: null,
      author_id: r.authorId ?? null,
      from_municipality: null,
      created_at: created,
    })
    .execute();
  for (const [position, p] of (r.photos ?? []).entries())
    await database.db
      .insertInto('signal_photos')
      .values({ signal_id: id, file: p.file, hidden: p.hidden ? 1 : 0, position })
      .execute();
  return id;
}

/** The sample directory, with Stara Zagora and Botevgrad taking reports on roads and on lighting. */
export async function signalTowns(database: TestDatabase) {
  const towns = await sampleTowns(database);
  return {
    ...towns,
    roads: await sampleCategory(database, towns.staraZagora),
    lighting: await sampleCategory(database, towns.staraZagora, { code: 'lighting' }),
    botevgradRoads: await sampleCategory(database, towns.botevgrad),
  };
}

/** Stara Zagora's centre, and a point a few metres from it. */
export const CENTRE: [number, number] = [42.4258, 25.6345];
export const NEAR_CENTRE: [number, number] = [42.4262, 25.6349];

export const count = async (database: TestDatabase, table: 'signals' | 'signal_photos' | 'signal_supports' | 'signal_updates') =>
  Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

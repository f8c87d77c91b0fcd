import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { hashToken } from '../src/core/tokens.ts';
import * as repo from '../src/modules/signals/repo.ts';
import type { SignalState } from '../src/modules/signals/schema.ts';
import { sampleTowns } from './content.ts';
import { submit, type TestPerson } from './factories.ts';
import type { TestDatabase } from './helpers/db.ts';

/** Who reported: words that must never leave the portal but to the town's staff. */
export const AUTHOR = { name: 'Zlatka Secretova', email: 'zlatka.secret@example.eu', phone: '+359 88 777 6655' } as const;

/** A point in the middle of Stara Zagora, and one in Botevgrad. */
export const IN_STARA_ZAGORA = { lat: 42.4258, long: 25.6345 };
export const IN_BOTEVGRAD = { lat: 42.9, long: 23.7833 };

/**
 * The sample towns, Stara Zagora with two categories: "roads" (a default, no questions) and
 * "trees" (its own, with a required single choice, a number and a multiple choice); and an
 * inactive "old" one. Botevgrad has "roads" only.
 */
export async function open311Towns(database: TestDatabase) {
  const { db } = database;
  const towns = await sampleTowns(database);
  const now = new Date().toISOString();
  const category = (municipality_id: number, code: string, extra: Partial<Parameters<typeof repo.insertCategory>[1]> = {}) =>
    repo.insertCategory(db, {
      municipality_id,
      code,
      default_key: null,
      name: null,
      description: null,
      area: null,
      destination: 'inbox',
      body_name: null,
      body_email: null,
      created_at: now,
      updated_at: now,
      ...extra,
    });
  const roads = (await category(towns.staraZagora, 'roads', { default_key: 'roads', area: 'mobility', position: 0 })).id;
  const trees = (
    await category(towns.staraZagora, 'trees', {
      name: 'Trees & <hedges>',
      description: 'Fallen or dangerous trees',
      area: 'environment',
      destination: 'email',
      body_name: 'Parks Company',
      body_email: 'parks@example.eu',
      position: 1,
    })
  ).id;
  const old = (await category(towns.staraZagora, 'old', { name: 'Old', active: 0, position: 2 })).id;
  const botevgradRoads = (await category(towns.botevgrad, 'roads', { default_key: 'roads', area: 'mobility' })).id;
  const question = (code: string, kind: string, required: number, position: number, options?: { key: string; name: string }[]) =>
    db
      .insertInto('signal_questions')
      .values({
        category_id: trees,
        code,
        kind: kind as 'string',
        label: `Question ${code}`,
        description: `About ${code}`,
        required,
        options: options ? JSON.stringify(options) : null,
        position,
      })
      .execute();
  await question('species', 'singlevaluelist', 1, 0, [
    { key: 'oak', name: 'Oak' },
    { key: 'linden', name: 'Linden' },
  ]);
  await question('height', 'number', 0, 1);
  await question('damage', 'multivaluelist', 0, 2, [
    { key: 'trunk', name: 'Trunk' },
    { key: 'branch', name: 'Branch' },
  ]);
  return { ...towns, roads, trees, old, botevgradRoads };
}

/** A report, public unless said otherwise, by AUTHOR. */
export async function sampleSignal(
  database: TestDatabase,
  o: {
    municipalityId: number;
    categoryId: number;
    state?: SignalState;
    confirmed?: number;
    hidden?: number;
    createdAt?: string;
    fixedAt?: string | null;
    description?: string;
    address?: string | null;
    latitude?: number;
    longitude?: number;
  },
) {
  const at = o.createdAt ?? new Date().toISOString();
  const { id } = await repo.insertSignal(database.db, {
    municipality_id: o.municipalityId,
    category_id: o.categoryId,
    state: o.state ?? 'open',
    latitude: o.latitude ?? IN_STARA_ZAGORA.lat,
    longitude: o.longitude ?? IN_STARA_ZAGORA.long,
    address: o.address === undefined ? 'Tsar Simeon Veliki 100' : o.address,
    description: o.description ?? 'A deep pothole by the bus stop',
    answers: null,
    author_id: null,
    contact_name: AUTHOR.name,
    contact_email: AUTHOR.email,
    contact_phone: AUTHOR.phone,
    show_name: 0,
    confirmed: o.confirmed ?? 1,
    hidden: o.hidden ?? 0,
    confirm_hash: null,
    source: 'web',
    api_key_id: null,
    token: randomBytes(12).toString('hex'),
    created_at: at,
    confirmed_at: at,
    updated_at: at,
    fixed_at: o.fixedAt ?? null,
    asked_at: null,
  });
  return id;
}

/** An Open311 key issued to an application (revoked when said): the key a client sends, and its id. */
export async function sampleKey(database: TestDatabase, revoked = false) {
  const key = randomBytes(24).toString('base64url');
  const now = new Date().toISOString();
  const row = await database.db
    .insertInto('signal_api_keys')
    .values({
      name: 'Pothole app',
      contact_email: 'dev@pothole.example',
      key_hash: hashToken(key),
      created_by: null,
      created_at: now,
      revoked_at: revoked ? now : null,
      last_used_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { key, id: row.id };
}

export const countOf = async (database: TestDatabase, table: 'signals' | 'signal_api_keys' | 'signal_boundaries' | 'audit_log') =>
  Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/**
 * Posts a form to an address with a good form token, taken from a page anyone may open (the
 * contact form): whatever refuses it is the address's own rule, not the token.
 */
export const postAs = (app: FastifyInstance, url: string, fields: Record<string, string>, who: TestPerson) =>
  submit(app, '/en/contact', fields, who, url);

/** A rectangle as a GeoJSON polygon: [lon, lat] corners, closed. */
export const box = (minLat: number, minLon: number, maxLat: number, maxLon: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [minLon, minLat],
      [maxLon, minLat],
      [maxLon, maxLat],
      [minLon, maxLat],
      [minLon, minLat],
    ],
  ],
});

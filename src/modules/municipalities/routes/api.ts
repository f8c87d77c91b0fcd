import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Tables } from '../../../core/db/tables.ts';
import { hasControl, idSchema, MAX_ID } from '../../../core/http/input.ts';
import { apiParams, countryParam } from '../../../core/http/params.ts';
import { problem } from '../../../core/http/problem.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { findById, type ListFilter, listAfter, type MunicipalitySummary, pageById } from '../repo.ts';
import { searchMunicipalities } from '../service/directory.ts';

const region = z
  .string()
  .max(20)
  .refine((r) => !hasControl(r), 'must not contain control characters')
  .optional();

const exportQuery = z
  .object({
    country: countryParam.optional(),
    region,
  })
  .strict();
const readExportQuery = apiParams(exportQuery, 'query');

const listQuery = z
  .object({
    q: z.string().trim().min(1).max(200).optional(),
    country: countryParam.optional(),
    region,
    sort: z.enum(['name', 'population']).default('population'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(200).optional(),
  })
  .strict();
const readListQuery = apiParams(listQuery, 'query');
const readIdPath = apiParams(z.object({ id: idSchema }), 'path');

function present(m: MunicipalitySummary, baseUrl: string) {
  return {
    id: m.id,
    name: m.name,
    nativeName: m.native_name,
    country: m.country,
    region: m.region_code ? { code: m.region_code, name: m.region_name } : null,
    population: m.population,
    location: m.latitude !== null ? { latitude: m.latitude, longitude: m.longitude } : null,
    joined: m.joined_at !== null,
    url: `${baseUrl}/en/municipalities/${m.country.toLowerCase()}/${m.slug}`,
  };
}

const encodeCursor = (key: string | number, id: number) => Buffer.from(JSON.stringify([key, id])).toString('base64url');

// What a cursor of ours holds: the last row's sort key and id, each as the database stores them.
const cursorId = z.number().int().min(1).max(MAX_ID);
const cursorOf = {
  name: z.tuple([
    z
      .string()
      .max(200)
      .refine((k) => !hasControl(k)),
    cursorId,
  ]),
  population: z.tuple([z.number().int().min(0).max(MAX_ID), cursorId]),
};

/** The position a cursor names for this sort, or undefined when it is not one of ours (NaN, 1e308, 2^31…). */
function decodeCursor(cursor: string, sort: 'name' | 'population'): { key: string | number; id: number } | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = cursorOf[sort].safeParse(raw);
  return parsed.success ? { key: parsed.data[0], id: parsed.data[1] } : undefined;
}

/**
 * Every place matching the filter, a page at a time, so that exports of the whole set stay small
 * in memory. The first page is read before answering: a query that fails is then an error status,
 * not a 200 whose stream is cut.
 */
async function allPlaces(db: Kysely<Tables>, filter: ListFilter): Promise<AsyncGenerator<MunicipalitySummary[]>> {
  const first = await pageById(db, filter, 0, EXPORT_PAGE);
  return (async function* pages() {
    for (let rows = first; rows.length > 0; rows = await pageById(db, filter, rows.at(-1)!.id, EXPORT_PAGE)) yield rows;
  })();
}

const EXPORT_PAGE = 2000;
const CSV_COLUMNS = [
  'id',
  'country',
  'name',
  'native_name',
  'population',
  'latitude',
  'longitude',
  'region_code',
  'region_name',
  'joined',
  'url',
];

export function municipalityApi(app: FastifyInstance, { database, config }: ModuleContext): void {
  const { db } = database;

  app.get('/api/v1/municipalities.geojson', async (req, reply) => {
    const places = await allPlaces(db, readExportQuery(req));
    async function* body() {
      yield '{"type":"FeatureCollection","features":[';
      let first = true;
      for await (const rows of places) {
        for (const m of rows) {
          if (m.latitude === null || m.longitude === null) continue;
          const { location: _l, ...properties } = present(m, config.baseUrl);
          yield `${first ? '' : ','}${JSON.stringify({ type: 'Feature', id: m.id, geometry: { type: 'Point', coordinates: [m.longitude, m.latitude] }, properties })}`;
          first = false;
        }
      }
      yield ']}';
    }
    return reply
      .type('application/geo+json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="municipalities.geojson"')
      .send(Readable.from(body()));
  });

  app.get('/api/v1/municipalities.csv', async (req, reply) => {
    const places = await allPlaces(db, readExportQuery(req));
    async function* body() {
      yield stringify([CSV_COLUMNS]);
      for await (const rows of places) {
        yield stringify(
          rows.map((m) => [
            m.id,
            m.country,
            m.name,
            m.native_name ?? '',
            m.population,
            m.latitude ?? '',
            m.longitude ?? '',
            m.region_code ?? '',
            m.region_name ?? '',
            m.joined_at ? 'yes' : 'no',
            present(m, config.baseUrl).url,
          ]),
        );
      }
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="municipalities.csv"')
      .send(Readable.from(body()));
  });

  app.get('/api/v1/municipalities', async (req, reply) => {
    const { q, country, region, sort, limit, cursor } = readListQuery(req);
    if (q) {
      if (cursor)
        return problem(reply, 400, 'Bad query parameters', 'cursor: a search has a single page', [
          { name: 'cursor', reason: 'a search has a single page' },
        ]);
      const found = (await searchMunicipalities(db, q, 100)).filter(
        (m) => (!country || m.country === country) && (!region || m.region_code === region),
      );
      return {
        data: found.slice(0, limit).map((m) => ({ ...present(m, config.baseUrl), match: m.match })),
        next: null,
      };
    }
    const after = cursor ? decodeCursor(cursor, sort) : undefined;
    if (cursor && !after)
      return problem(reply, 400, 'Bad query parameters', 'cursor: not a cursor from this API', [
        { name: 'cursor', reason: 'not a cursor from this API' },
      ]);
    const rows = await listAfter(db, { country, region }, sort, after, limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const next = rows.length > limit && last ? encodeCursor(sort === 'name' ? last.name_key : last.population, last.id) : null;
    return { data: page.map((m) => present(m, config.baseUrl)), next };
  });

  app.get('/api/v1/municipalities/:id', async (req, reply) => {
    const { id } = readIdPath(req);
    const m = await findById(db, id);
    if (!m) return problem(reply, 404, 'Not found', `No municipality has id ${id}`);
    return present(m, config.baseUrl);
  });
}

import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { Kysely } from 'kysely';
import { Rebuilt } from '../../../core/cache.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { nearestCentre } from '../../municipalities/index.ts';

/** A town's area as drawn by its boundary: a GeoJSON Polygon or MultiPolygon. */
export type Area = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

interface Boundaries {
  ids: number[];
  areas: Area[];
  /** Towns with a boundary drawn: outside it, they are not the answer. */
  drawn: Set<number>;
  tree: Flatbush | null;
}

async function build(db: Kysely<Tables>): Promise<Boundaries> {
  const rows = await db.selectFrom('signal_boundaries').selectAll().execute();
  const ids = rows.map((r) => r.municipality_id);
  if (!rows.length) return { ids, areas: [], drawn: new Set(), tree: null };
  const tree = new Flatbush(rows.length);
  for (const r of rows) tree.add(r.min_lon, r.min_lat, r.max_lon, r.max_lat);
  tree.finish();
  return { ids, areas: rows.map((r) => JSON.parse(r.geometry) as Area), drawn: new Set(ids), tree };
}

/** The towns' boundaries in a spatial index, read again only when one changed. */
const boundaries = new Rebuilt<Boundaries>(async (db: Kysely<Tables>) => {
  const row = await db
    .selectFrom('signal_boundaries')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('at')])
    .executeTakeFirstOrThrow();
  return `${row.n}:${row.at}`;
}, build);

/** After a boundary is imported: this process reads them again at once (others within seconds). */
export const boundariesChanged = (db: object) => boundaries.forget(db);

export interface Placement {
  municipalityId: number;
  /** How it was found: inside the town's boundary, or nearest its centre. */
  by: 'boundary' | 'centre';
}

/**
 * The municipality a point belongs to: the one whose boundary holds it; otherwise the one whose
 * centre is nearest, in the given country when one is known, among towns with no boundary drawn
 * (a town with one has said where it ends). Undefined when no place is within 50 km.
 */
export async function placePoint(
  db: Kysely<Tables>,
  point: { latitude: number; longitude: number },
  country?: string,
): Promise<Placement | undefined> {
  const { ids, areas, drawn, tree } = await boundaries.get(db);
  for (const i of tree?.search(point.longitude, point.latitude, point.longitude, point.latitude) ?? []) {
    if (booleanPointInPolygon([point.longitude, point.latitude], areas[i]!)) return { municipalityId: ids[i]!, by: 'boundary' };
  }
  const nearest = await nearestCentre(db, point, { ...(country ? { country } : {}), skip: (id) => drawn.has(id) });
  return nearest ? { municipalityId: nearest.id, by: 'centre' } : undefined;
}

import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { municipalityBySlug } from '../../municipalities/index.ts';
import * as open from '../repo/open311.ts';
import { type Area, boundariesChanged } from './routing.ts';

/** The largest boundary a town uploads: a detailed town outline is a few hundred kilobytes. */
export const BOUNDARY_LIMIT = 2 * 1024 * 1024;

/** Why a GeoJSON is refused; each is a message `signals.boundary.error.{reason}`. */
export type BoundaryProblem = 'size' | 'json' | 'type' | 'position' | 'range' | 'ring' | 'closed' | 'empty';

class Refused extends Error {
  constructor(readonly reason: BoundaryProblem) {
    super(reason);
  }
}
const refuse = (reason: BoundaryProblem): never => {
  throw new Refused(reason);
};

type Position = [number, number];
type Ring = Position[];

function position(p: unknown): Position {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every((n) => typeof n === 'number' && Number.isFinite(n)))
    return refuse('position');
  const [lon, lat] = p as number[];
  if (Math.abs(lon!) > 180 || Math.abs(lat!) > 90) return refuse('range');
  // A height, when given, says nothing of which town a point is in.
  return [lon!, lat!];
}

function ring(r: unknown): Ring {
  if (!Array.isArray(r) || r.length < 4) return refuse('ring');
  const points = r.map(position);
  const [first, last] = [points[0]!, points.at(-1)!];
  if (first[0] !== last[0] || first[1] !== last[1]) return refuse('closed');
  return points;
}

function polygon(p: unknown): Ring[] {
  if (!Array.isArray(p) || p.length === 0) return refuse('ring');
  return p.map(ring);
}

/** The polygons of a geometry; a collection's are gathered into one. */
function polygonsOf(g: unknown, depth = 0): Ring[][] {
  if (!g || typeof g !== 'object') return refuse('type');
  const o = g as { type?: unknown; coordinates?: unknown; geometry?: unknown; features?: unknown };
  switch (o.type) {
    case 'Polygon':
      return [polygon(o.coordinates)];
    case 'MultiPolygon':
      if (!Array.isArray(o.coordinates) || !o.coordinates.length) return refuse('empty');
      return o.coordinates.map(polygon);
    case 'Feature':
      return depth > 1 ? refuse('type') : polygonsOf(o.geometry, 2);
    case 'FeatureCollection': {
      if (depth > 0 || !Array.isArray(o.features) || !o.features.length) return refuse('empty');
      return o.features.flatMap((f) => polygonsOf(f, depth + 1));
    }
    default:
      return refuse('type');
  }
}

export interface Boundary {
  area: Area;
  box: { min_lat: number; max_lat: number; min_lon: number; max_lon: number };
}

/** A boundary from a GeoJSON object: WGS 84 polygons with closed rings of four points or more. */
export function boundaryOf(geojson: unknown): { ok: true; boundary: Boundary } | { ok: false; reason: BoundaryProblem } {
  try {
    const polygons = polygonsOf(geojson);
    const area: Area =
      polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
    const box = { min_lat: 90, max_lat: -90, min_lon: 180, max_lon: -180 };
    for (const [lon, lat] of polygons.flat(2)) {
      box.min_lat = Math.min(box.min_lat, lat);
      box.max_lat = Math.max(box.max_lat, lat);
      box.min_lon = Math.min(box.min_lon, lon);
      box.max_lon = Math.max(box.max_lon, lon);
    }
    return { ok: true, boundary: { area, box } };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, reason: err.reason };
    throw err;
  }
}

/** A boundary from an uploaded file's bytes. */
export function readBoundaryFile(data: Buffer) {
  if (data.length > BOUNDARY_LIMIT) return { ok: false as const, reason: 'size' as const };
  let parsed: unknown;
  try {
    parsed = JSON.parse(data.toString('utf8'));
  } catch {
    return { ok: false as const, reason: 'json' as const };
  }
  return boundaryOf(parsed);
}

/** Draws (or draws again) a town's boundary; reports are placed by it at once. */
export async function saveTownBoundary(ctx: ModuleContext, actor: Actor | null, municipalityId: number, b: Boundary, ip?: string) {
  const { db } = ctx.database;
  await transaction(db, async (tx) => {
    await open.saveBoundary(tx, {
      municipality_id: municipalityId,
      geometry: JSON.stringify(b.area),
      ...b.box,
      updated_at: new Date().toISOString(),
    });
    await audit(tx, actor, { action: 'signals.boundary.save', subjectType: 'municipality', subjectId: municipalityId }, ip);
  });
  boundariesChanged(db);
}

/** Removes a town's boundary: its reports are placed by its centre again. False when it had none. */
export async function removeTownBoundary(ctx: ModuleContext, actor: Actor, municipalityId: number, ip?: string) {
  const { db } = ctx.database;
  const removed = await transaction(db, async (tx) => {
    const done = await open.removeBoundary(tx, municipalityId);
    if (!Number(done.numDeletedRows)) return false;
    await audit(tx, actor, { action: 'signals.boundary.remove', subjectType: 'municipality', subjectId: municipalityId }, ip);
    return true;
  });
  boundariesChanged(db);
  return removed;
}

export const townBoundary = (ctx: ModuleContext, municipalityId: number) => open.boundaryOf(ctx.database.db, municipalityId);

/** The town a feature names: `jurisdiction_id` ("bg/stara-zagora"), or `country` and `slug`. */
function townNamed(props: Record<string, unknown>): { country: string; slug: string } | undefined {
  const j = typeof props.jurisdiction_id === 'string' ? /^([a-z]{2})\/([a-z0-9-]+)$/i.exec(props.jurisdiction_id) : null;
  if (j) return { country: j[1]!.toUpperCase(), slug: j[2]!.toLowerCase() };
  if (typeof props.country === 'string' && typeof props.slug === 'string')
    return { country: props.country.toUpperCase(), slug: props.slug.toLowerCase() };
  return undefined;
}

/**
 * Imports the boundaries of a FeatureCollection, one town per feature (see townNamed); a feature
 * naming no town of the directory, or with a geometry refused, is skipped and said why.
 */
export async function importBoundaries(ctx: ModuleContext, geojson: unknown) {
  const fc = geojson as { type?: unknown; features?: unknown };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error('the file is not a GeoJSON FeatureCollection');
  let imported = 0;
  const skipped: string[] = [];
  for (const [i, feature] of (fc.features as { properties?: Record<string, unknown>; geometry?: unknown }[]).entries()) {
    const named = townNamed(feature?.properties ?? {});
    const town = named && (await municipalityBySlug(ctx.database.db, named.country, named.slug));
    const read = boundaryOf(feature?.geometry);
    if (!named) skipped.push(`feature ${i + 1}: names no town (properties.jurisdiction_id, or country and slug)`);
    else if (!town) skipped.push(`feature ${i + 1}: ${named.country.toLowerCase()}/${named.slug} is not in the directory`);
    else if (!read.ok) skipped.push(`feature ${i + 1}: the geometry is refused (${read.reason})`);
    else {
      await saveTownBoundary(ctx, null, town.id, read.boundary);
      imported++;
    }
  }
  return { imported, skipped };
}

import type { Kysely } from 'kysely';
import { Remembered } from '../../../core/cache.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { nameKey } from '../../../core/search/normalize.ts';
import {
  byKeyPrefix,
  closest,
  countWhere,
  findById,
  findBySlug,
  keysByPrefix,
  type ListFilter,
  type ListSort,
  type MapPoint,
  type MunicipalitySummary,
  mapPoints,
  portalFacts,
  regionsOf,
  summariesByIds,
} from '../repo.ts';

export type Match = MunicipalitySummary & { match: 'exact' | 'prefix' | 'fuzzy' };

const FUZZY_CANDIDATES = 400;

// Three rows of the distance table, reused: a search compares the query with hundreds of names.
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * Edit distance with transpositions (Damerau–Levenshtein, optimal string alignment). Past `max`
 * it stops early and says max + 1: a search only wants to know whether a name is close.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rows[0]!.length <= b.length) rows = rows.map(() => new Int32Array(2 * b.length + 2));
  let [before, above, row] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) above[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      row[j] = v;
      if (v < least) least = v;
    }
    // Every later row's values are at least this row's least: the distance is past max already.
    if (least > max) return max + 1;
    [before, above, row] = [above, row, before];
  }
  return above[b.length]!;
}

/**
 * Finds municipalities by name in any script, accents and case aside: exact names first, then
 * names starting with the query, then names within a typo or two; bigger towns first in each.
 */
export async function searchMunicipalities(db: Kysely<Tables>, query: string, limit = 10): Promise<Match[]> {
  const key = nameKey(query);
  if (!key) return [];
  const found = new Map<number, Match>();
  const add = (rows: MunicipalitySummary[], match: Match['match']) => {
    for (const r of rows) if (!found.has(r.id)) found.set(r.id, { ...pick(r), match });
  };
  // Names and native names are looked up side by side (on PostgreSQL each is a round trip), the
  // exact ones first in each.
  const [byName, byNative] = await Promise.all([byKeyPrefix(db, 'name_key', key, limit), byKeyPrefix(db, 'native_key', key, limit)]);
  const rows = [...byName, ...byNative];
  add(
    rows.filter((r) => r.key === key),
    'exact',
  );
  add(rows, 'prefix');
  if (found.size < limit && key.length >= 4) {
    const allowed = key.length >= 8 ? 2 : 1;
    // Only keys are read for the comparison, from the index; the few that are close are read whole.
    const candidates = await keysByPrefix(db, key.slice(0, 2), FUZZY_CANDIDATES);
    const close = candidates.filter((c) => !found.has(c.id) && editDistance(key, c.key.slice(0, key.length), allowed) <= allowed);
    const ids = close.map((c) => c.id);
    if (ids.length) add(await summariesByIds(db, ids), 'fuzzy');
  }
  const rank = { exact: 0, prefix: 1, fuzzy: 2 };
  return [...found.values()].sort((a, b) => rank[a.match] - rank[b.match] || b.population - a.population).slice(0, limit);
}

function pick(r: MunicipalitySummary): MunicipalitySummary {
  return {
    id: r.id,
    country: r.country,
    slug: r.slug,
    name: r.name,
    native_name: r.native_name,
    population: r.population,
    region_code: r.region_code,
    region_name: r.region_name,
    joined_at: r.joined_at,
    latitude: r.latitude,
    longitude: r.longitude,
  };
}

export const municipalityBySlug = findBySlug;

const places = new Remembered<Awaited<ReturnType<typeof findBySlug>>>(60_000, 5000);
/** A place by its address, kept like the lists (read-only: it is shared): the profile is the directory's busiest page. */
export const placeBySlug = (db: Kysely<Tables>, country: string, slug: string) =>
  places.get(db, `${country}/${slug}`, () => findBySlug(db, country, slug));

const NEARBY_CACHE = 5000;
const NEARBY_TTL_MS = 10 * 60_000;
type Neighbours = Map<string, { at: number; rows: Awaited<ReturnType<typeof closest>> }>;
/** Per database: a process may serve one database, tests open many. */
const nearbyCaches = new WeakMap<object, Neighbours>();

/**
 * The nearest places around a municipality, closest first, with their distance in km. Neighbours
 * hardly ever change, so each process keeps recent answers for ten minutes, by location.
 */
export async function nearby(db: Kysely<Tables>, m: { id: number; latitude: number | null; longitude: number | null }, limit = 8) {
  if (m.latitude === null || m.longitude === null) return [];
  const { latitude: lat, longitude: lon } = m;
  const key = `${m.id}:${lat}:${lon}:${limit}`;
  let nearbyCache = nearbyCaches.get(db);
  if (!nearbyCache) {
    nearbyCache = new Map();
    nearbyCaches.set(db, nearbyCache);
  }
  let hit = nearbyCache.get(key);
  if (!hit || Date.now() - hit.at > NEARBY_TTL_MS) {
    hit = { at: Date.now(), rows: await closest(db, lat, lon, 0.3, limit + 1) };
    if (nearbyCache.size >= NEARBY_CACHE) nearbyCache.delete(nearbyCache.keys().next().value!);
    nearbyCache.set(key, hit);
  }
  return hit.rows
    .filter((r) => r.id !== m.id)
    .slice(0, limit)
    .map((r) => {
      const dLat = ((r.latitude ?? lat) - lat) * 111.2;
      const dLon = ((r.longitude ?? lon) - lon) * 111.2 * Math.cos((lat * Math.PI) / 180);
      return { ...r, km: Math.sqrt(dLat * dLat + dLon * dLon) };
    });
}

/**
 * Counts, region lists and the joined towns change only with imports, proposals and joins: each
 * process keeps them a minute, and reads them again after any change (see core's Changes).
 */
const summaries = new Remembered<unknown>(60_000);
const remembered = <T>(db: Kysely<Tables>, key: string, load: () => Promise<T>) => summaries.get(db, key, load) as Promise<T>;

/** A name filter is the reader's own words: counted each time, so that strangers' words fill no cache. */
export const placesCount = (db: Kysely<Tables>, filter: ListFilter) =>
  filter.name
    ? countWhere(db, filter)
    : remembered(db, `count:${filter.country ?? ''}:${filter.region ?? ''}`, () => countWhere(db, filter));

/** The most places a map is given: enough for a country's towns, little enough for a phone to draw. */
export const MAP_LIMIT = 2000;

/** A place on a map: latitude, longitude, name and its address after /{lang}/municipalities/. */
export type MapPlace = [number, number, string, string];

/**
 * Compact, since a network or a country can have thousands of places: four decimals are about ten
 * metres, and places sorted by address compress a sixth smaller than in a list's order (neighbours
 * share their country and the leading digits of their coordinates). A map's order does not matter.
 */
export const mapPlaces = (points: MapPoint[]): MapPlace[] =>
  points
    .map(
      (p): MapPlace => [
        Math.round(p.latitude * 1e4) / 1e4,
        Math.round(p.longitude * 1e4) / 1e4,
        p.name,
        `${p.country.toLowerCase()}/${p.slug}`,
      ],
    )
    .sort((a, b) => (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0));

/** The places of a list on its map, in the list's order, at most MAP_LIMIT. */
export const placesOnMap = async (db: Kysely<Tables>, filter: ListFilter, sort: ListSort) =>
  mapPlaces(await mapPoints(db, filter, sort, MAP_LIMIT));

/** The towns that joined the portal, largest first, for the home page's map: few, and found by an index. */
// Joined first: the join-rank index then reads only the joined towns; by population it would read every place.
export const joinedPlaces = (db: Kysely<Tables>) =>
  remembered(db, 'joined', async () => mapPlaces(await mapPoints(db, { joined: true }, 'joined', MAP_LIMIT)));

/** The portal in three numbers, for the home page's invitation to join. */
export const factsOf = (db: Kysely<Tables>) => remembered(db, 'facts', () => portalFacts(db));

export const regionsList = (db: Kysely<Tables>, country: string) => remembered(db, `regions:${country}`, () => regionsOf(db, country));

export const municipalityById = findById;

/** Summaries of the given municipalities, by id: what other modules show of an owner. */
export async function municipalitiesByIds(db: Kysely<Tables>, ids: number[]): Promise<Map<number, MunicipalitySummary>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  return new Map((await summariesByIds(db, unique)).map((r) => [r.id, pick(r)]));
}

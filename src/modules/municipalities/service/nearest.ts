import * as geokdbush from 'geokdbush';
import KDBush from 'kdbush';
import { type Kysely, sql } from 'kysely';
import { Rebuilt } from '../../../core/cache.ts';
import type { Tables } from '../../../core/db/tables.ts';

/** A place of the directory as a point finder sees it. */
export interface Centre {
  id: number;
  country: string;
  slug: string;
  name: string;
  latitude: number;
  longitude: number;
  /** Whether the town has joined the portal. */
  joined: boolean;
}

interface Index {
  centres: Centre[];
  tree: KDBush;
}

async function build(db: Kysely<Tables>): Promise<Index> {
  const rows = await db
    .selectFrom('municipalities')
    .select([
      'id',
      'country',
      'slug',
      'name',
      'latitude',
      'longitude',
      sql<number>`case when joined_at is null then 0 else 1 end`.as('joined'),
    ])
    .where('latitude', 'is not', null)
    .where('longitude', 'is not', null)
    .execute();
  const centres = rows.map((r) => ({ ...r, latitude: r.latitude!, longitude: r.longitude!, joined: r.joined === 1 }));
  const tree = new KDBush(Math.max(1, centres.length));
  for (const c of centres) tree.add(c.longitude, c.latitude);
  tree.finish();
  return { centres, tree };
}

// Cheap beside reading every place again: the tree is built again only when the directory changed.
const indexes = new Rebuilt<Index>(async (db: Kysely<Tables>) => {
  const row = await db
    .selectFrom('municipalities')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('top'), eb.fn.max('updated_at').as('at')])
    .executeTakeFirstOrThrow();
  return `${row.n}:${row.top}:${row.at}`;
}, build);

/**
 * The place of the directory whose centre is nearest a point, in the given country if one is named,
 * within maxKm; undefined when none is. `skip` leaves out places the caller knows it is not in.
 */
export async function nearestCentre(
  db: Kysely<Tables>,
  point: { latitude: number; longitude: number },
  options: { country?: string; maxKm?: number; skip?: (id: number) => boolean } = {},
): Promise<(Centre & { km: number }) | undefined> {
  const { centres, tree } = await indexes.get(db);
  const { country, maxKm = 50, skip } = options;
  const [i] = geokdbush.around(tree, point.longitude, point.latitude, 1, maxKm, (j: number) => {
    const c = centres[j]!;
    return (!country || c.country === country) && !skip?.(c.id);
  });
  if (i === undefined) return undefined;
  const c = centres[i]!;
  return { ...c, km: geokdbush.distance(point.longitude, point.latitude, c.longitude, c.latitude) };
}

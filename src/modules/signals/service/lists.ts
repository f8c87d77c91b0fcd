import type { Kysely, SelectQueryBuilder } from 'kysely';
import { Remembered } from '../../../core/cache.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { type Encoded, encodeOnce } from '../../../core/http/compression.ts';
import { etagOf } from '../../../core/http/pagecache.ts';
import type { Translator } from '../../../core/i18n/catalog.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { OPEN_STATES, SIGNAL_STATES, type SignalState } from '../schema.ts';
import { categoryName, townCategories } from './categories.ts';

export const PAGE_SIZE = 20;
/** The newest reports a town's map shows; older ones are in the list. */
export const MAP_LIMIT = 2000;

/** Open or closed, as people ask, or one state exactly. */
export const STATE_FILTERS = ['open', 'closed', ...SIGNAL_STATES.filter((s) => s !== 'open')] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

export interface ListFilter {
  municipalityId: number;
  state?: StateFilter | undefined;
  category?: number | undefined;
}

export interface ListRow {
  id: number;
  category_id: number;
  state: SignalState;
  address: string | null;
  description: string;
  me_too: number;
  created_at: string;
}

/** A town's public reports, newest first, read through the signals_town index. */
function filtered<O>(qb: SelectQueryBuilder<Tables, 'signals', O>, f: ListFilter) {
  let q = qb.where('municipality_id', '=', f.municipalityId).where('confirmed', '=', 1).where('hidden', '=', 0);
  if (f.state === 'open') q = q.where('state', 'in', OPEN_STATES);
  else if (f.state === 'closed') q = q.where('state', 'not in', OPEN_STATES);
  else if (f.state) q = q.where('state', '=', f.state);
  if (f.category) q = q.where('category_id', '=', f.category);
  return q;
}

const filterKey = (f: ListFilter) => `${f.municipalityId}|${f.state ?? ''}|${f.category ?? ''}`;

const counts = new Remembered<number>(30_000, 5000);
const pages = new Remembered<ListRow[]>(30_000, 5000);
const maps = new Remembered<Encoded>(30_000, 2000);

/** How many reports the filter finds: kept, since every page of the list asks. */
export const countReports = (db: Kysely<Tables>, f: ListFilter) =>
  counts.get(db, filterKey(f), async () => {
    const row = await filtered(db.selectFrom('signals'), f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  });

/** One page of the list; the description cut short, as a card shows it. */
export const listReports = (db: Kysely<Tables>, f: ListFilter, page: number) =>
  pages.get(db, `${filterKey(f)}|${page}`, async () =>
    (
      await filtered(db.selectFrom('signals'), f)
        .select(['id', 'category_id', 'state', 'address', 'description', 'me_too', 'created_at'])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
        .execute()
    ).map((r) => ({ ...r, description: r.description.length > 200 ? `${r.description.slice(0, 199)}…` : r.description })),
  );

/**
 * The newest reports of the filter on a map as JSON, compact: `places` of [latitude, longitude,
 * category, id], four decimals (some ten metres) being plenty for a map. Some 80 kB for a busy town:
 * written and compressed once until the data changes.
 */
export const mapReports = (ctx: ModuleContext, t: Translator, lang: string, f: ListFilter) =>
  maps.get(ctx.database.db, `${filterKey(f)}|${lang}`, async () => {
    const { db } = ctx.database;
    const [rows, { all: categories }] = await Promise.all([
      filtered(db.selectFrom('signals'), f)
        .select(['id', 'category_id', 'latitude', 'longitude'])
        .orderBy('created_at', 'desc')
        .limit(MAP_LIMIT)
        .execute(),
      townCategories(ctx, f.municipalityId),
    ]);
    const names = new Map(categories.map((c) => [c.id, categoryName(t, c)]));
    const places = rows.map((r): [number, number, string, string] => [
      Math.round(r.latitude * 1e4) / 1e4,
      Math.round(r.longitude * 1e4) / 1e4,
      names.get(r.category_id) ?? '',
      String(r.id),
    ]);
    const body = Buffer.from(JSON.stringify({ places }));
    return encodeOnce(body, etagOf(body));
  });

/** A town's open public reports: what its profile says. */
export const openCount = (db: Kysely<Tables>, municipalityId: number) => countReports(db, { municipalityId, state: 'open' });

import { Remembered } from '../../../core/cache.ts';
import { type Encoded, encodeOnce } from '../../../core/http/compression.ts';
import { etagOf } from '../../../core/http/pagecache.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { type DescribedThing, describeScopes } from '../../../core/scopes.ts';
import { mapPlaces, municipalitiesByIds } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import { type Membership, PUBLIC_STATES } from '../schema.ts';

/** What a reader filters a member list by. */
export interface MemberQuery {
  country?: string | undefined;
  kind?: number | undefined;
  year?: number | undefined;
}

export interface MemberList {
  total: number;
  rows: { membership: Membership; member: DescribedThing | undefined }[];
  /** The countries the public members come from, for the filter. */
  countries: string[];
}

/** The most members a map shows: every member of the largest networks, and a bound for the rest. */
export const MAP_LIMIT = 20_000;

// A network's members change by the week and are read on every visit of its page and map: both are
// kept until the data changes (see Remembered), so a large network answers as fast as a small one.
const lists = new Remembered<MemberList>(60_000, 1000);
const maps = new Remembered<Encoded>(60_000, 200);
const counts = new Remembered<number>(60_000, 500);

const keyOf = (networkId: number, q: MemberQuery, more = '') => [networkId, q.country ?? '', q.kind ?? '', q.year ?? '', more].join('|');

/** One page of a network's public members, longest-standing first, with how many there are in all. */
export function publicMembers(ctx: ModuleContext, networkId: number, q: MemberQuery, page: number, size: number): Promise<MemberList> {
  const { db } = ctx.database;
  return lists.get(db, keyOf(networkId, q, String(page)), async () => {
    const filter = { states: PUBLIC_STATES, ...q };
    const [total, countries] = await Promise.all([
      repo.countMembers(db, networkId, filter),
      repo.memberCountries(db, networkId, PUBLIC_STATES),
    ]);
    const rows =
      total > (page - 1) * size ? ((await repo.membersPage(db, networkId, filter, (page - 1) * size, size)) as Membership[]) : [];
    const described = await describeScopes(
      ctx,
      rows.map((m) => ({ type: m.member_type, id: m.member_id })),
    );
    return {
      total,
      rows: rows.map((m) => ({ membership: m, member: described.get(`${m.member_type}:${m.member_id}`) })),
      countries: countries.flatMap((c) => (c.country ? [c.country] : [])),
    };
  });
}

/** How many public members a network has. */
export const publicCount = (ctx: ModuleContext, networkId: number) =>
  counts.get(ctx.database.db, String(networkId), () => repo.countMembers(ctx.database.db, networkId, { states: PUBLIC_STATES }));

/**
 * The map's data of a network's public member towns, as JSON: the directory's map places. For a
 * large network it is hundreds of kilobytes: hashed and compressed once.
 */
export function memberMap(ctx: ModuleContext, networkId: number, q: MemberQuery): Promise<Encoded> {
  const { db } = ctx.database;
  return maps.get(db, keyOf(networkId, q), async () => {
    const refs = await repo.memberIds(db, networkId, { states: PUBLIC_STATES, ...q }, MAP_LIMIT);
    const ids = refs.filter((r) => r.member_type === 'municipality').map((r) => r.member_id);
    // In parts: a database bounds the values one statement may carry.
    const parts = await Promise.all(
      Array.from({ length: Math.ceil(ids.length / 5000) }, (_, i) => municipalitiesByIds(db, ids.slice(i * 5000, (i + 1) * 5000))),
    );
    const places = mapPlaces(
      parts
        .flatMap((towns) => [...towns.values()])
        .flatMap((m) => (m.latitude === null || m.longitude === null ? [] : [{ ...m, latitude: m.latitude, longitude: m.longitude }])),
    );
    const body = Buffer.from(JSON.stringify({ places }));
    return encodeOnce(body, etagOf(body));
  });
}

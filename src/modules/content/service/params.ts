import { z } from 'zod';
import { idSchema } from '../../../core/http/input.ts';
import { countryParam, languageParam, lenient } from '../../../core/http/params.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { ContentFilter } from '../repo.ts';
import { CONTENT_TYPES, POLICY_AREAS } from '../schema.ts';
import { describeOwners, ownerKey } from './owners.ts';

export interface ListingParams {
  q: string;
  type: string;
  country: string;
  municipality: string;
  network: string;
  project: string;
  organisation: string;
  area: string;
  language: string;
  tag: string;
}

const trimmed = (max: number) => z.string().transform((v) => v.trim().slice(0, max));
const listingQuery = lenient({
  q: trimmed(200),
  type: z.enum(CONTENT_TYPES),
  country: countryParam,
  municipality: idSchema,
  network: idSchema,
  project: idSchema,
  organisation: idSchema,
  area: z.enum(POLICY_AREAS),
  language: languageParam,
  tag: trimmed(40).transform((v) => v.toLowerCase().replace(/,/g, '')),
  page: z.coerce
    .number()
    .int()
    .transform((n) => Math.min(500, Math.max(1, n))),
});

/** The filters of a listing's address. Values that are not valid are dropped, never an error page. */
export function readParams(query: unknown): { params: ListingParams; filter: ContentFilter; page: number } {
  const { q, type, country, municipality, network, project, organisation, area, language, tag, page } = listingQuery(query);
  const params = {
    q: q ?? '',
    type: type ?? '',
    country: country?.toLowerCase() ?? '',
    municipality: municipality ? String(municipality) : '',
    network: network ? String(network) : '',
    project: project ? String(project) : '',
    organisation: organisation ? String(organisation) : '',
    area: area ?? '',
    language: language ?? '',
    tag: tag ?? '',
  };
  const filter: ContentFilter = {
    ...(type ? { type } : {}),
    ...(country ? { country } : {}),
    ...(municipality ? { municipality } : {}),
    ...(network ? { network } : {}),
    ...(project ? { project } : {}),
    ...(organisation ? { organisation } : {}),
    ...(area ? { area } : {}),
    ...(language ? { language } : {}),
    ...(tag ? { tag } : {}),
  };
  return { params, filter, page: page ?? 1 };
}

/** The filters that narrow a listing to one owner, each named after the owner's scope. */
export const OWNER_PARAMS = ['municipality', 'network', 'project', 'organisation'] as const;
export type OwnerParam = (typeof OWNER_PARAMS)[number];

/** The owners a listing is narrowed to, named as their scopes describe them; an id that names nothing is left out. */
export async function filterOwners(ctx: ModuleContext, filter: ContentFilter): Promise<{ param: OwnerParam; name: string }[]> {
  const refs = OWNER_PARAMS.flatMap((param) => (filter[param] ? [{ owner_type: param, owner_id: filter[param] }] : []));
  if (!refs.length) return [];
  const found = await describeOwners(ctx, refs);
  return refs.flatMap((r) => {
    const thing = found.get(ownerKey(r));
    return thing ? [{ param: r.owner_type, name: thing.name }] : [];
  });
}

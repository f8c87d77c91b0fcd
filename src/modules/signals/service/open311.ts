import { Remembered } from '../../../core/cache.ts';
import { translator } from '../../../core/i18n/catalog.ts';
import { isLanguage, type LanguageCode } from '../../../core/i18n/languages.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { municipalityBySlug } from '../../municipalities/index.ts';
import * as open from '../repo/open311.ts';
import { isOpen, OPEN_STATES, SIGNAL_STATES } from '../schema.ts';
import { categoryDescription, categoryName, townCategories } from './categories.ts';
import { photoPath } from './photos.ts';
import { optionsOf } from './questions.ts';
import { reportPath } from './reports.ts';

/** The spec's default: a span of 90 days or the first 1,000 requests, whichever is smaller. */
export const REQUEST_WINDOW_DAYS = 90;
export const REQUEST_LIMIT = 1000;

/** A town as Open311 names it: `{country lowercase}/{slug}`. */
export interface Jurisdiction {
  id: number;
  country: string;
  slug: string;
  name: string;
}

export const jurisdictionId = (m: Pick<Jurisdiction, 'country' | 'slug'>) => `${m.country.toLowerCase()}/${m.slug}`;

const JURISDICTION = /^([a-z]{2})\/([a-z0-9-]{1,80})$/;
const towns = new Remembered<Jurisdiction | null>(10 * 60_000, 10_000, ['municipalities']);

/** The town a jurisdiction_id names, or null. */
export function jurisdictionOf(ctx: ModuleContext, value: string): Promise<Jurisdiction | null> {
  const m = JURISDICTION.exec(value.toLowerCase());
  if (!m) return Promise.resolve(null);
  const { db } = ctx.database;
  return towns.get(db, m[0], async () => {
    const row = await municipalityBySlug(db, m[1]!.toUpperCase(), m[2]!);
    return row ? { id: row.id, country: row.country, slug: row.slug, name: row.name } : null;
  });
}

/** The language names are given in: `locale` (e.g. "bg_BG") or `lang`, English otherwise. */
export function languageOf(query: Record<string, unknown>): LanguageCode {
  const asked = [query.locale, query.lang].find((v) => typeof v === 'string') as string | undefined;
  const code = asked?.slice(0, 2).toLowerCase();
  return isLanguage(code) ? code : 'en';
}

/** GeoReport v2 dates: ISO 8601 with the zone written out. */
export const isoDate = (at: string) => new Date(at).toISOString().replace(/\.\d{3}Z$/, '+00:00');

/** The town's services: its active categories. */
export async function services(ctx: ModuleContext, town: Jurisdiction, lang: LanguageCode) {
  const t = translator(lang);
  const { all, questions } = await townCategories(ctx, town.id);
  return all
    .filter((c) => c.active === 1)
    .map((c) => ({
      service_code: c.code,
      service_name: categoryName(t, c),
      description: categoryDescription(t, c),
      metadata: (questions.get(c.id)?.length ?? 0) > 0,
      type: 'realtime',
      keywords: [c.code, c.default_key].filter((k, i, all) => k && all.indexOf(k) === i).join(','),
      group: c.area ? t(`area.${c.area}`) : '',
    }));
}

/** A service's definition: its questions as attributes; undefined for no active service of that code. */
export async function serviceDefinition(ctx: ModuleContext, town: Jurisdiction, code: string) {
  const { all, questions } = await townCategories(ctx, town.id);
  const category = all.find((c) => c.code === code && c.active === 1);
  if (!category) return undefined;
  return {
    service_code: category.code,
    attributes: (questions.get(category.id) ?? []).map((q, i) => ({
      variable: true,
      code: q.code,
      datatype: q.kind,
      required: q.required === 1,
      datatype_description: q.description ?? '',
      order: i + 1,
      description: q.label,
      values: optionsOf(q).map((o) => ({ key: o.key, name: o.name })),
    })),
  };
}

/** What a client asks of the requests list, read already. */
export interface RequestQuery {
  ids?: number[];
  serviceCode?: string;
  from?: string;
  to?: string;
  status?: 'open' | 'closed';
}

/**
 * The public reports of a town the query names: the spec's default window and limit, newest first.
 * Ids, when given, override every other filter, as the spec says.
 */
export async function requests(ctx: ModuleContext, town: Jurisdiction, q: RequestQuery, lang: LanguageCode, now = new Date()) {
  const { db } = ctx.database;
  const filter = q.ids ? { municipalityId: town.id, ids: q.ids } : await filterOf(ctx, town, q, now);
  if (!filter) return [];
  return present(ctx, town, await open.publicRequests(db, filter, REQUEST_LIMIT), lang);
}

/** The filters of a query without ids; undefined when it names a service the town does not have. */
async function filterOf(ctx: ModuleContext, town: Jurisdiction, q: RequestQuery, now: Date): Promise<open.RequestFilter | undefined> {
  const filter: open.RequestFilter = { municipalityId: town.id };
  if (q.serviceCode !== undefined) {
    const c = (await townCategories(ctx, town.id)).all.find((x) => x.code === q.serviceCode);
    if (!c) return undefined;
    filter.categoryId = c.id;
  }
  // 90 days back from the end asked (or now), unless a start is given.
  filter.to = q.to ?? now.toISOString();
  filter.from = q.from ?? new Date(Date.parse(filter.to) - REQUEST_WINDOW_DAYS * 86_400_000).toISOString();
  if (q.status) filter.states = q.status === 'open' ? OPEN_STATES : SIGNAL_STATES.filter((s) => !isOpen(s));
  return filter;
}

/** One public report of the town, by id or token; undefined when there is none. */
export async function oneRequest(ctx: ModuleContext, town: Jurisdiction, by: { id: number } | { token: string }) {
  const row = await open.publicRequest(ctx.database.db, by);
  if (!row || row.municipality_id !== town.id) return undefined;
  return row;
}

/**
 * Reports as the spec shows them. Never who reported: no name, email or phone is read. Photos and
 * notes are read for all the rows at once.
 */
export async function present(ctx: ModuleContext, town: Jurisdiction, rows: open.PublicRequest[], lang: LanguageCode) {
  const { db } = ctx.database;
  const t = translator(lang);
  const ids = rows.map((r) => r.id);
  const [{ all }, photos, notes] = await Promise.all([townCategories(ctx, town.id), open.firstPhotos(db, ids), open.latestNotes(db, ids)]);
  const byId = new Map(all.map((c) => [c.id, c]));
  const { baseUrl } = ctx.config;
  return rows.map((r) => {
    const c = byId.get(r.category_id);
    const photo = photos.get(r.id);
    return {
      service_request_id: String(r.id),
      status: isOpen(r.state) ? 'open' : 'closed',
      status_notes: notes.get(r.id) ?? t(`signals.state.${r.state}`),
      service_name: c ? categoryName(t, c) : '',
      service_code: c?.code ?? '',
      description: r.description,
      agency_responsible: r.responsible ?? (c?.destination === 'email' && c.body_name ? c.body_name : town.name),
      service_notice: '',
      requested_datetime: isoDate(r.created_at),
      updated_datetime: isoDate(r.updated_at),
      expected_datetime: '',
      address: r.address ?? '',
      address_id: '',
      zipcode: '',
      lat: r.latitude,
      long: r.longitude,
      media_url: photo ? `${baseUrl}${photoPath(photo, 1200)}` : '',
      extended_attributes: { detailed_status: r.state, url: `${baseUrl}/${lang}${reportPath(r.id)}` },
    };
  });
}

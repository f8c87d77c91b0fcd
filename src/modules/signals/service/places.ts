import { Remembered } from '../../../core/cache.ts';
import { hasControl } from '../../../core/http/input.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { type MunicipalitySummary, municipalitiesByIds, municipalityById, municipalityBySlug } from '../../municipalities/index.ts';
import { placePoint } from './routing.ts';

/** A town as the reporting pages name it: "bg/stara-zagora", as in the town's address. */
export const townKey = (m: Pick<MunicipalitySummary, 'country' | 'slug'>) => `${m.country.toLowerCase()}/${m.slug}`;

const takers = new Remembered<MunicipalitySummary[]>(60_000, 10);

/** The towns that take reports (those with an active category), by name. */
export const townsTakingReports = (ctx: ModuleContext) =>
  takers.get(ctx.database.db, 'all', async () => {
    const { db } = ctx.database;
    const rows = await db.selectFrom('signal_categories').select('municipality_id').distinct().where('active', '=', 1).execute();
    const towns = await municipalitiesByIds(
      db,
      rows.map((r) => r.municipality_id),
    );
    return [...towns.values()].sort((a, b) => a.name.localeCompare(b.name));
  });

export const takesReports = async (ctx: ModuleContext, municipalityId: number) =>
  (await townsTakingReports(ctx)).some((m) => m.id === municipalityId);

const towns = new Remembered<MunicipalitySummary | null>(60_000, 5000);

/** The town a key names ("bg/stara-zagora"), or undefined. */
export async function townOfKey(ctx: ModuleContext, key: string): Promise<MunicipalitySummary | undefined> {
  const m = /^([a-z]{2})\/([a-z0-9-]{1,200})$/.exec(key);
  if (!m) return undefined;
  const found = await towns.get(
    ctx.database.db,
    key,
    async () => (await municipalityBySlug(ctx.database.db, m[1]!.toUpperCase(), m[2]!)) ?? null,
  );
  return found ?? undefined;
}

/** Where a report is: its town, its point, and the address as typed. */
export interface Place {
  town: MunicipalitySummary;
  latitude: number;
  longitude: number;
  address: string | null;
  /** Whether the person gave the point (on the map, or their location), rather than the town's centre standing for it. */
  exact: boolean;
}

/** The place fields of the report form, as typed. */
export interface PlaceValues {
  town?: string;
  address?: string;
  latitude?: string;
  longitude?: string;
}

export const ADDRESS_LIMIT = 200;
const COORDINATE = /^-?\d{1,3}(\.\d{1,12})?$/;

function coordinate(value: string | undefined, max: number): number | null | undefined {
  const v = value?.trim() ?? '';
  if (v === '') return null;
  return COORDINATE.test(v) && Math.abs(Number(v)) <= max ? Number(v) : undefined;
}

/**
 * Where the report is. A point (clicked on the map, or the person's location) is placed in the
 * town whose area holds it, which must take reports; without one, the chosen town's centre is
 * taken and the typed address says where. The place, or what is wrong with the fields.
 */
export async function readPlace(
  ctx: ModuleContext,
  values: PlaceValues,
): Promise<{ ok: true; place: Place } | { ok: false; errors: FieldErrors }> {
  const errors: FieldErrors = {};
  const address = (values.address ?? '').trim();
  if (address.length > ADDRESS_LIMIT) errors.address = { key: 'form.error.tooLong', values: { max: ADDRESS_LIMIT } };
  if (hasControl(address)) errors.address = { key: 'form.error.characters' };
  const latitude = coordinate(values.latitude, 90);
  const longitude = coordinate(values.longitude, 180);
  if (latitude === undefined) errors.latitude = { key: 'form.error.latitude' };
  if (longitude === undefined) errors.longitude = { key: 'form.error.longitude' };
  if ((latitude === null) !== (longitude === null) && latitude !== undefined && longitude !== undefined)
    errors[latitude === null ? 'latitude' : 'longitude'] = { key: 'signals.report.error.point' };
  const chosen = values.town ? await townOfKey(ctx, values.town) : undefined;
  if (Object.keys(errors).length) return { ok: false, errors };

  if (latitude === null || longitude === null || latitude === undefined || longitude === undefined) {
    if (!chosen || !(await takesReports(ctx, chosen.id)) || chosen.latitude === null || chosen.longitude === null)
      return { ok: false, errors: { town: { key: 'form.error.choose' } } };
    if (!address) return { ok: false, errors: { address: { key: 'signals.report.error.address' } } };
    return { ok: true, place: { town: chosen, latitude: chosen.latitude, longitude: chosen.longitude, address, exact: false } };
  }
  const placed = await placePoint(ctx.database.db, { latitude, longitude }, chosen?.country);
  const town = placed && (await municipalityById(ctx.database.db, placed.municipalityId));
  if (!town) return { ok: false, errors: { latitude: { key: 'signals.report.error.nowhere' } } };
  if (!(await takesReports(ctx, town.id)))
    return { ok: false, errors: { latitude: { key: 'signals.report.error.notTaking', values: { town: town.name } } } };
  return { ok: true, place: { town, latitude, longitude, address: address || null, exact: true } };
}

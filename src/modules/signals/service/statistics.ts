import { Remembered } from '../../../core/cache.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import * as open from '../repo/open311.ts';

export const STATISTICS_MONTHS = 12;

export interface TownStatistics {
  /** The first day counted (UTC), the first of the month eleven months back. */
  since: string;
  /** Each of the last twelve months, oldest first, with none left out. */
  months: { month: string; reports: number; fixed: number }[];
  byCategory: { categoryId: number; reports: number; fixed: number }[];
  reports: number;
  fixed: number;
  medianDaysToFix: number | null;
}

/** The first day of the month `back` months before `now`'s, as YYYY-MM. */
const monthBefore = (now: Date, back: number) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);

async function compute(ctx: ModuleContext, municipalityId: number, now: Date): Promise<TownStatistics> {
  const { db } = ctx.database;
  const first = monthBefore(now, STATISTICS_MONTHS - 1);
  const since = `${first}-01T00:00:00.000Z`;
  const [months, byCategory, median] = await Promise.all([
    open.countsByMonth(db, municipalityId, since),
    open.countsByCategory(db, municipalityId, since),
    open.medianDaysToFix(db, municipalityId, since),
  ]);
  const counted = new Map(months.map((m) => [m.month, m]));
  const all = Array.from({ length: STATISTICS_MONTHS }, (_, i) => {
    const month = monthBefore(now, STATISTICS_MONTHS - 1 - i);
    const m = counted.get(month);
    return { month, reports: Number(m?.reports ?? 0), fixed: Number(m?.fixed ?? 0) };
  });
  return {
    since,
    months: all,
    byCategory: byCategory
      .map((c) => ({ categoryId: c.category_id, reports: Number(c.reports), fixed: Number(c.fixed ?? 0) }))
      .sort((a, b) => b.reports - a.reports),
    reports: all.reduce((n, m) => n + m.reports, 0),
    fixed: all.reduce((n, m) => n + m.fixed, 0),
    medianDaysToFix: median === null ? null : Math.round(median * 10) / 10,
  };
}

// Counted again after any change to the data, and at least every ten minutes (the months move on).
const kept = new Remembered<TownStatistics>(10 * 60_000, 2000);

/** A town's figures of the last twelve months: reports by month and category, how many fixed, how fast. */
export const townStatistics = (ctx: ModuleContext, municipalityId: number, now = new Date()) =>
  kept.get(ctx.database.db, `${municipalityId}:${monthBefore(now, 0)}`, () => compute(ctx, municipalityId, now));

import { DateTime } from 'luxon';
import type { ItemSpec } from '../service/editing.ts';
import { instantIn } from '../service/times.ts';

/**
 * Dates relative to the moment the demo is seeded, so that a portal started on any day has
 * recent news, upcoming events and open initiatives.
 */
export interface When {
  /** A publication time some days (and hours) ago. */
  ago(days: number, hours?: number): string;
  /**
   * A local time in a zone, some days from now (negative: in the past), as the instant events
   * store; moved on (or back, in the past) to the next day that suits when `on` is given.
   */
  at(days: number, time: string, zone: string, on?: Weekdays): string;
  /** The start of a local day some days from now, as all-day events store it. */
  day(days: number, zone: string, on?: Weekdays): string;
  /** A date some days from now, YYYY-MM-DD, for deadlines. */
  date(days: number): string;
}

/** Evening meetings fall on working days, family outings on Saturdays; neither over Christmas and New Year. */
export type Weekdays = 'workday' | 'saturday';

const suits = (day: DateTime, on: Weekdays) =>
  !((day.month === 12 && day.day >= 24) || (day.month === 1 && day.day === 1)) &&
  (on === 'saturday' ? day.weekday === 6 : day.weekday <= 5);

export function when(now = new Date()): When {
  const base = DateTime.fromJSDate(now);
  const localDay = (days: number, zone: string, on?: Weekdays) => {
    let day = base.setZone(zone).plus({ days });
    while (on && !suits(day, on)) day = day.plus({ days: days < 0 ? -1 : 1 });
    return day.toISODate()!;
  };
  return {
    ago: (days, hours = 0) => base.minus({ days, hours }).toUTC().toISO()!,
    at: (days, time, zone, on) => instantIn(`${localDay(days, zone, on)}T${time}`, zone)!,
    day: (days, zone, on) => instantIn(localDay(days, zone, on), zone)!,
    date: (days) => localDay(days, 'Europe/Brussels'),
  };
}

/** Where the owning town lies, from the directory; events without a venue of their own use it. */
export interface Here {
  latitude?: number;
  longitude?: number;
}

export type DemoSpec = Omit<ItemSpec, 'owner'>;

export interface DemoItem {
  /** The owner as "BG/stara-zagora" (country and directory slug); none for the platform. */
  town?: string;
  /** Or a network of the demo, by its slug: added with the network (see `demoNetworkContent`). */
  network?: string;
  build(w: When, here: Here): DemoSpec;
}

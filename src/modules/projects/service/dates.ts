import { DateTime } from 'luxon';

/** An instant as the call's zone shows it, for a datetime-local field: 2027-03-14T17:00. */
export const localInput = (instant: string, zone: string) =>
  DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm");

/** A datetime-local value read in a zone, as a UTC instant; undefined when it is no real time there. */
export function instantIn(local: string, zone: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return undefined;
  const d = DateTime.fromISO(local, { zone });
  // A time skipped when clocks go forward is moved by luxon; such a time is refused rather than shifted.
  if (!d.isValid || d.toFormat("yyyy-MM-dd'T'HH:mm") !== local) return undefined;
  return d
    .toUTC()
    .toISO({ suppressMilliseconds: false })!
    .replace(/\+00:00$/, 'Z');
}

/** The parts of a deadline in the reader's language and the call's zone: date, time and the zone's name. */
export function zonedParts(instant: string, zone: string, lang: string): { date: string; time: string; zone: string } {
  const at = new Date(instant);
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: zone }).format(at);
  const time = new Intl.DateTimeFormat(lang, { timeStyle: 'short', timeZone: zone }).format(at);
  const name =
    new Intl.DateTimeFormat(lang, { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(at).find((p) => p.type === 'timeZoneName')
      ?.value ?? zone;
  return { date, time, zone: name };
}

/** Whole days left until an instant, counting a part of a day as a day; 0 when it is past. */
export const daysUntil = (instant: string, now = new Date()) => Math.max(0, Math.ceil((Date.parse(instant) - now.getTime()) / 86_400_000));

import { DateTime } from 'luxon';

/** A local date and time in a zone, as an ISO instant in UTC; undefined when it is not one. */
export function instantIn(local: string, zone: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/.test(local)) return undefined;
  const dt = DateTime.fromISO(local, { zone });
  return dt.isValid ? dt.toUTC().toISO({ suppressMilliseconds: false })! : undefined;
}

/** An instant shown as the local date and time of a zone, as a datetime-local field holds it. */
export function localIn(instant: string | null, zone: string | null, dateOnly = false): string {
  if (!instant) return '';
  const dt = DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone ?? 'UTC');
  return dateOnly ? dt.toISODate()! : dt.toFormat("yyyy-MM-dd'T'HH:mm");
}

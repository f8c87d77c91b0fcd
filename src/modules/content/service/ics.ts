import ical from 'ical-generator';
import { DateTime } from 'luxon';
import { itemPath } from './paths.ts';
import type { Card } from './read.ts';

/** All-day events are dates in the event's zone; iCalendar takes them as floating dates. */
function day(instant: string, zone: string | null) {
  const local = DateTime.fromISO(instant, { zone: 'utc' })
    .setZone(zone ?? 'UTC')
    .toISODate()!;
  return DateTime.fromISO(local, { zone: 'utc' });
}

/** An iCalendar file of events (RFC 5545), times in UTC so every calendar shows them right. */
export function calendarOf(cards: Card[], options: { name: string; baseUrl: string; lang: string; siteName: string }): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: options.siteName, product: 'Municipium', language: options.lang.toUpperCase() },
  });
  for (const { item, text, owner } of cards) {
    if (item.type !== 'event' || !item.starts_at) continue;
    const url = `${options.baseUrl}/${options.lang}${itemPath(item)}`;
    const allDay = item.all_day === 1;
    const start = allDay ? day(item.starts_at, item.time_zone) : new Date(item.starts_at);
    // An all-day event ends the day after its last day; one without an end lasts an hour.
    const end = allDay
      ? day(item.ends_at ?? item.starts_at, item.time_zone).plus({ days: 1 })
      : new Date(item.ends_at ?? new Date(Date.parse(item.starts_at) + 3_600_000).toISOString());
    const place = [item.venue_name, item.venue_address].filter(Boolean).join(', ');
    calendar.createEvent({
      id: `${item.id}@${new URL(options.baseUrl).host}`,
      start,
      end,
      allDay,
      summary: text.title,
      description: [text.summary, item.organiser ?? owner?.name, url].filter(Boolean).join('\n\n'),
      url,
      location: place
        ? {
            title: item.venue_name ?? place,
            address: item.venue_address ?? undefined,
            ...(item.latitude !== null && item.longitude !== null ? { geo: { lat: item.latitude, lon: item.longitude } } : {}),
          }
        : (item.online_url ?? undefined),
      stamp: new Date(item.updated_at),
      lastModified: new Date(item.updated_at),
    });
  }
  return calendar.toString();
}

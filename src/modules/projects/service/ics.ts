import ical from 'ical-generator';
import type { CallView } from '../schema.ts';

/**
 * An iCalendar file (RFC 5545) with each call's deadline as an event of its own. The instant is in
 * UTC, which every calendar reads right without a VTIMEZONE block (ical-generator writes none of
 * its own); the description says the deadline on the call's own clock.
 */
export function deadlinesCalendar(
  calls: CallView[],
  options: { name: string; baseUrl: string; lang: string; siteName: string; deadline: (c: CallView) => string },
): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: options.siteName, product: 'Municipium', language: options.lang.toUpperCase() },
  });
  for (const c of calls) {
    const url = `${options.baseUrl}/${options.lang}/calls/${c.id}`;
    const deadline = new Date(c.deadline_at);
    calendar.createEvent({
      id: `funding-call-${c.id}@${new URL(options.baseUrl).host}`,
      start: deadline,
      end: deadline,
      summary: `${c.programme.acronym}: ${c.title} (${c.reference})`,
      description: [options.deadline(c), c.summary, url].filter(Boolean).join('\n\n'),
      url,
      stamp: new Date(c.updated_at),
      lastModified: new Date(c.updated_at),
    });
  }
  return calendar.toString();
}

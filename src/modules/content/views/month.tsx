import { DateTime } from 'luxon';
import { useHref, usePage } from '../../../core/views/context.ts';
import { itemPath } from '../service/paths.ts';
import type { Card } from '../service/read.ts';
import { formatMonth } from './dates.ts';
import { type ListingView, queryOf } from './listing.tsx';

/** Days of the month, Monday first, as weeks; null pads the first and last week. */
function weeksOf(year: number, month: number): (number | null)[][] {
  const first = DateTime.utc(year, month, 1);
  const cells: (number | null)[] = [...Array(first.weekday - 1).fill(null), ...Array.from({ length: first.daysInMonth! }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

export function MonthPage({ view, year, month, cards }: { view: ListingView; year: number; month: number; cards: Card[] }) {
  const { t, lang } = usePage();
  const href = useHref();
  const start = DateTime.utc(year, month, 1);
  const shift = (n: number) => start.plus({ months: n }).toFormat('yyyy-MM');
  const monthLink = (m: string) => href(`${view.base}${queryOf(view.params, 1, { view: 'month', month: m })}`);
  // Each event on every day it covers, in its own time zone.
  const byDay = new Map<number, Card[]>();
  for (const card of cards) {
    const zone = card.item.time_zone ?? 'UTC';
    const from = DateTime.fromISO(card.item.starts_at!, { zone: 'utc' }).setZone(zone).startOf('day');
    const to = DateTime.fromISO(card.item.ends_at ?? card.item.starts_at!, { zone: 'utc' })
      .setZone(zone)
      .startOf('day');
    for (let d = from; d <= to && d.diff(from, 'days').days < 62; d = d.plus({ days: 1 })) {
      if (d.year === year && d.month === month) byDay.set(d.day, [...(byDay.get(d.day) ?? []), card]);
    }
  }
  const weekdays = Array.from({ length: 7 }, (_, i) => DateTime.utc(2024, 1, 1 + i).setLocale(lang));
  return (
    <>
      <h1>{view.heading}</h1>
      <p class="form-links">
        <a href={href(`${view.base}${queryOf(view.params)}`)}>{t('content.listView')}</a>
        {view.calendar && <a href={view.calendar.ics}>{t('content.calendarFeed')}</a>}
      </p>
      <nav class="pagination" aria-label={t('content.months')}>
        <a href={monthLink(shift(-1))} rel="prev">
          {t('content.previousMonth')}
        </a>
        <a href={monthLink(shift(1))} rel="next">
          {t('content.nextMonth')}
        </a>
      </nav>
      <div class="table-wrap">
        <table class="table calendar">
          <caption>{formatMonth(lang, year, month)}</caption>
          <thead>
            <tr>
              {weekdays.map((d) => (
                <th key={d.weekday} scope="col">
                  <abbr title={d.toFormat('cccc')}>{d.toFormat('ccc')}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeksOf(year, month).map((week, w) => (
              <tr key={w}>
                {week.map((day, i) => (
                  <td key={i}>
                    {day && (
                      <>
                        <span class="calendar-day">{day}</span>
                        {(byDay.get(day) ?? []).length > 0 && (
                          <ul>
                            {byDay.get(day)!.map((c) => (
                              <li key={c.item.id}>
                                <a href={href(itemPath(c.item))} lang={c.inLanguage ? undefined : c.text.language}>
                                  {c.text.title}
                                </a>
                              </li>
                            ))}
                          </ul>
                        )}
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cards.length === 0 && <p>{t('content.noEventsMonth')}</p>}
    </>
  );
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: string, zone: string, kind: 'day' | 'time' | 'month'): Intl.DateTimeFormat {
  const id = `${lang}|${zone}|${kind}`;
  let f = formats.get(id);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'day'
        ? { dateStyle: 'full', timeZone: zone }
        : kind === 'month'
          ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
          : {
              year: 'numeric',
              month: 'long',
              day: 'numeric',
              hour: '2-digit',
              minute: '2-digit',
              timeZone: zone,
              timeZoneName: 'short',
            };
    f = new Intl.DateTimeFormat(lang, options);
    formats.set(id, f);
  }
  return f;
}

/** A time as people read it, in the zone where it happens (an event's) or the portal's. */
export function formatWhen(lang: string, instant: string, zone: string | null, allDay = false): string {
  return formatter(lang, zone ?? 'Europe/Brussels', allDay ? 'day' : 'time').format(new Date(instant));
}

const spans = new Map<string, string>();

/** An event's span: start, and end when there is one. Spans are kept: formatting one is slow. */
export function formatSpan(
  lang: string,
  item: { starts_at: string | null; ends_at: string | null; time_zone: string | null; all_day: number },
): string {
  if (!item.starts_at) return '';
  const id = `${lang}|${item.starts_at}|${item.ends_at}|${item.time_zone}|${item.all_day}`;
  let text = spans.get(id);
  if (text === undefined) {
    if (spans.size >= 10_000) spans.clear();
    text = spanOf(lang, item);
    spans.set(id, text);
  }
  return text;
}

function spanOf(
  lang: string,
  item: { starts_at: string | null; ends_at: string | null; time_zone: string | null; all_day: number },
): string {
  if (!item.starts_at) return '';
  const allDay = item.all_day === 1;
  if (!item.ends_at || item.ends_at === item.starts_at) return formatWhen(lang, item.starts_at, item.time_zone, allDay);
  // formatRange writes a span as each language does, leaving out what start and end share.
  return formatter(lang, item.time_zone ?? 'Europe/Brussels', allDay ? 'day' : 'time').formatRange(
    new Date(item.starts_at),
    new Date(item.ends_at),
  );
}

export function formatMonth(lang: string, year: number, month: number): string {
  return formatter(lang, 'UTC', 'month').format(new Date(Date.UTC(year, month - 1, 1)));
}

const dates = new Map<string, string>();

/** A published date, short. Dates are kept like spans: each card shows one. */
export function formatDate(lang: string, instant: string): string {
  const id = `${lang}|${instant}`;
  let text = dates.get(id);
  if (text === undefined) {
    const formatId = `${lang}|date`;
    let f = formats.get(formatId);
    if (!f) {
      f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'Europe/Brussels' });
      formats.set(formatId, f);
    }
    if (dates.size >= 10_000) dates.clear();
    text = f.format(new Date(instant));
    dates.set(id, text);
  }
  return text;
}

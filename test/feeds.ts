import { parseFeed } from '@rowanmanning/feed-parser';
import { Parser } from 'htmlparser2';
import ICAL from 'ical.js';

export interface Link {
  href: string;
  /** The type a <link> names; empty for an <a>. */
  type: string;
  /** A <link>'s title, an <a>'s text. */
  text: string;
}

/** The feeds a page links in its head, as <link rel="alternate" type=…>, in their order (language versions aside). */
export function feedLinks(html: string): Link[] {
  const found: Link[] = [];
  let head = false;
  const parser = new Parser({
    onopentag(name, a) {
      if (name === 'head') head = true;
      if (head && name === 'link' && a.rel === 'alternate' && a.type) found.push({ href: a.href ?? '', type: a.type, text: a.title ?? '' });
    },
    onclosetag(name) {
      if (name === 'head') head = false;
    },
  });
  parser.end(html);
  return found;
}

/** The links a reader sees in the page's main part, with their text. */
export function visibleLinks(html: string): Link[] {
  const found: Link[] = [];
  let main = false;
  let open: Link | undefined;
  const parser = new Parser({
    onopentag(name, a) {
      if (name === 'main') main = true;
      if (main && name === 'a') open = { href: a.href ?? '', type: '', text: '' };
    },
    ontext(text) {
      if (open) open.text += text;
    },
    onclosetag(name) {
      if (name === 'main') main = false;
      if (name === 'a' && open) {
        found.push(open);
        open = undefined;
      }
    },
  });
  parser.end(html);
  return found;
}

/** The content type each kind of feed link answers with. */
export const FEED_ANSWERS: Record<string, RegExp> = {
  'application/rss+xml': /^application\/rss\+xml; charset=utf-8$/,
  'application/atom+xml': /^application\/atom\+xml; charset=utf-8$/,
  'text/calendar': /^text\/calendar; charset=utf-8$/,
};

/** The titles of a feed's entries (RSS, Atom) or a calendar's events, read by real parsers. */
export function entriesOf(type: string, body: string): string[] {
  if (type === 'text/calendar') {
    return new ICAL.Component(ICAL.parse(body)).getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('summary')));
  }
  return parseFeed(body).items.map((i) => i.title ?? '');
}

/** A coming event, as the newsroom form takes it, for pages that list a town's events. */
export const EVENT = {
  type: 'event',
  language: 'en',
  title: 'Rose festival parade',
  summary: 'Floats and music through the centre.',
  body: 'The parade starts at the town hall.',
  areas: 'culture',
  starts_at: '2099-06-01T10:00',
  ends_at: '2099-06-01T13:00',
  time_zone: 'Europe/Sofia',
  venue_name: 'Town hall',
  venue_address: 'bul. Ruski 33, Stara Zagora',
};

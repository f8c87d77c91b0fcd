import type { NavEntry } from '../modules.ts';
import { attr, escapeHtml } from './escape.ts';

/** One item of the main navigation, written once per language: as it reads on most pages, and on each page it names. */
export interface NavItem {
  plain: string;
  current: Map<string, string>;
}

/**
 * The main navigation's items in order. Entries of one group open from a single item (a native
 * disclosure, so it works without JavaScript) placed where the group's first entry would be:
 * a dozen sections in one row would wrap at common laptop widths and in longer languages.
 */
export function mainNav(entries: NavEntry[], t: (key: string) => string, href: (path: string) => string): NavItem[] {
  const shown = entries.filter((e) => !e.footer);
  const items: NavItem[] = [];
  const placed = new Set<string>();
  for (const entry of shown) {
    if (!entry.group) items.push(linkItem(entry, t, href));
    else if (!placed.has(entry.group)) {
      placed.add(entry.group);
      const members = shown.filter((e) => e.group === entry.group);
      items.push(groupItem(t(entry.group), members, t, href));
    }
  }
  return items;
}

function linkItem(entry: NavEntry, t: (key: string) => string, href: (path: string) => string): NavItem {
  const start = `<li><a${attr('href', href(entry.path))}`;
  const end = `>${escapeHtml(t(entry.label))}</a></li>`;
  return { plain: start + end, current: new Map([[entry.path, `${start} aria-current="page"${end}`]]) };
}

function groupItem(label: string, members: NavEntry[], t: (key: string) => string, href: (path: string) => string): NavItem {
  const links = members.map((m) => linkItem(m, t, href));
  const wrap = (inner: string, here: boolean) =>
    `<li class="nav-group"><details><summary${here ? ' class="here"' : ''}>${escapeHtml(label)}</summary><ul>${inner}</ul></details></li>`;
  const current = new Map<string, string>();
  for (const [i, m] of members.entries()) {
    const inner = links.map((l, j) => (j === i ? l.current.get(m.path)! : l.plain)).join('');
    current.set(m.path, wrap(inner, true));
  }
  return { plain: wrap(links.map((l) => l.plain).join(''), false), current };
}

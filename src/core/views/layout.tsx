import type { ComponentChildren, ComponentType } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../i18n/catalog.ts';
import { LANGUAGE_CODES, LANGUAGES, type LanguageCode } from '../i18n/languages.ts';
import type { NavEntry } from '../modules.ts';
import { SearchForm } from './components.tsx';
import { attr, escapeHtml } from './escape.ts';
import { mainNav, type NavItem } from './main-nav.ts';

export { escapeHtml };

import { type PageContext, PageContextValue } from './context.ts';

export interface LayoutProps {
  title: string;
  description?: string;
  /** False for pages that exist in one language only or must not be indexed (errors). */
  indexable?: boolean;
  /**
   * Feeds of this page, linked with <link rel="alternate">: RSS and Atom (see feedPath) and, for
   * events, an iCalendar feed; each entry names the addresses it has.
   */
  feeds?: { title: string; rss?: string; atom?: string; ics?: string }[];
  /**
   * For content that exists in some languages only: hreflang names those, and a page in another
   * language (showing the original with a notice) names the original as canonical.
   */
  versions?: { languages: string[]; original: string };
  /** More elements for <head>: Open Graph, structured data. */
  head?: ComponentChildren;
  /** Stylesheets and deferred scripts under /static/ that this page needs besides the portal's own. */
  styles?: string[];
  scripts?: string[];
  children: ComponentChildren;
}

/** What is the same on every page of one portal. */
export interface Site {
  siteName: string;
  baseUrl: string;
  nav: NavEntry[];
  assetVersion: string;
  headerSlots: ComponentType[];
}

/** The logo never changes: rendered to markup once, not on every page. */
const LOGO_SVG = renderToString(
  <svg class="logo" viewBox="0 0 40 40" width="40" height="40" aria-hidden="true" focusable="false">
    <circle cx="20" cy="20" r="19" class="logo-disc" />
    {Array.from({ length: 12 }, (_, i) => {
      const a = (i * Math.PI) / 6;
      return <circle key={i} cx={(20 + 12 * Math.sin(a)).toFixed(2)} cy={(20 - 12 * Math.cos(a)).toFixed(2)} r="2.2" class="logo-star" />;
    })}
    <path d="M14 27V16l6 6 6-6v11" class="logo-m" />
  </svg>,
);

/** A message with one value, formatted once: the text around the value, or undefined when it is not that simple. */
function around(lang: LanguageCode, key: string, name: string): [string, string] | undefined {
  const marker = '\u0001';
  const parts = translator(lang)(key, { [name]: marker }).split(marker);
  return parts.length === 2 ? [escapeHtml(parts[0]!), escapeHtml(parts[1]!)] : undefined;
}

/** The parts of the layout that depend on the language alone, as markup. */
interface LanguageParts {
  /** The portal's description, for pages without one of their own. */
  tagline: string;
  /** From the portal's scripts to the search form in the header. */
  headerStart: string;
  switcherStart: string;
  /** Per language: the start of its link (before the path) and the rest (after it). */
  switcherLinks: [string, string][];
  navStart: string;
  /** Per main-nav entry: its path, and its link with and without aria-current. */
  navLinks: NavItem[];
  footerStart: string;
  pageAddress: [string, string] | undefined;
}

function languageParts(site: Site, lang: LanguageCode): LanguageParts {
  const t = translator(lang);
  const v = site.assetVersion;
  const href = (path: string) => `/${lang}${path.startsWith('/') ? path : `/${path}`}`;
  const context: PageContext = { ...site, lang, t, path: '/', actor: null };
  const searchForm = renderToString(
    <PageContextValue.Provider value={context}>
      <SearchForm id="site-search" landmark />
    </PageContextValue.Provider>,
  );
  const link = (path: string, label: string) => `<li><a${attr('href', href(path))}>${escapeHtml(label)}</a></li>`;
  const footerLinks = [
    link('/accessibility', t('footer.accessibility')),
    link('/privacy', t('footer.privacy')),
    link('/terms', t('footer.terms')),
    link('/contact', t('footer.contact')),
    link('/about', t('footer.about')),
    ...site.nav.filter((item) => item.footer).map((item) => link(item.path, t(item.label))),
  ];
  const tagline = t('footer.tagline', { siteName: site.siteName });
  return {
    tagline,
    headerStart:
      `<script src="/static/suggest.js?v=${v}" defer></script><link rel="stylesheet" href="/static/app.css?v=${v}"/>` +
      `<link rel="icon" href="/static/favicon.svg?v=${v}" type="image/svg+xml"/></head><body>` +
      `<a class="skip-link" href="#main">${escapeHtml(t('layout.skipToContent'))}</a>` +
      `<header class="site-header"><div class="wrap header-bar"><a class="brand"${attr('href', href('/'))}>` +
      `<span class="logo-wrap">${LOGO_SVG}</span><span>${escapeHtml(site.siteName)}</span></a>${searchForm}`,
    switcherStart:
      `<details class="lang-switcher"><summary><span class="visually-hidden">${escapeHtml(t('layout.language'))}: </span>` +
      `<span lang="${lang}">${escapeHtml(LANGUAGES[lang])}</span></summary>` +
      `<nav${attr('aria-label', t('layout.chooseLanguage'))}><ul>`,
    switcherLinks: LANGUAGE_CODES.map((code) => [
      `<li><a href="/${code}`,
      `" hreflang="${code}" lang="${code}"${code === lang ? ' aria-current="true"' : ''}>${escapeHtml(LANGUAGES[code])}</a></li>`,
    ]),
    navStart: `<nav class="main-nav"${attr('aria-label', t('layout.mainNav'))}><ul class="wrap">`,
    navLinks: mainNav(site.nav, t, href),
    footerStart:
      `<footer class="site-footer"><div class="wrap"><nav${attr('aria-label', t('layout.footerNav'))}><ul>${footerLinks.join('')}</ul></nav>` +
      `<p>${escapeHtml(tagline)}</p>`,
    pageAddress: around(lang, 'footer.pageAddress', 'url'),
  };
}

/**
 * Renders whole HTML documents for one portal. The page's own parts (its body, the extra head,
 * the header's account area) are rendered by Preact; the frame around them is the same for every
 * page in a language but for the page's address, so it is written from markup kept per language.
 */
export function layoutRenderer(site: Site): (ctx: PageContext, options: LayoutProps) => string {
  const parts = new Map<LanguageCode, LanguageParts>();
  const baseUrl = escapeHtml(site.baseUrl);
  const inContext = (ctx: PageContext, children: ComponentChildren) =>
    renderToString(<PageContextValue.Provider value={ctx}>{children}</PageContextValue.Provider>);

  return (ctx, { title, description, indexable = true, feeds = [], versions, head, styles = [], scripts = [], children }) => {
    const { lang, path } = ctx;
    let p = parts.get(lang);
    if (!p) {
      p = languageParts(site, lang);
      parts.set(lang, p);
    }
    const pathOnly = path.split('?')[0] ?? '/';
    const at = escapeHtml(pathOnly);
    const main = inContext(ctx, children);
    let html =
      `<!doctype html><html lang="${lang}" dir="ltr"><head><meta charset="utf-8"/>` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"/>` +
      `<title>${escapeHtml(`${title} – ${site.siteName}`)}</title>` +
      `<meta name="description"${attr('content', description ?? p.tagline)}/>`;
    if (indexable) {
      const canonical = versions && !versions.languages.includes(lang) ? versions.original : lang;
      html += `<link rel="canonical" href="${baseUrl}/${escapeHtml(canonical)}${at}"/>`;
      for (const code of versions?.languages ?? LANGUAGE_CODES) {
        const c = escapeHtml(code);
        html += `<link rel="alternate"${attr('hreflang', code)} href="${baseUrl}/${c}${at}"/>`;
      }
      const fallback = versions ? `${baseUrl}/${escapeHtml(versions.original)}${at}` : `${baseUrl}/`;
      html += `<link rel="alternate" hreflang="x-default" href="${fallback}"/>`;
    } else {
      html += '<meta name="robots" content="noindex"/>';
    }
    for (const f of feeds) {
      for (const [type, href] of [
        ['application/rss+xml', f.rss],
        ['application/atom+xml', f.atom],
        ['text/calendar', f.ics],
      ] as const) {
        if (href) html += `<link rel="alternate"${attr('type', type)}${attr('title', f.title)}${attr('href', href)}/>`;
      }
    }
    if (head !== undefined) html += inContext(ctx, head);
    for (const href of styles) html += `<link rel="stylesheet"${attr('href', `${href}?v=${site.assetVersion}`)}/>`;
    for (const src of scripts) html += `<script${attr('src', `${src}?v=${site.assetVersion}`)} defer></script>`;
    html += p.headerStart + p.switcherStart;
    const full = escapeHtml(path);
    for (const [start, end] of p.switcherLinks) html += start + full + end;
    html += '</ul></nav></details>';
    if (site.headerSlots.length > 0) {
      html += `<div class="header-account">${inContext(
        ctx,
        site.headerSlots.map((Slot, i) => <Slot key={i} />),
      )}</div>`;
    }
    html += `</div>${p.navStart}`;
    for (const item of p.navLinks) html += item.current.get(pathOnly) ?? item.plain;
    html += `</ul></nav></header><main id="main" tabindex="-1" class="wrap">${main}</main>${p.footerStart}<p class="print-only">`;
    const url = `${site.baseUrl}/${lang}${path}`;
    html += p.pageAddress ? p.pageAddress[0] + escapeHtml(url) + p.pageAddress[1] : escapeHtml(ctx.t('footer.pageAddress', { url }));
    return `${html}</p></div></footer></body></html>`;
  };
}

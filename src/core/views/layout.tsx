import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { LANGUAGE_CODES, LANGUAGES } from '../i18n/languages.ts';
import { SearchForm } from './components.tsx';
import { useHref, usePage } from './context.ts';

export interface LayoutProps {
  title: string;
  description?: string;
  /** False for pages that exist in one language only or must not be indexed (errors). */
  indexable?: boolean;
  /** Feeds of this listing, linked with <link rel="alternate"> (see feedPath). */
  feeds?: { title: string; rss: string; atom: string }[];
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

function Logo() {
  return <span class="logo-wrap" dangerouslySetInnerHTML={{ __html: LOGO_SVG }} />;
}

function LanguageSwitcher() {
  const { lang, t, path } = usePage();
  return (
    <details class="lang-switcher">
      <summary>
        <span class="visually-hidden">{t('layout.language')}: </span>
        <span lang={lang}>{LANGUAGES[lang]}</span>
      </summary>
      <nav aria-label={t('layout.chooseLanguage')}>
        <ul>
          {LANGUAGE_CODES.map((code) => (
            <li key={code}>
              <a href={`/${code}${path}`} hreflang={code} lang={code} aria-current={code === lang ? 'true' : undefined}>
                {LANGUAGES[code]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </details>
  );
}

function MainNav() {
  const { t, nav, path } = usePage();
  const href = useHref();
  const current = path.split('?')[0];
  return (
    <nav class="main-nav" aria-label={t('layout.mainNav')}>
      <ul class="wrap">
        {nav
          .filter((item) => !item.footer)
          .map((item) => (
            <li key={item.path}>
              <a href={href(item.path)} aria-current={item.path === current ? 'page' : undefined}>
                {t(item.label)}
              </a>
            </li>
          ))}
      </ul>
    </nav>
  );
}

function Footer() {
  const { t, siteName, baseUrl, lang, path, nav } = usePage();
  const href = useHref();
  return (
    <footer class="site-footer">
      <div class="wrap">
        <nav aria-label={t('layout.footerNav')}>
          <ul>
            <li>
              <a href={href('/accessibility')}>{t('footer.accessibility')}</a>
            </li>
            <li>
              <a href={href('/privacy')}>{t('footer.privacy')}</a>
            </li>
            <li>
              <a href={href('/terms')}>{t('footer.terms')}</a>
            </li>
            <li>
              <a href={href('/contact')}>{t('footer.contact')}</a>
            </li>
            <li>
              <a href={href('/about')}>{t('footer.about')}</a>
            </li>
            {nav
              .filter((item) => item.footer)
              .map((item) => (
                <li key={item.path}>
                  <a href={href(item.path)}>{t(item.label)}</a>
                </li>
              ))}
          </ul>
        </nav>
        <p>{t('footer.tagline', { siteName })}</p>
        {/* On paper, where an address cannot be clicked, the reader can still find the page again. */}
        <p class="print-only">{t('footer.pageAddress', { url: `${baseUrl}/${lang}${path}` })}</p>
      </div>
    </footer>
  );
}

export function Layout({
  title,
  description,
  indexable = true,
  feeds = [],
  versions,
  head,
  styles = [],
  scripts = [],
  children,
}: LayoutProps) {
  const { lang, t, path, siteName, baseUrl, assetVersion, headerSlots } = usePage();
  const href = useHref();
  const pathOnly = path.split('?')[0] ?? '/';
  return (
    <html lang={lang} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${siteName}`}</title>
        {/* A page without a description of its own is described by what the portal is. */}
        <meta name="description" content={description ?? t('footer.tagline', { siteName })} />
        {indexable ? (
          <>
            <link
              rel="canonical"
              href={`${baseUrl}/${versions && !versions.languages.includes(lang) ? versions.original : lang}${pathOnly}`}
            />
            {(versions?.languages ?? LANGUAGE_CODES).map((code) => (
              <link key={code} rel="alternate" hreflang={code} href={`${baseUrl}/${code}${pathOnly}`} />
            ))}
            <link rel="alternate" hreflang="x-default" href={versions ? `${baseUrl}/${versions.original}${pathOnly}` : `${baseUrl}/`} />
          </>
        ) : (
          <meta name="robots" content="noindex" />
        )}
        {feeds.flatMap((f) => [
          <link key={f.rss} rel="alternate" type="application/rss+xml" title={f.title} href={f.rss} />,
          <link key={f.atom} rel="alternate" type="application/atom+xml" title={f.title} href={f.atom} />,
        ])}
        {head}
        {styles.map((href) => (
          <link key={href} rel="stylesheet" href={`${href}?v=${assetVersion}`} />
        ))}
        {scripts.map((src) => (
          <script key={src} src={`${src}?v=${assetVersion}`} defer />
        ))}
        <script src={`/static/suggest.js?v=${assetVersion}`} defer />
        <link rel="stylesheet" href={`/static/app.css?v=${assetVersion}`} />
        <link rel="icon" href={`/static/favicon.svg?v=${assetVersion}`} type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <header class="site-header">
          <div class="wrap header-bar">
            <a class="brand" href={href('/')}>
              <Logo />
              <span>{siteName}</span>
            </a>
            <SearchForm id="site-search" landmark />
            <LanguageSwitcher />
            {headerSlots.length > 0 && (
              <div class="header-account">
                {headerSlots.map((Slot, i) => (
                  <Slot key={i} />
                ))}
              </div>
            )}
          </div>
          <MainNav />
        </header>
        <main id="main" tabIndex={-1} class="wrap">
          {children}
        </main>
        <Footer />
      </body>
    </html>
  );
}

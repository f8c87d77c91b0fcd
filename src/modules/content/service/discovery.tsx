import { renderToString } from 'preact-render-to-string';
import { countriesByName, countryName } from '../../../core/countries.ts';
import { feedPath } from '../../../core/feeds.ts';
import { countryParam, lenient } from '../../../core/http/params.ts';
import type { FeedProvider, SearchProvider, SectionProvider, SitemapProvider } from '../../../core/modules.ts';
import { type PageContext, PageContextValue, usePage } from '../../../core/views/context.ts';
import type { Municipality } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import { TYPE_PATHS } from '../schema.ts';
import { CardList } from '../views/cards.tsx';
import { readParams } from './params.ts';
import { itemPath } from './paths.ts';
import { type Card, recentCards, recentHtml, searchCards } from './read.ts';

export const contentSearch: SearchProvider = {
  name: 'content',
  async search({ text, lang, limit }, ctx) {
    const { cards } = await searchCards(ctx, text, {}, lang, 1);
    return cards.slice(0, limit).map((c, i) => ({
      kind: `content.type.${c.item.type}`,
      title: c.text.title,
      url: `/${lang}${itemPath(c.item)}`,
      summary: c.owner ? `${c.owner.name} · ${c.text.summary}` : c.text.summary,
      score: 40 - i * 0.5,
    }));
  },
};

/** RSS and Atom of every listing: /{lang}/feeds/content.rss?type=news&country=bg&area=health... */
export const contentFeed: FeedProvider = {
  name: 'content',
  async read({ lang, t, params, limit }, ctx) {
    const { filter, params: clean } = readParams(params);
    const { cards } = await recentCards(ctx, filter, lang, limit);
    const base = clean.type ? `/${TYPE_PATHS[clean.type as keyof typeof TYPE_PATHS]}` : '/latest';
    const query = new URLSearchParams(Object.entries({ ...clean, type: '' }).filter(([, v]) => v)).toString();
    const parts = [
      t(clean.type ? `content.listing.${clean.type}` : 'content.listing.all'),
      clean.area && t(`area.${clean.area}`),
      clean.country && countryName(clean.country.toUpperCase(), lang),
    ].filter(Boolean);
    return {
      title: parts.join(' · '),
      link: `/${lang}${base}${query ? `?${query}` : ''}`,
      entries: cards.map((c) => ({
        title: c.text.title,
        url: `/${lang}${itemPath(c.item)}`,
        summary: c.text.summary,
        published: c.item.published_at!,
        updated: c.item.updated_at,
        ...(c.owner ? { author: c.owner.name } : {}),
      })),
    };
  },
};

const SITEMAP_CHUNK = 5000;

export const contentSitemap: SitemapProvider = {
  name: 'content',
  async chunks({ database }) {
    const last = await repo.lastPublishedId(database.db, new Date().toISOString());
    return Array.from({ length: Math.ceil(last / SITEMAP_CHUNK) }, (_, i) => String(i + 1));
  },
  async paths(chunk, { database }) {
    if (!/^[1-9]\d{0,4}$/.test(chunk)) return undefined;
    // A chunk is an id range: each is one index read however many items there are.
    const n = Number(chunk);
    if (n > Math.ceil((await repo.lastPublishedId(database.db, new Date().toISOString())) / SITEMAP_CHUNK)) return undefined;
    const rows = await repo.publishedIds(database.db, new Date().toISOString(), (n - 1) * SITEMAP_CHUNK, n * SITEMAP_CHUNK);
    return rows.map((r) => ({ path: itemPath(r), lastmod: r.updated_at }));
  },
};

const homeQuery = lenient({ country: countryParam });

/**
 * What is new (events aside: they have their own section), news from the country the reader chose
 * (in the address, so it can be bookmarked; never guessed from the language) and what is coming up.
 * A section with nothing to show is left out.
 */
export const homeSection: SectionProvider = async (query, { lang, t }, ctx) => {
  const { country } = homeQuery(query);
  const [latest, near, events] = await Promise.all([
    recentCards(ctx, { notType: 'event' }, lang, 6),
    country ? recentCards(ctx, { country }, lang, 4) : undefined,
    recentCards(ctx, { type: 'event', upcoming: true }, lang, 4),
  ]);
  const href = (p: string) => `/${lang}${p}`;
  const name = country && countryName(country, lang);
  return (
    <>
      {latest.cards.length > 0 && (
        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading">{t('content.home.latest')}</h2>
          <CardList cards={latest.cards} level={3} />
          <p class="form-links">
            <a href={href('/latest')}>{t('content.home.all')}</a>
            <a href={feedPath(lang, 'content', 'rss')}>{t('content.rss')}</a>
          </p>
        </section>
      )}
      <section aria-labelledby="near-heading">
        <h2 id="near-heading">{name ? t('content.home.near', { country: name }) : t('content.home.nearChoose')}</h2>
        {!country && <p>{t('content.home.nearLead')}</p>}
        <form method="get" action={href('/')} class="filters">
          <div class="field">
            <label for="home-country">{t('content.home.chooseCountry')}</label>
            <select id="home-country" name="country">
              <option value="">{t('content.home.pickCountry')}</option>
              {countriesByName(lang).map((c) => (
                <option key={c.code} value={c.code.toLowerCase()} selected={c.code === country}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button--secondary">
            {t('filters.apply')}
          </button>
        </form>
        {near &&
          name &&
          (near.cards.length > 0 ? <CardList cards={near.cards} level={3} /> : <p>{t('content.home.nearNone', { country: name })}</p>)}
        {near && name && near.cards.length > 0 && (
          <p>
            <a href={href(`/latest?country=${country.toLowerCase()}`)}>{t('content.home.allIn', { country: name })}</a>
          </p>
        )}
      </section>
      {events.cards.length > 0 && (
        <section aria-labelledby="events-heading">
          <h2 id="events-heading">{t('content.home.events')}</h2>
          <CardList cards={events.cards} level={3} />
          <p>
            <a href={href('/events')}>{t('content.home.allEvents')}</a>
          </p>
        </section>
      )}
    </>
  );
};

/**
 * A municipality's newsroom on its profile: its latest items and upcoming events. The profile is
 * the directory's busiest page, so the section is rendered once and kept like the lists it shows.
 */
export const profileSection: SectionProvider = async (subject, view, ctx) => {
  const m = subject as Municipality;
  const html = await recentHtml.get(ctx.database.db, `${view.lang}|${m.id}|${m.name}`, async () => {
    const [latest, events] = await Promise.all([
      recentCards(ctx, { municipality: m.id, notType: 'event' }, view.lang, 5),
      recentCards(ctx, { municipality: m.id, type: 'event', upcoming: true }, view.lang, 3),
    ]);
    const page: PageContext = {
      lang: view.lang,
      t: view.t,
      siteName: ctx.config.siteName,
      baseUrl: ctx.config.baseUrl,
      path: '',
      nav: [],
      assetVersion: '',
      headerSlots: [],
      actor: null,
    };
    return renderToString(
      <PageContextValue.Provider value={page}>
        <Newsroom m={m} latest={latest.cards} events={events.cards} />
      </PageContextValue.Provider>,
    );
  });
  // Rendered by our own components above, which escape every value.
  return <div dangerouslySetInnerHTML={{ __html: html }} />;
};

function Newsroom({ m, latest, events }: { m: Municipality; latest: Card[]; events: Card[] }) {
  const { lang, t } = usePage();
  const href = (p: string) => `/${lang}${p}`;
  return (
    <section aria-labelledby="newsroom-heading">
      <h2 id="newsroom-heading">{t('content.profile.heading', { name: m.name })}</h2>
      {latest.length === 0 && events.length === 0 ? (
        <p>{t('content.profile.none')}</p>
      ) : (
        <>
          {latest.length > 0 && <CardList cards={latest} level={3} />}
          {events.length > 0 && (
            <>
              <h3>{t('content.home.events')}</h3>
              <CardList cards={events} level={3} />
            </>
          )}
        </>
      )}
      <p class="form-links">
        <a href={href(`/latest?municipality=${m.id}`)}>{t('content.profile.all')}</a>
        <a href={feedPath(lang, 'content', 'rss', { municipality: String(m.id) })}>{t('content.rss')}</a>
        <a href={`/${lang}/events.ics?municipality=${m.id}`}>{t('content.calendarFeed')}</a>
      </p>
    </section>
  );
}

import { countriesByName, countryName } from '../../../core/countries.ts';
import { feedPath } from '../../../core/feeds.ts';
import { countryParam, lenient } from '../../../core/http/params.ts';
import type { ModuleContext, SectionProvider } from '../../../core/modules.ts';
import { CardList, FeaturedList } from '../views/cards.tsx';
import { type Card, recentCards } from './read.ts';

const homeQuery = lenient({ country: countryParam });
/** The first stories of what is new are the home page's featured ones, with their pictures; the rest follow as a list. */
const FEATURED = 3;
const latestStories = (ctx: ModuleContext, lang: string) => recentCards(ctx, { notType: 'event' }, lang, FEATURED + 6);

/** The latest stories at the top of the home page, as cards with their pictures; nothing when nothing is published. */
export const featuredSection: SectionProvider = async (_query, { lang, t }, ctx) => {
  const featured = (await latestStories(ctx, lang)).cards.slice(0, FEATURED);
  if (!featured.length) return null;
  return (
    <section class="featured" aria-labelledby="featured-heading">
      <h2 id="featured-heading">{t('content.home.featured')}</h2>
      <FeaturedList cards={featured} />
    </section>
  );
};

/**
 * The news and coming events of the towns a person follows, newest first: for the home page of a
 * follower. Kept like the other lists of what is new, for everyone who follows the same towns.
 */
export async function storiesOfTowns(ctx: ModuleContext, towns: number[], lang: string): Promise<{ news: Card[]; events: Card[] }> {
  if (!towns.length) return { news: [], events: [] };
  const municipalities = [...towns].sort((a, b) => a - b);
  const [news, events] = await Promise.all([
    recentCards(ctx, { municipalities, notType: 'event' }, lang, 4),
    recentCards(ctx, { municipalities, type: 'event', upcoming: true }, lang, 3),
  ]);
  return { news: news.cards, events: events.cards };
}

/**
 * What else is new (events aside: they have their own section), news from the country the reader chose
 * (in the address, so it can be bookmarked; never guessed from the language) and what is coming up.
 * A section with nothing to show is left out.
 */
export const homeSection: SectionProvider = async (query, { lang, t }, ctx) => {
  const { country } = homeQuery(query);
  const [latest, near, events] = await Promise.all([
    latestStories(ctx, lang),
    country ? recentCards(ctx, { country }, lang, 4) : undefined,
    recentCards(ctx, { type: 'event', upcoming: true }, lang, 4),
  ]);
  const more = latest.cards.slice(FEATURED);
  const href = (p: string) => `/${lang}${p}`;
  const name = country && countryName(country, lang);
  return (
    <>
      {more.length > 0 && (
        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading">{t('content.home.latest')}</h2>
          <CardList cards={more} level={3} />
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
          <p class="form-links">
            <a href={href('/events')}>{t('content.home.allEvents')}</a>
            <a href={href('/events.ics')}>{t('content.calendarFeed')}</a>
          </p>
        </section>
      )}
    </>
  );
};

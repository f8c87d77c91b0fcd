import type { VNode } from 'preact';
import { useHref, usePage } from '../../../core/views/context.ts';
import { type Card, CardList } from '../../content/index.ts';
import { type MapPlace, PlacesMap } from '../../municipalities/index.ts';

export interface JoinedMap {
  places: MapPlace[];
  tiles: string;
  attribution: string;
}

/**
 * The home page: the featured stories, what the towns a person follows publish, what else the modules
 * show (news, events), the towns that joined on a map, then the invitation to join with its numbers.
 * The parts before and after the follower's own are the same for every reader of a language.
 */
export function HomePage({ top, following, rest }: { top: VNode; following?: { news: Card[]; events: Card[] } | undefined; rest: VNode }) {
  return (
    <>
      {top}
      {following && <Following news={following.news} events={following.events} />}
      {rest}
    </>
  );
}

/** The title and the featured stories. */
export function HomeTop({ featured = [] }: { featured?: VNode[] }) {
  const { t, siteName } = usePage();
  return (
    <>
      <section class="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p class="lead">{t('home.lead', { siteName })}</p>
      </section>
      {featured}
    </>
  );
}

/** What the modules show, the map of the towns that joined, and the invitation to join. */
export function HomeRest({ sections = [], facts = [], joined }: { sections?: VNode[]; facts?: VNode[]; joined?: JoinedMap | undefined }) {
  const { t, siteName } = usePage();
  const href = useHref();
  return (
    <>
      {sections}
      {joined && joined.places.length > 0 && (
        <section class="joined-map" aria-labelledby="joined-heading">
          <h2 id="joined-heading">{t('home.joined.heading')}</h2>
          <p>
            {t('home.joined.body', { count: joined.places.length, siteName })} <a href={href('/municipalities')}>{t('home.joined.list')}</a>
          </p>
          <PlacesMap label={t('home.joined.mapLabel')} tiles={joined.tiles} attribution={joined.attribution} places={joined.places} />
        </section>
      )}
      <section class="callout" aria-labelledby="join-heading">
        <h2 id="join-heading">{t('home.join.heading')}</h2>
        <p>{t('home.join.body')}</p>
        {facts}
        <p>
          <a class="button" href={href('/contact?topic=joining')}>
            {t('home.join.link')}
          </a>
        </p>
      </section>
    </>
  );
}

/** A follower's own section: the latest of the towns they follow, or a word that these have published nothing yet. */
function Following({ news, events }: { news: Card[]; events: Card[] }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <section class="following" aria-labelledby="following-heading">
      <h2 id="following-heading">{t('home.following.heading')}</h2>
      {news.length === 0 && events.length === 0 && <p>{t('home.following.none')}</p>}
      {news.length > 0 && <CardList cards={news} level={3} />}
      {events.length > 0 && (
        <>
          <h3>{t('home.following.events')}</h3>
          <CardList cards={events} level={3} />
        </>
      )}
      <p>
        <a href={href('/account#follows')}>{t('home.following.manage')}</a>
      </p>
    </section>
  );
}

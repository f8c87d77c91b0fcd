import type { VNode } from 'preact';
import { useHref, usePage } from '../../../core/views/context.ts';
import { type Card, CardList } from '../../content/index.ts';

/**
 * The home page: the featured stories, what the towns a person follows publish, what else the modules
 * show (news, events), then the invitation to join with its numbers.
 */
export function HomePage({
  featured = [],
  following,
  sections = [],
  facts = [],
}: {
  featured?: VNode[];
  following?: { news: Card[]; events: Card[] } | undefined;
  sections?: VNode[];
  facts?: VNode[];
}) {
  const { t, siteName } = usePage();
  const href = useHref();
  return (
    <>
      <section class="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p class="lead">{t('home.lead', { siteName })}</p>
      </section>
      {featured}
      {following && <Following news={following.news} events={following.events} />}
      {sections}
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

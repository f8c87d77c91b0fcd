import type { VNode } from 'preact';
import { useHref, usePage } from '../../../core/views/context.ts';
import { type MapPlace, PlacesMap } from '../../municipalities/index.ts';

export interface JoinedMap {
  places: MapPlace[];
  tiles: string;
  attribution: string;
}

/** The home page: what the modules show (news, events), the towns that joined, then the invitation to join. */
export function HomePage({ sections = [], facts = [], joined }: { sections?: VNode[]; facts?: VNode[]; joined?: JoinedMap | undefined }) {
  const { t, siteName } = usePage();
  const href = useHref();
  return (
    <>
      <section class="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p class="lead">{t('home.lead', { siteName })}</p>
      </section>
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

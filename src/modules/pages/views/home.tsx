import type { VNode } from 'preact';
import { SearchForm } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';

const FEATURES = ['read', 'participate', 'report', 'connect'] as const;

export function HomePage({ sections = [] }: { sections?: VNode[] }) {
  const { t, siteName } = usePage();
  const href = useHref();
  return (
    <>
      <section class="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p class="lead">{t('home.lead', { siteName })}</p>
        <SearchForm id="home-search" large />
      </section>
      {sections}
      <section aria-labelledby="features-heading">
        <h2 id="features-heading">{t('home.features.heading')}</h2>
        <ul class="cards">
          {FEATURES.map((f) => (
            <li key={f} class="card">
              <h3>{t(`home.feature.${f}.title`)}</h3>
              <p>{t(`home.feature.${f}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section class="callout" aria-labelledby="join-heading">
        <h2 id="join-heading">{t('home.join.heading')}</h2>
        <p>{t('home.join.body')}</p>
        <p>
          <a class="button" href={href('/contact?topic=joining')}>
            {t('home.join.link')}
          </a>
        </p>
      </section>
    </>
  );
}

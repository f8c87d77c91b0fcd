import type { VNode } from 'preact';
import { useHref, usePage } from '../../../core/views/context.ts';

/** The home page: what the modules show (news, events), then the invitation to join with its numbers. */
export function HomePage({ sections = [], facts = [] }: { sections?: VNode[]; facts?: VNode[] }) {
  const { t, siteName } = usePage();
  const href = useHref();
  return (
    <>
      <section class="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p class="lead">{t('home.lead', { siteName })}</p>
      </section>
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

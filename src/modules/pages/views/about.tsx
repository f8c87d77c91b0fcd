import { useHref, usePage } from '../../../core/views/context.ts';

const AUDIENCES = ['citizens', 'staff', 'networks', 'organisations', 'integrators'] as const;

export function AboutPage() {
  const { t, siteName } = usePage();
  const href = useHref();
  return (
    <article class="prose">
      <h1>{t('about.title', { siteName })}</h1>
      <p class="lead">{t('about.intro', { siteName })}</p>
      <h2>{t('about.who.heading')}</h2>
      <ul>
        {AUDIENCES.map((a) => (
          <li key={a}>{t(`about.who.${a}`)}</li>
        ))}
      </ul>
      <h2>{t('about.languages.heading')}</h2>
      <p>{t('about.languages.body')}</p>
      <h2>{t('about.open.heading')}</h2>
      <p>{t('about.open.body', { siteName })}</p>
      <p>
        <a href={href('/contact')}>{t('about.contactLink')}</a>
      </p>
    </article>
  );
}

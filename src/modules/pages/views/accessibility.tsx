import { useHref, usePage } from '../../../core/views/context.ts';

const FEATURES = ['noScript', 'keyboard', 'zoom', 'screenReader', 'languages'] as const;
/** The day this statement was last reviewed; change it with the statement. */
export const STATEMENT_DATE = new Date('2026-11-21T12:00:00Z');

export function AccessibilityPage() {
  const { t, siteName, baseUrl } = usePage();
  const href = useHref();
  return (
    <article class="prose">
      <h1>{t('accessibility.title')}</h1>
      <p class="lead">{t('accessibility.intro', { siteName, baseUrl })}</p>
      <h2>{t('accessibility.status.heading')}</h2>
      <p>{t('accessibility.status.body')}</p>
      <h2>{t('accessibility.features.heading')}</h2>
      <ul>
        {FEATURES.map((f) => (
          <li key={f}>{t(`accessibility.features.${f}`)}</li>
        ))}
      </ul>
      <h2>{t('accessibility.limits.heading')}</h2>
      <p>{t('accessibility.limits.body')}</p>
      <h2>{t('accessibility.feedback.heading')}</h2>
      <p>{t('accessibility.feedback.body')}</p>
      <p>
        <a class="button" href={href('/contact?topic=accessibility')}>
          {t('accessibility.feedback.link')}
        </a>
      </p>
      <h2>{t('accessibility.enforcement.heading')}</h2>
      <p>{t('accessibility.enforcement.body')}</p>
      <p class="meta">{t('accessibility.prepared', { date: STATEMENT_DATE })}</p>
    </article>
  );
}

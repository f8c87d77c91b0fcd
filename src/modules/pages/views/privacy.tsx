import { useHref, usePage } from '../../../core/views/context.ts';

const SECTIONS = ['cookies', 'account', 'messages', 'logs', 'rights'] as const;

export function PrivacyPage() {
  const { t, siteName } = usePage();
  const href = useHref();
  return (
    <article class="prose">
      <h1>{t('privacy.title')}</h1>
      <p class="lead">{t('privacy.intro', { siteName })}</p>
      {SECTIONS.map((s) => (
        <section key={s} aria-labelledby={`privacy-${s}`}>
          <h2 id={`privacy-${s}`}>{t(`privacy.${s}.heading`)}</h2>
          <p>{t(`privacy.${s}.body`)}</p>
        </section>
      ))}
      <p>
        <a href={href('/contact?topic=privacy')}>{t('privacy.contactLink')}</a>
      </p>
    </article>
  );
}

import { useHref, usePage } from '../../../core/views/context.ts';

/**
 * The day the terms of use last changed, which is also their version: change it with the text.
 * Accounts record the version a person accepted, so an old date here would misstate what they agreed to.
 */
export const TERMS_VERSION = '2026-11-30';

/** Each section's paragraphs, with a list between them where the terms enumerate. */
const SECTIONS: { id: string; before: string[]; list?: string[]; after?: string[] }[] = [
  { id: 'who', before: ['body', 'age'] },
  { id: 'accounts', before: ['body', 'end'] },
  {
    id: 'posting',
    before: ['body'],
    list: ['unlawful', 'hateful', 'private', 'misleading', 'advertising', 'rights', 'malware'],
    after: ['responsible'],
  },
  { id: 'moderation', before: ['body', 'accounts', 'report'] },
  { id: 'licence', before: ['body', 'municipalities'] },
  { id: 'staff', before: ['body'], list: ['authorised', 'accurate', 'personalData', 'accessible', 'answer'], after: ['admins'] },
  { id: 'liability', before: ['body', 'law'] },
  { id: 'changes', before: ['body', 'notice'] },
  { id: 'contact', before: ['body'] },
];

export function TermsPage() {
  const { t, siteName } = usePage();
  const href = useHref();
  const paragraph = (id: string, key: string) => <p key={key}>{t(`terms.${id}.${key}`, { siteName })}</p>;
  return (
    <article class="prose">
      <h1>{t('terms.title')}</h1>
      <p class="meta">
        <time dateTime={TERMS_VERSION}>{t('terms.version', { version: TERMS_VERSION, date: new Date(`${TERMS_VERSION}T12:00:00Z`) })}</time>
      </p>
      <p class="lead">{t('terms.intro', { siteName })}</p>
      <nav aria-labelledby="terms-contents">
        <h2 id="terms-contents">{t('terms.contents')}</h2>
        <ol>
          {SECTIONS.map(({ id }) => (
            <li key={id}>
              <a href={`#terms-${id}`}>{t(`terms.${id}.heading`)}</a>
            </li>
          ))}
        </ol>
      </nav>
      {SECTIONS.map(({ id, before, list, after }) => (
        <section key={id} aria-labelledby={`terms-${id}`}>
          <h2 id={`terms-${id}`}>{t(`terms.${id}.heading`)}</h2>
          {before.map((key) => paragraph(id, key))}
          {list && (
            <ul>
              {list.map((key) => (
                <li key={key}>{t(`terms.${id}.${key}`)}</li>
              ))}
            </ul>
          )}
          {after?.map((key) => paragraph(id, key))}
          {id === 'licence' && (
            <p>
              <a href="https://creativecommons.org/licenses/by/4.0/">{t('terms.licence.link')}</a>
            </p>
          )}
          {id === 'contact' && (
            <p>
              <a href={href('/contact')}>{t('terms.contact.link')}</a>
            </p>
          )}
        </section>
      ))}
    </article>
  );
}

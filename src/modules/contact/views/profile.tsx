import type { Translator } from '../../../core/i18n/catalog.ts';
import { NamedSection } from '../../../core/views/components.tsx';
import { contactPath } from '../service/links.ts';

/** The profile's way to the town hall's contact form, with the response time it promises. */
export function ProfileContact({
  town,
  days,
  lang,
  t,
}: {
  town: { name: string; country: string; slug: string };
  days: number;
  lang: string;
  t: Translator;
}) {
  return (
    <NamedSection id="town-contact" label={t('townContact.section')}>
      <p>{t('townContact.sectionLead', { town: town.name, count: days })}</p>
      <p>
        <a class="button" href={`/${lang}${contactPath(town)}`}>
          {t('townContact.form.title', { town: town.name })}
        </a>
      </p>
    </NamedSection>
  );
}

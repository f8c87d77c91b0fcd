import type { SectionProvider } from '../../../core/modules.ts';
import { factsOf } from '../service/directory.ts';

/** The invitation to join, in numbers: how many places are listed and how many have joined. */
export const homeFacts: SectionProvider = async (_subject, { lang, t }, { database }) => {
  const facts = await factsOf(database.db);
  return (
    <p class="facts">
      {t('municipalities.home.facts', facts)} <a href={`/${lang}/municipalities`}>{t('municipalities.home.find')}</a>
    </p>
  );
};

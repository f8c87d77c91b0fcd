import { countryName } from '../../../core/countries.ts';
import type { SearchProvider } from '../../../core/modules.ts';
import { profilePath } from '../views/common.tsx';
import { searchMunicipalities } from './directory.ts';

const SCORE = { exact: 100, prefix: 50, fuzzy: 20 } as const;

export const municipalitySearch: SearchProvider = {
  name: 'municipalities',
  async search({ text, lang, t, limit }, { database }) {
    const found = await searchMunicipalities(database.db, text, Math.min(limit, 20));
    return found.map((m, i) => ({
      kind: 'municipalities.kind',
      title: m.name,
      url: `/${lang}${profilePath(m)}`,
      summary: `${countryName(m.country, lang)} · ${t('municipalities.population', { count: m.population })}`,
      score: SCORE[m.match] - i * 0.01,
    }));
  },
};

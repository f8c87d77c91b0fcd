import { countryName } from '../../../core/countries.ts';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { MunicipalitySummary } from '../repo.ts';

export const profilePath = (m: Pick<MunicipalitySummary, 'country' | 'slug'>) => `/municipalities/${m.country.toLowerCase()}/${m.slug}`;

/** One place in a list: name linking to its profile, country, population, joined badge. */
export function PlaceItem({ m, showCountry = true }: { m: MunicipalitySummary; showCountry?: boolean }) {
  const { t, lang } = usePage();
  const href = useHref();
  return (
    <li class="place">
      <a href={href(profilePath(m))}>{m.name}</a>
      {m.native_name && m.native_name !== m.name && <span lang={undefined}> ({m.native_name})</span>}
      {m.joined_at && (
        <>
          {' '}
          <span class="tag tag--joined">{t('municipalities.joined')}</span>
        </>
      )}
      <span class="place-meta">
        {showCountry && <>{countryName(m.country, lang)} · </>}
        {t('municipalities.population', { count: m.population })}
      </span>
    </li>
  );
}

import { countriesByName, countryName } from '../../../core/countries.ts';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { MunicipalitySummary } from '../repo.ts';
import { PlaceItem } from './common.tsx';

export interface BrowseView {
  country?: string | undefined;
  region?: string | undefined;
  sort: 'name' | 'population';
  page: number;
  pages: number;
  total: number;
  rows: MunicipalitySummary[];
  regions: { region_code: string | null; region_name: string | null; places: number }[];
}

export const regionLabel = (
  t: (k: string, v?: Record<string, string>) => string,
  r: { region_code: string | null; region_name: string | null },
) => r.region_name ?? t('municipalities.regionCode', { code: r.region_code ?? '' });

export function BrowsePage({ view }: { view: BrowseView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const query = (page: number) => {
    const p = new URLSearchParams();
    if (view.country) p.set('country', view.country.toLowerCase());
    if (view.region) p.set('region', view.region);
    if (view.sort !== 'population') p.set('sort', view.sort);
    if (page > 1) p.set('page', String(page));
    const s = p.toString();
    return href(`/municipalities${s ? `?${s}` : ''}`);
  };
  return (
    <>
      <h1>{view.country ? t('municipalities.inCountry', { country: countryName(view.country, lang) }) : t('municipalities.title')}</h1>
      <p class="lead">{t('municipalities.lead', { count: view.total })}</p>
      <form method="get" action={href('/municipalities')} class="filters">
        <div class="field">
          <label for="country">{t('filters.country')}</label>
          <select id="country" name="country">
            <option value="">{t('filters.allCountries')}</option>
            {countriesByName(lang).map((c) => (
              <option key={c.code} value={c.code.toLowerCase()} selected={c.code === view.country}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        {view.country && view.regions.length > 0 && (
          <div class="field">
            <label for="region">{t('municipalities.region')}</label>
            <select id="region" name="region">
              <option value="">{t('municipalities.allRegions')}</option>
              {view.regions.map((r) => (
                <option key={r.region_code} value={r.region_code ?? ''} selected={r.region_code === view.region}>
                  {regionLabel(t, r)} ({r.places})
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field">
          <label for="sort">{t('municipalities.sort')}</label>
          <select id="sort" name="sort">
            <option value="population" selected={view.sort === 'population'}>
              {t('municipalities.sortPopulation')}
            </option>
            <option value="name" selected={view.sort === 'name'}>
              {t('municipalities.sortName')}
            </option>
          </select>
        </div>
        <button type="submit">{t('filters.apply')}</button>
      </form>
      {view.rows.length === 0 ? (
        <p>{t('municipalities.none')}</p>
      ) : (
        <ol class="places" start={(view.page - 1) * 50 + 1}>
          {view.rows.map((m) => (
            <PlaceItem key={m.id} m={m} showCountry={!view.country} />
          ))}
        </ol>
      )}
      {view.pages > 1 && (
        <nav class="pagination" aria-label={t('pager.label')}>
          {view.page > 1 && (
            <a href={query(view.page - 1)} rel="prev">
              {t('pager.previous')}
            </a>
          )}
          <span>{t('pager.pageOf', { page: view.page, pages: view.pages })}</span>
          {view.page < view.pages && (
            <a href={query(view.page + 1)} rel="next">
              {t('pager.next')}
            </a>
          )}
        </nav>
      )}
      <p>
        <a href={href('/municipalities/propose')}>{t('municipalities.propose.link')}</a>
      </p>
      <p class="meta">{t('municipalities.credit')}</p>
    </>
  );
}

import { countriesByName, countryName } from '../../../core/countries.ts';
import { Pager } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { MunicipalitySummary } from '../repo.ts';
import { PlaceItem } from './common.tsx';
import { PlacesMap } from './map.tsx';

export interface BrowseView {
  country?: string | undefined;
  region?: string | undefined;
  /** The name filter as the reader typed it. */
  name?: string | undefined;
  sort: 'joined' | 'name' | 'population';
  page: number;
  pages: number;
  total: number;
  rows: MunicipalitySummary[];
  regions: { region_code: string | null; region_name: string | null; places: number }[];
  map: { tiles: string; attribution: string; limit: number };
}

const SORTS = [
  ['joined', 'municipalities.sortJoined'],
  ['name', 'municipalities.sortName'],
  ['population', 'municipalities.sortPopulation'],
] as const;

export const regionLabel = (
  t: (k: string, v?: Record<string, string>) => string,
  r: { region_code: string | null; region_name: string | null },
) => r.region_name ?? t('municipalities.regionCode', { code: r.region_code ?? '' });

export function BrowsePage({ view }: { view: BrowseView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const filters = () => {
    const p = new URLSearchParams();
    if (view.country) p.set('country', view.country.toLowerCase());
    if (view.region) p.set('region', view.region);
    if (view.name) p.set('name', view.name);
    if (view.sort !== 'joined') p.set('sort', view.sort);
    return p;
  };
  const query = (page: number) => {
    const p = filters();
    if (page > 1) p.set('page', String(page));
    const s = p.toString();
    return href(`/municipalities${s ? `?${s}` : ''}`);
  };
  const order = t(`municipalities.order.${view.sort}`);
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
          <label for="name">{t('municipalities.nameFilter')}</label>
          <input type="search" id="name" name="name" value={view.name ?? ''} maxLength={100} autocomplete="off" />
        </div>
        <div class="field">
          <label for="sort">{t('municipalities.sort')}</label>
          <select id="sort" name="sort">
            {SORTS.map(([value, key]) => (
              <option key={value} value={value} selected={view.sort === value}>
                {t(key)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('filters.apply')}</button>
      </form>
      <div class="directory">
        <div class="directory-list">
          <p class="list-order">{view.name ? `${t('municipalities.matching', { count: view.total, name: view.name })} ${order}` : order}</p>
          {view.rows.length === 0 ? (
            <p>{t('municipalities.none')}</p>
          ) : (
            <ol class="places" start={(view.page - 1) * 50 + 1}>
              {view.rows.map((m) => (
                <PlaceItem key={m.id} m={m} showCountry={!view.country} />
              ))}
            </ol>
          )}
          <Pager page={view.page} pages={view.pages} link={query} />
        </div>
        {view.total > 0 && (
          <PlacesMap
            label={t('municipalities.map.label')}
            tiles={view.map.tiles}
            attribution={view.map.attribution}
            source={href(`/municipalities/map.json?${filters().toString()}`)}
            note={view.total > view.map.limit ? t('municipalities.map.limit', { limit: view.map.limit }) : undefined}
          />
        )}
      </div>
      <p>
        <a href={href('/municipalities/propose')}>{t('municipalities.propose.link')}</a>
      </p>
      <p class="meta">{t('municipalities.credit')}</p>
    </>
  );
}

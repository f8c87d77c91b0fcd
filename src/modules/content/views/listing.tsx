import { countriesByName, countryName } from '../../../core/countries.ts';
import { LANGUAGE_CODES, LANGUAGES } from '../../../core/i18n/languages.ts';
import { Pager } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { CONTENT_TYPES, POLICY_AREAS } from '../schema.ts';
import type { OwnerParam } from '../service/params.ts';
import type { Card, Facets } from '../service/read.ts';
import { CardList, languageName } from './cards.tsx';

/** The words of "from this owner only", by the owner's filter. */
const FROM_OWNER: Record<OwnerParam, string> = {
  municipality: 'content.fromMunicipality',
  network: 'content.fromNetwork',
  project: 'content.fromProject',
  organisation: 'content.fromOrganisation',
};

export interface ListingView {
  /** The listing's own address after the language prefix, e.g. "/events". */
  base: string;
  heading: string;
  lead?: string;
  params: {
    q: string;
    type: string;
    country: string;
    municipality: string;
    network: string;
    project: string;
    organisation: string;
    area: string;
    language: string;
    tag: string;
  };
  /** Filters fixed by the address (e.g. the type on /news): not offered in the form. */
  fixed: ('type' | 'area' | 'municipality')[];
  /** The owners the listing is narrowed to (a town, a network), by their filter. */
  owners: { param: OwnerParam; name: string }[];
  cards: Card[];
  total: number;
  capped: boolean;
  page: number;
  pageSize: number;
  facets?: Facets;
  calendar?: { ics: string; month: string };
}

export function queryOf(params: Partial<ListingView['params']>, page = 1, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...params, ...extra })) if (v) p.set(k, v);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function ListingPage({ view }: { view: ListingView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const { params } = view;
  const pages = Math.max(1, Math.ceil(view.total / view.pageSize));
  const link = (page: number) => href(`${view.base}${queryOf(params, page)}`);
  const facetName = (kind: keyof Facets, key: string) =>
    kind === 'type'
      ? t(`content.type.${key}`)
      : kind === 'area'
        ? t(`area.${key}`)
        : kind === 'country'
          ? countryName(key, lang)
          : languageName(key);
  const facetParam: Record<keyof Facets, keyof ListingView['params']> = {
    type: 'type',
    area: 'area',
    country: 'country',
    language: 'language',
  };
  return (
    <>
      <h1>{view.heading}</h1>
      {view.lead && <p class="lead">{view.lead}</p>}
      {/* biome-ignore lint/a11y/useSemanticElements: a form with role=search is announced by every screen reader; <search> is newer */}
      <form method="get" action={href(view.base)} class="filters" role="search" aria-label={t('content.filters')}>
        <div class="field">
          <label for="content-q">{t('content.searchLabel')}</label>
          <input type="search" id="content-q" name="q" value={params.q} maxLength={200} />
        </div>
        {!view.fixed.includes('type') && (
          <div class="field">
            <label for="content-type">{t('content.typeLabel')}</label>
            <select id="content-type" name="type">
              <option value="">{t('content.allTypes')}</option>
              {CONTENT_TYPES.map((c) => (
                <option key={c} value={c} selected={params.type === c}>
                  {t(`content.type.${c}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        {!view.fixed.includes('municipality') && (
          <div class="field">
            <label for="content-country">{t('filters.country')}</label>
            <select id="content-country" name="country">
              <option value="">{t('filters.allCountries')}</option>
              {countriesByName(lang).map((c) => (
                <option key={c.code} value={c.code.toLowerCase()} selected={c.code.toLowerCase() === params.country}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {!view.fixed.includes('area') && (
          <div class="field">
            <label for="content-area">{t('content.areaLabel')}</label>
            <select id="content-area" name="area">
              <option value="">{t('content.allAreas')}</option>
              {POLICY_AREAS.map((a) => (
                <option key={a} value={a} selected={params.area === a}>
                  {t(`area.${a}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field">
          <label for="content-language">{t('content.languageLabel')}</label>
          <select id="content-language" name="language">
            <option value="">{t('content.allLanguages')}</option>
            {LANGUAGE_CODES.map((l) => (
              <option key={l} value={l} lang={l} selected={params.language === l}>
                {LANGUAGES[l]}
              </option>
            ))}
          </select>
        </div>
        {params.municipality && !view.fixed.includes('municipality') && (
          <input type="hidden" name="municipality" value={params.municipality} />
        )}
        {params.network && <input type="hidden" name="network" value={params.network} />}
        {params.project && <input type="hidden" name="project" value={params.project} />}
        {params.organisation && <input type="hidden" name="organisation" value={params.organisation} />}
        {params.tag && <input type="hidden" name="tag" value={params.tag} />}
        <button type="submit">{t('filters.apply')}</button>
      </form>
      {view.owners
        .filter((o) => o.param !== 'municipality' || !view.fixed.includes('municipality'))
        .map((o) => (
          <p key={o.param}>
            {t(FROM_OWNER[o.param], { name: o.name })}{' '}
            <a href={href(`${view.base}${queryOf({ ...params, [o.param]: '' })}`)}>{t('content.removeFilter')}</a>
          </p>
        ))}
      {params.tag && (
        <p>
          {t('content.withTag', { tag: params.tag })}{' '}
          <a href={href(`${view.base}${queryOf({ ...params, tag: '' })}`)}>{t('content.removeFilter')}</a>
        </p>
      )}
      {view.calendar && (
        <p class="form-links">
          <a href={href(`${view.base}${queryOf(params, 1, { view: 'month', month: view.calendar.month })}`)}>{t('content.monthView')}</a>
          <a href={view.calendar.ics}>{t('content.calendarFeed')}</a>
        </p>
      )}
      <p class="lead" role="status">
        {params.q
          ? t(view.capped ? 'content.resultsMany' : 'content.results', { count: view.total, q: params.q })
          : t(view.capped ? 'content.countMany' : 'content.count', { count: view.total })}
      </p>
      {view.facets && view.total > 0 && (
        <nav class="facets" aria-label={t('content.refine')}>
          {(Object.keys(view.facets) as (keyof Facets)[])
            .filter((k) => Object.keys(view.facets![k]).length > 1)
            .map((kind) => (
              <div key={kind}>
                <h2 class="facet-title">{t(`content.facet.${kind}`)}</h2>
                <ul>
                  {Object.entries(view.facets![kind])
                    .map(([key, n]) => ({ key, n, name: facetName(kind, key) }))
                    .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name, lang))
                    .slice(0, 8)
                    .map(({ key, n, name }) => (
                      <li key={key}>
                        <a
                          href={href(
                            `${view.base}${queryOf({ ...params, [facetParam[kind]]: kind === 'country' ? key.toLowerCase() : key })}`,
                          )}
                        >
                          {name}
                        </a>{' '}
                        ({n})
                      </li>
                    ))}
                </ul>
              </div>
            ))}
        </nav>
      )}
      {view.cards.length === 0 ? <p>{t('content.none')}</p> : <CardList cards={view.cards} start={(view.page - 1) * view.pageSize + 1} />}
      <Pager page={view.page} pages={pages} link={link} />
    </>
  );
}

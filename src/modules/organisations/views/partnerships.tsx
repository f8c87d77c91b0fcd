import { POLICY_AREAS } from '../../../core/areas.ts';
import { countriesByName } from '../../../core/countries.ts';
import { ButtonForm, NamedSection, Notice, Pager } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { type MunicipalitySummary, profilePath } from '../../municipalities/index.ts';
import type { Organisation } from '../schema.ts';
import type { PartnershipWithSides } from '../service/partnerships.ts';
import { FilterSelect, listLink, Period } from './common.tsx';

export interface PartnershipListView {
  rows: PartnershipWithSides[];
  towns: Map<number, MunicipalitySummary>;
  organisations: Map<number, Organisation>;
}

/** While proposed, whether a side has confirmed: each of several organisations confirms on its own. */
function Agreed({ p, agreed }: { p: PartnershipWithSides; agreed: number }) {
  const { t } = usePage();
  if (p.state !== 'proposed') return null;
  return <span class="meta"> ({t(agreed ? 'organisations.partnership.agreed' : 'organisations.partnership.waiting')})</span>;
}

/** Partnerships, each with its town, its organisations, its area, time and results. */
export function PartnershipList({ view, level = 2 }: { view: PartnershipListView; level?: 2 | 3 }) {
  const { t } = usePage();
  const href = useHref();
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <>
      {view.rows.map((p) => {
        const town = view.towns.get(p.municipality_id);
        return (
          <article key={p.id} class="card">
            <H>
              <a href={href(`/partnerships/${p.id}`)}>{t('organisations.partnership.on', { area: t(`area.${p.area}`) })}</a>
            </H>
            <p>
              {town && <a href={href(profilePath(town))}>{town.name}</a>}
              <Agreed p={p} agreed={p.town_confirmed} />
              {p.organisations.map((o) => {
                const org = view.organisations.get(o.id);
                return (
                  org && (
                    <span key={o.id}>
                      {' · '}
                      <a href={href(`/organisations/${org.slug}`)}>{org.name}</a>
                      <Agreed p={p} agreed={o.confirmed} />
                    </span>
                  )
                );
              })}
            </p>
            <p class="meta">
              <Period from={p.starts_on} to={p.ends_on} />
            </p>
            <p>{p.description}</p>
          </article>
        );
      })}
    </>
  );
}

export interface PartnershipsView extends PartnershipListView {
  filter: { area?: string | undefined; country?: string | undefined };
  total: number;
  page: number;
  pages: number;
}

/** Confirmed partnerships of towns and organisations, with filters by policy area and country. */
export function PartnershipsPage({ view }: { view: PartnershipsView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const filter = { area: view.filter.area, country: view.filter.country?.toLowerCase() };
  return (
    <>
      <h1>{t('organisations.partnerships.title')}</h1>
      <p class="lead">{t('organisations.partnerships.lead')}</p>
      <form method="get" action={href('/partnerships')} class="filters">
        <FilterSelect
          id="area"
          label={t('organisations.area')}
          any={t('organisations.list.anyArea')}
          value={view.filter.area ?? ''}
          options={POLICY_AREAS.map((a) => ({ value: a, label: t(`area.${a}`) }))}
        />
        <FilterSelect
          id="country"
          label={t('filters.country')}
          any={t('filters.allCountries')}
          value={filter.country ?? ''}
          options={countriesByName(lang).map((c) => ({ value: c.code.toLowerCase(), label: c.name }))}
        />
        <button type="submit">{t('filters.apply')}</button>
      </form>
      <p class="list-order">{t('organisations.partnerships.count', { count: view.total })}</p>
      <PartnershipList view={view} />
      <Pager page={view.page} pages={view.pages} link={(p) => href(listLink('/partnerships', filter, p))} />
    </>
  );
}

export interface PartnershipPageView extends PartnershipListView {
  canDecide: boolean;
  csrfToken: string;
  notice?: string | undefined;
  error?: string | undefined;
}

/** One partnership: who, on what, when, with what results; the side still to agree agrees or declines here. */
export function PartnershipPage({ view }: { view: PartnershipPageView }) {
  const { t } = usePage();
  const href = useHref();
  const p = view.rows[0]!;
  return (
    <article class="prose">
      <h1>{t('organisations.partnership.on', { area: t(`area.${p.area}`) })}</h1>
      {view.notice && <Notice>{t('organisations.notice.saved')}</Notice>}
      {view.error && (
        <p class="field-error" role="alert">
          {t(view.error)}
        </p>
      )}
      <p>
        <strong>{t(`organisations.partnership.state.${p.state}`)}</strong>
      </p>
      <PartnershipList view={view} level={2} />
      {p.results && (
        <NamedSection id="results" label={t('organisations.partnership.results')}>
          <p>{p.results}</p>
        </NamedSection>
      )}
      {view.canDecide && (
        <div class="actions">
          <ButtonForm
            action={href(`/partnerships/${p.id}/confirm`)}
            csrfToken={view.csrfToken}
            label={t('organisations.partnership.confirm')}
          />
          <ButtonForm
            action={href(`/partnerships/${p.id}/decline`)}
            csrfToken={view.csrfToken}
            label={t('organisations.partnership.decline')}
            secondary
          />
        </div>
      )}
    </article>
  );
}

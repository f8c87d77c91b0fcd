import type { VNode } from 'preact';
import { POLICY_AREAS } from '../../../core/areas.ts';
import { countriesByName, countryName } from '../../../core/countries.ts';
import { logoFile } from '../../../core/logos.ts';
import { NamedSection, Pager } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { type MunicipalitySummary, profilePath } from '../../municipalities/index.ts';
import { ORGANISATION_KINDS, type Organisation } from '../schema.ts';
import { FilterSelect, listLink } from './common.tsx';
import { PartnershipList, type PartnershipListView } from './partnerships.tsx';

export interface OrganisationListView {
  rows: Organisation[];
  filter: { kind?: string | undefined; country?: string | undefined; area?: string | undefined };
  total: number;
  page: number;
  pages: number;
  canCreate: boolean;
}

/** Every organisation, by name, with filters by kind, country and policy area. */
export function OrganisationsPage({ view }: { view: OrganisationListView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const f = view.filter;
  const filter = { kind: f.kind, country: f.country?.toLowerCase(), area: f.area };
  return (
    <>
      <h1>{t('organisations.list.title')}</h1>
      <p class="lead">{t('organisations.list.lead')}</p>
      {view.canCreate && (
        <p>
          <a class="button" href={href('/organisations/new')}>
            {t('organisations.create')}
          </a>
        </p>
      )}
      <form method="get" action={href('/organisations')} class="filters">
        <FilterSelect
          id="kind"
          label={t('organisations.kindLabel')}
          any={t('organisations.list.anyKind')}
          value={f.kind ?? ''}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisations.kind.${k}`) }))}
        />
        <FilterSelect
          id="country"
          label={t('filters.country')}
          any={t('filters.allCountries')}
          value={f.country?.toLowerCase() ?? ''}
          options={countriesByName(lang).map((c) => ({ value: c.code.toLowerCase(), label: c.name }))}
        />
        <FilterSelect
          id="area"
          label={t('organisations.area')}
          any={t('organisations.list.anyArea')}
          value={f.area ?? ''}
          options={POLICY_AREAS.map((a) => ({ value: a, label: t(`area.${a}`) }))}
        />
        <button type="submit">{t('filters.apply')}</button>
      </form>
      <p class="list-order">{t('organisations.list.count', { count: view.total })}</p>
      {view.rows.length > 0 && (
        <ul class="result-list">
          {view.rows.map((o) => (
            <li key={o.id}>
              <a href={href(`/organisations/${o.slug}`)}>{o.name}</a>
              <span class="result-kind">
                {' · '}
                {t(`organisations.kind.${o.kind}`)}
                {o.country && ` · ${countryName(o.country, lang)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Pager page={view.page} pages={view.pages} link={(p) => href(listLink('/organisations', filter, p))} />
    </>
  );
}

export interface OrganisationPageView {
  org: Organisation;
  town: MunicipalitySummary | undefined;
  representatives: string[];
  partnerships: PartnershipListView;
  sections: VNode[];
  canEdit: boolean;
  canPropose: boolean;
}

/** An organisation's profile: its facts, partnerships, what it publishes and who speaks for it. */
export function OrganisationPage({ view }: { view: OrganisationPageView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const { org } = view;
  const areas = org.areas.split(',').filter(Boolean);
  return (
    <article class="prose">
      <p class="result-kind">{t(`organisations.kind.${org.kind}`)}</p>
      <h1>{org.name}</h1>
      {org.logo && <img class="network-logo" src={`/media/organisations/${logoFile(org.logo, 320)}`} alt="" width="160" />}
      {org.description && <p>{org.description}</p>}
      <dl class="facts">
        {org.country && (
          <>
            <dt>{t('filters.country')}</dt>
            <dd>{countryName(org.country, lang)}</dd>
          </>
        )}
        {view.town && (
          <>
            <dt>{t('organisations.town')}</dt>
            <dd>
              <a href={href(profilePath(view.town))}>{view.town.name}</a>
            </dd>
          </>
        )}
        {areas.length > 0 && (
          <>
            <dt>{t('organisations.areas')}</dt>
            <dd>{areas.map((a) => t(`area.${a}`)).join(', ')}</dd>
          </>
        )}
        {org.website && (
          <>
            <dt>{t('organisations.website')}</dt>
            <dd>
              <a href={org.website} rel="nofollow noopener">
                {org.website}
              </a>
            </dd>
          </>
        )}
      </dl>
      {(view.canEdit || view.canPropose) && (
        <ul class="form-links">
          {view.canEdit && (
            <li>
              <a href={href(`/organisations/${org.slug}/edit`)}>{t('organisations.edit')}</a>
            </li>
          )}
          {view.canEdit && (
            <li>
              <a href={href(`/team/organisation/${org.id}`)}>{t('organisations.team')}</a>
            </li>
          )}
          {view.canPropose && (
            <li>
              <a href={href(`/partnerships/propose?organisation=${org.id}`)}>{t('organisations.partnership.propose')}</a>
            </li>
          )}
        </ul>
      )}
      {view.partnerships.rows.length > 0 && (
        <NamedSection id="partnerships" label={t('organisations.partnership.title')}>
          <PartnershipList view={view.partnerships} level={3} />
        </NamedSection>
      )}
      {view.sections}
      {view.representatives.length > 0 && (
        <NamedSection id="representatives" label={t('organisations.representatives')}>
          <ul>
            {view.representatives.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </NamedSection>
      )}
    </article>
  );
}

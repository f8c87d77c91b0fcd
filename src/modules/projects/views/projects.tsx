import type { ComponentChildren, VNode } from 'preact';
import { POLICY_AREAS } from '../../../core/areas.ts';
import { countryName } from '../../../core/countries.ts';
import { Pager } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { OwnedEvent } from '../../content/index.ts';
import { type MapPlace, PlacesMap } from '../../municipalities/index.ts';
import { PROJECT_STATES, type ProgrammeView, type ProjectIndicator } from '../schema.ts';
import { indicatorLabel, list, type PartnerView, type ProjectView, progressOf } from '../service/project-read.ts';

const paragraphs = (text: string) => text.split(/\n{2,}/).filter((p) => p.trim());

export const euros = (amount: number, lang: string) =>
  new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(amount);

/** A calendar day in the reader's language: "2 November 2020". */
export function Day({ day }: { day: string }) {
  const { lang } = usePage();
  const text = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
  return <time datetime={day}>{text}</time>;
}

export interface ProjectFilterView {
  programme?: string | undefined;
  area?: string | undefined;
  country?: string | undefined;
  state?: string | undefined;
}

export interface ProjectsView {
  projects: ProjectView[];
  programmes: ProgrammeView[];
  countries: string[];
  filter: ProjectFilterView;
  page: number;
  pages: number;
  total: number;
}

function Filters({ view }: { view: ProjectsView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const f = view.filter;
  return (
    <form method="get" action={href('/projects')} class="filters" aria-label={t('projects.project.filters')}>
      <div class="field">
        <label for="programme">{t('projects.call.programme')}</label>
        <select id="programme" name="programme">
          <option value="">{t('projects.project.anyProgramme')}</option>
          {view.programmes.map((p) => (
            <option key={p.slug} value={p.slug} selected={p.slug === f.programme}>
              {p.acronym}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="area">{t('projects.areas')}</label>
        <select id="area" name="area">
          <option value="">{t('projects.calls.anyArea')}</option>
          {POLICY_AREAS.map((a) => (
            <option key={a} value={a} selected={a === f.area}>
              {t(`area.${a}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="country">{t('projects.project.partnerCountry')}</label>
        <select id="country" name="country">
          <option value="">{t('projects.project.anyCountry')}</option>
          {view.countries.map((c) => (
            <option key={c} value={c} selected={c === f.country}>
              {countryName(c, lang)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="state">{t('projects.project.state')}</label>
        <select id="state" name="state">
          <option value="">{t('projects.project.anyState')}</option>
          {PROJECT_STATES.map((s) => (
            <option key={s} value={s} selected={s === f.state}>
              {t(`projects.project.state.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t('filters.apply')}</button>
    </form>
  );
}

/** A project in a list: what it is, who runs it, when. */
export function ProjectCard({ project: p }: { project: ProjectView }) {
  const { t, lang } = usePage();
  const href = useHref();
  return (
    <li class="card">
      <h3>
        <a href={href(`/projects/${p.slug}`)}>{p.acronym}</a>
      </h3>
      <p lang={p.language === lang ? undefined : p.language}>{p.title}</p>
      {p.programme && <p class="meta">{p.programme.acronym}</p>}
      <p class="meta">
        <Day day={p.starts_on} /> – <Day day={p.ends_on} />
      </p>
      <p class="meta">{t('projects.project.partnersCount', { partners: p.partnerCount, countries: p.countryCount })}</p>
      <span class="tag">{t(`projects.project.state.${p.state}`)}</span>
    </li>
  );
}

/** Where the list names the towns its reader may start a project for. */
export const STARTS_HOLE = 'projects.starts';

/** A link to start a project for each town the reader works for. */
export function ProjectStarts({ starts }: { starts: { id: number; name: string }[] }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <div>
      {starts.map((town) => (
        <p key={town.id}>
          <a class="button" href={href(`/projects/new?town=${town.id}`)}>
            {t('projects.project.new', { town: town.name })}
          </a>
        </p>
      ))}
    </div>
  );
}

/** Every project towns run with partners, with filters: running ones first. */
export function ProjectsPage({ view }: { view: ProjectsView }) {
  const { t } = usePage();
  const href = useHref();
  const link = (page: number) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(view.filter)) if (v) p.set(k, v);
    if (page > 1) p.set('page', String(page));
    const s = p.toString();
    return href(`/projects${s ? `?${s}` : ''}`);
  };
  return (
    <>
      <p class="breadcrumb">
        <a href={href('/programmes')}>{t('projects.title')}</a>
      </p>
      <h1>{t('projects.project.listTitle')}</h1>
      <p class="lead">{t('projects.project.listLead')}</p>
      <div data-hole={STARTS_HOLE} />
      <Filters view={view} />
      <p class="list-order">{t('projects.project.count', { count: view.total })}</p>
      {view.projects.length === 0 ? (
        <p>{t('projects.project.none')}</p>
      ) : (
        <ul class="cards">
          {view.projects.map((p) => (
            <ProjectCard key={p.id} project={p} />
          ))}
        </ul>
      )}
      <Pager page={view.page} pages={view.pages} link={link} />
    </>
  );
}

export interface ProjectDetail {
  project: ProjectView;
  call: { id: number; reference: string; title: string } | null;
  partners: PartnerView[];
  places: MapPlace[];
  map: { tiles: string; attribution: string };
  events: OwnedEvent[];
  /** When the project's state moved, from the audit log. */
  stateChanges: { at: string; to: string }[];
  indicators: ProjectIndicator[];
  sections: VNode[];
  canEdit: boolean;
  /** A member of its team: the private workspace is linked. */
  inWorkspace: boolean;
}

export function PartnerTable({ partners }: { partners: PartnerView[] }) {
  const { t, lang } = usePage();
  const href = useHref();
  return (
    <table class="table">
      <caption class="visually-hidden">{t('projects.partners.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('projects.partners.name')}</th>
          <th scope="col">{t('filters.country')}</th>
          <th scope="col">{t('projects.partners.type')}</th>
          <th scope="col">{t('projects.partners.role')}</th>
          <th scope="col">{t('projects.partners.joined')}</th>
          <th scope="col">{t('projects.partners.left')}</th>
        </tr>
      </thead>
      <tbody>
        {partners.map((p) => (
          <tr key={p.id}>
            <th scope="row" data-label={t('projects.partners.name')}>
              {p.profile ? <a href={href(p.profile)}>{p.name}</a> : p.name}
            </th>
            <td data-label={t('filters.country')}>{countryName(p.country, lang)}</td>
            <td data-label={t('projects.partners.type')}>
              {p.kind === 'town' ? t('projects.partners.town') : t(`projects.orgType.${p.organisation_type || 'other'}`)}
            </td>
            <td data-label={t('projects.partners.role')}>{t(`projects.partnerRole.${p.role}`)}</td>
            <td data-label={p.joined_on ? t('projects.partners.joined') : undefined}>{p.joined_on ? <Day day={p.joined_on} /> : ''}</td>
            <td data-label={p.left_on ? t('projects.partners.left') : undefined}>{p.left_on ? <Day day={p.left_on} /> : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A project's life in date order: its start, its events, the moves of its state, its end. */
function Timeline({ view }: { view: ProjectDetail }) {
  const { t, lang } = usePage();
  const href = useHref();
  const p = view.project;
  const state = (s: string) => t(`projects.project.state.${s}`);
  const entries: { at: string; title: ComponentChildren; status?: string | undefined; zone?: string | null }[] = [
    { at: `${p.starts_on}T00:00:00Z`, title: t('projects.project.starts') },
    ...view.events.map((e) => ({
      at: e.startsAt,
      zone: e.timeZone,
      title: (
        <a href={href(e.path)} lang={e.language === lang ? undefined : e.language}>
          {e.title}
        </a>
      ),
    })),
    ...view.stateChanges.map((c) => ({ at: c.at, title: t('projects.project.stateChanged'), status: state(c.to) })),
    { at: `${p.ends_on}T00:00:00Z`, title: t('projects.project.ends') },
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('projects.project.timeline')}</h2>
      <ol class="timeline">
        {entries.map((e, i) => (
          <li key={`${i}-${e.at}`}>
            <time datetime={e.at}>
              {new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: e.zone ?? 'UTC' }).format(
                new Date(e.at),
              )}
            </time>
            <div>
              <p class="timeline-title">
                {e.title}
                {e.status && (
                  <>
                    {' '}
                    <span class="tag">{e.status}</span>
                  </>
                )}
              </p>
            </div>
          </li>
        ))}
      </ol>
      <p class="meta">{t('projects.project.stateNow', { state: state(p.state) })}</p>
    </section>
  );
}

function Indicators({ indicators }: { indicators: ProjectIndicator[] }) {
  const { t, lang } = usePage();
  const number = (n: number | null) => (n === null ? '–' : new Intl.NumberFormat(lang).format(n));
  return (
    <section aria-labelledby="indicators-heading">
      <h2 id="indicators-heading">{t('projects.indicators.title')}</h2>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('projects.indicators.label')}</th>
            <th scope="col">{t('projects.indicators.kind')}</th>
            <th scope="col">{t('projects.indicators.target')}</th>
            <th scope="col">{t('projects.indicators.achieved')}</th>
            <th scope="col">{t('projects.indicators.progress')}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((i) => {
            const label = indicatorLabel(i, lang);
            const progress = progressOf(i);
            return (
              <tr key={i.id}>
                <th scope="row" data-label={t('projects.indicators.label')} lang={label.language === lang ? undefined : label.language}>
                  {label.text}
                </th>
                <td data-label={t('projects.indicators.kind')}>{t(`projects.indicators.${i.kind}`)}</td>
                <td data-label={t('projects.indicators.target')}>
                  {number(i.target)} {i.unit}
                </td>
                <td data-label={t('projects.indicators.achieved')}>
                  {number(i.achieved)} {i.unit}
                </td>
                <td data-label={t('projects.indicators.progress')}>
                  {progress === null ? '–' : t('projects.indicators.percent', { percent: progress })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** One project: what it is, its money, its partners and their map, its timeline, its results. */
export function ProjectPage({ view }: { view: ProjectDetail }) {
  const { t, lang } = usePage();
  const href = useHref();
  const p = view.project;
  const foreign = p.language === lang ? undefined : p.language;
  return (
    <>
      <p class="breadcrumb">
        <a href={href('/projects')}>{t('projects.project.listTitle')}</a>
      </p>
      <h1>
        <span lang={foreign}>{p.title}</span> ({p.acronym})
      </h1>
      <p>
        <span class="tag">{t(`projects.project.state.${p.state}`)}</span>
      </p>
      {view.inWorkspace && (
        <p>
          <a class="button" href={href(`/projects/${p.slug}/workspace`)}>
            {t('projects.workspace.open')}
          </a>
        </p>
      )}
      {view.canEdit && (
        <p>
          <a class="button button--secondary" href={href(`/projects/${p.slug}/edit`)}>
            {t('projects.project.edit')}
          </a>{' '}
          <a class="button button--secondary" href={href(`/projects/${p.slug}/partners`)}>
            {t('projects.partners.manage')}
          </a>{' '}
          <a class="button button--secondary" href={href(`/projects/${p.slug}/indicators`)}>
            {t('projects.indicators.manage')}
          </a>
        </p>
      )}
      <div class="prose" lang={foreign}>
        {paragraphs(p.summary).map((s, i) => (
          <p key={i}>{s}</p>
        ))}
      </div>
      <dl class="summary-list">
        <dt>{t('projects.project.acronym')}</dt>
        <dd>{p.acronym}</dd>
        {p.programme && (
          <>
            <dt>{t('projects.call.programme')}</dt>
            <dd>
              <a href={href(`/programmes/${p.programme.slug}`)}>{p.programme.name}</a>
            </dd>
          </>
        )}
        {view.call && (
          <>
            <dt>{t('projects.project.call')}</dt>
            <dd>
              <a href={href(`/calls/${view.call.id}`)}>{view.call.title}</a>
            </dd>
          </>
        )}
        {p.reference && (
          <>
            <dt>{t('projects.project.reference')}</dt>
            <dd>{p.reference}</dd>
          </>
        )}
        <dt>{t('projects.project.dates')}</dt>
        <dd>
          <Day day={p.starts_on} /> – <Day day={p.ends_on} />
        </dd>
        {p.budget_eur !== null && (
          <>
            <dt>{t('projects.project.budget')}</dt>
            <dd>{euros(p.budget_eur, lang)}</dd>
          </>
        )}
        {p.eu_contribution_eur !== null && (
          <>
            <dt>{t('projects.project.euContribution')}</dt>
            <dd>{euros(p.eu_contribution_eur, lang)}</dd>
          </>
        )}
        {p.areas && (
          <>
            <dt>{t('projects.areas')}</dt>
            <dd>
              {list(p.areas)
                .map((a) => t(`area.${a}`))
                .join(', ')}
            </dd>
          </>
        )}
        {p.website && (
          <>
            <dt>{t('projects.project.website')}</dt>
            <dd>
              <a href={p.website} rel="noopener">
                {p.website}
              </a>
            </dd>
          </>
        )}
        <dt>{t('projects.project.state')}</dt>
        <dd>{t(`projects.project.state.${p.state}`)}</dd>
      </dl>
      <section aria-labelledby="partners-heading">
        <h2 id="partners-heading">{t('projects.partners.title')}</h2>
        <p>{t('projects.project.partnersCount', { partners: p.partnerCount, countries: p.countryCount })}</p>
        <PartnerTable partners={view.partners} />
        {view.places.length > 0 && (
          <PlacesMap label={t('projects.partners.map')} tiles={view.map.tiles} attribution={view.map.attribution} places={view.places} />
        )}
      </section>
      <Timeline view={view} />
      {view.indicators.length > 0 && <Indicators indicators={view.indicators} />}
      {view.sections}
    </>
  );
}

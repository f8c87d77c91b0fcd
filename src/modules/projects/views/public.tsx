import type { VNode } from 'preact';
import { POLICY_AREAS } from '../../../core/areas.ts';
import { Pager } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { APPLICANTS, type CallView, callState, type ProgrammeView } from '../schema.ts';
import { list } from '../service/read.ts';
import { CallCard, CallFacts, CallStateLine } from './facts.tsx';

const paragraphs = (text: string) => text.split(/\n{2,}/).filter((p) => p.trim());

export interface CallFilterView {
  area?: string | undefined;
  applicant?: string | undefined;
  open?: boolean | undefined;
  deadline_before?: string | undefined;
}

export interface ProgrammesView {
  programmes: ProgrammeView[];
  calls: CallView[];
  filter: CallFilterView;
  page: number;
  pages: number;
  total: number;
  canEdit: boolean;
}

function Filters({ filter }: { filter: CallFilterView }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <form method="get" action={href('/programmes')} class="filters" aria-label={t('projects.calls.filters')}>
      <div class="field">
        <label for="area">{t('projects.areas')}</label>
        <select id="area" name="area">
          <option value="">{t('projects.calls.anyArea')}</option>
          {POLICY_AREAS.map((a) => (
            <option key={a} value={a} selected={a === filter.area}>
              {t(`area.${a}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="applicant">{t('projects.call.applicants')}</label>
        <select id="applicant" name="applicant">
          <option value="">{t('projects.calls.anyApplicant')}</option>
          {APPLICANTS.map((a) => (
            <option key={a} value={a} selected={a === filter.applicant}>
              {t(`projects.applicant.${a}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="deadline_before">{t('projects.calls.deadlineBefore')}</label>
        <input type="date" id="deadline_before" name="deadline_before" value={filter.deadline_before ?? ''} />
      </div>
      <div class="field field--checkbox">
        <input type="checkbox" id="open" name="open" value="1" checked={!!filter.open} />
        <label for="open">{t('projects.calls.openNow')}</label>
      </div>
      <button type="submit">{t('filters.apply')}</button>
    </form>
  );
}

/** The catalogue of programmes, then their calls with filters: what a town can apply for, and by when. */
export function ProgrammesPage({ view }: { view: ProgrammesView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const link = (page: number) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(view.filter)) if (v) p.set(k, v === true ? '1' : String(v));
    if (page > 1) p.set('page', String(page));
    const s = p.toString();
    return href(`/programmes${s ? `?${s}` : ''}#calls`);
  };
  return (
    <>
      <h1>{t('projects.title')}</h1>
      <p class="lead">{t('projects.lead')}</p>
      <p>
        <a href={href('/projects')}>{t('projects.project.seeAll')}</a>
      </p>
      {view.canEdit && (
        <p>
          <a class="button" href={href('/programmes/new')}>
            {t('projects.programme.new')}
          </a>
        </p>
      )}
      <section aria-labelledby="programmes-heading">
        <h2 id="programmes-heading">{t('projects.programmes')}</h2>
        {view.programmes.length === 0 ? (
          <p>{t('projects.noProgrammes')}</p>
        ) : (
          <ul class="cards">
            {view.programmes.map((p) => (
              <li key={p.id} class="card">
                <h3>
                  <a href={href(`/programmes/${p.slug}`)}>{p.acronym}</a>
                </h3>
                {p.name !== p.acronym && <p lang={p.language === lang ? undefined : p.language}>{p.name}</p>}
                <p class="meta">{p.managing_body}</p>
                {p.areas && (
                  <p class="meta">
                    {list(p.areas)
                      .map((a) => t(`area.${a}`))
                      .join(', ')}
                  </p>
                )}
                {!p.active && <span class="tag">{t('projects.programme.inactive')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section id="calls" aria-labelledby="calls-heading">
        <h2 id="calls-heading">{t('projects.calls.title')}</h2>
        <Filters filter={view.filter} />
        <p class="list-order">{t('projects.calls.count', { count: view.total })}</p>
        <p>
          <a href={href('/calls.ics')}>{t('projects.calls.calendar')}</a> ·{' '}
          <a href={`/${lang}/feeds/funding-calls.rss`}>{t('projects.calls.rss')}</a>
        </p>
        <ul class="cards cards--calls">
          {view.calls.map((c) => (
            <CallCard key={c.id} call={c} />
          ))}
        </ul>
        <Pager page={view.page} pages={view.pages} link={link} />
      </section>
    </>
  );
}

export interface ProgrammeDetail {
  programme: ProgrammeView;
  strands: string[];
  calls: CallView[];
  canEdit: boolean;
}

/** One programme: what it funds, its strands, and its calls grouped by state. */
export function ProgrammePage({ view }: { view: ProgrammeDetail }) {
  const { t, lang } = usePage();
  const href = useHref();
  const p = view.programme;
  const foreign = p.language === lang ? undefined : p.language;
  const groups = (['open', 'forthcoming', 'closed'] as const).map((state) => ({
    state,
    calls: view.calls.filter((c) => callState(c) === state),
  }));
  return (
    <>
      <p class="breadcrumb">
        <a href={href('/programmes')}>{t('projects.title')}</a>
      </p>
      <h1>
        <span lang={foreign}>{p.name}</span>
        {p.name !== p.acronym && <> ({p.acronym})</>}
      </h1>
      {view.canEdit && (
        <p>
          <a class="button button--secondary" href={href(`/programmes/${p.slug}/edit`)}>
            {t('projects.programme.edit')}
          </a>{' '}
          <a class="button" href={href(`/programmes/${p.slug}/calls/new`)}>
            {t('projects.call.new')}
          </a>
        </p>
      )}
      <div class="prose" lang={foreign}>
        {paragraphs(p.summary).map((s, i) => (
          <p key={i}>{s}</p>
        ))}
      </div>
      <dl class="summary-list">
        <dt>{t('projects.programme.managingBody')}</dt>
        <dd>{p.managing_body}</dd>
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
            <dt>{t('projects.programme.website')}</dt>
            <dd>
              <a href={p.website} rel="noopener">
                {p.website}
              </a>
            </dd>
          </>
        )}
      </dl>
      {view.strands.length > 0 && (
        <section aria-labelledby="strands-heading">
          <h2 id="strands-heading">{t('projects.programme.strands')}</h2>
          <ul>
            {view.strands.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </section>
      )}
      {groups.map(({ state, calls }) => (
        <section key={state} aria-labelledby={`calls-${state}`}>
          <h2 id={`calls-${state}`}>{t(`projects.calls.${state}`)}</h2>
          {calls.length === 0 ? (
            <p>{t('projects.calls.none')}</p>
          ) : (
            <ul class="cards cards--calls">
              {calls.map((c) => (
                <CallCard key={c.id} call={c} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

export interface CallDetail {
  call: CallView;
  canEdit: boolean;
  /** What other modules show on a call's page, e.g. partner searches naming it. */
  sections: VNode[];
}

/** Everything about one call, its deadline on its own clock, and a way to put it in a calendar. */
export function CallPage({ view }: { view: CallDetail }) {
  const { t, lang } = usePage();
  const href = useHref();
  const c = view.call;
  const foreign = c.language === lang ? undefined : c.language;
  return (
    <>
      <p class="breadcrumb">
        <a href={href('/programmes')}>{t('projects.title')}</a> ›{' '}
        <a href={href(`/programmes/${c.programme.slug}`)}>{c.programme.acronym}</a>
      </p>
      <h1 lang={foreign}>{c.title}</h1>
      <CallStateLine call={c} />
      {view.canEdit && (
        <p>
          <a class="button button--secondary" href={href(`/calls/${c.id}/edit`)}>
            {t('projects.call.edit')}
          </a>
        </p>
      )}
      <div class="prose" lang={foreign}>
        {paragraphs(c.summary).map((s, i) => (
          <p key={i}>{s}</p>
        ))}
      </div>
      <CallFacts call={c} full />
      <p>
        <a class="button" href={c.url} rel="noopener">
          {t('projects.call.official')}
        </a>{' '}
        <a class="button button--secondary" href={href(`/calls/${c.id}.ics`)}>
          {t('projects.call.addToCalendar')}
        </a>
      </p>
      {view.sections}
    </>
  );
}

import { NamedSection, Pager } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { type MunicipalitySummary, PlacesMap, profilePath } from '../../municipalities/index.ts';
import type { SignalCategory } from '../schema.ts';
import { categoryName } from '../service/categories.ts';
import { type ListFilter, type ListRow, STATE_FILTERS } from '../service/lists.ts';
import { townKey } from '../service/places.ts';
import { reportPath } from '../service/reports.ts';

export interface TownReportsView {
  town: MunicipalitySummary;
  takes: boolean;
  categories: SignalCategory[];
  filter: ListFilter;
  rows: ListRow[];
  total: number;
  page: number;
  pages: number;
  map: { tiles: string; attribution: string };
}

/** The list's filters as a query, for its pages and its map's data. */
export const filterQuery = (f: ListFilter, page = 1) => {
  const p = new URLSearchParams();
  if (f.state) p.set('state', f.state);
  if (f.category) p.set('category', String(f.category));
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `?${s}` : '';
};

const stateLabel = (t: ReturnType<typeof usePage>['t'], s: string) =>
  s === 'open' || s === 'closed' ? t(`signals.list.${s}`) : t(`signals.state.${s}`);

export function TownReportsPage({ view }: { view: TownReportsView }) {
  const { t } = usePage();
  const href = useHref();
  const base = `${profilePath(view.town)}/signals`;
  const names = new Map(view.categories.map((c) => [c.id, categoryName(t, c)]));
  return (
    <article>
      <p class="meta">
        <a href={href(profilePath(view.town))}>{view.town.name}</a>
      </p>
      <h1>{t('signals.list.title', { town: view.town.name })}</h1>
      {view.takes ? (
        <p>
          <a class="button" href={href(`/signals/new?town=${townKey(view.town)}`)}>
            {t('signals.list.report')}
          </a>
        </p>
      ) : (
        <p class="lead">{t('signals.list.notTaking', { town: view.town.name })}</p>
      )}
      <form method="get" action={href(base)} class="filters">
        <div class="field">
          <label for="state">{t('signals.list.state')}</label>
          <select id="state" name="state">
            <option value="">{t('signals.list.allStates')}</option>
            {STATE_FILTERS.map((s) => (
              <option key={s} value={s} selected={view.filter.state === s}>
                {stateLabel(t, s)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="category">{t('signals.list.category')}</label>
          <select id="category" name="category">
            <option value="">{t('signals.list.allCategories')}</option>
            {view.categories.map((c) => (
              <option key={c.id} value={String(c.id)} selected={view.filter.category === c.id}>
                {names.get(c.id)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('filters.apply')}</button>
      </form>
      <p class="list-order">{t('signals.list.count', { count: view.total })}</p>
      {view.total > 0 && (
        <PlacesMap
          label={t('signals.list.mapLabel', { town: view.town.name })}
          tiles={view.map.tiles}
          attribution={view.map.attribution}
          source={href(`${base}/map.json${filterQuery(view.filter)}`)}
          base="/signals/"
          note={view.total > 2000 ? t('signals.list.mapNote') : undefined}
        />
      )}
      <ol class="cards signal-list">
        {view.rows.map((r) => (
          <li key={r.id} class="card">
            <h2>
              <a href={href(reportPath(r.id))}>
                {names.get(r.category_id) ?? ''}
                {r.address ? `: ${r.address}` : ''}
              </a>
            </h2>
            <p>
              <span class="tag">{t(`signals.state.${r.state}`)}</span>{' '}
              <time datetime={r.created_at}>{t('common.date', { date: new Date(r.created_at) })}</time>
              {r.me_too > 0 && <> · {t('signals.page.meTooCount', { count: r.me_too })}</>}
            </p>
            <p>{r.description}</p>
          </li>
        ))}
      </ol>
      <Pager page={view.page} pages={view.pages} link={(p) => href(`${base}${filterQuery(view.filter, p)}`)} />
    </article>
  );
}

/** The towns that take reports, each linking to its reports. */
export function TownsPage({ towns }: { towns: MunicipalitySummary[] }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <article>
      <h1>{t('signals.title')}</h1>
      <p class="lead">{t('signals.list.lead')}</p>
      <p>
        <a class="button" href={href('/signals/new')}>
          {t('signals.list.report')}
        </a>
      </p>
      <h2>{t('signals.list.towns')}</h2>
      <ul class="places">
        {towns.map((m) => (
          <li key={m.id}>
            <a href={href(`${profilePath(m)}/signals`)}>{m.name}</a>
          </li>
        ))}
      </ul>
    </article>
  );
}

/** On a town's profile: its open reports, and where to report a problem. */
export function ProfileSignals({ town, open }: { town: MunicipalitySummary; open: number }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <NamedSection id="signals" label={t('signals.title')}>
      <p>{t('signals.list.openCount', { count: open })}</p>
      <p>
        <a href={href(`${profilePath(town)}/signals`)}>{t('signals.list.title', { town: town.name })}</a> ·{' '}
        <a href={href(`/signals/new?town=${townKey(town)}`)}>{t('signals.list.report')}</a>
      </p>
    </NamedSection>
  );
}

import { POLICY_AREAS } from '../../../core/areas.ts';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  formFields,
  Notice,
  Pager,
  Select,
  TextArea,
  TextField,
} from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { InboxRow } from '../repo/staff.ts';
import { SIGNAL_STATES, type SignalCategory } from '../schema.ts';
import { categoryName } from '../service/categories.ts';
import { AGES, BULK_STATES, type InboxQuery, inboxSearch } from '../service/inbox.ts';
import { NOTE_LIMIT } from '../service/states.ts';
import { TableHead } from './table.tsx';

export interface InboxView {
  /** The town shown, and the address of its categories. */
  town: { id: number; name: string; categories: string };
  /** The towns the person works for, to switch between. */
  towns: { id: number; name: string }[];
  query: InboxQuery;
  categories: SignalCategory[];
  rows: (InboxRow & { assignee: string | null | undefined })[];
  total: number;
  page: number;
  pages: number;
  csrfToken: string;
  notice?: string | undefined;
  refused?: { values: Record<string, string | undefined>; errors: FieldErrors; ids: string[] } | undefined;
}

const option = (value: string, label: string, current: string | undefined) => (
  <option key={value} value={value} selected={value === (current ?? '')}>
    {label}
  </option>
);

/** The filters, a form that works without JavaScript. */
function Filters({ view }: { view: InboxView }) {
  const { t } = usePage();
  const href = useHref();
  const q = view.query;
  return (
    <form method="get" action={href('/signals/inbox')} class="filters" aria-label={t('signals.inbox.filters')}>
      {view.towns.length > 1 ? (
        <div class="field">
          <label for="inbox-town">{t('signals.inbox.town')}</label>
          <select id="inbox-town" name="town">
            {view.towns.map((m) => option(String(m.id), m.name, String(view.town.id)))}
          </select>
        </div>
      ) : (
        <input type="hidden" name="town" value={String(view.town.id)} />
      )}
      <div class="field">
        <label for="inbox-state">{t('signals.inbox.state')}</label>
        <select id="inbox-state" name="state">
          {option('', t('signals.inbox.allStates'), q.state)}
          {option('unsettled', t('signals.inbox.unsettled'), q.state)}
          {SIGNAL_STATES.map((s) => option(s, t(`signals.state.${s}`), q.state))}
        </select>
      </div>
      <div class="field">
        <label for="inbox-category">{t('signals.inbox.category')}</label>
        <select id="inbox-category" name="category">
          {option('', t('signals.inbox.allCategories'), q.category === undefined ? '' : String(q.category))}
          {view.categories.map((c) => option(String(c.id), categoryName(t, c), q.category === undefined ? '' : String(q.category)))}
        </select>
      </div>
      <div class="field">
        <label for="inbox-area">{t('signals.inbox.area')}</label>
        <select id="inbox-area" name="area">
          {option('', t('signals.inbox.allAreas'), q.area)}
          {POLICY_AREAS.map((a) => option(a, t(`area.${a}`), q.area))}
        </select>
      </div>
      <div class="field">
        <label for="inbox-age">{t('signals.inbox.age')}</label>
        <select id="inbox-age" name="age">
          {option('', t('signals.inbox.anyAge'), q.age)}
          {AGES.map((a) => option(a, t('signals.inbox.olderThan', { days: Number(a) }), q.age))}
        </select>
      </div>
      <div class="checkbox-item">
        <input type="checkbox" id="inbox-mine" name="mine" value="1" checked={q.mine === '1'} />
        <label for="inbox-mine">{t('signals.inbox.mine')}</label>
      </div>
      <button type="submit">{t('filters.apply')}</button>
    </form>
  );
}

/** The reports, each with a box to tick for a bulk change. */
function Rows({ view }: { view: InboxView }) {
  const { t } = usePage();
  const href = useHref();
  const head = ['report', 'state', 'category', 'made', 'assigned'].map((c) => t(`signals.inbox.col.${c}`));
  const ticked = new Set(view.refused?.ids ?? []);
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="visually-hidden">{t('signals.inbox.caption', { count: view.total })}</caption>
        <TableHead columns={head} hidden={t('signals.inbox.col.pick')} />
        <tbody>
          {view.rows.map((r) => {
            const category = categoryName(t, { name: r.category_name, default_key: r.category_default });
            const summary = r.description.length > 90 ? `${r.description.slice(0, 90)}…` : r.description;
            return (
              <tr key={r.id}>
                <td>
                  <input
                    type="checkbox"
                    name="ids"
                    value={String(r.id)}
                    id={`pick-${r.id}`}
                    form="bulk"
                    checked={ticked.has(String(r.id))}
                    aria-label={t('signals.inbox.pick', { id: r.id })}
                  />
                </td>
                <th scope="row" data-label={head[0]}>
                  <a href={href(`/signals/${r.id}/manage`)}>#{r.id}</a> {summary}
                  {r.confirmed === 0 && (
                    <>
                      {' '}
                      <span class="tag">{t('signals.inbox.unconfirmed')}</span>
                    </>
                  )}
                  {r.hidden === 1 && (
                    <>
                      {' '}
                      <span class="tag">{t('signals.manage.hiddenTag')}</span>
                    </>
                  )}
                </th>
                <td data-label={head[1]}>{t(`signals.state.${r.state}`)}</td>
                <td data-label={head[2]}>{category}</td>
                <td data-label={head[3]}>
                  <time datetime={r.created_at}>{t('common.date', { date: new Date(r.created_at) })}</time>
                </td>
                <td data-label={head[4]}>{r.assignee ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** One state and one public note for every report ticked above. */
function Bulk({ view }: { view: InboxView }) {
  const { t } = usePage();
  const href = useHref();
  const labels = {
    bulk_state: t('signals.manage.field.state'),
    bulk_note: t('signals.manage.field.note'),
    bulk_responsible: t('signals.manage.field.responsible'),
  };
  const field = formFields(labels, view.refused?.values ?? {}, view.refused?.errors ?? {});
  return (
    <section class="panel" aria-labelledby="bulk-heading">
      <h2 id="bulk-heading">{t('signals.inbox.bulkTitle')}</h2>
      <p class="hint">{t('signals.inbox.bulkHint')}</p>
      <form
        method="post"
        action={`${href('/signals/inbox/bulk')}?${inboxSearch(view.query, view.town.id)}`}
        id="bulk"
        class="form"
        noValidate
      >
        <CsrfField token={view.csrfToken} />
        <Select
          {...field('bulk_state')}
          required
          options={[
            { value: '', label: t('signals.manage.chooseState') },
            ...BULK_STATES.map((s) => ({ value: s, label: t(`signals.state.${s}`) })),
          ]}
        />
        <TextArea {...field('bulk_note')} required maxLength={NOTE_LIMIT} rows={3} hint={t('signals.manage.hint.note')} />
        <TextField {...field('bulk_responsible')} maxLength={200} hint={t('signals.manage.hint.responsible')} />
        <button type="submit">{t('signals.inbox.bulkSubmit')}</button>
      </form>
    </section>
  );
}

/** A town's reports for its staff: filters, the list oldest open first, bulk changes and the export. */
export function InboxPage({ view }: { view: InboxView }) {
  const { t } = usePage();
  const href = useHref();
  const search = (extra: Record<string, string> = {}) => inboxSearch(view.query, view.town.id, extra);
  const labels = {
    bulk_state: t('signals.manage.field.state'),
    bulk_note: t('signals.manage.field.note'),
    bulk_responsible: t('signals.manage.field.responsible'),
  };
  return (
    <>
      <h1>{t('signals.inbox.title', { town: view.town.name })}</h1>
      {view.notice && <Notice>{t(`signals.inbox.notice.${view.notice}`)}</Notice>}
      <ErrorSummary errors={view.refused?.errors ?? {}} labels={labels} />
      <Filters view={view} />
      <p>
        {t('signals.inbox.count', { count: view.total })} ·{' '}
        <a href={`${href('/signals/inbox.csv')}?${search()}`}>{t('signals.inbox.export')}</a> ·{' '}
        <a href={href(view.town.categories)}>{t('signals.inbox.categories')}</a>
      </p>
      {view.rows.length ? <Rows view={view} /> : <p>{t('signals.inbox.empty')}</p>}
      <Pager page={view.page} pages={view.pages} link={(n) => `${href('/signals/inbox')}?${search({ page: String(n) })}`} />
      {view.rows.length > 0 && <Bulk view={view} />}
    </>
  );
}

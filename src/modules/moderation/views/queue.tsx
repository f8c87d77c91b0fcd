import { moderatedKinds } from '../../../core/moderation.ts';
import { Pager } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { ItemState } from '../schema.ts';
import { QUEUE_FILTERS, type QueueEntry, type QueueFilter } from '../service/queue.ts';

export const entryPath = (type: string, id: number) => `/moderation/${type}/${id}`;

/** Where a text stands, as a tag. */
export function StateTag({ state }: { state: ItemState | 'none' }) {
  const { t } = usePage();
  return <span class={`tag tag--${state}`}>{t(`moderation.state.${state}`)}</span>;
}

/** "Spam (2), Offensive (1)". */
export function ReasonCounts({ reasons }: { reasons: QueueEntry['reasons'] }) {
  const { t } = usePage();
  if (!reasons.length) return <>{t('moderation.reasons.none')}</>;
  return (
    <>{reasons.map((r) => t('moderation.reasons.count', { reason: t(`moderation.reason.${r.reason}`), count: r.count })).join(', ')}</>
  );
}

export interface QueueView {
  filter: QueueFilter;
  entries: QueueEntry[];
  total: number;
  page: number;
  pages: number;
}

/** The moderators' queue: each text's excerpt, kind, flags by reason and state, linking to its entry. */
export function QueuePage({ view }: { view: QueueView }) {
  const { t } = usePage();
  const href = useHref();
  const link = (filter: QueueFilter, page = 1) => href(`/moderation?state=${filter}${page > 1 ? `&page=${page}` : ''}`);
  return (
    <>
      <h1>{t('moderation.queue.title')}</h1>
      <p class="lead">{t('moderation.queue.lead')}</p>
      <nav class="section-nav" aria-label={t('moderation.queue.lists')}>
        <ul>
          {(Object.keys(QUEUE_FILTERS) as QueueFilter[]).map((f) => (
            <li key={f}>
              <a href={link(f)} aria-current={f === view.filter ? 'page' : undefined}>
                {t(`moderation.queue.filter.${f}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t('moderation.queue.count', { count: view.total })}</h2>
      {view.entries.length === 0 ? (
        <p>{t(`moderation.queue.none.${view.filter}`)}</p>
      ) : (
        <ul class="cards">
          {view.entries.map((e) => (
            <li key={e.item.id} class="card">
              <p>
                <StateTag state={e.item.state} /> <span class="place-meta">{t(e.kindLabel)}</span>
              </p>
              <p>
                <a href={href(entryPath(e.item.text_type, e.item.text_id))}>{e.text?.excerpt || t('moderation.entry.gone')}</a>
              </p>
              <p class="place-meta">
                {t('moderation.reasons.label')}: <ReasonCounts reasons={e.reasons} />
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager page={view.page} pages={view.pages} link={(p) => link(view.filter, p)} />
      <FindText />
    </>
  );
}

/** Opens any text's entry by its kind and number, to hide one nobody reported. */
function FindText() {
  const { t } = usePage();
  const href = useHref();
  return (
    <section aria-labelledby="find-heading">
      <h2 id="find-heading">{t('moderation.find.title')}</h2>
      <p>{t('moderation.find.lead')}</p>
      <form method="get" action={href('/moderation/find')} class="filters">
        <div class="field">
          <label for="find-type">{t('moderation.find.type')}</label>
          <select id="find-type" name="type">
            {moderatedKinds().map((k) => (
              <option key={k.type} value={k.type}>
                {t(k.label)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="find-id">{t('moderation.find.id')}</label>
          <input id="find-id" name="id" inputMode="numeric" pattern="[0-9]*" maxLength={10} required />
        </div>
        <button type="submit">{t('moderation.find.submit')}</button>
      </form>
    </section>
  );
}

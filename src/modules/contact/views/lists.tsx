import { Pager } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { ENQUIRY_STATES, type EnquiryState, type Topic } from '../schema.ts';
import { When } from './thread.tsx';

interface Row {
  id: number;
  reference: string | null;
  topic_name: string;
  state: EnquiryState;
  confirmed_at: string | null;
}

export interface InboxView {
  town: string;
  base: string;
  topics: Topic[];
  filter: { state?: EnquiryState; topic?: number };
  rows: (Row & { name: string })[];
  total: number;
  page: number;
  pages: number;
}

const query = (f: InboxView['filter'], page = 1) => {
  const p = new URLSearchParams();
  if (f.state) p.set('state', f.state);
  if (f.topic) p.set('topic', String(f.topic));
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `?${s}` : '';
};

export function InboxPage({ view }: { view: InboxView }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <article>
      <h1>{t('townContact.inbox.title', { town: view.town })}</h1>
      <p>
        <a href={href(`${view.base}/topics`)}>{t('townContact.topics.title')}</a>
      </p>
      <form method="get" action={href(`${view.base}/inbox`)} class="filters">
        <div class="field">
          <label for="state">{t('townContact.thread.state')}</label>
          <select id="state" name="state">
            <option value="">{t('townContact.inbox.allStates')}</option>
            {ENQUIRY_STATES.map((s) => (
              <option key={s} value={s} selected={view.filter.state === s}>
                {t(`townContact.state.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="topic">{t('townContact.form.topic')}</label>
          <select id="topic" name="topic">
            <option value="">{t('townContact.inbox.allTopics')}</option>
            {view.topics.map((x) => (
              <option key={x.id} value={String(x.id)} selected={view.filter.topic === x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('townContact.inbox.filter')}</button>
      </form>
      <p>{t('townContact.inbox.count', { count: view.total })}</p>
      {view.rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('townContact.inbox.reference')}</th>
              <th scope="col">{t('townContact.form.topic')}</th>
              <th scope="col">{t('townContact.thread.from')}</th>
              <th scope="col">{t('townContact.thread.state')}</th>
              <th scope="col">{t('townContact.thread.sent')}</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={href(`${view.base}/inbox/${r.id}`)}>{r.reference}</a>
                </td>
                <td>{r.topic_name}</td>
                <td>{r.name}</td>
                <td>{t(`townContact.state.${r.state}`)}</td>
                <td>
                  <When at={r.confirmed_at} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={view.page} pages={view.pages} link={(p) => href(`${view.base}/inbox${query(view.filter, p)}`)} />
    </article>
  );
}

export function AccountMessagesPage({ rows }: { rows: (Row & { town: string })[] }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <article>
      <h1>{t('townContact.account.title')}</h1>
      {rows.length === 0 ? (
        <p>{t('townContact.account.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('townContact.inbox.reference')}</th>
              <th scope="col">{t('townContact.thread.town')}</th>
              <th scope="col">{t('townContact.form.topic')}</th>
              <th scope="col">{t('townContact.thread.state')}</th>
              <th scope="col">{t('townContact.thread.sent')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={href(`/account/messages/${r.reference}`)}>{r.reference}</a>
                </td>
                <td>{r.town}</td>
                <td>{r.topic_name}</td>
                <td>{t(`townContact.state.${r.state}`)}</td>
                <td>
                  <When at={r.confirmed_at} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

import { ButtonForm, Notice } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { CONTENT_TYPES, type ContentItem, type State } from '../schema.ts';
import { deskPath } from '../service/paths.ts';
import { languageName } from './cards.tsx';
import { formatWhen } from './dates.ts';

export interface DeskRow {
  item: ContentItem;
  title: string;
  state: State;
  owner: string;
  languages: string[];
}

export function DeskPage({ rows, page, more, notice }: { rows: DeskRow[]; page: number; more: boolean; notice?: string }) {
  const { t, lang } = usePage();
  const href = useHref();
  return (
    <>
      <h1>{t('content.desk.title')}</h1>
      {notice && <Notice>{t(notice)}</Notice>}
      <p class="lead">{t('content.desk.lead')}</p>
      <ul class="form-links">
        {CONTENT_TYPES.map((type) => (
          <li key={type}>
            <a class="button" href={href(`/newsroom/new?type=${type}`)}>
              {t(`content.desk.new.${type}`)}
            </a>
          </li>
        ))}
      </ul>
      {rows.length === 0 ? (
        <p>{t('content.desk.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">{t('content.desk.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('content.field.title')}</th>
                <th scope="col">{t('content.typeLabel')}</th>
                <th scope="col">{t('content.desk.owner')}</th>
                <th scope="col">{t('content.desk.state')}</th>
                <th scope="col">{t('content.desk.languages')}</th>
                <th scope="col">{t('content.desk.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.item.id}>
                  <td data-label={t('content.field.title')}>
                    <a href={href(`${deskPath(r.item)}/edit`)}>{r.title}</a>
                  </td>
                  <td data-label={t('content.typeLabel')}>{t(`content.type.${r.item.type}`)}</td>
                  <td data-label={t('content.desk.owner')}>{r.owner}</td>
                  <td data-label={t('content.desk.state')}>
                    {t(`content.state.${r.state}`)}
                    {r.state === 'scheduled' && r.item.published_at && <> ({formatWhen(lang, r.item.published_at, null)})</>}
                  </td>
                  <td data-label={t('content.desk.languages')}>{r.languages.map((l) => l.toUpperCase()).join(' ')}</td>
                  <td data-label={t('content.desk.updated')}>{formatWhen(lang, r.item.updated_at, null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(page > 1 || more) && (
        <nav class="pagination" aria-label={t('pager.label')}>
          {page > 1 && (
            <a href={href(`/newsroom?page=${page - 1}`)} rel="prev">
              {t('pager.previous')}
            </a>
          )}
          {more && (
            <a href={href(`/newsroom?page=${page + 1}`)} rel="next">
              {t('pager.next')}
            </a>
          )}
        </nav>
      )}
    </>
  );
}

export interface RevisionRow {
  id: number;
  language: string;
  created_at: string;
  who: string;
}

export function RevisionsPage({
  item,
  title,
  revisions,
  csrfToken,
}: {
  item: ContentItem;
  title: string;
  revisions: RevisionRow[];
  csrfToken: string;
}) {
  const { t, lang } = usePage();
  const href = useHref();
  return (
    <article>
      <h1>{t('content.desk.historyOf', { title })}</h1>
      <p>
        <a href={href(`${deskPath(item)}/edit`)}>{t('content.desk.backToEdit')}</a>
      </p>
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">{t('content.desk.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.when')}</th>
              <th scope="col">{t('common.who')}</th>
              <th scope="col">{t('content.languageLabel')}</th>
              <th scope="col">{t('content.desk.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r, i) => (
              <tr key={r.id}>
                <td data-label={t('common.when')}>{formatWhen(lang, r.created_at, null)}</td>
                <td data-label={t('common.who')}>{r.who}</td>
                <td data-label={t('content.languageLabel')}>{languageName(r.language)}</td>
                <td data-label={t('content.desk.actions')}>
                  {i === 0 ? (
                    t('content.desk.current')
                  ) : (
                    <ButtonForm
                      action={href(`${deskPath(item)}/history/${r.id}/restore`)}
                      csrfToken={csrfToken}
                      label={t('content.desk.restore')}
                      secondary
                      hiddenLabel={formatWhen(lang, r.created_at, null)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}

export function RegistrantsPage({
  item,
  title,
  rows,
}: {
  item: ContentItem;
  title: string;
  rows: { name: string; email: string; status: string; created_at: string }[];
}) {
  const { t, lang } = usePage();
  const href = useHref();
  return (
    <article>
      <h1>{t('content.desk.registrantsOf', { title })}</h1>
      <p class="form-links">
        <a href={href(`${deskPath(item)}/edit`)}>{t('content.desk.backToEdit')}</a>{' '}
        <a href={href(`${deskPath(item)}/registrations.csv`)} download>
          {t('content.desk.exportCsv')}
        </a>
      </p>
      <p>
        {t('content.desk.registrantCounts', {
          confirmed: rows.filter((r) => r.status === 'confirmed').length,
          waiting: rows.filter((r) => r.status === 'waiting').length,
        })}
      </p>
      {rows.length === 0 ? (
        <p>{t('content.desk.noRegistrants')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">{t('content.desk.registrations')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('content.register.name')}</th>
                <th scope="col">{t('content.register.email')}</th>
                <th scope="col">{t('content.desk.state')}</th>
                <th scope="col">{t('common.when')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <td data-label={t('content.register.name')}>{r.name}</td>
                  <td data-label={t('content.register.email')}>{r.email}</td>
                  <td data-label={t('content.desk.state')}>{t(`content.registration.${r.status}`)}</td>
                  <td data-label={t('common.when')}>{formatWhen(lang, r.created_at, null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}

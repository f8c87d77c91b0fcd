import { useHref, usePage } from '../../../core/views/context.ts';

export interface AuditLine {
  id: number;
  actor_id: number | null;
  actor_name: string | null;
  actor_deleted_at: string | null;
  action: string;
  subject_type: string;
  subject_id: number | null;
  details: string | null;
  created_at: string;
}

export function AuditPage({ entries, next }: { entries: AuditLine[]; next?: number | undefined }) {
  const { t } = usePage();
  const href = useHref();
  const who = (e: AuditLine) => (e.actor_id === null ? t('common.system') : e.actor_deleted_at ? t('common.deletedAccount') : e.actor_name);
  return (
    <article>
      <h1>{t('accounts.audit.title')}</h1>
      <p class="lead">{t('accounts.audit.lead')}</p>
      <div class="table-wrap">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('common.when')}</th>
              <th scope="col">{t('common.who')}</th>
              <th scope="col">{t('accounts.audit.what')}</th>
              <th scope="col">{t('accounts.audit.on')}</th>
              <th scope="col">{t('accounts.audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td data-label={t('common.when')}>{t('common.dateTime', { date: new Date(e.created_at) })}</td>
                <td data-label={t('common.who')}>{who(e)}</td>
                <td data-label={t('accounts.audit.what')}>
                  <code>{e.action}</code>
                </td>
                <td data-label={t('accounts.audit.on')}>
                  {e.subject_type}
                  {e.subject_id !== null && ` ${e.subject_id}`}
                </td>
                <td data-label={t('accounts.audit.details')}>
                  <code>{e.details}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {entries.length === 0 && <p>{t('accounts.audit.empty')}</p>}
      {next && (
        <p>
          <a href={href(`/admin/audit?before=${next}`)}>{t('accounts.audit.older')}</a>
        </p>
      )}
    </article>
  );
}

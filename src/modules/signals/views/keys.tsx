import { CsrfField, ErrorSummary, type FieldErrors, formFields, Notice, TextField } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/context.ts';
import type { SignalApiKey } from '../schema.ts';
import { KEY_LIMITS } from '../service/keys.ts';

export interface KeysView {
  keys: SignalApiKey[];
  csrfToken: string;
  values: Partial<Record<'name' | 'contact_email', string>>;
  errors: FieldErrors;
  /** A key just issued: shown this once. */
  issued?: { name: string; key: string };
  notice?: 'revoked';
}

function When({ at }: { at: string | null }) {
  const { t } = usePage();
  return at ? <time dateTime={at}>{t('common.dateTime', { date: new Date(at) })}</time> : <>–</>;
}

/** The Open311 keys of applications: who has one, whether it is used, and a form for a new one. */
export function KeysPage({ view }: { view: KeysView }) {
  const { t, lang } = usePage();
  const labels = { name: t('signals.keys.name'), contact_email: t('signals.keys.contact') };
  const field = formFields(labels, view.values, view.errors);
  return (
    <article class="prose">
      <h1>{t('signals.keys.title')}</h1>
      <p class="lead">{t('signals.keys.lead')}</p>
      {view.notice === 'revoked' && <Notice>{t('signals.keys.revoked')}</Notice>}
      {view.issued && (
        <div class="panel-success" role="status">
          <h2>{t('signals.keys.issuedTitle', { name: view.issued.name })}</h2>
          <p>{t('signals.keys.issuedOnce')}</p>
          <p>
            <code>{view.issued.key}</code>
          </p>
        </div>
      )}
      {view.keys.length ? (
        <div class="table-wrap">
          <table class="table">
            <caption>{t('signals.keys.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.name}</th>
                <th scope="col">{labels.contact_email}</th>
                <th scope="col">{t('signals.keys.created')}</th>
                <th scope="col">{t('signals.keys.lastUsed')}</th>
                <th scope="col">{t('signals.keys.state')}</th>
              </tr>
            </thead>
            <tbody>
              {view.keys.map((k) => (
                <tr key={k.id}>
                  <th scope="row">{k.name}</th>
                  <td>{k.contact_email}</td>
                  <td>
                    <When at={k.created_at} />
                  </td>
                  <td>
                    <When at={k.last_used_at} />
                  </td>
                  <td>
                    {k.revoked_at ? (
                      <>
                        {t('signals.keys.revokedOn')} <When at={k.revoked_at} />
                      </>
                    ) : (
                      <form method="post" action={`/${lang}/signals/keys/${k.id}/revoke`} class="button-form">
                        <CsrfField token={view.csrfToken} />
                        <button type="submit" class="button--danger">
                          {t('signals.keys.revoke')}
                          <span class="visually-hidden"> {k.name}</span>
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('signals.keys.none')}</p>
      )}
      <h2 id="issue">{t('signals.keys.issueTitle')}</h2>
      <ErrorSummary errors={view.errors} labels={labels} />
      <form method="post" action={`/${lang}/signals/keys`} class="form" noValidate>
        <CsrfField token={view.csrfToken} />
        <TextField {...field('name')} maxLength={KEY_LIMITS.name} required />
        <TextField {...field('contact_email')} type="email" maxLength={KEY_LIMITS.contact_email} autocomplete="email" required />
        <button type="submit">{t('signals.keys.issue')}</button>
      </form>
    </article>
  );
}

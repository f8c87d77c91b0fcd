import { HoneypotField } from '../../../core/http/spam.tsx';
import { ButtonForm, CsrfField, ErrorSummary, type FieldErrors, Notice, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { FormPage, MessagePage } from '../../../core/views/forms.tsx';
import { type ProcessView, processPath } from '../service/processes.ts';
import { langOf } from './processes.tsx';

export interface ClashView {
  id: number;
  at: string;
  /** The name of the account holding the identifier; null for a deleted account, undefined when none holds it now. */
  holder: string | null | undefined;
  claimant: string | null;
}

export interface CensusPageView {
  ownerName: string;
  base: string;
  list: { entries: number; uploaded_at: string } | undefined;
  clashes: ClashView[];
  csrfToken: string;
  errors: FieldErrors;
  notice?: string | undefined;
}

/** Staff of a town upload its census list and settle clashes; the identifiers are never shown. */
export function CensusPage({ view }: { view: CensusPageView }) {
  const { t } = usePage();
  const href = useHref();
  const labels = { file: t('participation.census.file') };
  const name = (n: string | null | undefined) => (n === undefined ? t('participation.census.nobody') : (n ?? t('common.deletedAccount')));
  return (
    <article class="prose">
      <h1>{t('participation.census.title', { owner: view.ownerName })}</h1>
      <p class="lead">{t('participation.census.lead')}</p>
      {view.notice && <Notice>{t(`participation.census.notice.${view.notice}`)}</Notice>}
      <p>
        {view.list
          ? t('participation.census.current', { count: view.list.entries, date: new Date(view.list.uploaded_at) })
          : t('participation.census.noList')}
      </p>
      <ErrorSummary errors={view.errors} labels={labels} />
      <form method="post" action={href(view.base)} enctype="multipart/form-data" class="form" noValidate>
        <CsrfField token={view.csrfToken} />
        <div class={view.errors.file ? 'field field--error' : 'field'}>
          <label for="file">{labels.file}</label>
          <p class="hint" id="file-hint">
            {t('participation.census.fileHint')}
          </p>
          {view.errors.file && (
            <p class="field-error" id="file-error">
              <span class="visually-hidden">{t('form.errorPrefix')} </span>
              {t(view.errors.file.key, view.errors.file.values)}
            </p>
          )}
          <input
            type="file"
            id="file"
            name="file"
            accept=".csv,.txt,text/csv,text/plain"
            required
            aria-invalid={view.errors.file ? 'true' : undefined}
            aria-describedby={view.errors.file ? 'file-hint file-error' : 'file-hint'}
          />
        </div>
        <button type="submit">{t('participation.census.upload')}</button>
      </form>
      <section aria-labelledby="clashes-heading">
        <h2 id="clashes-heading">{t('participation.census.clashes')}</h2>
        {view.clashes.length === 0 ? (
          <p>{t('participation.census.noClashes')}</p>
        ) : (
          <>
            <p>{t('participation.census.clashesLead')}</p>
            <ul class="cards">
              {view.clashes.map((c) => (
                <li key={c.id} class="card">
                  <p>
                    {t('participation.census.clash', {
                      holder: name(c.holder),
                      claimant: name(c.claimant),
                      date: new Date(c.at),
                    })}
                  </p>
                  <div class="actions">
                    <ButtonForm
                      action={href(`${view.base}/clashes/${c.id}/holder`)}
                      csrfToken={view.csrfToken}
                      label={t('participation.census.keep', { name: name(c.holder) })}
                      secondary
                    />
                    <ButtonForm
                      action={href(`${view.base}/clashes/${c.id}/claimant`)}
                      csrfToken={view.csrfToken}
                      label={t('participation.census.keep', { name: name(c.claimant) })}
                    />
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </article>
  );
}

/** A person verifies once as a resident of the process's owner. */
export function VerifyPage(view: {
  process: ProcessView;
  ownerName: string;
  verified: boolean;
  value: string;
  errors: FieldErrors;
  csrfToken: string;
}) {
  const { t, lang } = usePage();
  const href = useHref();
  const p = view.process;
  const back = (
    <p>
      <a href={href(processPath(p))} lang={langOf(p.textLanguage, lang)}>
        {p.title}
      </a>
    </p>
  );
  if (view.verified)
    return (
      <MessagePage title={t('participation.census.verified', { owner: view.ownerName })} success>
        {back}
      </MessagePage>
    );
  const labels = { identifier: t('participation.census.identifier') };
  return (
    <FormPage
      title={t('participation.census.verifyTitle', { owner: view.ownerName })}
      lead={<p>{t('participation.census.verifyLead', { owner: view.ownerName })}</p>}
      action={href(`${processPath(p)}/verify`)}
      csrfToken={view.csrfToken}
      errors={view.errors}
      labels={labels}
      submit={t('participation.census.verify')}
      after={back}
    >
      <HoneypotField />
      <TextField
        name="identifier"
        label={labels.identifier}
        value={view.value}
        error={view.errors.identifier}
        hint={t('participation.census.identifierHint')}
        required
        maxLength={100}
        autocomplete="off"
      />
    </FormPage>
  );
}

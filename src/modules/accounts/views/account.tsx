import type { VNode } from 'preact';
import type { Actor } from '../../../core/authz.ts';
import { PLATFORM, roleLabelKey, scopeOfRole } from '../../../core/scopes.ts';
import { ButtonForm, CsrfField, ErrorSummary, type FieldErrors, formFields, Notice, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { FormPage } from '../../../core/views/forms.tsx';
import { TERMS_VERSION } from '../../pages/index.ts';
import { adminRoleOf } from '../policy.ts';
import { LIMITS, type SessionRow } from '../schema.ts';
import type { AcceptedTerms } from '../service/account.ts';
import { MIN_PASSWORD_LENGTH } from '../service/passwords.ts';
import { scopeLabel, scopePath } from './scopes.tsx';

type Values = Partial<Record<string, string>>;
interface FormProps {
  values: Values;
  errors: FieldErrors;
  csrfToken: string;
}

export interface AccountOverview {
  actor: Actor;
  organisations: { id: number; name: string; path: string }[];
  canAudit: boolean;
  /** The names of the things the person's roles hold in, by "type:id". */
  scopeNames: Map<string, string>;
  terms?: AcceptedTerms | undefined;
  notice?: string | undefined;
}

export function AccountPage({
  overview,
  values,
  errors,
  csrfToken,
  sections = [],
  notices = [],
}: FormProps & { overview: AccountOverview; sections?: VNode[]; notices?: VNode[] }) {
  const { t } = usePage();
  const href = useHref();
  const { actor } = overview;
  const scopeOf = (g: Actor['grants'][number]) => ({ type: scopeOfRole(g.role) ?? PLATFORM, id: g.scopeId });
  const administered = actor.grants.filter((g) => adminRoleOf(scopeOf(g).type) === g.role);
  return (
    <article class="prose">
      <h1>{t('accounts.account.title')}</h1>
      {overview.notice && <Notice>{t(`accounts.notice.${overview.notice}`)}</Notice>}
      {notices}
      <ErrorSummary errors={errors} labels={{ name: t('accounts.field.name') }} />
      <dl class="summary-list">
        <dt>{t('accounts.field.email')}</dt>
        <dd>
          {actor.email} <a href={href('/account/email')}>{t('accounts.account.changeEmail')}</a>
        </dd>
        <dt>{t('accounts.field.password')}</dt>
        <dd>
          <a href={href('/account/password')}>{t('accounts.account.changePassword')}</a>
        </dd>
        {overview.terms && <TermsAccepted terms={overview.terms} />}
      </dl>
      <form method="post" action={href('/account')} class="form" noValidate>
        <CsrfField token={csrfToken} />
        <TextField
          name="name"
          label={t('accounts.field.name')}
          required
          value={values.name ?? actor.name}
          error={errors.name}
          maxLength={LIMITS.name}
          autocomplete="name"
        />
        <button type="submit">{t('form.save')}</button>
      </form>

      {actor.grants.length > 0 && (
        <section aria-labelledby="roles-heading">
          <h2 id="roles-heading">{t('accounts.account.roles')}</h2>
          <p>
            <a href={href('/work')}>{t('accounts.work.title')}</a>
          </p>
          <ul>
            {actor.grants.map((g) => (
              <li key={`${g.role}:${g.scopeId}`}>
                {t(roleLabelKey(g.role))}
                {scopeOf(g).type === PLATFORM
                  ? ''
                  : ` – ${scopeLabel(t, scopeOf(g), overview.scopeNames.get(`${scopeOf(g).type}:${g.scopeId}`))}`}
                {administered.includes(g) && (
                  <>
                    {' '}
                    (<a href={href(scopePath(scopeOf(g)))}>{t('accounts.team.manage')}</a>)
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {sections}

      <section aria-labelledby="orgs-heading">
        <h2 id="orgs-heading">{t('accounts.account.organisations')}</h2>
        {overview.organisations.length > 0 && (
          <ul>
            {overview.organisations.map((o) => (
              <li key={o.id}>
                <a href={href(o.path)}>{o.name}</a>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={href('/organisations/new')}>{t('accounts.org.create')}</a>
        </p>
      </section>

      {overview.canAudit && (
        <p>
          <a href={href('/admin/audit')}>{t('accounts.audit.title')}</a>
        </p>
      )}

      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{t('accounts.account.privacy')}</h2>
        <ul>
          <li>
            <a href={href('/account/sessions')}>{t('accounts.sessions.title')}</a>
          </li>
          <li>
            <a href={href('/account/data')} download="municipium-my-data.json">
              {t('accounts.account.download')}
            </a>
          </li>
          <li>
            <a href={href('/account/delete')}>{t('accounts.delete.title')}</a>
          </li>
        </ul>
      </section>
      <div class="actions">
        <ButtonForm action={href('/sign-out')} csrfToken={csrfToken} label={t('accounts.signOut')} secondary />
      </div>
    </article>
  );
}

/** What the person agreed to at sign-up, and whether the terms changed since. */
function TermsAccepted({ terms }: { terms: AcceptedTerms }) {
  const { t } = usePage();
  const href = useHref();
  const date = new Date(terms.at);
  return (
    <>
      <dt>{t('accounts.account.terms')}</dt>
      <dd>
        {terms.version
          ? t('accounts.account.termsAccepted', { version: terms.version, date })
          : t('accounts.account.termsAcceptedOn', { date })}{' '}
        <a href={href('/terms')}>{t(terms.version === TERMS_VERSION ? 'accounts.account.termsRead' : 'accounts.account.termsChanged')}</a>
      </dd>
    </>
  );
}

export function ChangePasswordPage({ errors, csrfToken }: Omit<FormProps, 'values'>) {
  const { t } = usePage();
  const href = useHref();
  const labels = { current_password: t('accounts.field.currentPassword'), password: t('accounts.field.newPassword') };
  const field = formFields(labels, {}, errors);
  return (
    <FormPage
      title={t('accounts.account.changePassword')}
      lead={<p>{t('accounts.password.changeLead')}</p>}
      action={href('/account/password')}
      csrfToken={csrfToken}
      errors={errors}
      labels={labels}
      submit={t('accounts.account.changePassword')}
    >
      <TextField {...field('current_password')} type="password" required maxLength={LIMITS.password} autocomplete="current-password" />
      <TextField
        {...field('password')}
        type="password"
        hint={t('accounts.password.hint', { min: MIN_PASSWORD_LENGTH })}
        required
        maxLength={LIMITS.password}
        autocomplete="new-password"
      />
    </FormPage>
  );
}

export function ChangeEmailPage({ values, errors, csrfToken, current }: FormProps & { current: string }) {
  const { t } = usePage();
  const href = useHref();
  const labels = { email: t('accounts.field.newEmail'), current_password: t('accounts.field.currentPassword') };
  const field = formFields(labels, values, errors);
  return (
    <FormPage
      title={t('accounts.account.changeEmail')}
      lead={<p>{t('accounts.email.lead', { email: current })}</p>}
      action={href('/account/email')}
      csrfToken={csrfToken}
      errors={errors}
      labels={labels}
      submit={t('accounts.email.submit')}
    >
      <TextField {...field('email')} type="email" required maxLength={LIMITS.email} autocomplete="email" />
      <TextField {...field('current_password')} type="password" required maxLength={LIMITS.password} autocomplete="current-password" />
    </FormPage>
  );
}

export function SessionsPage({
  sessions,
  currentId,
  csrfToken,
  ended,
}: {
  sessions: SessionRow[];
  currentId: string;
  csrfToken: string;
  ended?: number | undefined;
}) {
  const { t } = usePage();
  const href = useHref();
  const when = (iso: string) => t('common.dateTime', { date: new Date(iso) });
  return (
    <article>
      <h1>{t('accounts.sessions.title')}</h1>
      {ended !== undefined && <Notice>{t('accounts.sessions.ended', { count: ended })}</Notice>}
      <p class="lead">{t('accounts.sessions.lead')}</p>
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">{t('accounts.sessions.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accounts.sessions.device')}</th>
              <th scope="col">{t('accounts.sessions.signedIn')}</th>
              <th scope="col">{t('accounts.sessions.lastSeen')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td data-label={t('accounts.sessions.device')}>
                  {s.user_agent ?? t('accounts.sessions.unknownDevice')}
                  {s.ip && <> · {s.ip}</>}
                  {s.id === currentId && (
                    <>
                      {' '}
                      <span class="tag">{t('accounts.sessions.thisDevice')}</span>
                    </>
                  )}
                </td>
                <td data-label={t('accounts.sessions.signedIn')}>{when(s.created_at)}</td>
                <td data-label={t('accounts.sessions.lastSeen')}>{when(s.last_seen_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sessions.length > 1 && (
        <div class="actions">
          <ButtonForm action={href('/account/sessions/end-others')} csrfToken={csrfToken} label={t('accounts.sessions.endOthers')} />
        </div>
      )}
      <p>
        <a href={href('/account')}>{t('accounts.backToAccount')}</a>
      </p>
    </article>
  );
}

export function DeletePage({ errors, csrfToken }: Omit<FormProps, 'values'>) {
  const { t, siteName } = usePage();
  const href = useHref();
  const labels = { current_password: t('accounts.field.currentPassword') };
  const field = formFields(labels, {}, errors);
  return (
    <FormPage
      title={t('accounts.delete.title')}
      action={href('/account/delete')}
      csrfToken={csrfToken}
      errors={errors}
      labels={labels}
      submit={t('accounts.delete.submit')}
      danger
      lead={
        <>
          <p>{t('accounts.delete.lead', { siteName })}</p>
          <p>
            <a href={href('/account/data')} download="municipium-my-data.json">
              {t('accounts.account.download')}
            </a>
          </p>
        </>
      }
      after={
        <p>
          <a href={href('/account')}>{t('accounts.backToAccount')}</a>
        </p>
      }
    >
      <TextField {...field('current_password')} type="password" required maxLength={LIMITS.password} autocomplete="current-password" />
    </FormPage>
  );
}

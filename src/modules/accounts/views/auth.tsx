import { HoneypotField } from '../../../core/http/spam.tsx';
import { Checkbox, type FieldErrors, formFields, LinkedMessage, Notice, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { FormPage } from '../../../core/views/forms.tsx';
import { LIMITS } from '../schema.ts';
import { MIN_PASSWORD_LENGTH } from '../service/passwords.ts';

type Values = Partial<Record<string, string>>;
interface FormProps {
  values: Values;
  errors: FieldErrors;
  csrfToken: string;
}

export function SignUpPage({ values, errors, csrfToken }: FormProps) {
  const { t, siteName } = usePage();
  const href = useHref();
  const labels = {
    name: t('accounts.field.name'),
    email: t('accounts.field.email'),
    password: t('accounts.field.newPassword'),
    terms: t('accounts.field.terms'),
  };
  const field = formFields(labels, values, errors);
  // The same words as labels.terms (the error summary's), with the terms and the privacy notice as links.
  const termsLabel = (
    <LinkedMessage
      id="accounts.field.termsLinked"
      links={{
        terms: { href: href('/terms'), text: t('accounts.signUp.termsLink') },
        privacy: { href: href('/privacy'), text: t('accounts.signUp.privacyNotice') },
      }}
    />
  );
  return (
    <FormPage
      title={t('accounts.signUp.title')}
      lead={<p>{t('accounts.signUp.lead', { siteName })}</p>}
      action={href('/sign-up')}
      csrfToken={csrfToken}
      errors={errors}
      labels={labels}
      submit={t('accounts.signUp.submit')}
      after={
        <p>
          {t('accounts.signUp.haveAccount')} <a href={href('/sign-in')}>{t('accounts.signIn.title')}</a>
        </p>
      }
    >
      <TextField {...field('name')} required maxLength={LIMITS.name} autocomplete="name" />
      <TextField {...field('email')} type="email" required maxLength={LIMITS.email} autocomplete="email" />
      <TextField
        {...field('password')}
        type="password"
        hint={t('accounts.password.hint', { min: MIN_PASSWORD_LENGTH })}
        required
        maxLength={LIMITS.password}
        autocomplete="new-password"
      />
      <Checkbox {...field('terms')} label={termsLabel} value="yes" required checked={values.terms === 'yes'} />
      <HoneypotField />
    </FormPage>
  );
}

export function SignInPage({ values, errors, csrfToken, next, notice }: FormProps & { next: string; notice?: string | undefined }) {
  const { t } = usePage();
  const href = useHref();
  const labels = { email: t('accounts.field.email'), password: t('accounts.field.password') };
  // A stranger may have used up the account's attempts: the owner is told how to get in anyway.
  const locked = errors.form?.key === 'form.error.tooMany' && <p>{t('accounts.signIn.locked')}</p>;
  const field = formFields(labels, values, errors);
  return (
    <FormPage
      title={t('accounts.signIn.title')}
      lead={notice ? <Notice>{t(`accounts.notice.${notice}`)}</Notice> : locked}
      action={href('/sign-in')}
      csrfToken={csrfToken}
      errors={errors}
      labels={labels}
      submit={t('accounts.signIn.submit')}
      after={
        <ul class="form-links">
          <li>
            <a href={href('/password/forgot')}>{t('accounts.forgot.link')}</a>
          </li>
          <li>
            <a href={href('/sign-up')}>{t('accounts.signUp.link')}</a>
          </li>
        </ul>
      }
    >
      <input type="hidden" name="next" value={next} />
      <TextField {...field('email')} type="email" required maxLength={LIMITS.email} autocomplete="username" />
      <TextField {...field('password')} type="password" required maxLength={LIMITS.password} autocomplete="current-password" />
    </FormPage>
  );
}

export function ForgotPage({ values, errors, csrfToken }: FormProps) {
  const { t } = usePage();
  const href = useHref();
  const labels = { email: t('accounts.field.email') };
  const field = formFields(labels, values, errors);
  return (
    <FormPage
      title={t('accounts.forgot.title')}
      lead={<p>{t('accounts.forgot.lead')}</p>}
      action={href('/password/forgot')}
      csrfToken={csrfToken}
      errors={errors}
      labels={labels}
      submit={t('accounts.forgot.submit')}
    >
      <TextField {...field('email')} type="email" required maxLength={LIMITS.email} autocomplete="email" />
    </FormPage>
  );
}

export function ResetPage({ errors, csrfToken, token }: Omit<FormProps, 'values'> & { token: string }) {
  const { t } = usePage();
  const href = useHref();
  const labels = { password: t('accounts.field.newPassword') };
  const field = formFields(labels, {}, errors);
  return (
    <FormPage
      title={t('accounts.reset.title')}
      lead={<p>{t('accounts.reset.lead')}</p>}
      action={href(`/password/reset/${token}`)}
      csrfToken={csrfToken}
      errors={errors}
      labels={labels}
      submit={t('accounts.reset.submit')}
    >
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

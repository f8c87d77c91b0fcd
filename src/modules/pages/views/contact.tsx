import { HoneypotField } from '../../../core/http/spam.tsx';
import { CsrfField, ErrorSummary, type FieldErrors, formFields, Select, TextArea, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { CONTACT_TOPICS, LIMITS } from '../schema.ts';

export type ContactValues = Partial<Record<'topic' | 'name' | 'email' | 'page_url' | 'message', string>>;

export function ContactPage({ values, errors, csrfToken }: { values: ContactValues; errors: FieldErrors; csrfToken: string }) {
  const { t } = usePage();
  const href = useHref();
  const labels = {
    topic: t('contact.topic'),
    name: t('contact.name'),
    email: t('contact.email'),
    page_url: t('contact.pageUrl'),
    message: t('contact.message'),
  };
  const field = formFields(labels, values, errors);
  return (
    <article class="prose">
      <h1>{t('contact.title')}</h1>
      <p class="lead">{t('contact.intro')}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={href('/contact')} class="form" noValidate>
        <CsrfField token={csrfToken} />
        <HoneypotField />
        <Select {...field('topic')} required options={CONTACT_TOPICS.map((v) => ({ value: v, label: t(`contact.topic.${v}`) }))} />
        <TextField {...field('name')} required maxLength={LIMITS.name} autocomplete="name" />
        <TextField {...field('email')} type="email" hint={t('contact.email.hint')} required maxLength={LIMITS.email} autocomplete="email" />
        <TextField {...field('page_url')} hint={t('contact.pageUrl.hint')} maxLength={LIMITS.pageUrl} />
        <TextArea name="message" label={labels.message} required value={values.message} error={errors.message} maxLength={LIMITS.message} />
        <button type="submit">{t('contact.submit')}</button>
      </form>
    </article>
  );
}

export function ContactThanksPage() {
  const { t } = usePage();
  const href = useHref();
  return (
    <article class="prose">
      <div class="panel-success">
        <h1>{t('contact.thanks.title')}</h1>
        <p>{t('contact.thanks.body')}</p>
      </div>
      <p>
        <a href={href('/')}>{t('errors.goHome')}</a>
      </p>
    </article>
  );
}

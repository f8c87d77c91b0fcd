import { CsrfField, ErrorSummary, type FieldErrors, Select, TextArea, TextField } from '../../../core/views/components.tsx';
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
  return (
    <article class="prose">
      <h1>{t('contact.title')}</h1>
      <p class="lead">{t('contact.intro')}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={href('/contact')} class="form" noValidate>
        <CsrfField token={csrfToken} />
        <Select
          name="topic"
          label={labels.topic}
          required
          value={values.topic}
          error={errors.topic}
          options={CONTACT_TOPICS.map((v) => ({ value: v, label: t(`contact.topic.${v}`) }))}
        />
        <TextField
          name="name"
          label={labels.name}
          required
          value={values.name}
          error={errors.name}
          maxLength={LIMITS.name}
          autocomplete="name"
        />
        <TextField
          name="email"
          type="email"
          label={labels.email}
          hint={t('contact.email.hint')}
          required
          value={values.email}
          error={errors.email}
          maxLength={LIMITS.email}
          autocomplete="email"
        />
        <TextField
          name="page_url"
          label={labels.page_url}
          hint={t('contact.pageUrl.hint')}
          value={values.page_url}
          error={errors.page_url}
          maxLength={LIMITS.pageUrl}
        />
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

import { HoneypotField } from '../../../core/http/spam.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FileField,
  formFields,
  Select,
  TextArea,
  TextField,
} from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { profilePath } from '../../municipalities/index.ts';
import { LIMITS } from '../schema.ts';
import type { TopicChoice } from '../service/topics.ts';

export interface SendView {
  town: { name: string; country: string; slug: string };
  topics: TopicChoice[];
  responseDays: number;
  /** Median hours to a first answer; null when there are too few answers to tell. */
  medianHours: number | null;
  values: Partial<Record<string, string>>;
  errors: FieldErrors;
  csrfToken: string;
  signedIn: boolean;
  staff: boolean;
}

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.pptx,.odt,.ods,.odp';

/** How long a town takes: days once past two, hours before. */
function Duration({ hours }: { hours: number }) {
  const { t } = usePage();
  return (
    <>{hours >= 48 ? t('townContact.days', { count: Math.round(hours / 24) }) : t('townContact.hours', { count: Math.round(hours) })}</>
  );
}

export function SendPage({ view }: { view: SendView }) {
  const { t } = usePage();
  const href = useHref();
  const base = `${profilePath(view.town)}/contact`;
  const labels: Record<string, string> = {
    topic: t('townContact.form.topic'),
    body: t('townContact.form.body'),
    name: t('townContact.form.name'),
    email: t('townContact.form.email'),
    phone: t('townContact.form.phone'),
    attachment: t('townContact.form.attachment'),
  };
  const field = formFields(labels, view.values, view.errors);
  return (
    <article class="prose">
      <p class="meta">
        <a href={href(profilePath(view.town))}>{view.town.name}</a>
      </p>
      <h1>{t('townContact.form.title', { town: view.town.name })}</h1>
      <dl class="facts">
        <dt>{t('townContact.expected')}</dt>
        <dd>{t('townContact.days', { count: view.responseDays })}</dd>
        <dt>{t('townContact.median')}</dt>
        <dd>{view.medianHours === null ? t('townContact.notEnough') : <Duration hours={view.medianHours} />}</dd>
      </dl>
      {view.staff && (
        <p>
          <a href={href(`${base}/inbox`)}>{t('townContact.inbox.title', { town: view.town.name })}</a> ·{' '}
          <a href={href(`${base}/topics`)}>{t('townContact.topics.title')}</a>
        </p>
      )}
      <ErrorSummary errors={view.errors} labels={labels} />
      <form method="post" action={href(base)} class="form" enctype="multipart/form-data" noValidate>
        <CsrfField token={view.csrfToken} />
        <HoneypotField />
        <Select {...field('topic')} required options={view.topics.map((c) => ({ value: c.value, label: c.name }))} />
        <TextArea {...field('body')} required maxLength={LIMITS.body} rows={8} />
        <TextField {...field('name')} required maxLength={LIMITS.name} autocomplete="name" />
        {!view.signedIn && (
          <TextField
            {...field('email')}
            type="email"
            required
            maxLength={LIMITS.email}
            autocomplete="email"
            hint={t('townContact.form.emailHint')}
          />
        )}
        <TextField {...field('phone')} maxLength={LIMITS.phone} autocomplete="tel" />
        <FileField {...field('attachment')} accept={ACCEPT} hint={t('townContact.form.attachmentHint')} />
        <button type="submit">{t('townContact.form.submit')}</button>
      </form>
    </article>
  );
}

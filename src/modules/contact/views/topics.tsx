import { ButtonForm, CsrfField, ErrorSummary, type FieldErrors, formFields, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { LIMITS, type Topic } from '../schema.ts';

export interface TopicsView {
  town: string;
  base: string;
  topics: Topic[];
  responseDays: number;
  csrfToken: string;
  /** The form that was refused: the response time, the new topic, or a topic by id; what was typed in it. */
  target?: 'days' | 'new' | number;
  values: Partial<Record<string, string>>;
  errors: FieldErrors;
  notice?: string;
}

function TopicFields({ view, topic }: { view: TopicsView; topic?: Topic }) {
  const { t } = usePage();
  const mine = view.target === (topic ? topic.id : 'new');
  const labels = {
    name: t('townContact.topics.name'),
    department: t('townContact.topics.department'),
    email: t('townContact.topics.email'),
  };
  const values = mine ? view.values : topic ? { name: topic.name, department: topic.department, email: topic.email } : {};
  const field = formFields(labels, values, mine ? view.errors : {});
  const id = (name: string) => `${name}-${topic ? topic.id : 'new'}`;
  return (
    <>
      <TextField {...field('name')} id={id('name')} required maxLength={LIMITS.topic} />
      <TextField {...field('department')} id={id('department')} required maxLength={LIMITS.department} />
      <TextField {...field('email')} id={id('email')} type="email" required maxLength={LIMITS.email} />
    </>
  );
}

export function TopicsPage({ view }: { view: TopicsView }) {
  const { t } = usePage();
  const href = useHref();
  const suffix = view.target === undefined || view.target === 'days' ? '' : `-${view.target}`;
  const labels: Record<string, string> = {
    response_days: t('townContact.topics.days'),
    name: t('townContact.topics.name'),
    department: t('townContact.topics.department'),
    email: t('townContact.topics.email'),
  };
  // The summary links to the refused form's own fields, whose ids carry the topic.
  const summary = Object.fromEntries(
    Object.entries(view.errors).map(([k, v]) => [k === 'response_days' || k === 'form' ? k : `${k}${suffix}`, v]),
  );
  const summaryLabels = Object.fromEntries(Object.entries(labels).map(([k, v]) => [k === 'response_days' ? k : `${k}${suffix}`, v]));
  return (
    <article class="prose">
      <p class="meta">
        <a href={href(`${view.base}/inbox`)}>{t('townContact.inbox.title', { town: view.town })}</a>
      </p>
      <h1>{t('townContact.topics.title')}</h1>
      <p class="lead">{t('townContact.topics.lead', { town: view.town })}</p>
      {view.notice && <p role="status">{t(`townContact.notice.${view.notice}`)}</p>}
      <ErrorSummary errors={summary} labels={summaryLabels} />
      <h2>{t('townContact.topics.daysTitle')}</h2>
      <form method="post" action={href(`${view.base}/response-time`)} class="form" noValidate>
        <CsrfField token={view.csrfToken} />
        <TextField
          name="response_days"
          label={labels.response_days!}
          value={view.target === 'days' ? view.values.response_days : String(view.responseDays)}
          error={view.target === 'days' ? view.errors.response_days : undefined}
          required
          maxLength={3}
        />
        <button type="submit">{t('form.save')}</button>
      </form>
      <h2>{t('townContact.topics.listTitle')}</h2>
      {view.topics.length === 0 && <p>{t('townContact.topics.none')}</p>}
      {view.topics.map((topic) => (
        <section key={topic.id} aria-labelledby={`topic-${topic.id}`}>
          <h3 id={`topic-${topic.id}`}>{topic.name}</h3>
          <form method="post" action={href(`${view.base}/topics/${topic.id}`)} class="form" noValidate>
            <CsrfField token={view.csrfToken} />
            <TopicFields view={view} topic={topic} />
            <button type="submit">{t('form.save')}</button>
          </form>
          <ButtonForm
            action={href(`${view.base}/topics/${topic.id}/remove`)}
            csrfToken={view.csrfToken}
            label={t('townContact.topics.remove')}
            hiddenLabel={topic.name}
            secondary
          />
        </section>
      ))}
      <h2>{t('townContact.topics.add')}</h2>
      <form method="post" action={href(`${view.base}/topics`)} class="form" noValidate>
        <CsrfField token={view.csrfToken} />
        <TopicFields view={view} />
        <button type="submit">{t('townContact.topics.add')}</button>
      </form>
    </article>
  );
}

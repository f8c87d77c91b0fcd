import { POLICY_AREAS } from '../../../core/areas.ts';
import { LANGUAGES } from '../../../core/i18n/languages.ts';
import {
  ButtonForm,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  formFields,
  Notice,
  Select,
  TextArea,
  TextField,
} from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { FormPage } from '../../../core/views/forms.tsx';
import { type Issue, LIMITS } from '../schema.ts';
import type { List } from '../service/lists.ts';
import { listTitle } from './public.tsx';

type Row = Pick<Issue, 'id' | 'subject' | 'status' | 'updated_at' | 'sent_at' | 'recipients'>;

/** A list's desk: its subscribers in numbers, its drafts to finish and what it sent. */
export function DeskPage(p: { list: List; issues: Row[]; counts: Record<string, number>; notice?: string | undefined }) {
  const { t } = usePage();
  const href = useHref();
  const base = `/newsletters/${p.list.slug}`;
  return (
    <article>
      <h1>{t('newsletters.desk.title', { name: p.list.name })}</h1>
      {p.notice && <Notice>{t(`newsletters.notice.${p.notice}`)}</Notice>}
      <dl class="summary-list">
        {(['confirmed', 'pending', 'unsubscribed', 'bounced'] as const).map((s) => (
          <>
            <dt>{t(`newsletters.status.${s}`)}</dt>
            <dd>{t('newsletters.desk.people', { count: p.counts[s] ?? 0 })}</dd>
          </>
        ))}
      </dl>
      <p class="actions">
        <a class="button" href={href(`${base}/issues/new`)}>
          {t('newsletters.desk.write')}
        </a>
        <a href={href(base)}>{t('newsletters.desk.public')}</a>
      </p>
      <h2>{t('newsletters.desk.issues')}</h2>
      {p.issues.length === 0 ? (
        <p>{t('newsletters.desk.empty')}</p>
      ) : (
        <ul class="content-list">
          {p.issues.map((i) => (
            <li key={i.id}>
              <a href={href(i.status === 'draft' ? `${base}/issues/${i.id}/edit` : `${base}/issues/${i.id}`)}>{i.subject}</a>{' '}
              <span class="tag">{t(`newsletters.issue.${i.status}`)}</span>{' '}
              <span class="meta">
                {i.status === 'draft'
                  ? t('newsletters.desk.edited', { date: new Date(i.updated_at) })
                  : t('newsletters.desk.sent', { date: new Date(i.sent_at ?? i.updated_at), count: i.recipients })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

export type IssueValues = Partial<Record<'subject' | 'body' | 'language', string>> & { areas: string[] };

/** Writing an issue: the text in Markdown, what it is about, a preview as subscribers see it, a test to oneself. */
export function EditorPage(p: {
  list: List;
  issue?: Issue | undefined;
  values: IssueValues;
  errors: FieldErrors;
  preview?: { subject: string; html: string } | undefined;
  csrfToken: string;
  notice?: string | undefined;
}) {
  const { t } = usePage();
  const href = useHref();
  const base = `/newsletters/${p.list.slug}`;
  const labels = {
    subject: t('newsletters.field.subject'),
    body: t('newsletters.field.body'),
    language: t('newsletters.field.language'),
    areas: t('newsletters.field.areas'),
  };
  const { areas, ...texts } = p.values;
  const field = formFields(labels, texts, p.errors);
  const action = href(p.issue ? `${base}/issues/${p.issue.id}/edit` : `${base}/issues/new`);
  return (
    <article>
      <p class="meta">
        <a href={href(`${base}/desk`)}>{t('newsletters.desk.title', { name: p.list.name })}</a>
      </p>
      <h1>{p.issue ? t('newsletters.editor.edit') : t('newsletters.editor.new')}</h1>
      {p.notice && <Notice>{t(`newsletters.notice.${p.notice}`)}</Notice>}
      <ErrorSummary errors={p.errors} labels={labels} />
      <form method="post" action={action} class="form" noValidate>
        <CsrfField token={p.csrfToken} />
        <TextField {...field('subject')} required maxLength={LIMITS.subject} />
        <TextArea {...field('body')} hint={t('newsletters.field.body.hint')} required maxLength={LIMITS.body} rows={16} />
        <Select {...field('language')} required options={Object.entries(LANGUAGES).map(([value, label]) => ({ value, label }))} />
        <CheckboxGroup
          name="areas"
          legend={labels.areas}
          hint={t('newsletters.field.areas.hint')}
          options={POLICY_AREAS.map((a) => ({ value: a, label: t(`area.${a}`) }))}
          checked={new Set(areas)}
          error={p.errors.areas}
        />
        <div class="actions">
          <button type="submit" name="intent" value="save">
            {t('newsletters.editor.save')}
          </button>
          <button type="submit" name="intent" value="preview" class="button--secondary">
            {t('newsletters.editor.preview')}
          </button>
        </div>
      </form>
      {p.preview && (
        <section class="panel" aria-labelledby="preview">
          <h2 id="preview">{t('newsletters.editor.previewTitle')}</h2>
          <p>
            <strong>{p.preview.subject}</strong>
          </p>
          <div class="prose" dangerouslySetInnerHTML={{ __html: p.preview.html }} />
        </section>
      )}
      {p.issue && (
        <section aria-labelledby="sending">
          <h2 id="sending">{t('newsletters.editor.sending')}</h2>
          <p>{t('newsletters.editor.testLead')}</p>
          <div class="actions">
            <ButtonForm
              action={href(`${base}/issues/${p.issue.id}/test`)}
              csrfToken={p.csrfToken}
              label={t('newsletters.editor.test')}
              secondary
            />
            <a class="button" href={href(`${base}/issues/${p.issue.id}/send`)}>
              {t('newsletters.editor.send')}
            </a>
          </div>
        </section>
      )}
    </article>
  );
}

/** The last step before sending: how many people it goes to, and one button. */
export function SendPage(p: { list: List; issue: Issue; count: number; csrfToken: string; errors: FieldErrors }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <FormPage
      title={t('newsletters.send.title', { subject: p.issue.subject })}
      lead={<p>{t('newsletters.send.lead', { count: p.count, name: listTitle(t, p.list) })}</p>}
      action={href(`/newsletters/${p.list.slug}/issues/${p.issue.id}/send`)}
      csrfToken={p.csrfToken}
      errors={p.errors}
      labels={{}}
      submit={t('newsletters.send.submit', { count: p.count })}
    >
      {null}
    </FormPage>
  );
}

import { POLICY_AREAS } from '../../../core/areas.ts';
import { CheckboxGroup, CsrfField, ErrorSummary, type FieldErrors, Notice, TextField, Timeline } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { MessagePage } from '../../../core/views/forms.tsx';
import { type Issue, LIMITS } from '../schema.ts';
import type { List } from '../service/lists.ts';

export interface SubscribeValues {
  email?: string;
  topics: string[];
}

type Sent = Pick<Issue, 'id' | 'subject' | 'sent_at'>;

export const listTitle = (t: (k: string, v?: Record<string, string>) => string, list: List) =>
  t('newsletters.list.title', { name: list.name });

/** A list's page: what it is, the form to subscribe, and every issue it sent. */
export function ListPage(p: {
  list: List;
  archive: Sent[];
  values: SubscribeValues;
  errors: FieldErrors;
  csrfToken: string;
  canWrite: boolean;
  notice?: string | undefined;
}) {
  const { t } = usePage();
  const href = useHref();
  return (
    <article>
      <h1>{listTitle(t, p.list)}</h1>
      {p.notice && <Notice>{t(`newsletters.notice.${p.notice}`)}</Notice>}
      <p class="lead">{t('newsletters.list.lead', { name: p.list.name })}</p>
      {p.canWrite && (
        <p>
          <a href={href(`/newsletters/${p.list.slug}/desk`)}>{t('newsletters.desk.open')}</a>
        </p>
      )}
      <SubscribeForm list={p.list} values={p.values} errors={p.errors} csrfToken={p.csrfToken} />
      <section aria-labelledby="archive">
        <h2 id="archive">{t('newsletters.archive.title')}</h2>
        {p.archive.length === 0 ? (
          <p>{t('newsletters.archive.empty')}</p>
        ) : (
          <Timeline
            entries={p.archive.map((i) => ({
              at: i.sent_at ?? '',
              title: <a href={href(`/newsletters/${p.list.slug}/issues/${i.id}`)}>{i.subject}</a>,
            }))}
          />
        )}
      </section>
    </article>
  );
}

/** The subscription form, on the list's page and as a section of the owner's page. */
export function SubscribeForm(p: { list: List; values: SubscribeValues; errors: FieldErrors; csrfToken: string; heading?: boolean }) {
  const { t } = usePage();
  const href = useHref();
  const labels = { email: t('newsletters.field.email'), topics: t('newsletters.field.topics') };
  return (
    <section class="callout" aria-labelledby="subscribe">
      <h2 id="subscribe">{t('newsletters.subscribe.title')}</h2>
      <ErrorSummary errors={p.errors} labels={labels} />
      <form method="post" action={href(`/newsletters/${p.list.slug}`)} class="form" noValidate>
        <CsrfField token={p.csrfToken} />
        <TextField
          name="email"
          type="email"
          label={labels.email}
          value={p.values.email}
          error={p.errors.email}
          hint={t('newsletters.field.email.hint')}
          required
          maxLength={LIMITS.email}
          autocomplete="email"
        />
        <details open={p.values.topics.length > 0 || !!p.errors.topics}>
          <summary>{t('newsletters.field.topics.more')}</summary>
          <CheckboxGroup
            name="topics"
            legend={labels.topics}
            hint={t('newsletters.field.topics.hint')}
            options={POLICY_AREAS.map((a) => ({ value: a, label: t(`area.${a}`) }))}
            checked={new Set(p.values.topics)}
            error={p.errors.topics}
          />
        </details>
        <button type="submit">{t('newsletters.subscribe.submit')}</button>
      </form>
      <p class="meta">{t('newsletters.subscribe.privacy')}</p>
    </section>
  );
}

/** A sent issue on the web, as its subscribers received it. */
export function IssuePage({ list, issue, html }: { list: List; issue: Issue; html: string }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <article class="content-item" lang={issue.language}>
      <p class="meta">
        <a href={href(`/newsletters/${list.slug}`)}>{listTitle(t, list)}</a>
      </p>
      <h1>{issue.subject}</h1>
      {issue.sent_at && <p class="meta">{t('newsletters.sentOn', { date: new Date(issue.sent_at) })}</p>}
      {/* Sanitised when rendered: only text structure and links. */}
      <div class="prose" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}

export function SubscribedPage({ list, confirmed }: { list: List; confirmed: boolean }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <MessagePage title={confirmed ? t('newsletters.subscribed.title') : t('form.checkEmail')} success={confirmed}>
      <p>{confirmed ? t('newsletters.subscribed.body', { name: list.name }) : t('newsletters.check.body', { name: list.name })}</p>
      <p>
        <a href={href(`/newsletters/${list.slug}`)}>{listTitle(t, list)}</a>
      </p>
    </MessagePage>
  );
}

/** From the link in a newsletter: one button, no question; a mail client's one click posts the same address. */
export function UnsubscribePage({ list, action }: { list: List; action: string }) {
  const { t } = usePage();
  return (
    <MessagePage title={t('newsletters.unsubscribe.title')}>
      <p>{t('newsletters.unsubscribe.lead', { name: list.name })}</p>
      <form method="post" action={action} class="button-form">
        <button type="submit">{t('newsletters.unsubscribe.submit')}</button>
      </form>
    </MessagePage>
  );
}

export function UnsubscribedPage({ list }: { list: List }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <MessagePage title={t('newsletters.unsubscribed.title')} success>
      <p>{t('newsletters.unsubscribed.body', { name: list.name })}</p>
      <p>
        <a href={href(`/newsletters/${list.slug}`)}>{t('newsletters.unsubscribed.again')}</a>
      </p>
    </MessagePage>
  );
}

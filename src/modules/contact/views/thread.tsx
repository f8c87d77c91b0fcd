import { CsrfField, ErrorSummary, type FieldErrors, Notice, Select, TextArea } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { ENQUIRY_STATES, type Enquiry, LIMITS, type Reply } from '../schema.ts';

export interface ThreadView {
  enquiry: Enquiry;
  replies: Reply[];
  town: string;
  /** Who sees it: the town's staff (contact details, states) or the sender. */
  staff: boolean;
  /** Where the page's forms post, and its attachment is read, after the language prefix. */
  base: string;
  back: { href: string; label: string };
  canReply: boolean;
  csrfToken: string;
  values: Partial<Record<string, string>>;
  errors: FieldErrors;
  notice?: string;
}

export const When = ({ at }: { at: string | null }) => {
  const { t } = usePage();
  return at ? <time dateTime={at}>{t('common.dateTime', { date: new Date(at) })}</time> : <>–</>;
};

/** A letter's text as its writer broke it into lines. */
const Paragraphs = ({ text }: { text: string }) => (
  <>
    {text
      .split(/\n+/)
      .filter((line) => line.trim())
      .map((line, i) => (
        <p key={i}>{line}</p>
      ))}
  </>
);

export function ThreadPage({ view }: { view: ThreadView }) {
  const { t } = usePage();
  const href = useHref();
  const e = view.enquiry;
  const labels = { body: t('townContact.thread.reply'), state: t('townContact.thread.state') };
  return (
    <article class="prose">
      <p class="meta">
        <a href={href(view.back.href)}>{view.back.label}</a>
      </p>
      <h1>{t('townContact.thread.title', { reference: e.reference ?? '' })}</h1>
      {view.notice && <Notice>{t(`townContact.notice.${view.notice}`)}</Notice>}
      <ErrorSummary errors={view.errors} labels={labels} />
      <dl class="facts">
        <dt>{t('townContact.thread.town')}</dt>
        <dd>{view.town}</dd>
        <dt>{t('townContact.form.topic')}</dt>
        <dd>{e.topic_name}</dd>
        <dt>{t('townContact.thread.state')}</dt>
        <dd>{t(`townContact.state.${e.state}`)}</dd>
        <dt>{t('townContact.thread.sent')}</dt>
        <dd>
          <When at={e.confirmed_at} />
        </dd>
        {view.staff && (
          <>
            <dt>{t('townContact.thread.from')}</dt>
            <dd>
              {e.name} · <a href={`mailto:${e.email}`}>{e.email}</a>
              {e.phone && <> · {e.phone}</>}
            </dd>
          </>
        )}
      </dl>
      <ol class="thread">
        <li>
          <h2>{t('townContact.thread.message', { name: e.name })}</h2>
          <Paragraphs text={e.body} />
          {e.file && (
            <p>
              <a href={href(`${view.base}/attachment`)}>{t('townContact.thread.attachment', { name: e.file_name ?? '' })}</a>
            </p>
          )}
        </li>
        {view.replies.map((r) => (
          <li key={r.id}>
            <h2>
              {r.from_staff ? t('townContact.thread.fromTown', { town: view.town }) : t('townContact.thread.message', { name: e.name })}
            </h2>
            <p class="meta">
              <When at={r.created_at} />
            </p>
            <Paragraphs text={r.body} />
          </li>
        ))}
      </ol>
      {view.canReply && (
        <form method="post" action={href(`${view.base}/reply`)} class="form" noValidate>
          <CsrfField token={view.csrfToken} />
          <TextArea name="body" label={labels.body} value={view.values.body} error={view.errors.body} required maxLength={LIMITS.reply} />
          <button type="submit">{view.staff ? t('townContact.thread.answer') : t('townContact.thread.send')}</button>
        </form>
      )}
      {view.staff && (
        <form method="post" action={href(`${view.base}/state`)} class="form" noValidate>
          <CsrfField token={view.csrfToken} />
          <Select
            name="state"
            label={labels.state}
            value={e.state}
            error={view.errors.state}
            required
            options={ENQUIRY_STATES.map((s) => ({ value: s, label: t(`townContact.state.${s}`) }))}
          />
          <button type="submit" class="button--secondary">
            {t('townContact.thread.change')}
          </button>
        </form>
      )}
    </article>
  );
}

import { CsrfField, ErrorSummary, type FieldErrors, FileField, Select, TextArea, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { MembershipReport } from '../schema.ts';
import { REASON_MAX } from '../service/memberships.ts';
import { type NetworkView, networkPath } from '../service/networks.ts';
import { ANSWER_MAX, type QuestionView } from '../service/reports.ts';

/** The types a report's file may be; the server reads the content again. */
export const DOCUMENT_ACCEPT = '.pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.odt,.ods';

export interface ReportEntry {
  report: MembershipReport;
  answers: Map<number, string>;
}

/** Where a membership's pages are. */
export const membershipPath = (n: NetworkView, membershipId: number) => `${networkPath(n)}/memberships/${membershipId}`;

/** An answer as read: the chosen option's words, a link to a file, or the text. */
function Answer({ q, value, fileHref }: { q: QuestionView; value: string | undefined; fileHref: string }) {
  const { t } = usePage();
  if (value === undefined || value === '') return <span class="meta">{t('networks.report.noAnswer')}</span>;
  if (q.kind === 'choice') return <>{q.options[Number(value)] ?? ''}</>;
  if (q.kind === 'file') return <a href={fileHref}>{t('networks.report.download')}</a>;
  return <span class="description">{value}</span>;
}

/** A report's answers, question by question. */
export function ReportAnswers({ questions, entry, filesAt }: { questions: QuestionView[]; entry: ReportEntry; filesAt: string }) {
  return (
    <dl class="summary-list">
      {questions.map((q) => (
        <>
          <dt key={`q${q.id}`}>{q.label}</dt>
          <dd key={`a${q.id}`}>
            <Answer q={q} value={entry.answers.get(q.id)} fileHref={`${filesAt}/${entry.report.id}/files/${q.id}`} />
          </dd>
        </>
      ))}
    </dl>
  );
}

export interface ReportsView {
  network: NetworkView;
  membershipId: number;
  questions: QuestionView[];
  reports: ReportEntry[];
  /** Whether this person may write the member's report, and answer it for the network. */
  writes: boolean;
  decides: boolean;
  csrfToken: string;
  error?: { key: string; comment: string } | undefined;
}

/** A membership's reports on its page: what was sent, what the coordinators said, and their answer to the one waiting. */
export function ReportsSection({ view }: { view: ReportsView }) {
  const { t } = usePage();
  const href = useHref();
  const base = membershipPath(view.network, view.membershipId);
  const open = view.reports.find((r) => r.report.state === 'draft' || r.report.state === 'returned');
  const waiting = view.reports.some((r) => r.report.state === 'submitted');
  return (
    <section aria-labelledby="reports-heading">
      <h2 id="reports-heading">{t('networks.report.title')}</h2>
      {view.writes && !waiting && (
        <p>
          <a class="button" href={href(`${base}/report`)}>
            {t(open ? 'networks.report.continue' : 'networks.report.write')}
          </a>
        </p>
      )}
      {view.reports.length === 0 && <p>{t('networks.report.none')}</p>}
      {view.reports.map((entry) => (
        <article key={entry.report.id} class="report" aria-labelledby={`report-${entry.report.id}`}>
          <h3 id={`report-${entry.report.id}`}>
            {t('networks.report.heading', { date: new Date(entry.report.submitted_at ?? entry.report.created_at) })}{' '}
            <span class="tag">{t(`networks.report.state.${entry.report.state}`)}</span>
          </h3>
          {entry.report.comment && (
            <p>
              <strong>{t('networks.report.comment')}</strong> <span class="description">{entry.report.comment}</span>
            </p>
          )}
          <ReportAnswers questions={view.questions} entry={entry} filesAt={href(`${base}/reports`)} />
          {view.decides && entry.report.state === 'submitted' && (
            <form method="post" action={href(`${base}/reports/${entry.report.id}/decide`)} class="step-form" novalidate>
              <CsrfField token={view.csrfToken} />
              <TextArea
                name="comment"
                label={t('networks.report.commentLabel')}
                hint={t('networks.report.commentHint')}
                maxLength={REASON_MAX}
                rows={3}
                value={view.error?.comment ?? ''}
                error={view.error && { key: view.error.key }}
              />
              <div class="actions">
                <button type="submit" name="decision" value="accept">
                  {t('networks.report.accept')}
                </button>
                <button type="submit" name="decision" value="return" class="button--secondary">
                  {t('networks.report.return')}
                </button>
              </div>
            </form>
          )}
        </article>
      ))}
    </section>
  );
}

export interface ReportFormView {
  network: NetworkView;
  memberName: string;
  membershipId: number;
  questions: QuestionView[];
  answers: Map<number, string>;
  /** The coordinators' comments on the report they returned. */
  returned?: string | undefined;
  errors: FieldErrors;
  csrfToken: string;
}

/** One question as a field of the member's form. */
function QuestionField({ q, value, error }: { q: QuestionView; value: string | undefined; error: FieldErrors[string] }) {
  const { t } = usePage();
  const p = { name: `q${q.id}`, label: q.label, required: !!q.required, error };
  if (q.kind === 'choice')
    return (
      <Select
        {...p}
        value={value}
        options={[{ value: '', label: t('networks.report.choose') }, ...q.options.map((label, i) => ({ value: String(i), label }))]}
      />
    );
  if (q.kind === 'file')
    return <FileField {...p} accept={DOCUMENT_ACCEPT} hint={value ? t('networks.report.fileKept') : t('networks.report.fileHint')} />;
  if (q.kind === 'number') return <TextField {...p} value={value} maxLength={20} hint={t('networks.report.numberHint')} />;
  return <TextArea {...p} value={value} maxLength={ANSWER_MAX} rows={5} />;
}

/** The member's report: saved as a draft as often as needed, then submitted to the coordinators. */
export function ReportFormPage({ view }: { view: ReportFormView }) {
  const { t } = usePage();
  const href = useHref();
  const base = membershipPath(view.network, view.membershipId);
  return (
    <>
      <p class="breadcrumb">
        <a href={href(base)}>{t('networks.membership.title', { member: view.memberName, network: view.network.name })}</a>
      </p>
      <h1>{t('networks.report.formTitle', { network: view.network.name })}</h1>
      <ErrorSummary errors={view.errors} labels={Object.fromEntries(view.questions.map((q) => [`q${q.id}`, q.label]))} />
      {view.errors.form && (
        <p class="notice notice--error" role="alert">
          {t(view.errors.form.key)}
        </p>
      )}
      {view.returned && (
        <div class="notice" role="note">
          <p>
            <strong>{t('networks.report.returnedWith')}</strong>
          </p>
          <p class="description">{view.returned}</p>
        </div>
      )}
      <p>{t('networks.report.formLead')}</p>
      <form method="post" action={href(`${base}/report`)} enctype="multipart/form-data" class="form" novalidate>
        <CsrfField token={view.csrfToken} />
        {view.questions.map((q) => (
          <QuestionField key={q.id} q={q} value={view.answers.get(q.id)} error={view.errors[`q${q.id}`]} />
        ))}
        <div class="actions">
          <button type="submit" name="action" value="submit">
            {t('networks.report.submit')}
          </button>
          <button type="submit" name="action" value="save" class="button--secondary">
            {t('networks.report.save')}
          </button>
        </div>
      </form>
    </>
  );
}

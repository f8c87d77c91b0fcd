import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  formFields,
  NamedSection,
  Notice,
  Select,
  TextArea,
  TextField,
  Timeline,
} from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { FormPage } from '../../../core/views/forms.tsx';
import { RESULT_STATUSES, type ResultEvent } from '../schema.ts';
import { proposalPath } from '../service/answers.ts';
import { type ProcessView, processPath } from '../service/processes.ts';
import { RESULT_LIMITS, type ResultValues, type ResultView } from '../service/results.ts';
import type { ImportProblem } from '../service/results-csv.ts';
import { CommentsSection, type CommentsView } from './comments.tsx';
import { langOf } from './processes.tsx';

export const monitoringPath = (p: { slug: string }) => `${processPath(p)}/monitoring`;
export const resultPath = (p: { slug: string }, id: number) => `${monitoringPath(p)}/${id}`;
const noon = (day: string) => new Date(`${day}T12:00:00Z`);
const paragraphs = (s: string) => s.split(/\n\s*\n/).filter((x) => x.trim());

function Progress({ result }: { result: ResultView }) {
  const { t } = usePage();
  const id = `progress-${result.id}`;
  return (
    <p class="result-progress">
      <label for={id}>{t('participation.result.progress')}</label>{' '}
      <progress id={id} max={100} value={result.progress}>
        {t('participation.result.percent', { value: result.progress / 100 })}
      </progress>{' '}
      <span aria-hidden="true">{t('participation.result.percent', { value: result.progress / 100 })}</span>
    </p>
  );
}

/** Its status, its dates and its area, on one line. */
function ResultMeta({ result: r }: { result: ResultView }) {
  const { t } = usePage();
  const dates =
    r.starts_on && r.ends_on
      ? t('participation.result.dates', { from: noon(r.starts_on), to: noon(r.ends_on) })
      : r.starts_on
        ? t('participation.result.startsOn', { from: noon(r.starts_on) })
        : r.ends_on
          ? t('participation.result.endsOn', { to: noon(r.ends_on) })
          : null;
  return (
    <p class="meta">
      <span class="tag">{t(`participation.result.status.${r.status}`)}</span>
      {[dates, r.area ? t(`area.${r.area}`) : null].filter(Boolean).map((x) => ` · ${x}`)}
    </p>
  );
}

function Proposals({ process, result }: { process: ProcessView; result: ResultView }) {
  const { t, lang } = usePage();
  const href = useHref();
  if (!result.proposals.length) return null;
  return (
    <p>
      {t('participation.result.fromProposals')}{' '}
      {result.proposals.map((x, i) => (
        <span key={x.id}>
          {i > 0 && ', '}
          <a href={href(proposalPath(process, x.id))} lang={langOf(x.language, lang)}>
            {x.title}
          </a>
        </span>
      ))}
    </p>
  );
}

export interface MonitoringView {
  process: ProcessView;
  results: ResultView[];
  filters: { status?: string | undefined; area?: string | undefined };
  canManage: boolean;
  imported?: { created: number; updated: number } | undefined;
}

export function MonitoringPage({ view }: { view: MonitoringView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const p = view.process;
  const base = monitoringPath(p);
  return (
    <>
      <p class="meta">
        <a href={href(processPath(p))} lang={langOf(p.textLanguage, lang)}>
          {p.title}
        </a>
      </p>
      <h1>{t('participation.result.title')}</h1>
      <p class="lead">{t('participation.result.lead')}</p>
      {view.imported && <Notice>{t('participation.result.import.done', view.imported)}</Notice>}
      {view.canManage && (
        <p class="actions">
          <a class="button" href={href(`${base}/new`)}>
            {t('participation.result.new')}
          </a>{' '}
          <a class="button button--secondary" href={href(`${base}/import`)}>
            {t('participation.result.import.title')}
          </a>
        </p>
      )}
      <form method="get" action={href(base)} class="filters">
        <div class="field">
          <label for="status">{t('participation.result.statusLabel')}</label>
          <select id="status" name="status">
            <option value="">{t('participation.result.allStatuses')}</option>
            {RESULT_STATUSES.map((s) => (
              <option key={s} value={s} selected={s === view.filters.status}>
                {t(`participation.result.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="area">{t('participation.result.area')}</label>
          <select id="area" name="area">
            <option value="">{t('participation.result.allAreas')}</option>
            {p.areaList.map((a) => (
              <option key={a} value={a} selected={a === view.filters.area}>
                {t(`area.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('filters.apply')}</button>
      </form>
      {view.results.length === 0 ? (
        <p>{t('participation.result.none')}</p>
      ) : (
        <ul class="cards">
          {view.results.map((r) => (
            <li key={r.id} class="card">
              <h2>
                <a href={href(resultPath(p, r.id))} lang={langOf(r.language, lang)}>
                  {r.title}
                </a>
              </h2>
              <ResultMeta result={r} />
              <Progress result={r} />
              <Proposals process={p} result={r} />
            </li>
          ))}
        </ul>
      )}
      <p>
        {t('participation.result.download')} <a href={href(`${base}.csv`)}>CSV</a> · <a href={href(`${base}.geojson`)}>GeoJSON</a>
      </p>
    </>
  );
}

export interface ResultPageView {
  process: ProcessView;
  result: ResultView & { events: ResultEvent[] };
  canManage: boolean;
  csrfToken?: string;
  event?: { values: Partial<Record<string, string>>; errors: FieldErrors };
  notice?: string | undefined;
  /** Its comments. */
  comments?: CommentsView | undefined;
}

/** A result with its timeline, newest first; staff add to it below. */
export function ResultPage({ view }: { view: ResultPageView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const { process: p, result: r } = view;
  const labels = {
    on_date: t('participation.result.event.date'),
    text: t('participation.result.event.text'),
    progress: t('participation.result.event.progress'),
  };
  const field = formFields(labels, view.event?.values ?? {}, view.event?.errors ?? {});
  return (
    <>
      <p class="meta">
        <a href={href(processPath(p))} lang={langOf(p.textLanguage, lang)}>
          {p.title}
        </a>{' '}
        · <a href={href(monitoringPath(p))}>{t('participation.result.title')}</a>
      </p>
      {view.notice && <Notice>{t(`participation.result.notice.${view.notice}`)}</Notice>}
      <h1 lang={langOf(r.language, lang)}>{r.title}</h1>
      <ResultMeta result={r} />
      <Progress result={r} />
      {paragraphs(r.description).map((para, i) => (
        <p key={i} lang={langOf(r.language, lang)}>
          {para}
        </p>
      ))}
      <Proposals process={p} result={r} />
      {view.canManage && (
        <p>
          <a class="button button--secondary" href={href(`${resultPath(p, r.id)}/edit`)}>
            {t('participation.result.edit')}
          </a>
        </p>
      )}
      <NamedSection id="timeline" label={t('participation.result.timeline')}>
        {r.events.length === 0 ? (
          <p>{t('participation.result.noEvents')}</p>
        ) : (
          <Timeline
            entries={r.events.map((e) => ({
              at: e.on_date,
              title: e.text,
              status: e.progress === null ? undefined : t('participation.result.percent', { value: e.progress / 100 }),
            }))}
          />
        )}
      </NamedSection>
      {view.canManage && view.csrfToken && (
        <section aria-labelledby="event-heading">
          <h2 id="event-heading">{t('participation.result.event.title')}</h2>
          <ErrorSummary errors={view.event?.errors ?? {}} labels={labels} />
          <form method="post" action={href(`${resultPath(p, r.id)}/events`)} class="form" noValidate>
            <CsrfField token={view.csrfToken} />
            <TextField {...field('on_date')} type="date" required maxLength={10} />
            <TextArea {...field('text')} required maxLength={RESULT_LIMITS.event} rows={3} />
            <TextField {...field('progress')} hint={t('participation.result.event.progressHint')} maxLength={3} />
            <button type="submit">{t('participation.result.event.add')}</button>
          </form>
        </section>
      )}
      {view.comments && <CommentsSection view={view.comments} />}
    </>
  );
}

export interface ResultFormView {
  process: ProcessView;
  id: number | null;
  values: ResultValues;
  errors: FieldErrors;
  csrfToken: string;
}

/** Staff create or change a result. */
export function ResultFormPage({ view }: { view: ResultFormView }) {
  const { t } = usePage();
  const href = useHref();
  const p = view.process;
  const labels = {
    title: t('participation.result.field.title'),
    description: t('participation.result.field.description'),
    area: t('participation.result.area'),
    status: t('participation.result.statusLabel'),
    progress: t('participation.result.progress'),
    starts_on: t('participation.result.field.startsOn'),
    ends_on: t('participation.result.field.endsOn'),
    proposal_ids: t('participation.result.field.proposals'),
  };
  const field = formFields(labels, view.values, view.errors);
  return (
    <FormPage
      title={t(view.id ? 'participation.result.edit' : 'participation.result.new')}
      action={href(view.id ? `${resultPath(p, view.id)}/edit` : `${monitoringPath(p)}/new`)}
      csrfToken={view.csrfToken}
      errors={view.errors}
      labels={labels}
      submit={t('form.save')}
    >
      <TextField {...field('title')} required maxLength={RESULT_LIMITS.title} />
      <TextArea {...field('description')} maxLength={RESULT_LIMITS.description} />
      <Select
        {...field('area')}
        options={[{ value: '', label: t('participation.result.noArea') }, ...p.areaList.map((a) => ({ value: a, label: t(`area.${a}`) }))]}
      />
      <Select
        {...field('status')}
        required
        options={RESULT_STATUSES.map((s) => ({ value: s, label: t(`participation.result.status.${s}`) }))}
      />
      <TextField {...field('progress')} hint={t('participation.result.event.progressHint')} maxLength={3} />
      <TextField {...field('starts_on')} type="date" maxLength={10} />
      <TextField {...field('ends_on')} type="date" maxLength={10} />
      <TextField {...field('proposal_ids')} hint={t('participation.result.field.proposalsHint')} maxLength={600} />
    </FormPage>
  );
}

/** Staff upload a town's results file; a refused file lists its bad lines. */
export function ImportPage(view: { process: ProcessView; csrfToken: string; problems?: ImportProblem[]; more?: number }) {
  const { t } = usePage();
  const href = useHref();
  const action = href(`${monitoringPath(view.process)}/import`);
  const errors: FieldErrors = view.problems ? { file: { key: 'participation.result.import.refused' } } : {};
  return (
    <article class="prose">
      <h1>{t('participation.result.import.title')}</h1>
      <p class="lead">{t('participation.result.import.lead')}</p>
      <p>
        <code>id,title,description,area,status,progress,starts_on,ends_on,proposal_ids</code>
      </p>
      <ErrorSummary errors={errors} labels={{ file: t('participation.result.import.file') }} />
      {view.problems && (
        <ul class="import-problems">
          {view.problems.map((x, i) => (
            <li key={i}>
              {t(x.line ? 'participation.result.import.problem' : 'participation.result.import.fileProblem', {
                line: x.line,
                field: x.field ?? 'none',
                reason: t(x.key, x.values),
              })}
            </li>
          ))}
          {!!view.more && <li>{t('participation.result.import.more', { count: view.more })}</li>}
        </ul>
      )}
      <form method="post" action={action} enctype="multipart/form-data" class="form" noValidate>
        <CsrfField token={view.csrfToken} />
        <div class={view.problems ? 'field field--error' : 'field'}>
          <label for="file">{t('participation.result.import.file')}</label>
          <p class="hint" id="file-hint">
            {t('participation.result.import.hint')}
          </p>
          <input type="file" id="file" name="file" accept=".csv,text/csv" required aria-describedby="file-hint" />
        </div>
        <button type="submit">{t('participation.result.import.submit')}</button>
      </form>
    </article>
  );
}

/** The process page's part: how many results are followed, and for staff the answers waiting and the census list. */
export function MonitoringPart(view: { process: ProcessView; count: number; canAnswer: boolean; censusPath?: string | undefined }) {
  const { t } = usePage();
  const href = useHref();
  const p = view.process;
  return (
    <NamedSection id="monitoring" label={t('participation.result.title')}>
      <p>{t('participation.result.part.count', { count: view.count })}</p>
      <ul>
        <li>
          <a href={href(monitoringPath(p))}>{t('participation.result.part.link')}</a>
        </li>
        {view.canAnswer && (
          <li>
            <a href={href(`${processPath(p)}/answers`)}>{t('participation.answer.queueLink')}</a>
          </li>
        )}
        {view.censusPath && (
          <li>
            <a href={href(view.censusPath)}>{t('participation.census.manage')}</a>
          </li>
        )}
      </ul>
    </NamedSection>
  );
}

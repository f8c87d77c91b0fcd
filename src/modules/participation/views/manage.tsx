import { POLICY_AREAS } from '../../../core/areas.ts';
import { LANGUAGES, type LanguageCode } from '../../../core/i18n/languages.ts';
import {
  Checkbox,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  Select,
  TextArea,
  TextField,
} from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { PROCESS_KINDS, SUPPORTERS } from '../schema.ts';
import { MAX_SUPPORT_LIMIT, MAX_THRESHOLD, type OwnerOption, PROCESS_LIMITS, type ProcessForm } from '../service/editing.ts';
import { type ProcessView, processPath } from '../service/processes.ts';

const name = (language: string) => LANGUAGES[language as LanguageCode] ?? language;

/** The staff's pages of a process, linked from each of them. */
export function StaffNav({ process, current }: { process: ProcessView; current: 'edit' | 'phases' }) {
  const { t } = usePage();
  const href = useHref();
  const base = processPath(process);
  const pages = [
    [`${base}/edit`, t('participation.manage.nav.edit'), current === 'edit'],
    [`${base}/phases`, t('participation.manage.nav.phases'), current === 'phases'],
    [base, t('participation.manage.nav.view'), false],
    ['/participation/manage', t('participation.manage.nav.all'), false],
  ] as const;
  return (
    <nav class="section-nav" aria-label={t('participation.manage.nav.label')}>
      <ul>
        {pages.map(([path, label, here]) => (
          <li key={path}>
            <a href={href(path)} aria-current={here ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export interface ProcessFormView {
  /** Undefined while creating one. */
  process?: ProcessView;
  owners: OwnerOption[];
  form: ProcessForm;
  errors: FieldErrors;
  csrfToken: string;
  /** The languages the process is written in. */
  written: string[];
  notice?: string | undefined;
}

/** The labels of the process form's fields, for its fields and its error summary. */
function labels(t: (key: string, values?: Record<string, string>) => string): Record<string, string> {
  const fields = ['owner', 'kind', 'slug', 'title', 'summary', 'description', 'areas', 'support_threshold', 'support_limit'];
  const out = Object.fromEntries(fields.map((f) => [f, t(`participation.manage.field.${f}`)]));
  return { ...out, supporters: t('participation.manage.field.supporters'), stances: t('participation.manage.field.stances') };
}

/** What a process is written in, and how to write it in another language. */
function Languages({ view }: { view: ProcessFormView }) {
  const { t, lang } = usePage();
  const p = view.process!;
  const path = `${processPath(p)}/edit`;
  return (
    <>
      {!view.written.includes(lang) && (
        <p class="callout">
          {t('participation.manage.edit.newLanguage', { language: name(lang), original: name(p.original_language) })}{' '}
          <span lang={p.textLanguage}>“{p.title}”</span>
        </p>
      )}
      <p class="meta">
        {t('participation.manage.edit.languages')}{' '}
        {view.written.map((l, i) => (
          <span key={l}>
            {i > 0 && ', '}
            <a href={`/${l}${path}`} lang={l} hreflang={l} aria-current={l === lang ? 'page' : undefined}>
              {name(l)}
            </a>
          </span>
        ))}
        . {t('participation.manage.edit.otherLanguage')}
      </p>
    </>
  );
}

/** Creating a process, or editing one: what it is, its texts in the page's language, and how people take part. */
export function ProcessFormPage({ view }: { view: ProcessFormView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const p = view.process;
  const { values } = view.form;
  const label = labels(t);
  const field = (f: string) => ({ name: f, label: label[f]!, value: values[f], error: view.errors[f] });
  const action = href(p ? `${processPath(p)}/edit` : '/participation/new');
  return (
    <>
      {p && (
        <p class="breadcrumb">
          <a href={href(processPath(p))} lang={p.textLanguage === lang ? undefined : p.textLanguage}>
            {p.title}
          </a>
        </p>
      )}
      <h1>{t(p ? 'participation.manage.edit.title' : 'participation.manage.new.title')}</h1>
      {p && <StaffNav process={p} current="edit" />}
      {view.notice && <Notice>{t(view.notice === 'saved' ? 'form.saved' : `participation.manage.notice.${view.notice}`)}</Notice>}
      {p && (
        <p class="meta">
          {t('participation.manage.field.kind')}: {t(`participation.kind.${p.kind}`)} · {t('participation.manage.field.slug')}:{' '}
          <code>{processPath(p)}</code>
        </p>
      )}
      {p && <Languages view={view} />}
      <ErrorSummary errors={view.errors} labels={label} />
      <form method="post" action={action} class="form" noValidate>
        <CsrfField token={view.csrfToken} />
        {!p && (
          <>
            <Select {...field('owner')} required options={view.owners} />
            <Select {...field('kind')} required options={PROCESS_KINDS.map((k) => ({ value: k, label: t(`participation.kind.${k}`) }))} />
            <TextField {...field('slug')} hint={t('participation.manage.hint.slug')} maxLength={PROCESS_LIMITS.slug} />
          </>
        )}
        <h2 id="texts">{t('participation.manage.texts', { language: name(lang) })}</h2>
        <TextField {...field('title')} required maxLength={PROCESS_LIMITS.title} />
        <TextArea {...field('summary')} hint={t('participation.manage.hint.summary')} maxLength={PROCESS_LIMITS.summary} rows={3} />
        <TextArea
          {...field('description')}
          hint={t('participation.manage.hint.description')}
          maxLength={PROCESS_LIMITS.description}
          rows={10}
        />
        <h2 id="taking-part">{t('participation.manage.takingPart')}</h2>
        <CheckboxGroup
          name="areas"
          legend={label.areas!}
          hint={t('participation.manage.hint.areas')}
          options={POLICY_AREAS.map((a) => ({ value: a, label: t(`area.${a}`) }))}
          checked={new Set(view.form.areas)}
          error={view.errors.areas}
        />
        <TextField
          {...field('support_threshold')}
          hint={t('participation.manage.hint.threshold', { max: MAX_THRESHOLD.toLocaleString(lang) })}
          maxLength={9}
        />
        <TextField
          {...field('support_limit')}
          hint={t('participation.manage.hint.limit', { max: MAX_SUPPORT_LIMIT.toLocaleString(lang) })}
          maxLength={9}
        />
        <Select
          {...field('supporters')}
          required
          options={SUPPORTERS.map((s) => ({ value: s, label: t(`participation.manage.supporters.${s}`) }))}
        />
        <Checkbox name="stances" value="1" checked={!!values.stances} label={label.stances} />
        <div class="field field--checkbox">
          <input type="checkbox" id="published" name="published" value="1" checked={!!values.published} aria-describedby="published-hint" />
          <label for="published">{t('participation.manage.field.published')}</label>
        </div>
        <p class="hint" id="published-hint">
          {t('participation.manage.hint.published')}
        </p>
        <button type="submit">{t(p ? 'form.save' : 'participation.manage.new.submit')}</button>
      </form>
    </>
  );
}

/** An owner the person is staff of, and its processes. */
export interface OwnerProcesses {
  owner: OwnerOption;
  processes: ProcessView[];
}

/** A table of one owner's processes: each with its state, its phase today and links to manage it. */
function ProcessTable({ processes }: { processes: ProcessView[] }) {
  const { t, lang } = usePage();
  const href = useHref();
  const head = ['process', 'state', 'phase', 'manage'].map((c) => t(`participation.manage.list.${c}`));
  return (
    <div class="table-wrap">
      <table class="table">
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {processes.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <a href={href(processPath(p))} lang={p.textLanguage === lang ? undefined : p.textLanguage}>
                  {p.title}
                </a>
              </th>
              <td data-label={head[1]}>{t(p.published ? 'participation.manage.list.published' : 'participation.draft')}</td>
              <td data-label={head[2]}>
                {p.current ? t(`participation.phase.${p.current.kind}`) : t('participation.manage.list.noPhase')}
              </td>
              <td data-label={head[3]}>
                <a href={href(`${processPath(p)}/edit`)}>
                  {t('participation.manage.nav.edit')}
                  <span class="visually-hidden"> {p.title}</span>
                </a>
                {' · '}
                <a href={href(`${processPath(p)}/phases`)}>
                  {t('participation.manage.nav.phases')}
                  <span class="visually-hidden"> {p.title}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The staff's list: for each town or network they work for, its processes and a way to start one. */
export function ManagePage({ groups }: { groups: OwnerProcesses[] }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <>
      <h1>{t('participation.manage.list.title')}</h1>
      <p class="lead">{t('participation.manage.list.lead')}</p>
      {groups.map(({ owner, processes }) => {
        const id = `owner-${owner.value.replace(':', '-')}`;
        return (
          <section key={owner.value} id={id} aria-labelledby={`${id}-heading`}>
            <h2 id={`${id}-heading`}>{owner.label}</h2>
            {processes.length ? <ProcessTable processes={processes} /> : <p>{t('participation.manage.list.none')}</p>}
            <p>
              <a class="button" href={href(`/participation/new?owner=${owner.value}`)}>
                {t('participation.manage.list.start')}
                <span class="visually-hidden"> {t('participation.manage.list.for', { owner: owner.label })}</span>
              </a>
            </p>
          </section>
        );
      })}
    </>
  );
}

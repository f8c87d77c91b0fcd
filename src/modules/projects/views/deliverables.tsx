import { POLICY_AREAS } from '../../../core/areas.ts';
import { COMPLETE_LANGUAGES, LANGUAGE_CODES, LANGUAGES } from '../../../core/i18n/languages.ts';
import {
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FileField,
  Pager,
  Select,
  TextArea,
  TextField,
} from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { DELIVERABLE_KINDS, type DeliverableFile, LICENCES } from '../schema.ts';
import type { DeliverableView } from '../service/deliverable-read.ts';
import { DELIVERABLE_LIMITS } from '../service/deliverables.ts';
import { list } from '../service/read.ts';
import type { FormValues } from './editor.tsx';

const paragraphs = (text: string) => text.split(/\n{2,}/).filter((p) => p.trim());
const languageName = (code: string) => LANGUAGES[code as keyof typeof LANGUAGES] ?? code;
/** What a file input accepts; the server reads the type from the content again. */
const ACCEPT = '.pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.png,.jpg,.jpeg,.webp';

function useDay() {
  const { lang } = usePage();
  const format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  return (day: string) => format.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

function useSize() {
  const { lang } = usePage();
  return (bytes: number) => {
    const units: [string, number][] = [
      ['megabyte', 1024 * 1024],
      ['kilobyte', 1024],
    ];
    const [unit, n] = units.find(([, n]) => bytes >= n) ?? ['byte', 1];
    // "582 bytes", not "582 byte": bytes are written out, kB and MB are short.
    const unitDisplay = unit === 'byte' ? 'long' : 'short';
    return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay, maximumFractionDigits: 1 }).format(bytes / n);
  };
}

/** A deliverable in a list: title, project, kind, work package, languages, date. */
export function DeliverableCard({ d, heading = 'h3' }: { d: DeliverableView; heading?: 'h2' | 'h3' }) {
  const { t, lang } = usePage();
  const href = useHref();
  const day = useDay();
  const Heading = heading;
  return (
    <li class="card">
      <Heading>
        <a href={href(`/deliverables/${d.id}`)} lang={d.language === lang ? undefined : d.language}>
          {d.title}
        </a>
      </Heading>
      <p class="meta">
        {d.project.acronym} · {t(`projects.kind.${d.kind}`)}
        {d.work_package && ` · ${d.work_package}`}
      </p>
      <p class="meta">
        {t('projects.deliverable.languages')}: {d.languages.map(languageName).join(', ')}
      </p>
      <p class="meta">
        <time datetime={d.published_on}>{day(d.published_on)}</time>
      </p>
    </li>
  );
}

export interface LibraryView {
  items: DeliverableView[];
  total: number;
  page: number;
  pages: number;
  filter: { q?: string | undefined; area?: string | undefined; programme?: number | undefined; language?: string | undefined };
  programmes: { id: number; acronym: string }[];
}

function LibraryFilters({ view }: { view: LibraryView }) {
  const { t } = usePage();
  const href = useHref();
  const f = view.filter;
  return (
    <form method="get" action={href('/deliverables')} class="filters" aria-label={t('projects.deliverables.search')}>
      <div class="field">
        <label for="q">{t('projects.deliverables.words')}</label>
        <input type="search" id="q" name="q" value={f.q ?? ''} maxLength={200} />
      </div>
      <div class="field">
        <label for="area">{t('projects.areas')}</label>
        <select id="area" name="area">
          <option value="">{t('projects.calls.anyArea')}</option>
          {POLICY_AREAS.map((a) => (
            <option key={a} value={a} selected={a === f.area}>
              {t(`area.${a}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="programme">{t('projects.deliverables.programme')}</label>
        <select id="programme" name="programme">
          <option value="">{t('projects.deliverables.anyProgramme')}</option>
          {view.programmes.map((p) => (
            <option key={p.id} value={String(p.id)} selected={p.id === f.programme}>
              {p.acronym}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="language">{t('projects.deliverables.language')}</label>
        <select id="language" name="language">
          <option value="">{t('projects.deliverables.anyLanguage')}</option>
          {LANGUAGE_CODES.map((l) => (
            <option key={l} value={l} selected={l === f.language}>
              {LANGUAGES[l]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t('filters.apply')}</button>
    </form>
  );
}

/** The library of every project's deliverables, searchable and filtered. */
export function LibraryPage({ view }: { view: LibraryView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const link = (page: number) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(view.filter)) if (v) p.set(k, String(v));
    if (page > 1) p.set('page', String(page));
    const s = p.toString();
    return href(`/deliverables${s ? `?${s}` : ''}`);
  };
  return (
    <>
      <h1>{t('projects.deliverables.title')}</h1>
      <p class="lead">{t('projects.deliverables.lead')}</p>
      <LibraryFilters view={view} />
      <p class="list-order">
        {t(view.filter.q ? 'projects.deliverables.countSearch' : 'projects.deliverables.count', { count: view.total })}
      </p>
      <p>
        <a href={`/${lang}/feeds/deliverables.rss`}>{t('projects.deliverables.rss')}</a> ·{' '}
        <a href={`/${lang}/feeds/deliverables.atom`}>{t('projects.deliverables.atom')}</a>
      </p>
      {view.items.length === 0 ? (
        <p>{t('projects.deliverables.none')}</p>
      ) : (
        <ul class="cards">
          {view.items.map((d) => (
            <DeliverableCard key={d.id} d={d} heading="h2" />
          ))}
        </ul>
      )}
      <Pager page={view.page} pages={view.pages} link={link} />
    </>
  );
}

function FileVersions({ d, files }: { d: DeliverableView; files: DeliverableFile[] }) {
  const { t } = usePage();
  const href = useHref();
  const day = useDay();
  const size = useSize();
  return (
    <table class="table">
      <caption class="visually-hidden">
        {t('projects.deliverable.versionsOf', { language: languageName(files[0]?.language ?? '') })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('projects.deliverable.version')}</th>
          <th scope="col">{t('projects.deliverable.file')}</th>
          <th scope="col">{t('projects.deliverable.size')}</th>
          <th scope="col">{t('projects.deliverable.uploaded')}</th>
          <th scope="col">{t('projects.deliverable.downloads')}</th>
        </tr>
      </thead>
      <tbody>
        {files.map((f) => (
          <tr key={f.id}>
            <td data-label={t('projects.deliverable.version')}>{f.version}</td>
            <td data-label={t('projects.deliverable.file')}>
              <a href={href(`/deliverables/${d.id}/files/${f.id}`)} download>
                {f.original_name}
              </a>
            </td>
            <td data-label={t('projects.deliverable.size')}>{size(f.size)}</td>
            <td data-label={t('projects.deliverable.uploaded')}>
              <time datetime={f.created_at}>{day(f.created_at)}</time>
            </td>
            <td data-label={t('projects.deliverable.downloads')}>{f.downloads}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A deliverable: its texts, its facts and every version of its files per language. */
export function DeliverablePage({ view }: { view: { d: DeliverableView; canPublish: boolean } }) {
  const { t, lang } = usePage();
  const href = useHref();
  const day = useDay();
  const { d } = view;
  const deed = LICENCES[d.licence];
  const other = d.texts.filter((x) => x.language !== d.language);
  return (
    <article class="prose">
      <h1 lang={d.language === lang ? undefined : d.language}>{d.title}</h1>
      <div lang={d.language === lang ? undefined : d.language}>
        {paragraphs(d.summary).map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
      <dl class="summary-list">
        <dt>{t('projects.deliverable.project')}</dt>
        <dd>
          <a href={href(`/projects/${d.project.slug}`)}>{d.project.acronym}</a> (
          <a href={href(`/projects/${d.project.slug}/deliverables`)}>{t('projects.deliverables.ofProject')}</a>)
        </dd>
        <dt>{t('projects.deliverable.kind')}</dt>
        <dd>{t(`projects.kind.${d.kind}`)}</dd>
        {d.work_package && (
          <>
            <dt>{t('projects.deliverable.workPackage')}</dt>
            <dd>{d.work_package}</dd>
          </>
        )}
        <dt>{t('projects.deliverable.licence')}</dt>
        <dd>{deed ? <a href={deed}>{t(`projects.licence.${d.licence}`)}</a> : t(`projects.licence.${d.licence}`)}</dd>
        <dt>{t('projects.deliverable.published')}</dt>
        <dd>
          <time datetime={d.published_on}>{day(d.published_on)}</time>
        </dd>
        {d.areas && (
          <>
            <dt>{t('projects.areas')}</dt>
            <dd>
              {list(d.areas)
                .map((a) => t(`area.${a}`))
                .join(', ')}
            </dd>
          </>
        )}
      </dl>
      {other.length > 0 && (
        <section aria-labelledby="other-languages">
          <h2 id="other-languages">{t('projects.deliverable.otherLanguages')}</h2>
          <ul>
            {other.map((x) => (
              <li key={x.language}>
                {languageName(x.language)}: <span lang={x.language}>{x.title}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="files">
        <h2 id="files">{t('projects.deliverable.files')}</h2>
        {d.languages.map((l) => (
          <section key={l} aria-labelledby={`files-${l}`}>
            <h3 id={`files-${l}`}>{languageName(l)}</h3>
            <FileVersions d={d} files={d.files.filter((f) => f.language === l)} />
          </section>
        ))}
      </section>
      {view.canPublish && (
        <p>
          <a class="button" href={href(`/deliverables/${d.id}/edit`)}>
            {t('projects.deliverable.edit')}
          </a>{' '}
          <a class="button" href={href(`/deliverables/${d.id}/files`)}>
            {t('projects.deliverable.addFile')}
          </a>
        </p>
      )}
    </article>
  );
}

/** One project's deliverables, closed projects' too. */
export function ProjectDeliverablesPage({
  view,
}: {
  view: { project: { slug: string; acronym: string }; items: DeliverableView[]; canPublish: boolean; page: number; pages: number };
}) {
  const { t } = usePage();
  const href = useHref();
  const base = `/projects/${view.project.slug}/deliverables`;
  return (
    <>
      <h1>{t('projects.deliverables.of', { project: view.project.acronym })}</h1>
      <p>
        <a href={href(`/projects/${view.project.slug}`)}>{t('projects.deliverables.backToProject', { project: view.project.acronym })}</a>
      </p>
      {view.canPublish && (
        <p>
          <a class="button" href={href(`${base}/new`)}>
            {t('projects.deliverable.new')}
          </a>
        </p>
      )}
      {view.items.length === 0 ? (
        <p>{t('projects.deliverables.none')}</p>
      ) : (
        <ul class="cards">
          {view.items.map((d) => (
            <DeliverableCard key={d.id} d={d} heading="h2" />
          ))}
        </ul>
      )}
      <Pager page={view.page} pages={view.pages} link={(p) => href(p > 1 ? `${base}?page=${p}` : base)} />
    </>
  );
}

/** The newest deliverables of one or more projects, as a section of another page. */
export function DeliverablesSection({ id, label, items, more }: { id: string; label: string; items: DeliverableView[]; more?: string }) {
  const { t } = usePage();
  return (
    <section id={id} class="named-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{label}</h2>
      <ul class="cards">
        {items.map((d) => (
          <DeliverableCard key={d.id} d={d} />
        ))}
      </ul>
      {more && (
        <p>
          <a href={more}>{t('projects.deliverables.all')}</a>
        </p>
      )}
    </section>
  );
}

export interface DeliverableFormView {
  title: string;
  action: string;
  values: FormValues;
  errors: FieldErrors;
  csrfToken: string;
  /** The first upload's fields: on the new deliverable's form and on the files' form. */
  file: boolean;
  /** Only the file's fields: the form that adds a version or a language. */
  fileOnly?: boolean;
  lead?: string;
}

function languageOptions() {
  const rest = LANGUAGE_CODES.filter((l) => !COMPLETE_LANGUAGES.includes(l));
  return [...COMPLETE_LANGUAGES, ...rest].map((l) => ({ value: l, label: LANGUAGES[l] }));
}

/** The deliverable's form: its texts in a language and its facts, and a file when it has one. */
export function DeliverableForm({ view }: { view: DeliverableFormView }) {
  const { t } = usePage();
  const v = view.values;
  const one = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
  const labels: Record<string, string> = {
    language: t('projects.form.language'),
    title: t('projects.deliverable.titleField'),
    summary: t('projects.deliverable.summary'),
    kind: t('projects.deliverable.kind'),
    work_package: t('projects.deliverable.workPackage'),
    licence: t('projects.deliverable.licence'),
    published_on: t('projects.deliverable.published'),
    areas: t('projects.areas'),
    file_language: t('projects.deliverable.fileLanguage'),
    file: t('projects.deliverable.file'),
  };
  const field = (name: string) => ({ name, label: labels[name]!, value: one(name), error: view.errors[name] });
  return (
    <article class="prose">
      <h1>{view.title}</h1>
      {view.lead && <p class="lead">{view.lead}</p>}
      <ErrorSummary errors={view.errors} labels={labels} />
      <form method="post" action={view.action} class="form" enctype={view.file ? 'multipart/form-data' : undefined} noValidate>
        <CsrfField token={view.csrfToken} />
        {!view.fileOnly && (
          <>
            <Select {...field('language')} required options={languageOptions()} hint={t('projects.form.languageHint')} />
            <TextField {...field('title')} required maxLength={DELIVERABLE_LIMITS.title} />
            <TextArea {...field('summary')} maxLength={DELIVERABLE_LIMITS.summary} rows={5} />
            <Select {...field('kind')} required options={DELIVERABLE_KINDS.map((k) => ({ value: k, label: t(`projects.kind.${k}`) }))} />
            <TextField
              {...field('work_package')}
              maxLength={DELIVERABLE_LIMITS.work_package}
              hint={t('projects.deliverable.workPackageHint')}
            />
            <Select
              {...field('licence')}
              required
              options={Object.keys(LICENCES).map((k) => ({ value: k, label: t(`projects.licence.${k}`) }))}
            />
            <TextField {...field('published_on')} type="date" required maxLength={10} />
            <CheckboxGroup
              name="areas"
              legend={labels.areas!}
              options={POLICY_AREAS.map((a) => ({ value: a, label: t(`area.${a}`) }))}
              checked={new Set([v.areas ?? []].flat())}
              error={view.errors.areas}
            />
          </>
        )}
        {view.file && (
          <>
            <Select {...field('file_language')} required options={languageOptions()} />
            <FileField
              name="file"
              label={labels.file!}
              required
              accept={ACCEPT}
              hint={t('projects.deliverable.fileHint')}
              error={view.errors.file}
            />
          </>
        )}
        <button type="submit">{view.fileOnly ? t('projects.deliverable.upload') : t('projects.form.save')}</button>
      </form>
    </article>
  );
}

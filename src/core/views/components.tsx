import { type ComponentChildren, Fragment, type VNode } from 'preact';
import type { MessageValues } from '../i18n/catalog.ts';
import { useHref, usePage } from './context.ts';

export interface FieldError {
  key: string;
  values?: MessageValues;
}
export type FieldErrors = Record<string, FieldError | undefined>;

/** The portal's search box; only the header's copy is the page's search landmark. */
export function SearchForm({ id, value, large, landmark }: { id: string; value?: string; large?: boolean; landmark?: boolean }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <form
      role={landmark ? 'search' : undefined}
      class={large ? 'search-form search-form--large' : 'search-form'}
      action={href('/search')}
      method="get"
    >
      <label for={id} class={large ? 'search-label' : 'visually-hidden'}>
        {t('search.label')}
      </label>
      <div class="search-row">
        <input type="search" id={id} name="q" value={value ?? ''} maxLength={200} autocomplete="off" />
        <button type="submit">{t('search.submit')}</button>
      </div>
    </form>
  );
}

/** Lists a form's errors at its top, each linking to its field, as people expect from public services. */
export function ErrorSummary({ errors, labels }: { errors: FieldErrors; labels: Record<string, string> }) {
  const { t } = usePage();
  const entries = Object.entries(errors).filter((e): e is [string, FieldError] => e[1] !== undefined);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t('form.errorSummary')}</h2>
      <ul>
        {entries.map(([field, error]) => (
          <li key={field}>
            {/* A form-wide error says it all; a field's error is named after its field. */}
            <a href={`#${field}`}>{field === 'form' ? t(error.key, error.values) : `${labels[field]}: ${t(error.key, error.values)}`}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The name, label, value and error of each field of a form, to spread into its field component:
 * `<TextField {...field('email')} type="email" … />`.
 */
export function formFields(labels: Record<string, string>, values: Partial<Record<string, string>>, errors: FieldErrors) {
  return (name: string) => ({ name, label: labels[name] ?? name, value: values[name], error: errors[name] });
}

interface FieldProps {
  name: string;
  /** The element id, when several fields of one name are on a page; the name otherwise. */
  id?: string;
  label: string;
  error?: FieldError | undefined;
  hint?: string;
  required?: boolean;
}

function FieldShell({ name, id = name, label, error, hint, required, children }: FieldProps & { children: ComponentChildren }) {
  const { t } = usePage();
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={id}>
        {label}
        {!required && <span class="optional"> ({t('form.optional')})</span>}
      </label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">{t('form.errorPrefix')} </span>
          {t(error.key, error.values)}
        </p>
      )}
      {children}
    </div>
  );
}

function describedBy(p: FieldProps): string | undefined {
  const id = p.id ?? p.name;
  const ids = [p.hint && `${id}-hint`, p.error && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextField(
  p: FieldProps & {
    value?: string;
    type?: 'text' | 'email' | 'password' | 'url' | 'date' | 'datetime-local';
    maxLength: number;
    autocomplete?: string;
  },
) {
  return (
    <FieldShell {...p}>
      <input
        // Preact types each input type apart; both of ours take the same attributes.
        type={(p.type ?? 'text') as 'text'}
        id={p.id ?? p.name}
        name={p.name}
        value={p.value ?? ''}
        maxLength={p.maxLength}
        required={p.required}
        autocomplete={p.autocomplete}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p)}
      />
    </FieldShell>
  );
}

/** A file to upload; `accept` names the types the server takes (it checks the content again). */
export function FileField(p: FieldProps & { accept: string }) {
  return (
    <FieldShell {...p}>
      <input
        type="file"
        id={p.id ?? p.name}
        name={p.name}
        accept={p.accept}
        required={p.required}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p)}
      />
    </FieldShell>
  );
}

/** The error of a group of fields, under its legend. */
export function GroupError({ id, error }: { id: string; error: FieldError | undefined }) {
  const { t } = usePage();
  if (!error) return null;
  return (
    <p class="field-error" id={`${id}-error`}>
      <span class="visually-hidden">{t('form.errorPrefix')} </span>
      {t(error.key, error.values)}
    </p>
  );
}

/**
 * Up to `max` pictures on a form, optional: a file field for each one not yet kept, and the ones
 * kept from a refused attempt carried along as hidden fields, so that nobody uploads them twice.
 */
export function PictureFields(p: {
  /** The files' field name; the fieldset's id, which an error summary links to. */
  name: string;
  /** The start of each file field's id: `{idPrefix}-1`, `{idPrefix}-2`… */
  idPrefix: string;
  legend: ComponentChildren;
  hint: string;
  /** A file field's label, by the picture's number counting the kept ones. */
  label: (n: number) => string;
  keptNote: (count: number) => string;
  max: number;
  kept: string[];
  error?: FieldError | undefined;
}) {
  const { t } = usePage();
  return (
    <>
      <fieldset class="fieldset" id={p.name}>
        <legend>
          {p.legend} <span class="optional">({t('form.optional')})</span>
        </legend>
        <p class="hint">{p.hint}</p>
        <GroupError id={p.name} error={p.error} />
        {Array.from({ length: Math.max(0, p.max - p.kept.length) }, (_, i) => (
          <FileField
            key={i}
            name={p.name}
            id={`${p.idPrefix}-${i + 1}`}
            label={p.label(p.kept.length + i + 1)}
            accept="image/png,image/jpeg,image/webp"
          />
        ))}
        {p.kept.length > 0 && <p class="meta">{p.keptNote(p.kept.length)}</p>}
      </fieldset>
      {p.kept.map((k) => (
        <input key={k} type="hidden" name="kept" value={k} />
      ))}
    </>
  );
}

export function TextArea(p: FieldProps & { value?: string; maxLength: number; rows?: number }) {
  return (
    <FieldShell {...p}>
      <textarea
        id={p.id ?? p.name}
        name={p.name}
        rows={p.rows ?? 6}
        maxLength={p.maxLength}
        required={p.required}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p)}
      >
        {p.value ?? ''}
      </textarea>
    </FieldShell>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

/** A choice from a list; `groups` come after `options`, each under its label (an `<optgroup>`). */
export function Select(p: FieldProps & { value?: string; options: SelectOption[]; groups?: { label: string; options: SelectOption[] }[] }) {
  const option = (o: SelectOption) => (
    <option key={o.value} value={o.value} selected={o.value === p.value}>
      {o.label}
    </option>
  );
  return (
    <FieldShell {...p}>
      <select
        id={p.id ?? p.name}
        name={p.name}
        required={p.required}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p)}
      >
        {p.options.map(option)}
        {p.groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map(option)}
          </optgroup>
        ))}
      </select>
    </FieldShell>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** A checkbox; its label may hold links (e.g. to the terms one accepts), so it takes markup. */
export function Checkbox(
  p: Omit<FieldProps, 'label'> & { label: ComponentChildren; value: string; checked?: boolean; children?: ComponentChildren },
) {
  const { t } = usePage();
  return (
    <div class={p.error ? 'field field--error field--checkbox' : 'field field--checkbox'}>
      {p.error && (
        <p class="field-error" id={`${p.id ?? p.name}-error`}>
          <span class="visually-hidden">{t('form.errorPrefix')} </span>
          {t(p.error.key, p.error.values)}
        </p>
      )}
      <input
        type="checkbox"
        id={p.id ?? p.name}
        name={p.name}
        value={p.value}
        checked={p.checked}
        required={p.required}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={p.error ? `${p.id ?? p.name}-error` : undefined}
      />
      <label for={p.id ?? p.name}>{p.label}</label>
      {p.children}
    </div>
  );
}

// A character no message holds, to find where the links go in a formatted message.
const LINK_MARK = '\u0001';

/**
 * A message with links in it: each placeholder named in `links` becomes a link whose text is a message
 * of its own (or any text, such as an address a person gave: `rel` then says what the portal makes of it).
 * Catalogs hold no markup, so translators can move a link within the sentence but not break it.
 */
export function LinkedMessage({ id, links }: { id: string; links: Record<string, { href: string; text: string; rel?: string }> }) {
  const { t } = usePage();
  const marks = Object.fromEntries(Object.keys(links).map((name) => [name, `${LINK_MARK}${name}${LINK_MARK}`]));
  const parts = t(id, marks).split(LINK_MARK);
  return (
    <>
      {parts.map((part, i) => {
        const link = i % 2 === 1 ? links[part] : undefined;
        return link ? (
          <a key={part} href={link.href} rel={link.rel}>
            {link.text}
          </a>
        ) : (
          part
        );
      })}
    </>
  );
}

/** A confirmation shown at the top of a page after an action succeeded. */
export function Notice({ children }: { children: ComponentChildren }) {
  return (
    <div class="notice notice--success" role="status">
      {children}
    </div>
  );
}

/** A form that only posts a button, e.g. "Sign out" or "Remove". */
export function ButtonForm({
  action,
  csrfToken,
  label,
  secondary,
  hiddenLabel,
}: {
  action: string;
  csrfToken: string;
  label: string;
  secondary?: boolean;
  hiddenLabel?: string;
}) {
  return (
    <form method="post" action={action} class="button-form">
      <CsrfField token={csrfToken} />
      <button type="submit" class={secondary ? 'button--secondary' : undefined}>
        {label}
        {hiddenLabel && <span class="visually-hidden"> {hiddenLabel}</span>}
      </button>
    </form>
  );
}

/** A question answered by ticking any of several boxes, e.g. policy areas; its error names the group. */
export function CheckboxGroup(p: {
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  checked: ReadonlySet<string>;
  error?: FieldError | undefined;
}) {
  const { t } = usePage();
  const describedBy = [p.hint && `${p.name}-hint`, p.error && `${p.name}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class="fieldset" id={p.name} aria-describedby={describedBy}>
      <legend>{p.legend}</legend>
      {p.hint && (
        <p class="hint" id={`${p.name}-hint`}>
          {p.hint}
        </p>
      )}
      {p.error && (
        <p class="field-error" id={`${p.name}-error`}>
          <span class="visually-hidden">{t('form.errorPrefix')} </span>
          {t(p.error.key, p.error.values)}
        </p>
      )}
      <div class="checkbox-grid">
        {p.options.map((o) => (
          <div key={o.value} class="checkbox-item">
            <input type="checkbox" id={`${p.name}-${o.value}`} name={p.name} value={o.value} checked={p.checked.has(o.value)} />
            <label for={`${p.name}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * A titled part of a page with its own anchor, e.g. a town's news on its profile. A page that shows
 * several lists them in a `SectionNav` (see `namedSections`), so a reader jumps to one without JavaScript.
 */
export function NamedSection({ id, label, children }: { id: string; label: string; children: ComponentChildren }) {
  return (
    <section id={id} class="named-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{label}</h2>
      {children}
    </section>
  );
}

/** The NamedSections among what modules rendered (also inside a fragment), with their anchors and titles. */
export function namedSections(nodes: VNode[]): { id: string; label: string }[] {
  return nodes.flatMap(function found(node: unknown): { id: string; label: string }[] {
    if (!node || typeof node !== 'object' || !('type' in node) || !('props' in node)) return [];
    const { type, props } = node as VNode<{ id?: string; label?: string; children?: unknown }>;
    if (type === NamedSection) return [{ id: String(props.id), label: String(props.label) }];
    if (type !== Fragment) return [];
    const children = props.children;
    return (Array.isArray(children) ? children : [children]).flatMap(found);
  });
}

/** Links to the sections of a long page; plain anchors, so it works without JavaScript. */
export function SectionNav({ label, sections }: { label: string; sections: { id: string; label: string }[] }) {
  if (sections.length < 2) return null;
  return (
    <nav class="section-nav" aria-label={label}>
      <ul>
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`}>{s.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** "Previous · page 2 of 7 · next" under a long list; nothing when it fits on one page. */
export function Pager({ page, pages, link }: { page: number; pages: number; link: (page: number) => string }) {
  const { t } = usePage();
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={t('pager.label')}>
      {page > 1 && (
        <a href={link(page - 1)} rel="prev">
          {t('pager.previous')}
        </a>
      )}
      <span>{t('pager.pageOf', { page, pages })}</span>
      {page < pages && (
        <a href={link(page + 1)} rel="next">
          {t('pager.next')}
        </a>
      )}
    </nav>
  );
}

/** What staff see where the public sees nothing: that it is empty, and what they can do about it. */
export function EmptyState({ text, action }: { text: string; action: { href: string; label: string } }) {
  return (
    <div class="empty-state">
      <p>{text}</p>
      <p>
        <a class="button button--secondary" href={action.href}>
          {action.label}
        </a>
      </p>
    </div>
  );
}

export interface TimelineEntry {
  /** When it happened; shown as a date, with the exact time for machines. */
  at: string;
  title: ComponentChildren;
  /** A state the thing reached then, as a badge. */
  status?: string;
  detail?: ComponentChildren;
}

/** What happened to one thing, newest first: a sent newsletter's issues, a report's states, a membership's steps. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = usePage();
  return (
    <ol class="timeline">
      {entries.map((e, i) => (
        <li key={`${i}-${e.at}`}>
          <time datetime={e.at}>{t('common.date', { date: new Date(e.at) })}</time>
          <div>
            <p class="timeline-title">
              {e.title}
              {e.status && (
                <>
                  {' '}
                  <span class="tag">{e.status}</span>
                </>
              )}
            </p>
            {e.detail}
          </div>
        </li>
      ))}
    </ol>
  );
}

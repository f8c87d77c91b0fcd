import { type ComponentChildren, Fragment } from 'preact';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  formFields,
  Notice,
  Select,
  TextArea,
  TextField,
  Timeline,
  type TimelineEntry,
} from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { Signal, SignalPhoto, SignalUpdate } from '../schema.ts';
import { BODY_LIMITS } from '../service/manage.ts';
import { photoPath } from '../service/photos.ts';
import { reportPath } from '../service/reports.ts';
import { NOTE_LIMIT, STAFF_STATES } from '../service/states.ts';

/** Where a report's photo is served, at the width staff look at it. */

export interface ManageView {
  signal: Signal;
  category: string;
  area: string | null;
  town: { name: string; path: string };
  /** The account that reported it, when there is one. */
  account: string | null;
  answers: { label: string; value: string }[];
  photos: SignalPhoto[];
  timeline: SignalUpdate[];
  /** Names of the people the timeline and the assignment name; towns a report came from. */
  names: Map<number, string | null>;
  towns: Map<number, string>;
  colleagues: { id: number; name: string }[];
  neighbours: { id: number; name: string; km: number }[];
  csrfToken: string;
  canModerate: boolean;
  notice?: string | undefined;
  /** A refused form: which one, what was typed, what is wrong. */
  refused?: { form: string; values: Record<string, string | undefined>; errors: FieldErrors } | undefined;
}

function labels(t: (key: string) => string): Record<string, string> {
  const fields = ['state', 'note', 'responsible', 'duplicate_of', 'internal_note', 'assignee', 'town', 'pass_note'];
  const own = Object.fromEntries(fields.map((f) => [f, t(`signals.manage.field.${f}`)]));
  return {
    ...own,
    body_name: t('signals.manage.field.body_name'),
    body_email: t('signals.manage.field.body_email'),
    body_note: t('signals.manage.field.note'),
  };
}

/** One of the page's forms, in a panel of its own under a heading; its words are `signals.manage.{id}Title` and `…Submit`. */
function Panel(p: { id: string; path: string; view: ManageView; children: ComponentChildren }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <section class="panel" id={`${p.id}-form`} aria-labelledby={`${p.id}-heading`}>
      <h2 id={`${p.id}-heading`}>{t(`signals.manage.${p.id}Title`)}</h2>
      <form method="post" action={href(`/signals/${p.view.signal.id}/manage${p.path}`)} class="form" noValidate>
        <CsrfField token={p.view.csrfToken} />
        {p.children}
        <button type="submit">{t(`signals.manage.${p.id}Submit`)}</button>
      </form>
    </section>
  );
}

/** What happened to the report, newest first, internal notes marked as such. */
function History({ view }: { view: ManageView }) {
  const { t } = usePage();
  const who = (id: number | null) => (id === null ? t('common.system') : (view.names.get(id) ?? t('common.deletedAccount')));
  const entries: TimelineEntry[] = [...view.timeline].reverse().map((u) => {
    const title =
      u.kind === 'state'
        ? t('signals.manage.entry.state', { state: t(`signals.state.${u.state ?? 'open'}`) })
        : u.kind === 'passed'
          ? t('signals.manage.entry.passed', { town: view.towns.get(u.from_municipality ?? 0) ?? '' })
          : u.kind === 'assigned'
            ? u.assignee_id
              ? t('signals.manage.entry.assigned', { name: who(u.assignee_id) })
              : t('signals.manage.entry.unassigned')
            : t(`signals.manage.entry.${u.kind}`);
    return {
      at: u.created_at,
      title: `${title} · ${who(u.author_id)}`,
      ...(u.kind === 'internal' ? { status: t('signals.manage.internal') } : {}),
      ...(u.note ? { detail: <p class="description">{u.note}</p> } : {}),
    };
  });
  return (
    <section id="timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('signals.manage.timeline')}</h2>
      <Timeline entries={entries} />
    </section>
  );
}

/** The report as staff see it: who sent it and how to reach them, its photos, its whole timeline. */
function Facts({ view }: { view: ManageView }) {
  const { t } = usePage();
  const href = useHref();
  const s = view.signal;
  const row = (label: string, value: ComponentChildren) => (
    <Fragment key={label}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </Fragment>
  );
  return (
    <>
      <p class="meta">
        <span class="tag">{t(`signals.state.${s.state}`)}</span>{' '}
        {s.confirmed === 0 && <span class="tag">{t('signals.inbox.unconfirmed')}</span>}{' '}
        {s.hidden === 1 && <span class="tag">{t('signals.manage.hiddenTag')}</span>}{' '}
        <time datetime={s.created_at}>{t('common.date', { date: new Date(s.created_at) })}</time>
      </p>
      <p class="description">{s.description}</p>
      <dl class="summary-list">
        {row(t('signals.manage.field.category'), view.area ? `${view.category} (${t(`area.${view.area}`)})` : view.category)}
        {row(t('signals.manage.field.town'), <a href={href(view.town.path)}>{view.town.name}</a>)}
        {row(
          t('signals.manage.field.place'),
          `${s.address ? `${s.address} · ` : ''}${t('map.coordinates', { lat: String(s.latitude), lon: String(s.longitude) })}`,
        )}
        {view.answers.map((a) => row(a.label, a.value))}
        {row(t('signals.manage.field.meToo'), String(s.me_too))}
        {s.responsible && row(t('signals.manage.field.responsible'), s.responsible)}
        {s.duplicate_of &&
          row(t('signals.manage.field.duplicate_of'), <a href={href(`/signals/${s.duplicate_of}/manage`)}>#{s.duplicate_of}</a>)}
        {s.assigned_to && row(t('signals.manage.field.assignee'), view.names.get(s.assigned_to) ?? t('common.deletedAccount'))}
      </dl>
      <section id="private" class="panel" aria-labelledby="private-heading">
        <h2 id="private-heading">{t('signals.manage.private')}</h2>
        <p class="hint">{t('signals.manage.privateHint')}</p>
        <dl class="summary-list">
          {row(t('signals.manage.field.contactName'), s.contact_name ?? '—')}
          {row(t('signals.manage.field.contactEmail'), s.contact_email ? <a href={`mailto:${s.contact_email}`}>{s.contact_email}</a> : '—')}
          {row(t('signals.manage.field.contactPhone'), s.contact_phone ?? '—')}
          {row(t('signals.manage.field.account'), view.account ?? t('signals.manage.noAccount'))}
          {row(t('signals.manage.field.showName'), t(s.show_name ? 'signals.manage.yes' : 'signals.manage.no'))}
        </dl>
      </section>
    </>
  );
}

function Photos({ view, action }: { view: ManageView; action: (path: string) => string }) {
  const { t } = usePage();
  if (!view.photos.length) return null;
  return (
    <section id="photos" aria-labelledby="photos-heading">
      <h2 id="photos-heading">{t('signals.manage.photos')}</h2>
      <ul class="cards">
        {view.photos.map((p, i) => {
          const name = t('signals.manage.photo', { n: i + 1 });
          return (
            <li key={p.id} class="card">
              <img src={photoPath(p.file, 400)} alt={name} loading="lazy" width={320} />
              <p>
                {name}
                {p.hidden === 1 && (
                  <>
                    {' '}
                    <span class="tag">{t('signals.manage.hiddenTag')}</span>
                  </>
                )}
              </p>
              <form method="post" action={action(`/photos/${p.id}`)} class="button-form">
                <CsrfField token={view.csrfToken} />
                <input type="hidden" name="hidden" value={p.hidden ? '0' : '1'} />
                <button type="submit" class="button--secondary">
                  {t(p.hidden ? 'signals.manage.showPhoto' : 'signals.manage.hidePhoto')}
                  <span class="visually-hidden"> {name}</span>
                </button>
              </form>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The report management page: its facts and private details, its timeline, and what staff can do. */
export function ManagePage({ view }: { view: ManageView }) {
  const { t } = usePage();
  const href = useHref();
  const s = view.signal;
  const base = `/signals/${s.id}/manage`;
  const action = (path: string) => href(`${base}${path}`);
  const all = labels(t);
  const errors = view.refused?.errors ?? {};
  const values = (form: string, fallback: Record<string, string> = {}) => (view.refused?.form === form ? view.refused.values : fallback);
  const field = (form: string, fallback?: Record<string, string>) => formFields(all, values(form, fallback), errors);
  const stateField = field('state', { state: '' });
  const states = STAFF_STATES.filter((x) => x !== s.state);
  return (
    <article>
      <h1>{t('signals.manage.title', { id: s.id, category: view.category })}</h1>
      {view.notice && <Notice>{t(`signals.manage.notice.${view.notice}`)}</Notice>}
      <ErrorSummary errors={errors} labels={all} />
      <p>
        <a href={href(reportPath(s.id))}>{t('signals.manage.public')}</a> ·{' '}
        <a href={href(`/signals/inbox?town=${s.municipality_id}`)}>{t('signals.manage.inbox')}</a>
      </p>
      <Facts view={view} />
      <Photos view={view} action={action} />
      <History view={view} />
      <Panel id="state" path="/state" view={view}>
        <Select
          {...stateField('state')}
          required
          options={[
            { value: '', label: t('signals.manage.chooseState') },
            ...states.map((x) => ({ value: x, label: t(`signals.state.${x}`) })),
          ]}
        />
        <TextArea {...stateField('note')} required maxLength={NOTE_LIMIT} rows={4} hint={t('signals.manage.hint.note')} />
        <TextField {...stateField('responsible')} maxLength={200} hint={t('signals.manage.hint.responsible')} />
        <TextField {...stateField('duplicate_of')} maxLength={12} hint={t('signals.manage.hint.duplicate')} />
      </Panel>
      <Panel id="internal" path="/note" view={view}>
        <TextArea {...field('note')('internal_note')} required maxLength={NOTE_LIMIT} rows={3} hint={t('signals.manage.hint.internal')} />
      </Panel>
      <Panel id="assign" path="/assign" view={view}>
        <Select
          {...field('assign', { assignee: s.assigned_to ? String(s.assigned_to) : '' })('assignee')}
          options={[
            { value: '', label: t('signals.manage.nobody') },
            ...view.colleagues.map((c) => ({ value: String(c.id), label: c.name })),
          ]}
        />
      </Panel>
      {view.neighbours.length > 0 && (
        <Panel id="pass" path="/pass" view={view}>
          <Select
            {...field('pass')('town')}
            required
            options={view.neighbours.map((m) => ({
              value: String(m.id),
              label: t('signals.manage.neighbour', { name: m.name, km: Math.round(m.km) }),
            }))}
          />
          <TextArea {...field('pass')('pass_note')} required maxLength={NOTE_LIMIT} rows={3} hint={t('signals.manage.hint.pass')} />
        </Panel>
      )}
      <Panel id="send" path="/send" view={view}>
        <p class="hint">{t('signals.manage.hint.send')}</p>
        <TextField {...field('send')('body_name')} required maxLength={BODY_LIMITS.body_name} />
        <TextField {...field('send')('body_email')} type="email" required maxLength={BODY_LIMITS.body_email} autocomplete="off" />
        <TextArea {...field('send')('body_note')} required maxLength={NOTE_LIMIT} rows={3} hint={t('signals.manage.hint.note')} />
      </Panel>
      {view.canModerate && (
        <section class="panel" id="visibility" aria-labelledby="visibility-heading">
          <h2 id="visibility-heading">{t('signals.manage.visibilityTitle')}</h2>
          <p>{t(s.hidden ? 'signals.manage.isHidden' : 'signals.manage.isShown')}</p>
          <form method="post" action={action('/visibility')} class="button-form">
            <CsrfField token={view.csrfToken} />
            <input type="hidden" name="hidden" value={s.hidden ? '0' : '1'} />
            <button type="submit" class={s.hidden ? 'button--secondary' : 'button--danger'}>
              {t(s.hidden ? 'signals.manage.show' : 'signals.manage.hide')}
            </button>
          </form>
        </section>
      )}
    </article>
  );
}

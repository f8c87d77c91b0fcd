import { countryName } from '../../../core/countries.ts';
import { type FieldErrors, Select, TextArea, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { FormPage } from '../../../core/views/forms.tsx';
import type { OwnedEvent } from '../../content/index.ts';
import { ACTIVITY_KINDS, type Project } from '../schema.ts';
import { type ActivityView, byCountry, COUNTRY_ROWS, type HostView, PARTICIPANT_COUNTRIES, REPORT_MAX } from '../service/activities.ts';

const activitiesPath = (p: Pick<Project, 'slug'>) => `/projects/${p.slug}/activities`;

/** When an event takes place, as a date or a range of dates. */
export function EventDates({ event }: { event: OwnedEvent }) {
  const { t } = usePage();
  const start = event.startsAt.slice(0, 10);
  const end = event.endsAt?.slice(0, 10);
  return (
    <>
      <time datetime={start}>{t('common.date', { date: new Date(event.startsAt) })}</time>
      {end && end !== start && (
        <>
          {' – '}
          <time datetime={end}>{t('common.date', { date: new Date(event.endsAt as string) })}</time>
        </>
      )}
    </>
  );
}

/** Who came, by country, most first; nothing before the report. */
export function Participants({ a }: { a: ActivityView }) {
  const { t, lang } = usePage();
  if (a.activity.participants_total === null) return null;
  return (
    <p>
      {t('projects.activity.participantsTotal', { n: a.activity.participants_total })}
      {a.participants.length > 0 && ': '}
      {byCountry(a.participants, lang)
        .map((c) => `${c.name} ${c.n}`)
        .join(', ')}
    </p>
  );
}

export function ActivitiesPage({
  project,
  title,
  items,
  canPublish,
}: {
  project: Project;
  title: string;
  items: ActivityView[];
  canPublish: boolean;
}) {
  const { t, lang } = usePage();
  const href = useHref();
  return (
    <article class="prose">
      <p>
        <a href={href(`/projects/${project.slug}`)}>{project.acronym}</a>
      </p>
      <h1>{title}</h1>
      {canPublish && (
        <p class="form-links">
          <a href={href(`${activitiesPath(project)}/new`)}>{t('projects.activity.add')}</a>
        </p>
      )}
      {items.length === 0 && <p>{t('projects.activity.none')}</p>}
      {items.map((a) => (
        <section key={a.activity.id} aria-labelledby={`activity-${a.activity.id}`} class="card">
          <h2 id={`activity-${a.activity.id}`}>
            <a href={href(a.event.path)}>{a.event.title}</a>
          </h2>
          <dl>
            <dt>{t('projects.activity.kind')}</dt>
            <dd>{t(`projects.activity.kind.${a.activity.kind}`)}</dd>
            <dt>{t('projects.activity.when')}</dt>
            <dd>
              <EventDates event={a.event} />
            </dd>
            {a.host && (
              <>
                <dt>{t('projects.activity.host')}</dt>
                <dd>
                  {a.host.name}, {countryName(a.host.country, lang)}
                </dd>
              </>
            )}
          </dl>
          <Participants a={a} />
          {a.activity.report && (
            <div class="activity-report">
              {a.activity.report.split(/\n{2,}/).map((para, i) => (
                <p key={i}>{para}</p>
              ))}
            </div>
          )}
          {canPublish && (
            <p class="form-links">
              <a href={href(`${activitiesPath(project)}/${a.activity.id}/report`)}>
                {t('projects.activity.writeReport')}
                <span class="visually-hidden">: {a.event.title}</span>
              </a>
            </p>
          )}
        </section>
      ))}
    </article>
  );
}

export interface NewActivityView {
  project: Project;
  title: string;
  events: OwnedEvent[];
  hosts: HostView[];
  values: Record<string, string>;
  errors: FieldErrors;
  csrfToken: string;
}

export function NewActivityForm({ view }: { view: NewActivityView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const labels = { event: t('projects.activity.event'), kind: t('projects.activity.kind'), host: t('projects.activity.host') };
  const write = href(`/newsroom/new?${new URLSearchParams({ type: 'event', owner: `project:${view.project.id}` })}`);
  return (
    <FormPage
      title={view.title}
      action={href(`${activitiesPath(view.project)}/new`)}
      csrfToken={view.csrfToken}
      errors={view.errors}
      labels={labels}
      submit={t('projects.activity.add')}
      lead={
        <p>
          {t('projects.activity.newLead')} <a href={write}>{t('projects.activity.writeEvent')}</a>
        </p>
      }
    >
      <Select
        name="event"
        label={labels.event}
        required
        value={view.values.event}
        error={view.errors.event}
        options={[
          { value: '', label: t('projects.activity.chooseEvent') },
          ...view.events.map((e) => ({ value: String(e.id), label: `${e.title} (${e.startsAt.slice(0, 10)})` })),
        ]}
      />
      <Select
        name="kind"
        label={labels.kind}
        required
        value={view.values.kind}
        error={view.errors.kind}
        options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`projects.activity.kind.${k}`) }))}
      />
      <Select
        name="host"
        label={labels.host}
        value={view.values.host}
        error={view.errors.host}
        options={[
          { value: '', label: t('projects.activity.noHost') },
          ...view.hosts.map((h) => ({ value: String(h.id), label: `${h.name}, ${countryName(h.country, lang)}` })),
        ]}
      />
    </FormPage>
  );
}

export interface ReportView {
  project: Project;
  activity: ActivityView;
  title: string;
  rows: { country: string; number: string }[];
  report: string;
  errors: FieldErrors;
  csrfToken: string;
}

export function ReportForm({ view }: { view: ReportView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const countries = PARTICIPANT_COUNTRIES.map((c) => ({ value: c, label: countryName(c, lang) })).sort((a, b) =>
    a.label.localeCompare(b.label, lang),
  );
  const labels: Record<string, string> = { report: t('projects.activity.report'), form: view.title };
  for (let i = 1; i <= COUNTRY_ROWS; i++) {
    labels[`country_${i}`] = t('projects.activity.countryN', { n: i });
    labels[`number_${i}`] = t('projects.activity.numberN', { n: i });
  }
  const total = view.rows.reduce((sum, r) => sum + (/^\d{1,6}$/.test(r.number) ? Number(r.number) : 0), 0);
  return (
    <FormPage
      title={view.title}
      action={href(`${activitiesPath(view.project)}/${view.activity.activity.id}/report`)}
      csrfToken={view.csrfToken}
      errors={view.errors}
      labels={labels}
      submit={t('projects.form.save')}
      lead={
        <p>
          <a href={href(view.activity.event.path)}>{view.activity.event.title}</a>, <EventDates event={view.activity.event} />
        </p>
      }
    >
      <fieldset>
        <legend>{t('projects.activity.byCountry')}</legend>
        <p class="hint">{t('projects.activity.byCountryHint')}</p>
        {view.rows.map((r, i) => (
          <div class="form-row" key={i}>
            <Select
              name={`country_${i + 1}`}
              label={labels[`country_${i + 1}`] as string}
              value={r.country}
              error={view.errors[`country_${i + 1}`]}
              options={[
                { value: '', label: '—' },
                ...countries,
                ...(r.country && !PARTICIPANT_COUNTRIES.includes(r.country) ? [{ value: r.country, label: r.country }] : []),
              ]}
            />
            <TextField
              name={`number_${i + 1}`}
              label={labels[`number_${i + 1}`] as string}
              value={r.number}
              maxLength={12}
              error={view.errors[`number_${i + 1}`]}
            />
          </div>
        ))}
        <p>{t('projects.activity.participantsTotal', { n: total })}</p>
      </fieldset>
      <TextArea
        name="report"
        label={labels.report as string}
        value={view.report}
        maxLength={REPORT_MAX}
        rows={8}
        error={view.errors.report}
      />
    </FormPage>
  );
}

import { POLICY_AREAS } from '../../../core/areas.ts';
import { countriesByName } from '../../../core/countries.ts';
import { CheckboxGroup, CsrfField, ErrorSummary, type FieldErrors, Select, TextArea, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { FormPage } from '../../../core/views/forms.tsx';
import { INDICATOR_KINDS, ORGANISATION_TYPES, PARTNER_ROLES, PROJECT_STATES, type ProjectIndicator, type ProjectState } from '../schema.ts';
import { INDICATOR_LIMITS, PARTNER_LIMITS, PROJECT_LIMITS } from '../service/project-inputs.ts';
import { indicatorLabel, type PartnerView } from '../service/project-read.ts';
import type { FormValues } from './editor.tsx';
import { LanguageSelect } from './language-select.tsx';
import { Day } from './projects.tsx';

const one = (v: FormValues, name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
const many = (v: FormValues, name: string) => new Set([v[name] ?? []].flat());

export interface ProjectFormView {
  title: string;
  action: string;
  values: FormValues;
  errors: FieldErrors;
  csrfToken: string;
  programmes: { value: string; label: string }[];
  calls: { value: string; label: string }[];
  /** The state form below, when editing. */
  state?: { current: ProjectState; action: string } | undefined;
}

export function ProjectForm({ view }: { view: ProjectFormView }) {
  const { t } = usePage();
  const v = view.values;
  const labels: Record<string, string> = {
    language: t('projects.form.language'),
    acronym: t('projects.project.acronym'),
    title: t('projects.project.title'),
    summary: t('projects.project.summary'),
    programme: t('projects.call.programme'),
    call: t('projects.project.call'),
    reference: t('projects.project.reference'),
    starts_on: t('projects.project.startsOn'),
    ends_on: t('projects.project.endsOn'),
    budget_eur: t('projects.project.budget'),
    eu_contribution_eur: t('projects.project.euContribution'),
    areas: t('projects.areas'),
    website: t('projects.project.website'),
  };
  const field = (name: string) => ({ name, label: labels[name]!, value: one(v, name), error: view.errors[name] });
  const next = view.state ? PROJECT_STATES[PROJECT_STATES.indexOf(view.state.current) + 1] : undefined;
  return (
    <FormPage
      title={view.title}
      action={view.action}
      csrfToken={view.csrfToken}
      errors={view.errors}
      labels={labels}
      submit={t('projects.form.save')}
      after={view.state && <StateForm current={view.state.current} next={next} action={view.state.action} csrfToken={view.csrfToken} />}
    >
      <LanguageSelect {...field('language')} />
      <TextField {...field('acronym')} required maxLength={PROJECT_LIMITS.acronym} />
      <TextField {...field('title')} required maxLength={PROJECT_LIMITS.title} />
      <TextArea {...field('summary')} maxLength={PROJECT_LIMITS.summary} rows={6} />
      <Select {...field('programme')} options={[{ value: '', label: t('projects.project.noProgramme') }, ...view.programmes]} />
      <Select {...field('call')} options={[{ value: '', label: t('projects.project.noCall') }, ...view.calls]} />
      <TextField {...field('reference')} maxLength={PROJECT_LIMITS.reference} />
      <TextField {...field('starts_on')} type="date" required maxLength={10} />
      <TextField {...field('ends_on')} type="date" required maxLength={10} />
      <TextField {...field('budget_eur')} maxLength={12} hint={t('projects.form.wholeNumber')} />
      <TextField {...field('eu_contribution_eur')} maxLength={12} hint={t('projects.form.wholeNumber')} />
      <TextField {...field('website')} type="url" maxLength={PROJECT_LIMITS.website} />
      <CheckboxGroup
        name="areas"
        legend={labels.areas!}
        options={POLICY_AREAS.map((a) => ({ value: a, label: t(`area.${a}`) }))}
        checked={many(v, 'areas')}
        error={view.errors.areas}
      />
    </FormPage>
  );
}

/** Moves the project one step forward, after a box saying so is ticked. */
function StateForm(p: { current: ProjectState; next: ProjectState | undefined; action: string; csrfToken: string }) {
  const { t } = usePage();
  return (
    <section aria-labelledby="state-heading">
      <h2 id="state-heading">{t('projects.project.state')}</h2>
      <p>{t('projects.project.stateNow', { state: t(`projects.project.state.${p.current}`) })}</p>
      {p.next && (
        <form method="post" action={p.action} class="form">
          <CsrfField token={p.csrfToken} />
          <input type="hidden" name="state" value={p.next} />
          <div class="field field--checkbox">
            <input type="checkbox" id="confirm" name="confirm" value="yes" required />
            <label for="confirm">{t('projects.project.confirmMove', { state: t(`projects.project.state.${p.next}`) })}</label>
          </div>
          <button type="submit">{t('projects.project.move', { state: t(`projects.project.state.${p.next}`) })}</button>
        </form>
      )}
    </section>
  );
}

export interface IndicatorsView {
  project: { slug: string; acronym: string };
  indicators: ProjectIndicator[];
  values: FormValues;
  errors: FieldErrors;
  csrfToken: string;
}

/** The project's outputs and outcomes: each one changed or removed in its own form, a new one added below. */
export function IndicatorsPage({ view }: { view: IndicatorsView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const base = href(`/projects/${view.project.slug}/indicators`);
  const labels: Record<string, string> = {
    kind: t('projects.indicators.kind'),
    label: t('projects.indicators.label'),
    unit: t('projects.indicators.unit'),
    target: t('projects.indicators.target'),
    achieved: t('projects.indicators.achieved'),
  };
  const fields = (v: FormValues, errors: FieldErrors, prefix: string) => {
    const f = (name: string) => ({ name, id: `${prefix}${name}`, label: labels[name]!, value: one(v, name), error: errors[name] });
    return (
      <>
        <Select {...f('kind')} options={INDICATOR_KINDS.map((k) => ({ value: k, label: t(`projects.indicators.${k}`) }))} />
        <TextField {...f('label')} required maxLength={INDICATOR_LIMITS.label} hint={t('projects.indicators.labelHint')} />
        <TextField {...f('unit')} maxLength={INDICATOR_LIMITS.unit} />
        <TextField {...f('target')} maxLength={15} />
        <TextField {...f('achieved')} maxLength={15} />
      </>
    );
  };
  return (
    <article class="prose">
      <p class="breadcrumb">
        <a href={href(`/projects/${view.project.slug}`)}>{view.project.acronym}</a>
      </p>
      <h1>{t('projects.indicators.manageOf', { project: view.project.acronym })}</h1>
      <ErrorSummary errors={view.errors} labels={labels} />
      {view.indicators.map((i) => {
        const label = indicatorLabel(i, lang);
        const values = { kind: i.kind, label: label.text, unit: i.unit, target: i.target?.toString(), achieved: i.achieved?.toString() };
        return (
          <section key={i.id} aria-labelledby={`indicator-${i.id}`}>
            <h2 id={`indicator-${i.id}`}>{label.text}</h2>
            <form method="post" action={`${base}/${i.id}`} class="form">
              <CsrfField token={view.csrfToken} />
              {fields(values, {}, `i${i.id}-`)}
              <button type="submit">{t('projects.form.save')}</button>
            </form>
            <form method="post" action={`${base}/${i.id}/remove`} class="button-form">
              <CsrfField token={view.csrfToken} />
              <button type="submit" class="button--danger">
                {t('projects.indicators.remove')}
                <span class="visually-hidden"> {label.text}</span>
              </button>
            </form>
          </section>
        );
      })}
      <section aria-labelledby="indicator-new">
        <h2 id="indicator-new">{t('projects.indicators.add')}</h2>
        <form method="post" action={base} class="form" noValidate>
          <CsrfField token={view.csrfToken} />
          {fields(view.values, view.errors, '')}
          <button type="submit">{t('projects.indicators.add')}</button>
        </form>
      </section>
    </article>
  );
}

export interface PartnersView {
  project: { slug: string; acronym: string };
  partners: PartnerView[];
  towns: { value: string; label: string }[];
  choices: { value: string; label: string }[];
  invite: FormValues;
  organisation: FormValues;
  errors: FieldErrors;
  csrfToken: string;
}

/** The coordinator's list of partners: each one's role and dates, invitations and organisations added. */
export function PartnersPage({ view }: { view: PartnersView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const base = href(`/projects/${view.project.slug}/partners`);
  const roles = PARTNER_ROLES.map((r) => ({ value: r, label: t(`projects.partnerRole.${r}`) }));
  const labels: Record<string, string> = {
    name: t('projects.partners.townName'),
    municipality: t('projects.partners.town'),
    role: t('projects.partners.role'),
    organisation: t('projects.partners.organisation'),
    country: t('filters.country'),
    organisation_type: t('projects.partners.type'),
    joined_on: t('projects.partners.joined'),
    left_on: t('projects.partners.left'),
  };
  const e = view.errors;
  return (
    <article class="prose">
      <p class="breadcrumb">
        <a href={href(`/projects/${view.project.slug}`)}>{view.project.acronym}</a>
      </p>
      <h1>{t('projects.partners.manageOf', { project: view.project.acronym })}</h1>
      <ErrorSummary errors={e} labels={labels} />
      {view.partners.map((p) => (
        <section key={p.id} aria-labelledby={`partner-${p.id}`}>
          <h2 id={`partner-${p.id}`}>{p.name}</h2>
          <p class="meta">
            {t(`projects.partners.status.${p.status}`)}
            {p.joined_on && (
              <>
                {' · '}
                <Day day={p.joined_on} />
              </>
            )}
          </p>
          <form method="post" action={`${base}/${p.id}`} class="form">
            <CsrfField token={view.csrfToken} />
            <Select name="role" id={`p${p.id}-role`} label={labels.role!} value={p.role} options={roles} />
            <TextField
              name="joined_on"
              id={`p${p.id}-joined`}
              label={labels.joined_on!}
              type="date"
              value={p.joined_on ?? ''}
              maxLength={10}
            />
            <TextField name="left_on" id={`p${p.id}-left`} label={labels.left_on!} type="date" value={p.left_on ?? ''} maxLength={10} />
            <button type="submit">{t('projects.form.save')}</button>
          </form>
          {p.role !== 'coordinator' && (
            <form method="post" action={`${base}/${p.id}/remove`} class="button-form">
              <CsrfField token={view.csrfToken} />
              <button type="submit" class="button--danger">
                {t('projects.partners.remove')}
                <span class="visually-hidden"> {p.name}</span>
              </button>
            </form>
          )}
        </section>
      ))}
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('projects.partners.invite')}</h2>
        <form method="post" action={`${base}/invite`} class="form" noValidate>
          <CsrfField token={view.csrfToken} />
          <TextField
            name="name"
            label={labels.name!}
            value={one(view.invite, 'name')}
            error={e.name}
            maxLength={100}
            hint={t('projects.partners.townHint')}
          />
          {view.choices.length > 0 && (
            <Select
              name="municipality"
              label={labels.municipality!}
              value={one(view.invite, 'municipality')}
              error={e.municipality}
              options={view.choices}
            />
          )}
          <Select
            name="role"
            id="invite-role"
            label={labels.role!}
            value={one(view.invite, 'role') ?? 'partner'}
            options={roles.slice(1)}
          />
          <button type="submit">{t('projects.partners.sendInvitation')}</button>
        </form>
      </section>
      <section aria-labelledby="organisation-heading">
        <h2 id="organisation-heading">{t('projects.partners.addOrganisation')}</h2>
        <form method="post" action={`${base}/organisation`} class="form" noValidate>
          <CsrfField token={view.csrfToken} />
          <TextField
            name="organisation"
            label={labels.organisation!}
            value={one(view.organisation, 'organisation')}
            error={e.organisation}
            required
            maxLength={PARTNER_LIMITS.organisation}
          />
          <Select
            name="country"
            label={labels.country!}
            value={one(view.organisation, 'country')}
            error={e.country}
            options={[{ value: '', label: '' }, ...countriesByName(lang).map((c) => ({ value: c.code, label: c.name }))]}
          />
          <Select
            name="organisation_type"
            label={labels.organisation_type!}
            value={one(view.organisation, 'organisation_type')}
            error={e.organisation_type}
            options={ORGANISATION_TYPES.map((o) => ({ value: o, label: t(`projects.orgType.${o}`) }))}
          />
          <Select
            name="municipality"
            id="organisation-town"
            label={t('projects.partners.inTown')}
            value={one(view.organisation, 'municipality')}
            options={[{ value: '', label: t('projects.partners.noTown') }, ...view.towns]}
          />
          <Select
            name="role"
            id="organisation-role"
            label={labels.role!}
            value={one(view.organisation, 'role') ?? 'partner'}
            options={roles.slice(1)}
          />
          <button type="submit">{t('projects.partners.addOrganisation')}</button>
        </form>
      </section>
    </article>
  );
}

export interface InvitationView {
  project: { slug: string; acronym: string; title: string };
  town: string;
  status: string;
  action: string;
  csrfToken: string;
}

/** An invited town's staff answer here: confirm or decline. */
export function InvitationPage({ view }: { view: InvitationView }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <article class="prose">
      <h1>{t('projects.invitation.title', { project: view.project.acronym })}</h1>
      <p>{t('projects.invitation.lead', { town: view.town, project: `${view.project.acronym}: ${view.project.title}` })}</p>
      <p>
        <a href={href(`/projects/${view.project.slug}`)}>{t('projects.invitation.see')}</a>
      </p>
      {view.status === 'invited' ? (
        <form method="post" action={view.action} class="form">
          <CsrfField token={view.csrfToken} />
          <button type="submit" name="answer" value="confirm">
            {t('projects.invitation.confirm')}
          </button>{' '}
          <button type="submit" name="answer" value="decline" class="button--secondary">
            {t('projects.invitation.decline')}
          </button>
        </form>
      ) : (
        <p>{t(`projects.partners.status.${view.status}`)}</p>
      )}
    </article>
  );
}

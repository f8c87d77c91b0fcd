import { POLICY_AREAS } from '../../../core/areas.ts';
import { COMPLETE_LANGUAGES, LANGUAGE_CODES, LANGUAGES } from '../../../core/i18n/languages.ts';
import { Checkbox, CheckboxGroup, type FieldErrors, Select, TextArea, TextField } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/context.ts';
import { FormPage } from '../../../core/views/forms.tsx';
import { TIME_ZONES } from '../../../core/zones.ts';
import { APPLICANTS } from '../schema.ts';
import { CALL_LIMITS, PROGRAMME_LIMITS } from '../service/inputs.ts';

/** What a form shows: what was saved or typed, lists as arrays. */
export type FormValues = Record<string, string | string[] | undefined>;

export interface EditorView {
  title: string;
  action: string;
  values: FormValues;
  errors: FieldErrors;
  csrfToken: string;
}

const one = (v: FormValues, name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
const many = (v: FormValues, name: string) => new Set([v[name] ?? []].flat());

/** The languages a text can be written in, the complete ones first. */
function languageOptions() {
  const rest = LANGUAGE_CODES.filter((l) => !COMPLETE_LANGUAGES.includes(l));
  return [...COMPLETE_LANGUAGES, ...rest].map((l) => ({ value: l, label: LANGUAGES[l] }));
}

export function ProgrammeForm({ view }: { view: EditorView }) {
  const { t } = usePage();
  const v = view.values;
  const labels: Record<string, string> = {
    language: t('projects.form.language'),
    acronym: t('projects.programme.acronym'),
    name: t('projects.programme.name'),
    summary: t('projects.programme.summary'),
    managing_body: t('projects.programme.managingBody'),
    website: t('projects.programme.website'),
    areas: t('projects.areas'),
    active: t('projects.programme.active'),
    strands: t('projects.programme.strands'),
  };
  const field = (name: keyof typeof PROGRAMME_LIMITS) => ({ name, label: labels[name]!, value: one(v, name), error: view.errors[name] });
  return (
    <FormPage
      title={view.title}
      action={view.action}
      csrfToken={view.csrfToken}
      errors={view.errors}
      labels={labels}
      submit={t('projects.form.save')}
    >
      <Select
        name="language"
        label={labels.language!}
        hint={t('projects.form.languageHint')}
        required
        value={one(v, 'language')}
        error={view.errors.language}
        options={languageOptions()}
      />
      <TextField {...field('acronym')} required maxLength={PROGRAMME_LIMITS.acronym} hint={t('projects.programme.acronymHint')} />
      <TextField {...field('name')} required maxLength={PROGRAMME_LIMITS.name} />
      <TextArea {...field('summary')} maxLength={PROGRAMME_LIMITS.summary} rows={6} />
      <TextField {...field('managing_body')} maxLength={PROGRAMME_LIMITS.managing_body} hint={t('projects.programme.managingBodyHint')} />
      <TextField {...field('website')} type="url" maxLength={PROGRAMME_LIMITS.website} />
      <CheckboxGroup
        name="areas"
        legend={labels.areas!}
        options={POLICY_AREAS.map((a) => ({ value: a, label: t(`area.${a}`) }))}
        checked={many(v, 'areas')}
        error={view.errors.areas}
      />
      <TextArea {...field('strands')} maxLength={PROGRAMME_LIMITS.strands} rows={4} hint={t('projects.programme.strandsHint')} />
      <Checkbox name="active" value="on" label={labels.active!} checked={one(v, 'active') === 'on'} error={view.errors.active} />
    </FormPage>
  );
}

export interface CallEditorView extends EditorView {
  strands: { value: string; label: string }[];
}

export function CallForm({ view }: { view: CallEditorView }) {
  const { t } = usePage();
  const v = view.values;
  const labels: Record<string, string> = {
    language: t('projects.form.language'),
    reference: t('projects.call.reference'),
    title: t('projects.call.title'),
    summary: t('projects.call.summary'),
    strand: t('projects.call.strand'),
    areas: t('projects.areas'),
    applicants: t('projects.call.applicants'),
    countries: t('projects.call.countries'),
    min_partners: t('projects.call.minPartners'),
    min_countries: t('projects.call.minCountries'),
    duration_months_min: t('projects.call.monthsMin'),
    duration_months_max: t('projects.call.monthsMax'),
    budget_eur: t('projects.call.budget'),
    lump_sum_eur: t('projects.call.lumpSum'),
    opens_at: t('projects.call.opens'),
    deadline_at: t('projects.call.deadline'),
    time_zone: t('projects.call.timeZone'),
    url: t('projects.call.url'),
  };
  const field = (name: string) => ({ name, label: labels[name]!, value: one(v, name), error: view.errors[name] });
  const number = (name: string, required = false) => (
    <TextField {...field(name)} required={required} maxLength={12} hint={t('projects.form.wholeNumber')} />
  );
  return (
    <FormPage
      title={view.title}
      action={view.action}
      csrfToken={view.csrfToken}
      errors={view.errors}
      labels={labels}
      submit={t('projects.form.save')}
    >
      <Select {...field('language')} hint={t('projects.form.languageHint')} required options={languageOptions()} />
      <TextField {...field('reference')} required maxLength={CALL_LIMITS.reference} hint={t('projects.call.referenceHint')} />
      <TextField {...field('title')} required maxLength={CALL_LIMITS.title} />
      <TextArea {...field('summary')} maxLength={CALL_LIMITS.summary} rows={6} />
      {view.strands.length > 0 && (
        <Select {...field('strand')} options={[{ value: '', label: t('projects.call.noStrand') }, ...view.strands]} />
      )}
      <CheckboxGroup
        name="applicants"
        legend={labels.applicants!}
        options={APPLICANTS.map((a) => ({ value: a, label: t(`projects.applicant.${a}`) }))}
        checked={many(v, 'applicants')}
        error={view.errors.applicants}
      />
      <TextField {...field('countries')} maxLength={CALL_LIMITS.countries} hint={t('projects.call.countriesHint')} />
      {number('min_partners', true)}
      {number('min_countries', true)}
      {number('duration_months_min')}
      {number('duration_months_max')}
      {number('budget_eur')}
      {number('lump_sum_eur')}
      <TextField {...field('opens_at')} type="datetime-local" required maxLength={16} hint={t('projects.call.whenHint')} />
      <TextField {...field('deadline_at')} type="datetime-local" required maxLength={16} hint={t('projects.call.whenHint')} />
      <Select {...field('time_zone')} required options={TIME_ZONES.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }))} />
      <TextField {...field('url')} type="url" required maxLength={CALL_LIMITS.url} />
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

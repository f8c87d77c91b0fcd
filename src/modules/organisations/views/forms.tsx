import { POLICY_AREAS } from '../../../core/areas.ts';
import { countriesByName } from '../../../core/countries.ts';
import {
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FileField,
  formFields,
  GroupError,
  Select,
  TextArea,
  TextField,
} from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { FormPage } from '../../../core/views/forms.tsx';
import { LIMITS, MAX_ORGANISATIONS, ORGANISATION_KINDS } from '../schema.ts';

type Values = Partial<Record<string, string | string[]>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

export interface OrganisationFormView {
  slug?: string;
  values: Values;
  errors: FieldErrors;
  logoErrors?: FieldErrors;
  logo?: string | null;
  csrfToken: string;
}

/** Registering an organisation, or editing its profile (with its logo). */
export function OrganisationFormPage({ view }: { view: OrganisationFormView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const labels = {
    name: t('organisations.name'),
    kind: t('organisations.kindLabel'),
    country: t('filters.country'),
    town: t('organisations.town'),
    website: t('organisations.website'),
    description: t('organisations.description'),
    areas: t('organisations.areas'),
  };
  const single = Object.fromEntries(Object.entries(view.values).map(([k, v]) => [k, one(v)]));
  const field = formFields(labels, single, view.errors);
  const areas = new Set([view.values.areas ?? []].flat());
  const base = view.slug ? `/organisations/${view.slug}` : '';
  return (
    <>
      <FormPage
        title={view.slug ? t('organisations.edit') : t('organisations.create')}
        lead={view.slug ? undefined : <p>{t('organisations.lead')}</p>}
        action={href(view.slug ? `${base}/edit` : '/organisations/new')}
        csrfToken={view.csrfToken}
        errors={view.errors}
        labels={labels}
        submit={view.slug ? t('form.save') : t('organisations.create')}
      >
        <TextField {...field('name')} required maxLength={LIMITS.name} autocomplete="organization" />
        <Select {...field('kind')} required options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisations.kind.${k}`) }))} />
        <Select
          {...field('country')}
          options={[
            { value: '', label: t('organisations.noCountry') },
            ...countriesByName(lang).map((c) => ({ value: c.code, label: c.name })),
          ]}
        />
        <TextField {...field('town')} hint={t('organisations.townHint')} maxLength={LIMITS.name} />
        <TextField {...field('website')} type="url" maxLength={LIMITS.website} />
        <TextArea {...field('description')} maxLength={LIMITS.description} />
        <CheckboxGroup
          name="areas"
          legend={labels.areas}
          options={POLICY_AREAS.map((a) => ({ value: a, label: t(`area.${a}`) }))}
          checked={areas}
          error={view.errors.areas}
        />
      </FormPage>
      {view.slug && (
        <section aria-labelledby="logo-heading">
          <h2 id="logo-heading">{t('organisations.logo.title')}</h2>
          {!view.logo && <p>{t('organisations.logo.none')}</p>}
          <ErrorSummary errors={view.logoErrors ?? {}} labels={{ logo: t('organisations.logo.file') }} />
          <form method="post" action={href(`${base}/logo`)} enctype="multipart/form-data" class="form" noValidate>
            <CsrfField token={view.csrfToken} />
            <FileField
              name="logo"
              label={t('organisations.logo.file')}
              hint={t('organisations.logo.hint')}
              error={view.logoErrors?.logo}
              accept="image/png,image/jpeg,image/webp"
              required
            />
            <button type="submit">{t('organisations.logo.upload')}</button>
          </form>
        </section>
      )}
    </>
  );
}

export interface ProposeView {
  /** The side fixed by the address, and the choices of the proposer's own side. */
  fixed: { field: 'town' | 'organisation'; id: number; name: string };
  own: { value: string; label: string }[];
  values: Values;
  errors: FieldErrors;
  csrfToken: string;
}

/** Proposing a partnership: a town's staff with an organisation, or an organisation's representatives with a town. */
export function ProposePage({ view }: { view: ProposeView }) {
  const { t } = usePage();
  const href = useHref();
  const ownField = view.fixed.field === 'town' ? 'organisation' : 'town';
  const labels = {
    [ownField]: t(ownField === 'town' ? 'organisations.partnership.yourTown' : 'organisations.partnership.yourOrganisation'),
    area: t('organisations.area'),
    description: t('organisations.partnership.description'),
    results: t('organisations.partnership.results'),
    starts_on: t('organisations.partnership.startsOn'),
    ends_on: t('organisations.partnership.endsOn'),
    partners: t('organisations.partnership.others'),
  };
  const single = Object.fromEntries(Object.entries(view.values).map(([k, v]) => [k, one(v)]));
  const field = formFields(labels, single, view.errors);
  return (
    <FormPage
      title={t('organisations.partnership.proposeWith', { name: view.fixed.name })}
      action={href(`/partnerships/propose?${view.fixed.field}=${view.fixed.id}`)}
      csrfToken={view.csrfToken}
      errors={view.errors}
      labels={labels}
      submit={t('organisations.partnership.propose')}
    >
      <Select {...field(ownField)} required options={view.own} />
      <fieldset class="fieldset" id="partners">
        <legend>
          {t('organisations.partnership.others')} <span class="optional">({t('form.optional')})</span>
        </legend>
        <p class="hint">{t('organisations.partnership.othersHint')}</p>
        <GroupError id="partners" error={view.errors.partners} />
        {Array.from({ length: MAX_ORGANISATIONS - 1 }, (_, i) => (
          <TextField
            key={i}
            name="partners"
            id={`partner-${i + 1}`}
            label={t('organisations.partnership.other', { n: i + 1 })}
            value={[view.values.partners ?? []].flat()[i] ?? ''}
            maxLength={LIMITS.name}
          />
        ))}
      </fieldset>
      <Select {...field('area')} required options={POLICY_AREAS.map((a) => ({ value: a, label: t(`area.${a}`) }))} />
      <TextArea {...field('description')} required maxLength={LIMITS.description} />
      <TextArea {...field('results')} maxLength={LIMITS.results} />
      <TextField {...field('starts_on')} type="date" required maxLength={10} />
      <TextField {...field('ends_on')} type="date" maxLength={10} />
    </FormPage>
  );
}

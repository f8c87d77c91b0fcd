import { countriesByName, countryName } from '../../../core/countries.ts';
import { CsrfField, ErrorSummary, type FieldErrors, formFields, Select, TextArea, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { ReviewActions } from './claims.tsx';

export function ProposePage({
  values,
  errors,
  csrfToken,
}: {
  values: Partial<Record<string, string>>;
  errors: FieldErrors;
  csrfToken: string;
}) {
  const { t, lang } = usePage();
  const href = useHref();
  const labels = {
    country: t('filters.country'),
    name: t('municipalities.edit.name'),
    native_name: t('municipalities.edit.nativeName'),
    region: t('municipalities.region'),
    population: t('municipalities.populationLabel'),
    website: t('municipalities.edit.website'),
    note: t('municipalities.propose.note'),
  };
  const field = formFields(labels, values, errors);
  return (
    <article class="prose">
      <h1>{t('municipalities.propose.title')}</h1>
      <p class="lead">{t('municipalities.propose.lead')}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={href('/municipalities/propose')} class="form" noValidate>
        <CsrfField token={csrfToken} />
        <Select
          {...field('country')}
          required
          value={values.country?.toUpperCase()}
          options={[
            { value: '', label: t('municipalities.propose.chooseCountry') },
            ...countriesByName(lang).map((c) => ({ value: c.code, label: c.name })),
          ]}
        />
        <TextField name="name" label={labels.name} required value={values.name} error={errors.name} maxLength={200} />
        <TextField name="native_name" label={labels.native_name} value={values.native_name} error={errors.native_name} maxLength={200} />
        <TextField name="region" label={labels.region} value={values.region} error={errors.region} maxLength={200} />
        <TextField name="population" label={labels.population} value={values.population} error={errors.population} maxLength={9} />
        <TextField name="website" type="url" label={labels.website} value={values.website} error={errors.website} maxLength={300} />
        <TextArea {...field('note')} hint={t('municipalities.propose.noteHint')} maxLength={2000} rows={4} />
        <button type="submit">{t('municipalities.propose.submit')}</button>
      </form>
    </article>
  );
}

export interface QueueProposal {
  id: number;
  country: string;
  name: string;
  native_name: string | null;
  region: string | null;
  population: number | null;
  website: string | null;
  note: string | null;
  proposer: string | null;
}

export function ProposalQueue({
  proposals,
  csrfToken,
  errors,
}: {
  proposals: QueueProposal[];
  csrfToken: string;
  errors: Record<number, boolean>;
}) {
  const { t, lang } = usePage();
  return (
    <section aria-labelledby="proposals-heading">
      <h2 id="proposals-heading">{t('municipalities.propose.queue')}</h2>
      {proposals.length === 0 && <p>{t('municipalities.propose.queueEmpty')}</p>}
      {proposals.map((p) => (
        <section key={p.id} class="review-card" aria-labelledby={`proposal-${p.id}`}>
          <h3 id={`proposal-${p.id}`}>
            {p.name}
            {p.native_name && ` (${p.native_name})`} – {countryName(p.country, lang)}
          </h3>
          <dl class="summary-list">
            <dt>{t('municipalities.review.proposer')}</dt>
            <dd>{p.proposer ?? t('common.deletedAccount')}</dd>
            {p.region && (
              <>
                <dt>{t('municipalities.region')}</dt>
                <dd>{p.region}</dd>
              </>
            )}
            {p.population !== null && (
              <>
                <dt>{t('municipalities.populationLabel')}</dt>
                <dd>{t('municipalities.populationValue', { count: p.population })}</dd>
              </>
            )}
            {p.website && (
              <>
                <dt>{t('municipalities.edit.website')}</dt>
                <dd>{p.website}</dd>
              </>
            )}
            {p.note && (
              <>
                <dt>{t('municipalities.propose.note')}</dt>
                <dd>{p.note}</dd>
              </>
            )}
          </dl>
          <ReviewActions
            base={`/admin/proposals/${p.id}`}
            reasonId={`proposal-reason-${p.id}`}
            what={p.name}
            csrfToken={csrfToken}
            reasonMissing={!!errors[p.id]}
          />
        </section>
      ))}
    </section>
  );
}

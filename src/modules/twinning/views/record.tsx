import { countryName } from '../../../core/countries.ts';
import { type FieldErrors, Select, TextArea, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { FormPage } from '../../../core/views/forms.tsx';
import type { MunicipalitySummary } from '../../municipalities/index.ts';
import { TWINNING_KINDS } from '../schema.ts';
import { RECORD_LIMITS, SIDES, type Side, type TownPick } from '../service/record.ts';

export type RecordValues = Partial<Record<Side | `${Side}_id` | 'kind' | 'since_year' | 'source', string>>;

export interface RecordView {
  values: RecordValues;
  errors: FieldErrors;
  picks: Record<Side, TownPick>;
  csrfToken: string;
}

/** One town of the twinning: found by typing its name; when the name finds several, chosen from a list. */
function TownField({ side, view }: { side: Side; view: RecordView }) {
  const { t, lang } = usePage();
  const pick = view.picks[side];
  const name = view.values[side] ?? '';
  const place = (m: MunicipalitySummary) => [m.region_name, countryName(m.country, lang)].filter(Boolean).join(', ');
  return (
    <>
      <TextField
        name={side}
        label={t(`twinning.record.${side}`)}
        hint={t('twinning.record.townHint')}
        required
        maxLength={RECORD_LIMITS[side]}
        value={name}
        error={view.errors[side]}
      />
      {pick.choices.length > 1 && (
        <Select
          name={`${side}_id`}
          label={t('twinning.record.which', { name })}
          required
          value={pick.town ? String(pick.town.id) : view.values[`${side}_id`]}
          options={[
            { value: '', label: t('twinning.record.pick') },
            ...pick.choices.map((m) => ({ value: String(m.id), label: `${m.name} (${place(m)})` })),
          ]}
        />
      )}
    </>
  );
}

/** Platform editors enter a twinning that predates the portal: the two towns, its kind and year, and where it is documented. */
export function RecordPage({ view }: { view: RecordView }) {
  const { t } = usePage();
  const href = useHref();
  const labels = {
    first: t('twinning.record.first'),
    second: t('twinning.record.second'),
    kind: t('twinning.kind.label'),
    since_year: t('twinning.propose.year'),
    source: t('twinning.record.source'),
  };
  return (
    <FormPage
      title={t('twinning.record.title')}
      lead={<p>{t('twinning.record.lead')}</p>}
      action={href('/twinning/record')}
      csrfToken={view.csrfToken}
      errors={view.errors}
      labels={labels}
      submit={t('twinning.record.submit')}
    >
      {SIDES.map((side) => (
        <TownField key={side} side={side} view={view} />
      ))}
      <Select
        name="kind"
        label={labels.kind}
        required
        value={view.values.kind}
        error={view.errors.kind}
        options={TWINNING_KINDS.map((k) => ({ value: k, label: t(`twinning.kind.${k}`) }))}
      />
      <TextField name="since_year" label={labels.since_year} maxLength={4} value={view.values.since_year} error={view.errors.since_year} />
      <TextArea
        name="source"
        label={labels.source}
        hint={t('twinning.record.sourceHint')}
        required
        rows={3}
        maxLength={RECORD_LIMITS.source}
        value={view.values.source}
        error={view.errors.source}
      />
    </FormPage>
  );
}

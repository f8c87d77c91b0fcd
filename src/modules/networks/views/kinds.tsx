import { countriesByName, countryName } from '../../../core/countries.ts';
import { LANGUAGES } from '../../../core/i18n/languages.ts';
import {
  ButtonForm,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  Select,
  TextField,
} from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { APPLICANTS, type MembershipKind } from '../schema.ts';
import { KIND_LIMITS, type KindForm } from '../service/kinds.ts';
import { kindLabel, type NetworkView, networkPath } from '../service/networks.ts';
import { NetworkCrumb, noticeKey, StaffNav } from './settings.tsx';

interface KindFormView {
  network: NetworkView;
  form: KindForm;
  errors: FieldErrors;
  csrfToken: string;
}

function useKindLabels(form: KindForm): Record<string, string> {
  const { t } = usePage();
  return {
    code: t('networks.kinds.code'),
    applicants: t('networks.kinds.applicants'),
    countries: t('networks.kinds.countries'),
    min_population: t('networks.kinds.minPopulation'),
    max_population: t('networks.kinds.maxPopulation'),
    report_years: t('networks.kinds.reportYears'),
    grace_days: t('networks.kinds.graceDays'),
    position: t('networks.kinds.position'),
    ...Object.fromEntries(form.languages.map((l) => [`label_${l}`, t('networks.kinds.labelIn', { language: LANGUAGES[l] })])),
  };
}

/** The fields of a kind of membership, for adding one or changing it. */
function KindFields({ view, labels }: { view: KindFormView; labels: Record<string, string> }) {
  const { t, lang } = usePage();
  const { values, languages, countries } = view.form;
  const field = (name: string) => ({ name, label: labels[name] ?? name, value: values[name], error: view.errors[name] });
  return (
    <>
      <CsrfField token={view.csrfToken} />
      <TextField {...field('code')} hint={t('networks.kinds.codeHint')} required maxLength={KIND_LIMITS.code} />
      <fieldset class="fieldset">
        <legend>{t('networks.kinds.label')}</legend>
        <p class="hint">{t('networks.kinds.labelHint')}</p>
        {languages.map((l) => (
          <TextField key={l} {...field(`label_${l}`)} maxLength={KIND_LIMITS.label} />
        ))}
      </fieldset>
      <Select {...field('applicants')} required options={APPLICANTS.map((a) => ({ value: a, label: t(`networks.applicants.${a}`) }))} />
      <CheckboxGroup
        name="countries"
        legend={labels.countries!}
        hint={t('networks.kinds.countriesHint')}
        options={countriesByName(lang).map((c) => ({ value: c.code, label: c.name }))}
        checked={new Set(countries)}
        error={view.errors.countries}
      />
      <fieldset class="fieldset">
        <legend>{t('networks.kinds.population')}</legend>
        <p class="hint">{t('networks.kinds.populationHint')}</p>
        <TextField {...field('min_population')} maxLength={9} />
        <TextField {...field('max_population')} maxLength={9} />
      </fieldset>
      <TextField {...field('report_years')} hint={t('networks.kinds.reportYearsHint')} maxLength={2} />
      <TextField {...field('grace_days')} hint={t('networks.kinds.graceDaysHint')} maxLength={3} />
      <TextField {...field('position')} hint={t('networks.kinds.positionHint')} maxLength={3} />
    </>
  );
}

export interface KindsView extends KindFormView {
  kinds: MembershipKind[];
  /** How many memberships each kind has, in any state. */
  used: Map<number, number>;
  notice?: string | undefined;
}

/** A network's kinds of membership, each linking to its form, and the form to add one. */
export function KindsPage({ view }: { view: KindsView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const base = `${networkPath(view.network)}/kinds`;
  const labels = useKindLabels(view.form);
  const population = ({ min_population: min, max_population: max }: MembershipKind) => {
    if (min !== null && max !== null) return t('networks.kinds.between', { min, max });
    if (min !== null) return t('networks.kinds.atLeast', { min });
    return max === null ? t('networks.kinds.anySize') : t('networks.kinds.atMost', { max });
  };
  return (
    <>
      <NetworkCrumb network={view.network} />
      <h1>{t('networks.kinds.title')}</h1>
      <StaffNav network={view.network} current="kinds" />
      {view.notice && <Notice>{t(noticeKey(view.notice))}</Notice>}
      {view.kinds.length === 0 ? (
        <p>{t('networks.kinds.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">{t('networks.kinds.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('networks.kinds.label')}</th>
                <th scope="col">{labels.code}</th>
                <th scope="col">{labels.applicants}</th>
                <th scope="col">{labels.countries}</th>
                <th scope="col">{t('networks.kinds.population')}</th>
                <th scope="col">{labels.report_years}</th>
                <th scope="col">{t('networks.kinds.memberships')}</th>
              </tr>
            </thead>
            <tbody>
              {view.kinds.map((k) => (
                <tr key={k.id}>
                  <th scope="row" data-label={t('networks.kinds.label')}>
                    <a href={href(`${base}/${k.id}`)}>{kindLabel(k, lang)}</a>
                  </th>
                  <td data-label={labels.code}>
                    <code>{k.code}</code>
                  </td>
                  <td data-label={labels.applicants}>{t(`networks.applicants.${k.applicants}`)}</td>
                  <td data-label={labels.countries}>
                    {k.countries
                      ? k.countries
                          .split(',')
                          .map((c) => countryName(c, lang))
                          .join(', ')
                      : t('networks.kinds.anyCountry')}
                  </td>
                  <td data-label={t('networks.kinds.population')}>{population(k)}</td>
                  <td data-label={labels.report_years}>{k.report_years}</td>
                  <td data-label={t('networks.kinds.memberships')}>{view.used.get(k.id) ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 id="new-kind">{t('networks.kinds.new')}</h2>
      <ErrorSummary errors={view.errors} labels={labels} />
      <form method="post" action={href(base)} class="form" aria-labelledby="new-kind" noValidate>
        <KindFields view={view} labels={labels} />
        <button type="submit">{t('networks.kinds.add')}</button>
      </form>
    </>
  );
}

export interface KindView extends KindFormView {
  kind: MembershipKind;
  /** How many memberships are of this kind: one that has any cannot be deleted. */
  used: number;
}

/** One kind of membership's form, and deleting it while no membership is of it. */
export function KindPage({ view }: { view: KindView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const action = href(`${networkPath(view.network)}/kinds/${view.kind.id}`);
  const labels = useKindLabels(view.form);
  return (
    <>
      <NetworkCrumb network={view.network} />
      <h1>{t('networks.kinds.edit', { kind: kindLabel(view.kind, lang) })}</h1>
      <StaffNav network={view.network} current="kinds" />
      <ErrorSummary errors={view.errors} labels={labels} />
      <form method="post" action={action} class="form" noValidate>
        <KindFields view={view} labels={labels} />
        <button type="submit">{t('form.save')}</button>
      </form>
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t('networks.kinds.delete')}</h2>
        {view.used > 0 ? (
          <p>{t('networks.kinds.inUse', { count: view.used })}</p>
        ) : (
          <div class="actions">
            <ButtonForm action={`${action}/delete`} csrfToken={view.csrfToken} label={t('networks.kinds.delete')} secondary />
          </div>
        )}
      </section>
    </>
  );
}

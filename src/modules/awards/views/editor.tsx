import { COMPLETE_LANGUAGES, LANGUAGE_CODES, LANGUAGES } from '../../../core/i18n/languages.ts';
import { ButtonForm, CsrfField, type FieldErrors, Select, TextArea, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { FormPage } from '../../../core/views/forms.tsx';
import type { CategoryView, EditionView, NominationView, Reason } from '../schema.ts';
import { CRITERION_LIMITS, criterionPlaces } from '../service/criteria.ts';
import { EDITION_LIMITS } from '../service/inputs.ts';
import { Nominee } from './common.tsx';

export type FormValues = Record<string, string | undefined>;

export interface EditionFormView {
  title: string;
  action: string;
  values: FormValues;
  errors: FieldErrors;
  csrfToken: string;
  isNew: boolean;
}

const DATES = ['nominations_close', 'vote_opens', 'vote_closes', 'jury_closes', 'results_on'] as const;

export function EditionForm({ view }: { view: EditionFormView }) {
  const { t } = usePage();
  const v = view.values;
  const labels: Record<string, string> = {
    language: t('awards.form.language'),
    slug: t('awards.form.slug'),
    year: t('awards.form.year'),
    title: t('awards.form.title'),
    rules: t('awards.rules'),
    nominations_close: t('awards.dates.nominationsClose'),
    vote_opens: t('awards.dates.voteOpens'),
    vote_closes: t('awards.dates.voteCloses'),
    jury_closes: t('awards.dates.juryCloses'),
    results_on: t('awards.dates.results'),
    jury_weight: t('awards.juryWeight'),
    mayor_categories: t('awards.form.mayorCategories'),
    practice_categories: t('awards.form.practiceCategories'),
  };
  const places = Array.from({ length: criterionPlaces(v) }, (_, i) => i + 1);
  for (const i of places) {
    labels[`criterion_${i}_name`] = t('awards.criteria.name', { n: i });
    labels[`criterion_${i}_description`] = t('awards.criteria.description', { n: i });
    labels[`criterion_${i}_weight`] = t('awards.criteria.weight', { n: i });
    labels[`criterion_${i}_order`] = t('awards.criteria.order', { n: i });
  }
  const f = (name: string) => ({ name, label: labels[name]!, value: v[name], error: view.errors[name] });
  const rest = LANGUAGE_CODES.filter((l) => !COMPLETE_LANGUAGES.includes(l));
  return (
    <FormPage
      title={view.title}
      action={view.action}
      csrfToken={view.csrfToken}
      errors={view.errors}
      labels={labels}
      submit={t('awards.form.save')}
    >
      <Select {...f('language')} required options={[...COMPLETE_LANGUAGES, ...rest].map((l) => ({ value: l, label: LANGUAGES[l] }))} />
      {view.isNew && <TextField {...f('slug')} required maxLength={EDITION_LIMITS.slug} hint={t('awards.form.slugHint')} />}
      <TextField {...f('year')} required maxLength={4} />
      <TextField {...f('title')} required maxLength={EDITION_LIMITS.title} />
      <TextArea {...f('rules')} maxLength={EDITION_LIMITS.rules} rows={6} />
      {DATES.map((d) => (
        <TextField key={d} {...f(d)} type="date" required maxLength={10} />
      ))}
      <TextField {...f('jury_weight')} required maxLength={3} hint={t('awards.form.weightHint')} />
      <TextArea {...f('mayor_categories')} maxLength={EDITION_LIMITS.mayor_categories} rows={3} hint={t('awards.form.categoriesHint')} />
      <TextArea
        {...f('practice_categories')}
        maxLength={EDITION_LIMITS.practice_categories}
        rows={3}
        hint={t('awards.form.categoriesHint')}
      />
      <fieldset>
        <legend>{t('awards.criteria.title')}</legend>
        <p class="hint">{t('awards.criteria.hint')}</p>
        {places.map((i) => (
          <fieldset key={i}>
            <legend>{t('awards.criteria.place', { n: i })}</legend>
            {v[`criterion_${i}_id`] && <input type="hidden" name={`criterion_${i}_id`} value={v[`criterion_${i}_id`]} />}
            <TextField {...f(`criterion_${i}_name`)} maxLength={CRITERION_LIMITS.name} />
            <TextField {...f(`criterion_${i}_description`)} maxLength={CRITERION_LIMITS.description} />
            <TextField {...f(`criterion_${i}_weight`)} maxLength={3} hint={t('awards.criteria.weightHint')} />
            <TextField {...f(`criterion_${i}_order`)} maxLength={2} />
          </fieldset>
        ))}
      </fieldset>
    </FormPage>
  );
}

export interface ManageView {
  edition: EditionView;
  category: CategoryView;
  nominations: NominationView[];
  reasons: Reason[];
  csrfToken: string;
  error?: string | undefined;
}

/** The editors' list of a category's nominations: accept, shortlist, decline, merge duplicates. */
export function ManagePage({ view }: { view: ManageView }) {
  const { t } = usePage();
  const href = useHref();
  const base = `/awards/${view.edition.slug}/${view.category.slug}`;
  const live = view.nominations.filter((n) => n.state !== 'merged');
  return (
    <article>
      <p>
        <a href={href(base)}>{view.category.name}</a>
      </p>
      <h1>{t('awards.manage.title')}</h1>
      {view.error && (
        <div class="error-summary" role="alert">
          <p>{t(view.error)}</p>
        </div>
      )}
      {live.length === 0 && <p>{t('awards.noNominees')}</p>}
      {view.nominations.length === 0 && (
        <p>
          <a href={href(`${base}/remove`)}>{t('awards.category.remove')}</a>
        </p>
      )}
      <ul class="nominees">
        {live.map((n) => {
          const twins = live.filter((o) => o.id !== n.id && o.municipality_id === n.municipality_id);
          const reasons = view.reasons.filter((r) => r.nomination_id === n.id).length;
          return (
            <li key={n.id}>
              <h2>
                <Nominee n={n} />
              </h2>
              <p>
                {t('awards.manage.state')}: {t(`awards.state.${n.state}`)} · {t('awards.manage.reasons', { count: reasons })}
              </p>
              <div class="actions">
                {(['accept', 'shortlist', 'decline', 'reopen'] as const).map((d) => (
                  <ButtonForm
                    key={d}
                    action={href(`${base}/nominations/${n.id}/${d}`)}
                    csrfToken={view.csrfToken}
                    label={t(`awards.manage.${d}`)}
                    hiddenLabel={n.mayor_name || n.practice || n.town}
                    secondary={d !== 'shortlist'}
                  />
                ))}
              </div>
              {twins.length > 0 && (
                <form method="post" action={href(`${base}/nominations/${n.id}/merge`)} class="form">
                  <CsrfField token={view.csrfToken} />
                  <Select
                    id={`into-${n.id}`}
                    name="into"
                    label={t('awards.manage.mergeInto')}
                    options={twins.map((o) => ({ value: String(o.id), label: `#${o.id} ${o.mayor_name || o.practice || o.town}` }))}
                  />
                  <button type="submit" class="button--secondary">
                    {t('awards.manage.merge')}
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </article>
  );
}

export interface RemoveCategoryView {
  action: string;
  category: string;
  errors: FieldErrors;
  csrfToken: string;
}

/** The step before removing a category: a button in a form, so it works without JavaScript. */
export function RemoveCategoryPage({ view }: { view: RemoveCategoryView }) {
  const { t } = usePage();
  const title = t('awards.category.removeTitle', { category: view.category });
  return (
    <FormPage
      title={title}
      lead={<p>{t('awards.category.removeLead')}</p>}
      action={view.action}
      csrfToken={view.csrfToken}
      errors={view.errors}
      labels={{ form: title }}
      submit={t('awards.category.removeConfirm')}
      danger
    >
      {null}
    </FormPage>
  );
}

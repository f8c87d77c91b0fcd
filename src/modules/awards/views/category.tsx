import { countryName, EU_COUNTRIES } from '../../../core/countries.ts';
import { CsrfField, ErrorSummary, type FieldErrors, Notice, Select, TextArea, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { CategoryView, EditionView, NominationView, Phase, Reason } from '../schema.ts';
import { NOMINATION_LIMITS } from '../service/inputs.ts';
import { Nominee, PhaseLine } from './common.tsx';
import { MaterialForm, Reasons } from './nominee.tsx';
import { Results, type ResultView } from './results.tsx';

export type FormValues = Record<string, string | undefined>;

export interface CategoryPageView {
  edition: EditionView;
  category: CategoryView;
  phase: Phase;
  nominees: NominationView[];
  reasons: Reason[];
  ownVote: number | undefined;
  result: ResultView | undefined;
  who: 'visitor' | 'unconfirmed' | 'person';
  canEdit: boolean;
  onJury: boolean;
  /** The nominations whose town the person works for: they may add material. */
  staffOf: number[];
  csrfToken: string;
  form: { values: FormValues; errors: FieldErrors; which?: 'nominate' | 'vote' | `material-${number}` };
  notice?: string | undefined;
}

function NominateForm({ view }: { view: CategoryPageView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const mine = view.form.which === 'nominate';
  const errors = mine ? view.form.errors : {};
  const v = mine ? view.form.values : {};
  const labels = {
    country: t('awards.nominate.country'),
    town: t('awards.nominate.town'),
    mayor_name: t('awards.nominate.mayor'),
    practice: t('awards.nominate.practice'),
    reasons: t('awards.nominate.reasons'),
  };
  const one = (k: string) => v[k] as string | undefined;
  return (
    <section aria-labelledby="nominate">
      <h2 id="nominate">{t('awards.nominate.title')}</h2>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={href(`/awards/${view.edition.slug}/${view.category.slug}/nominate`)} class="form" noValidate>
        <CsrfField token={view.csrfToken} />
        <Select
          name="country"
          label={labels.country}
          required
          value={one('country')}
          error={errors.country}
          options={EU_COUNTRIES.map((c) => ({ value: c, label: countryName(c, lang) }))}
        />
        <TextField name="town" label={labels.town} required value={one('town')} error={errors.town} maxLength={NOMINATION_LIMITS.town} />
        {view.category.kind === 'mayor' ? (
          <TextField
            name="mayor_name"
            label={labels.mayor_name}
            hint={t('awards.nominate.mayorHint')}
            value={one('mayor_name')}
            error={errors.mayor_name}
            maxLength={NOMINATION_LIMITS.mayor_name}
          />
        ) : (
          <TextField
            name="practice"
            label={labels.practice}
            required
            value={one('practice')}
            error={errors.practice}
            maxLength={NOMINATION_LIMITS.practice}
          />
        )}
        <TextArea
          name="reasons"
          label={labels.reasons}
          required
          value={one('reasons')}
          error={errors.reasons}
          maxLength={NOMINATION_LIMITS.reasons}
          rows={5}
        />
        <button type="submit">{t('awards.nominate.submit')}</button>
      </form>
    </section>
  );
}

/** Why a vote was refused, at the top of the page: the vote form may not be there (outside the vote's dates). */
function VoteErrors({ errors }: { errors: FieldErrors }) {
  const { t } = usePage();
  const error = errors.nomination ?? errors.form;
  return <ErrorSummary errors={error ? { nomination: error } : {}} labels={{ nomination: t('awards.vote.legend') }} />;
}

function VoteForm({ view }: { view: CategoryPageView }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <section aria-labelledby="vote">
      <h2 id="vote">{t('awards.vote.title')}</h2>
      <p>{t('awards.vote.rules')}</p>
      <form method="post" action={href(`/awards/${view.edition.slug}/${view.category.slug}/vote`)} class="form">
        <CsrfField token={view.csrfToken} />
        <fieldset class="fieldset" id="nomination">
          <legend>{t('awards.vote.legend')}</legend>
          {view.nominees.map((n) => (
            <div key={n.id} class="checkbox-item">
              <input
                type="radio"
                id={`nomination-${n.id}`}
                name="nomination"
                value={String(n.id)}
                checked={view.ownVote === n.id}
                required
              />
              <label for={`nomination-${n.id}`}>
                {n.mayor_name || n.practice} ({n.town}, {n.country})
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit">{t(view.ownVote ? 'awards.vote.change' : 'awards.vote.submit')}</button>
      </form>
    </section>
  );
}

export function CategoryPage({ view }: { view: CategoryPageView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const base = `/awards/${view.edition.slug}/${view.category.slug}`;
  const signIn = `/${lang}/sign-in?next=${encodeURIComponent(`/${lang}${base}`)}`;
  const voted = view.nominees.find((n) => n.id === view.ownVote);
  return (
    <article>
      <p>
        <a href={href(`/awards/${view.edition.slug}`)}>{view.edition.title}</a>
      </p>
      <h1>{view.category.name}</h1>
      {view.notice && <Notice>{t(`awards.notice.${view.notice}`)}</Notice>}
      <PhaseLine phase={view.phase} />
      {view.form.which === 'vote' && <VoteErrors errors={view.form.errors} />}
      {(view.canEdit || view.onJury) && (
        <ul class="actions">
          {view.canEdit && (
            <li>
              <a href={href(`${base}/manage`)}>{t('awards.manage.title')}</a>
            </li>
          )}
          {view.canEdit && (
            <li>
              <a href={href(`${base}/audit`)}>{t('awards.audit.title')}</a>
            </li>
          )}
          {view.onJury && (
            <li>
              <a href={href(`${base}/jury`)}>{t('awards.jury.title')}</a>
            </li>
          )}
        </ul>
      )}
      {view.result && <Results result={view.result} nominees={view.nominees} weight={view.edition.jury_weight} />}
      {voted && <p>{t('awards.vote.yours', { nominee: voted.mayor_name || voted.practice || voted.town })}</p>}
      {view.phase === 'voting' &&
        !view.category.published_at &&
        view.nominees.length > 0 &&
        (view.who === 'person' ? (
          <VoteForm view={view} />
        ) : (
          <p>
            <a href={signIn}>{t(view.who === 'visitor' ? 'awards.vote.signIn' : 'awards.vote.confirm')}</a>
          </p>
        ))}
      {!view.result && (
        <section aria-labelledby="nominees">
          <h2 id="nominees">{t(view.phase === 'nominations' || view.phase === 'shortlisting' ? 'awards.nominees' : 'awards.shortlist')}</h2>
          {view.nominees.length ? (
            <ul class="nominees">
              {view.nominees.map((n) => (
                <li key={n.id}>
                  <Nominee n={n} />
                  <Reasons reasons={view.reasons.filter((r) => r.nomination_id === n.id)} />
                  {view.staffOf.includes(n.id) && <MaterialForm view={view} n={n} />}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('awards.noNominees')}</p>
          )}
        </section>
      )}
      {view.phase === 'nominations' &&
        (view.who === 'person' ? (
          <NominateForm view={view} />
        ) : (
          <p>
            <a href={signIn}>{t(view.who === 'visitor' ? 'awards.nominate.signIn' : 'awards.nominate.confirm')}</a>
          </p>
        ))}
    </article>
  );
}

import { CsrfField, ErrorSummary, type FieldErrors, Notice } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { CategoryView, CriterionView, EditionView, NominationView } from '../schema.ts';
import { juryScore } from '../service/results.ts';

export interface JuryView {
  edition: EditionView;
  category: CategoryView;
  shortlist: NominationView[];
  criteria: CriterionView[];
  /** The juror's own scores, keyed "nomination:criterion". */
  own: Map<string, number>;
  /** Every juror's scores: empty until all have scored. */
  all: { nomination_id: number; criterion_id: number; juror_id: number; score: number }[];
  complete: boolean;
  jurors: number;
  chair: boolean;
  progress: { name: string; scored: number }[];
  total: number;
  /** What the juror typed in a refused form, to show again. */
  typed?: { nomination: number | undefined; values: Record<string, string | undefined> } | undefined;
  csrfToken: string;
  errors: FieldErrors;
  notice?: string | undefined;
}

/** One form per nominee of the shortlist, a field per criterion; the others' scores once all have scored. */
export function JuryPage({ view }: { view: JuryView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const base = `/awards/${view.edition.slug}/${view.category.slug}`;
  const shown = (n: number, c: number) =>
    view.typed?.nomination === n ? (view.typed.values[`score_${c}`] ?? '') : (view.own.get(`${n}:${c}`)?.toString() ?? '');
  return (
    <article>
      <p>
        <a href={href(base)}>{view.category.name}</a>
      </p>
      <h1>{t('awards.jury.title')}</h1>
      {view.notice && <Notice>{t(`awards.notice.${view.notice}`)}</Notice>}
      <ErrorSummary errors={view.errors} labels={{ form: t('awards.jury.title') }} />
      <p>{t('awards.jury.lead')}</p>
      {view.shortlist.map((n) => {
        const label = `${n.mayor_name || n.practice} (${n.town}, ${n.country})`;
        return (
          <section class="panel" key={n.id} aria-labelledby={`nominee-${n.id}`}>
            <h2 id={`nominee-${n.id}`}>{label}</h2>
            <form method="post" action={href(`${base}/jury`)} class="form">
              <CsrfField token={view.csrfToken} />
              <input type="hidden" name="nomination" value={String(n.id)} />
              {view.criteria.map((c) => (
                <div class="field" key={c.id}>
                  <label for={`score_${n.id}_${c.id}`}>{c.name}</label>
                  {c.description && (
                    <p class="hint" id={`hint_${n.id}_${c.id}`}>
                      {c.description}
                    </p>
                  )}
                  <input
                    type="number"
                    id={`score_${n.id}_${c.id}`}
                    name={`score_${c.id}`}
                    min={0}
                    max={10}
                    step={1}
                    required
                    aria-describedby={c.description ? `hint_${n.id}_${c.id}` : undefined}
                    value={shown(n.id, c.id)}
                  />
                </div>
              ))}
              <button type="submit">
                {t('awards.jury.save')}
                <span class="visually-hidden"> — {label}</span>
              </button>
            </form>
          </section>
        );
      })}
      {view.chair && (
        <section aria-labelledby="jury-progress">
          <h2 id="jury-progress">{t('awards.jury.progress')}</h2>
          <ul>
            {view.progress.map((p) => (
              <li key={p.name}>{t('awards.jury.progressOf', { name: p.name, scored: p.scored, total: view.total })}</li>
            ))}
          </ul>
        </section>
      )}
      <h2>{t('awards.jury.others')}</h2>
      {view.complete ? (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('awards.results.nominee')}</th>
              {view.criteria.map((c) => (
                <th scope="col" key={c.id}>
                  {t('awards.jury.criterionWeight', { name: c.name, weight: c.weight })}
                </th>
              ))}
              <th scope="col">{t('awards.results.jury')}</th>
            </tr>
          </thead>
          <tbody>
            {view.shortlist.map((n) => {
              const own = view.all.filter((s) => s.nomination_id === n.id);
              return (
                <tr key={n.id}>
                  <td data-label={t('awards.results.nominee')}>{n.mayor_name || n.practice || n.town}</td>
                  {view.criteria.map((c) => (
                    <td key={c.id} data-label={t('awards.jury.criterionWeight', { name: c.name, weight: c.weight })}>
                      {own
                        .filter((s) => s.criterion_id === c.id)
                        .map((s) => s.score)
                        .join(', ')}
                    </td>
                  ))}
                  <td data-label={t('awards.results.jury')}>
                    {number.format(Math.round(juryScore(own, view.criteria).score * 100) / 100)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p class="jury-hidden">{t('awards.jury.hidden', { count: view.jurors })}</p>
      )}
    </article>
  );
}

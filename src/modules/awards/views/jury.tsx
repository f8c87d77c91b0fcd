import { CsrfField, ErrorSummary, type FieldErrors, Notice } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { CategoryView, EditionView, NominationView } from '../schema.ts';

export interface JuryView {
  edition: EditionView;
  category: CategoryView;
  shortlist: NominationView[];
  own: Map<number, number>;
  /** Every juror's scores: empty until all have scored. */
  all: { nomination_id: number; juror_id: number; score: number }[];
  complete: boolean;
  jurors: number;
  csrfToken: string;
  errors: FieldErrors;
  notice?: string | undefined;
}

export function JuryPage({ view }: { view: JuryView }) {
  const { t } = usePage();
  const href = useHref();
  const base = `/awards/${view.edition.slug}/${view.category.slug}`;
  return (
    <article>
      <p>
        <a href={href(base)}>{view.category.name}</a>
      </p>
      <h1>{t('awards.jury.title')}</h1>
      {view.notice && <Notice>{t(`awards.notice.${view.notice}`)}</Notice>}
      <ErrorSummary errors={view.errors} labels={{ form: t('awards.jury.title') }} />
      <p>{t('awards.jury.lead')}</p>
      <form method="post" action={href(`${base}/jury`)} class="form">
        <CsrfField token={view.csrfToken} />
        {view.shortlist.map((n) => (
          <div class="field" key={n.id}>
            <label for={`score_${n.id}`}>{`${n.mayor_name || n.practice} (${n.town}, ${n.country})`}</label>
            <input
              type="number"
              id={`score_${n.id}`}
              name={`score_${n.id}`}
              min={0}
              max={10}
              step={1}
              required
              value={view.own.get(n.id)?.toString() ?? ''}
            />
          </div>
        ))}
        <button type="submit">{t('awards.jury.save')}</button>
      </form>
      <h2>{t('awards.jury.others')}</h2>
      {view.complete ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('awards.results.nominee')}</th>
              <th scope="col">{t('awards.jury.scores')}</th>
            </tr>
          </thead>
          <tbody>
            {view.shortlist.map((n) => (
              <tr key={n.id}>
                <td>{n.mayor_name || n.practice || n.town}</td>
                <td>
                  {view.all
                    .filter((s) => s.nomination_id === n.id)
                    .map((s) => s.score)
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="jury-hidden">{t('awards.jury.hidden', { count: view.jurors })}</p>
      )}
    </article>
  );
}

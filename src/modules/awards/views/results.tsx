import { usePage } from '../../../core/views/context.ts';
import type { NominationView, ResultRow } from '../schema.ts';
import { Nominee } from './common.tsx';

export interface ResultView {
  ranking: (Omit<ResultRow, 'id'> & { id: number })[];
  counted: number;
  voided: number;
}

/** A published result: what was counted and voided, the jury's weight, and the final ranking. */
export function Results({ result, nominees, weight }: { result: ResultView; nominees: NominationView[]; weight: number }) {
  const { t, lang } = usePage();
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  return (
    <section aria-labelledby="results">
      <h2 id="results">{t('awards.results.title')}</h2>
      <p>{t('awards.results.summary', { counted: result.counted, voided: result.voided, jury: weight, public: 100 - weight })}</p>
      <table>
        <caption class="visually-hidden">{t('awards.results.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('awards.results.rank')}</th>
            <th scope="col">{t('awards.results.nominee')}</th>
            <th scope="col">{t('awards.results.votes')}</th>
            <th scope="col">{t('awards.results.jury')}</th>
            <th scope="col">{t('awards.results.final')}</th>
          </tr>
        </thead>
        <tbody>
          {result.ranking.map((r) => {
            const n = nominees.find((x) => x.id === r.nomination_id);
            return (
              <tr key={r.id}>
                <td>{r.rank}</td>
                <td>{n ? <Nominee n={n} /> : ''}</td>
                <td>{number.format(r.votes)}</td>
                <td>{number.format(r.jury_score)}</td>
                <td>{number.format(r.final_score)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

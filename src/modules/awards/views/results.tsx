import type { ComponentChildren } from 'preact';
import { usePage } from '../../../core/views/context.ts';
import type { NominationView, ResultRow } from '../schema.ts';
import { Nominee } from './common.tsx';

export interface ResultView {
  ranking: (Omit<ResultRow, 'id'> & { id: number })[];
  counted: number;
  voided: number;
  criteria: { id: number; name: string; weight: number }[];
  /** Each nominee's mean jury score per criterion, by criterion id. */
  means: Map<number, Map<number, number>>;
}

/** A ranking's line: the nominee as the page shows them, their votes, jury score and final score. */
export interface RankingLine {
  id: number;
  rank: number;
  nominee: ComponentChildren;
  votes: number;
  jury_score: number;
  final_score: number;
}

/** The ranking as a table, numbers in the reader's way of writing them: the results, and the audit's standings. */
export function RankingTable({ lines, caption }: { lines: RankingLine[]; caption: string }) {
  const { t, lang } = usePage();
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  return (
    <table class="table">
      <caption class="visually-hidden">{caption}</caption>
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
        {lines.map((l) => (
          <tr key={l.id}>
            <td data-label={t('awards.results.rank')}>{l.rank}</td>
            <td data-label={t('awards.results.nominee')}>{l.nominee}</td>
            <td data-label={t('awards.results.votes')}>{number.format(l.votes)}</td>
            <td data-label={t('awards.results.jury')}>{number.format(l.jury_score)}</td>
            <td data-label={t('awards.results.final')}>{number.format(l.final_score)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A published result: what was counted and voided, the jury's weight, and the final ranking. */
export function Results({ result, nominees, weight }: { result: ResultView; nominees: NominationView[]; weight: number }) {
  const { t } = usePage();
  const lines = result.ranking.map((r) => {
    const n = nominees.find((x) => x.id === r.nomination_id);
    return { ...r, nominee: n ? <Nominee n={n} /> : '' };
  });
  return (
    <section aria-labelledby="results">
      <h2 id="results">{t('awards.results.title')}</h2>
      <p>{t('awards.results.summary', { counted: result.counted, voided: result.voided, jury: weight, public: 100 - weight })}</p>
      <RankingTable lines={lines} caption={t('awards.results.title')} />
      {result.criteria.length > 1 && <CriterionTable result={result} lines={lines} />}
    </section>
  );
}

/** The jury's mean score of each nominee on each criterion, when the edition has more than one. */
function CriterionTable({ result, lines }: { result: ResultView; lines: { nomination_id: number; nominee: ComponentChildren }[] }) {
  const { t, lang } = usePage();
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  return (
    <table class="table">
      <caption>{t('awards.results.byCriterion')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('awards.results.nominee')}</th>
          {result.criteria.map((c) => (
            <th scope="col" key={c.id}>
              {t('awards.jury.criterionWeight', { name: c.name, weight: c.weight })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.nomination_id}>
            <td data-label={t('awards.results.nominee')}>{l.nominee}</td>
            {result.criteria.map((c) => {
              const mean = result.means.get(l.nomination_id)?.get(c.id);
              const label = t('awards.jury.criterionWeight', { name: c.name, weight: c.weight });
              return (
                <td key={c.id} data-label={label}>
                  {mean === undefined ? '—' : number.format(mean)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

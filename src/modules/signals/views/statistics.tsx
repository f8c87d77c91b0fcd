import { usePage } from '../../../core/views/context.ts';
import { profilePath } from '../../municipalities/index.ts';
import type { TownStatistics } from '../service/statistics.ts';

/** A town's figures in tables: they read well with a screen reader and need no chart library. */
export function StatisticsPage({
  town,
  stats,
  names,
}: {
  town: { name: string; country: string; slug: string };
  stats: TownStatistics;
  names: Map<number, string>;
}) {
  const { t, lang } = usePage();
  const month = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const share = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const ratio = (fixed: number, reports: number) => (reports ? share.format(fixed / reports) : '–');
  return (
    <article class="prose">
      <h1>{t('signals.stats.title', { town: town.name })}</h1>
      <p class="lead">{t('signals.stats.lead', { town: town.name })}</p>
      <dl class="summary-list">
        <dt>{t('signals.stats.reports')}</dt>
        <dd>{number.format(stats.reports)}</dd>
        <dt>{t('signals.stats.shareFixed')}</dt>
        <dd>{ratio(stats.fixed, stats.reports)}</dd>
        <dt>{t('signals.stats.median')}</dt>
        <dd>{stats.medianDaysToFix === null ? t('signals.stats.noneFixed') : t('signals.stats.days', { days: stats.medianDaysToFix })}</dd>
      </dl>
      <div class="table-wrap">
        <table class="table">
          <caption>{t('signals.stats.byMonth')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('signals.stats.month')}</th>
              <th scope="col">{t('signals.stats.reportsColumn')}</th>
              <th scope="col">{t('signals.stats.fixedColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{month.format(new Date(`${m.month}-01T00:00:00Z`))}</th>
                <td>{number.format(m.reports)}</td>
                <td>{number.format(m.fixed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {stats.byCategory.length > 0 && (
        <div class="table-wrap">
          <table class="table">
            <caption>{t('signals.stats.byCategory')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('signals.stats.category')}</th>
                <th scope="col">{t('signals.stats.reportsColumn')}</th>
                <th scope="col">{t('signals.stats.fixedColumn')}</th>
                <th scope="col">{t('signals.stats.shareFixed')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.byCategory.map((c) => (
                <tr key={c.categoryId}>
                  <th scope="row">{names.get(c.categoryId) ?? '–'}</th>
                  <td>{number.format(c.reports)}</td>
                  <td>{number.format(c.fixed)}</td>
                  <td>{ratio(c.fixed, c.reports)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={`/${lang}${profilePath(town)}`}>{t('signals.stats.back', { town: town.name })}</a>
      </p>
    </article>
  );
}

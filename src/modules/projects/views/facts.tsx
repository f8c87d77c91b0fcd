import { countryName } from '../../../core/countries.ts';
import { useHref, usePage } from '../../../core/views/context.ts';
import { type CallView, callState } from '../schema.ts';
import { daysUntil, zonedParts } from '../service/dates.ts';
import { list } from '../service/read.ts';

/** A moment on the call's own clock, in the reader's language: "14 March 2027, 17:00 (Central European Time)". */
export function ZonedTime({ instant, zone }: { instant: string; zone: string }) {
  const { t, lang } = usePage();
  return <time datetime={instant}>{t('projects.call.when', zonedParts(instant, zone, lang))}</time>;
}

/** The state of a call, and while it is open the days left, in plain words. */
export function CallStateLine({ call }: { call: CallView }) {
  const { t } = usePage();
  const state = callState(call);
  return (
    <p class="meta">
      <span class="tag">{t(`projects.state.${state}`)}</span>
      {state === 'open' && <> {t('projects.call.closesIn', { days: daysUntil(call.deadline_at) })}</>}
    </p>
  );
}

const euros = (amount: number, lang: string) =>
  new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(amount);

/** Everything a town weighs before applying, as a list of terms. */
export function CallFacts({ call, full }: { call: CallView; full?: boolean }) {
  const { t, lang } = usePage();
  const href = useHref();
  const countries = list(call.countries);
  const { duration_months_min: min, duration_months_max: max } = call;
  return (
    <dl class="summary-list">
      <dt>{t('projects.call.programme')}</dt>
      <dd>
        <a href={href(`/programmes/${call.programme.slug}`)}>{call.programme.acronym}</a>
        {call.strand && <> – {call.strand}</>}
      </dd>
      <dt>{t('projects.call.reference')}</dt>
      <dd>{call.reference}</dd>
      {full && (
        <>
          <dt>{t('projects.call.opens')}</dt>
          <dd>
            <ZonedTime instant={call.opens_at} zone={call.time_zone} />
          </dd>
        </>
      )}
      <dt>{t('projects.call.deadline')}</dt>
      <dd>
        <ZonedTime instant={call.deadline_at} zone={call.time_zone} />
      </dd>
      <dt>{t('projects.call.applicants')}</dt>
      <dd>
        {list(call.applicants)
          .map((a) => t(`projects.applicant.${a}`))
          .join(', ')}
      </dd>
      {full && (
        <>
          <dt>{t('projects.call.countries')}</dt>
          <dd>{countries.length ? countries.map((c) => countryName(c, lang)).join(', ') : t('projects.call.euCountries')}</dd>
          <dt>{t('projects.call.partnership')}</dt>
          <dd>{t('projects.call.partnersFrom', { partners: call.min_partners, countries: call.min_countries })}</dd>
          {(min || max) && (
            <>
              <dt>{t('projects.call.duration')}</dt>
              <dd>
                {min && max && min !== max ? t('projects.call.months', { min, max }) : t('projects.call.monthsOne', { n: max ?? min ?? 0 })}
              </dd>
            </>
          )}
          {call.budget_eur !== null && (
            <>
              <dt>{t('projects.call.budgetTotal')}</dt>
              <dd>{euros(call.budget_eur, lang)}</dd>
            </>
          )}
          {call.lump_sum_eur !== null && (
            <>
              <dt>{t('projects.call.lumpSumEach')}</dt>
              <dd>{euros(call.lump_sum_eur, lang)}</dd>
            </>
          )}
        </>
      )}
      {call.areas && (
        <>
          <dt>{t('projects.areas')}</dt>
          <dd>
            {list(call.areas)
              .map((a) => t(`area.${a}`))
              .join(', ')}
          </dd>
        </>
      )}
    </dl>
  );
}

/** A call in a list: its title linking to its page, its state, programme, deadline and who may apply, a line each. */
export function CallCard({ call }: { call: CallView }) {
  const { t, lang } = usePage();
  const href = useHref();
  return (
    <li class="card">
      <h3>
        <a href={href(`/calls/${call.id}`)} lang={call.language === lang ? undefined : call.language}>
          {call.title}
        </a>
      </h3>
      <CallStateLine call={call} />
      <p>
        {call.programme.acronym}
        {call.strand && <> – {call.strand}</>} · {call.reference}
      </p>
      <p>
        <strong>{t('projects.call.deadline')}:</strong> <ZonedTime instant={call.deadline_at} zone={call.time_zone} />
      </p>
      <p>
        <strong>{t('projects.call.applicants')}:</strong>{' '}
        {list(call.applicants)
          .map((a) => t(`projects.applicant.${a}`))
          .join(', ')}
      </p>
    </li>
  );
}

import { POLICY_AREAS } from '../../../core/areas.ts';
import { countriesByName, countryName } from '../../../core/countries.ts';
import { HoneypotField } from '../../../core/http/spam.tsx';
import {
  CheckboxGroup,
  CsrfField,
  type FieldErrors,
  NamedSection,
  Pager,
  Select,
  TextArea,
  TextField,
} from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { type MunicipalitySummary, profilePath } from '../../municipalities/index.ts';
import type { FundingCallChoice } from '../../projects/index.ts';
import { PARTNER_SIZES, type PartnerAnswer, type PartnerCall } from '../schema.ts';
import { CALL_LIMITS } from '../service/calls.ts';

type Towns = Map<number, MunicipalitySummary>;

function CallFacts({ call, towns, fundingCall }: { call: PartnerCall; towns: Towns; fundingCall?: FundingCallChoice | undefined }) {
  const { t, lang } = usePage();
  const href = useHref();
  const town = towns.get(call.town_id);
  const countries = call.countries.split(',').filter(Boolean);
  return (
    <dl class="summary-list">
      <dt>{t('twinning.calls.town')}</dt>
      <dd>{town ? <a href={href(profilePath(town))}>{town.name}</a> : ''}</dd>
      <dt>{t('twinning.calls.deadline')}</dt>
      <dd>{t('common.date', { date: new Date(`${call.deadline}T12:00:00Z`) })}</dd>
      <dt>{t('twinning.calls.countries')}</dt>
      <dd>{countries.length ? countries.map((c) => countryName(c, lang)).join(', ') : t('twinning.calls.anyCountry')}</dd>
      <dt>{t('twinning.calls.size')}</dt>
      <dd>{t(`twinning.size.${call.size}`)}</dd>
      {call.areas && (
        <>
          <dt>{t('twinning.calls.areas')}</dt>
          <dd>
            {call.areas
              .split(',')
              .map((a) => t(`area.${a}`))
              .join(', ')}
          </dd>
        </>
      )}
      {call.programme && (
        <>
          <dt>{t('twinning.calls.programme')}</dt>
          <dd>{call.programme}</dd>
        </>
      )}
      {fundingCall && (
        <>
          <dt>{t('twinning.calls.fundingCall')}</dt>
          <dd>
            <a href={href(fundingCall.path)}>{fundingCall.label}</a>
          </dd>
        </>
      )}
    </dl>
  );
}

export interface CallsView {
  calls: PartnerCall[];
  towns: Towns;
  filter: { q?: string | undefined; area?: string | undefined; country?: string | undefined };
  page: number;
  pages: number;
  total: number;
  canPost: boolean;
}

/** Open calls for partners, the nearest deadline first, with filters and a full-text search. */
export function CallsPage({ view }: { view: CallsView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const link = (page: number) => {
    const p = new URLSearchParams();
    if (view.filter.q) p.set('q', view.filter.q);
    if (view.filter.area) p.set('area', view.filter.area);
    if (view.filter.country) p.set('country', view.filter.country.toLowerCase());
    if (page > 1) p.set('page', String(page));
    const s = p.toString();
    return href(`/partner-search${s ? `?${s}` : ''}`);
  };
  return (
    <>
      <h1>{t('twinning.calls.title')}</h1>
      <p class="lead">{t('twinning.calls.lead')}</p>
      {view.canPost && (
        <p>
          <a class="button" href={href('/partner-search/new')}>
            {t('twinning.calls.new')}
          </a>
        </p>
      )}
      <form method="get" action={href('/partner-search')} class="filters">
        <div class="field">
          <label for="q">{t('twinning.calls.words')}</label>
          <input type="search" id="q" name="q" value={view.filter.q ?? ''} maxLength={100} />
        </div>
        <div class="field">
          <label for="area">{t('twinning.calls.areas')}</label>
          <select id="area" name="area">
            <option value="">{t('twinning.calls.anyArea')}</option>
            {POLICY_AREAS.map((a) => (
              <option key={a} value={a} selected={a === view.filter.area}>
                {t(`area.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="country">{t('filters.country')}</label>
          <select id="country" name="country">
            <option value="">{t('filters.allCountries')}</option>
            {countriesByName(lang).map((c) => (
              <option key={c.code} value={c.code.toLowerCase()} selected={c.code === view.filter.country}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('filters.apply')}</button>
      </form>
      <p class="list-order">{t('twinning.calls.count', { count: view.total })}</p>
      {view.calls.map((c) => (
        <article key={c.id} class="call">
          <h2>
            <a href={href(`/partner-search/${c.id}`)} lang={c.language === lang ? undefined : c.language}>
              {c.title}
            </a>
          </h2>
          <CallFacts call={c} towns={view.towns} />
        </article>
      ))}
      <Pager page={view.page} pages={view.pages} link={link} />
    </>
  );
}

export interface CallView {
  call: PartnerCall;
  towns: Towns;
  /** The EU call it names, if any. */
  fundingCall?: FundingCallChoice | undefined;
  /** Answers, for the poster's staff only. */
  answers?: (PartnerAnswer & { who: string | null })[] | undefined;
  /** The answer form, for a signed-in person who may answer. */
  form?: { csrfToken: string; own: MunicipalitySummary[]; values: { message?: string; town?: string }; errors: FieldErrors } | undefined;
  signedIn: boolean;
  sent?: boolean;
}

export function CallPage({ view }: { view: CallView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const c = view.call;
  const foreign = c.language === lang ? undefined : c.language;
  return (
    <>
      <p class="breadcrumb">
        <a href={href('/partner-search')}>{t('twinning.calls.title')}</a>
      </p>
      <h1 lang={foreign}>{c.title}</h1>
      {view.sent && (
        <div class="notice notice--success" role="status">
          {t('twinning.calls.sent')}
        </div>
      )}
      <CallFacts call={c} towns={view.towns} fundingCall={view.fundingCall} />
      <div class="prose" lang={foreign}>
        {c.description.split(/\n{2,}/).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
      {view.answers && (
        <section aria-labelledby="answers-heading">
          <h2 id="answers-heading">{t('twinning.calls.answers', { count: view.answers.length })}</h2>
          {view.answers.map((a) => (
            <article key={a.id} class="answer">
              <p class="meta">
                {a.who ?? t('common.deletedAccount')} ·{' '}
                <time datetime={a.created_at}>{t('common.date', { date: new Date(a.created_at) })}</time>
              </p>
              <p>{a.message}</p>
            </article>
          ))}
        </section>
      )}
      {view.form && (
        <section aria-labelledby="answer-heading">
          <h2 id="answer-heading">{t('twinning.calls.answer')}</h2>
          <p>{t('twinning.calls.answerLead')}</p>
          <form method="post" action={href(`/partner-search/${c.id}/answer`)} novalidate>
            <CsrfField token={view.form.csrfToken} />
            <HoneypotField />
            {view.form.own.length > 0 && (
              <Select
                name="town"
                label={t('twinning.calls.answerFor')}
                value={view.form.values.town}
                options={[
                  { value: '', label: t('twinning.calls.myself') },
                  ...view.form.own.map((m) => ({ value: String(m.id), label: m.name })),
                ]}
              />
            )}
            <TextArea
              name="message"
              label={t('twinning.calls.message')}
              required
              maxLength={CALL_LIMITS.message}
              rows={6}
              value={view.form.values.message}
              error={view.form.errors.message}
            />
            <button type="submit">{t('twinning.calls.send')}</button>
          </form>
        </section>
      )}
      {!view.signedIn && (
        <p>
          <a href={href(`/sign-in?next=${encodeURIComponent(`/${lang}/partner-search/${c.id}`)}`)}>{t('twinning.calls.signIn')}</a>
        </p>
      )}
    </>
  );
}

export interface NewCallView {
  own: MunicipalitySummary[];
  /** EU calls still to close that the search may name. */
  fundingCalls: FundingCallChoice[];
  values: Record<string, string | string[] | undefined>;
  errors: FieldErrors;
  csrfToken: string;
}

export function NewCallPage({ view }: { view: NewCallView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const v = view.values;
  const many = (name: string) => new Set([v[name] ?? []].flat());
  const one = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
  return (
    <>
      <h1>{t('twinning.calls.new')}</h1>
      <form method="post" action={href('/partner-search/new')} novalidate>
        <CsrfField token={view.csrfToken} />
        <Select
          name="town"
          label={t('twinning.propose.town')}
          required
          value={one('town')}
          error={view.errors.town}
          options={view.own.map((m) => ({ value: String(m.id), label: m.name }))}
        />
        <TextField
          name="title"
          label={t('twinning.calls.callTitle')}
          hint={t('twinning.calls.callTitleHint')}
          required
          maxLength={CALL_LIMITS.title}
          value={one('title')}
          error={view.errors.title}
        />
        <TextArea
          name="description"
          label={t('twinning.calls.description')}
          required
          maxLength={CALL_LIMITS.description}
          rows={8}
          value={one('description')}
          error={view.errors.description}
        />
        <CheckboxGroup
          name="areas"
          legend={t('twinning.calls.areas')}
          options={POLICY_AREAS.map((a) => ({ value: a, label: t(`area.${a}`) }))}
          checked={many('areas')}
          error={view.errors.areas}
        />
        <CheckboxGroup
          name="countries"
          legend={t('twinning.calls.countries')}
          hint={t('twinning.calls.countriesHint')}
          options={countriesByName(lang).map((c) => ({ value: c.code, label: c.name }))}
          checked={many('countries')}
          error={view.errors.countries}
        />
        <Select
          name="size"
          label={t('twinning.calls.size')}
          required
          value={one('size')}
          error={view.errors.size}
          options={PARTNER_SIZES.map((s) => ({ value: s, label: t(`twinning.size.${s}`) }))}
        />
        <TextField
          name="programme"
          label={t('twinning.calls.programme')}
          hint={t('twinning.calls.programmeHint')}
          maxLength={CALL_LIMITS.programme}
          value={one('programme')}
          error={view.errors.programme}
        />
        <Select
          name="funding_call"
          label={t('twinning.calls.fundingCall')}
          hint={t('twinning.calls.fundingCallHint')}
          value={one('funding_call')}
          error={view.errors.funding_call}
          options={[
            { value: '', label: t('twinning.calls.noFundingCall') },
            ...view.fundingCalls.map((f) => ({ value: String(f.id), label: f.label })),
          ]}
        />
        <TextField
          name="deadline"
          type="date"
          label={t('twinning.calls.deadline')}
          hint={t('twinning.calls.deadlineHint')}
          required
          maxLength={10}
          value={one('deadline')}
          error={view.errors.deadline}
        />
        <button type="submit">{t('twinning.calls.publish')}</button>
      </form>
    </>
  );
}

/** Open searches for partners that name an EU call, on that call's page. */
export function SearchesForCall({ calls, towns }: { calls: PartnerCall[]; towns: Towns }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <NamedSection id="partner-searches" label={t('twinning.calls.forFundingCall')}>
      <ul class="card-list">
        {calls.map((c) => (
          <li key={c.id} class="card">
            <h3 lang={c.language}>
              <a href={href(`/partner-search/${c.id}`)}>{c.title}</a>
            </h3>
            <p>
              {towns.get(c.town_id)?.name ?? ''} · {t('twinning.calls.deadline')}:{' '}
              {t('common.date', { date: new Date(`${c.deadline}T12:00:00Z`) })}
            </p>
          </li>
        ))}
      </ul>
    </NamedSection>
  );
}

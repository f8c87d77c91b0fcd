import { countryName } from '../../../core/countries.ts';
import { isWebAddress } from '../../../core/http/input.ts';
import type { Translator } from '../../../core/i18n/catalog.ts';
import {
  CsrfField,
  type FieldErrors,
  LinkedMessage,
  NamedSection,
  Notice,
  Pager,
  Select,
  TextField,
} from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { type MapPlace, type MunicipalitySummary, PlacesMap, profilePath } from '../../municipalities/index.ts';
import { TWINNING_KINDS, type Twinning } from '../schema.ts';

type Towns = Map<number, MunicipalitySummary>;

function Town({ id, towns }: { id: number; towns: Towns }) {
  const { lang } = usePage();
  const href = useHref();
  const m = towns.get(id);
  return m ? (
    <>
      <a href={href(profilePath(m))}>{m.name}</a> ({countryName(m.country, lang)})
    </>
  ) : null;
}

const detail = (t: Translator, tw: Twinning) =>
  [t(`twinning.kind.${tw.kind}`), tw.since_year && t('twinning.since', { year: tw.since_year })].filter(Boolean).join(' · ');

/** Where a twinning older than the portal is documented: a link when it is a web address, which the portal does not vouch for. */
function RecordedFrom({ source }: { source: string }) {
  const { t } = usePage();
  if (!isWebAddress(source)) return <>{t('twinning.record.from', { source })}</>;
  return <LinkedMessage id="twinning.record.from" links={{ source: { href: source, text: source, rel: 'nofollow noopener' } }} />;
}

export interface TwinningList {
  rows: Twinning[];
  towns: Towns;
  page: number;
  pages: number;
  /** Whether the reader may record a twinning older than the portal. */
  canRecord: boolean;
  recorded: boolean;
}

/** Every confirmed twinning on the portal, newest first. */
export function TwinningListPage({ rows, towns, page, pages, canRecord, recorded }: TwinningList) {
  const { t } = usePage();
  const href = useHref();
  return (
    <>
      <h1>{t('twinning.title')}</h1>
      {recorded && <Notice>{t('twinning.record.done')}</Notice>}
      <p class="lead">{t('twinning.lead')}</p>
      {canRecord && (
        <p>
          <a class="button button--secondary" href={href('/twinning/record')}>
            {t('twinning.record.title')}
          </a>
        </p>
      )}
      {rows.length === 0 ? (
        <p>{t('twinning.none')}</p>
      ) : (
        <ul class="twinnings">
          {rows.map((tw) => (
            <li key={tw.id}>
              <Town id={tw.proposer_id} towns={towns} /> – <Town id={tw.partner_id} towns={towns} />
              <span class="place-meta">{detail(t, tw)}</span>
              {tw.source && (
                <span class="place-meta">
                  <RecordedFrom source={tw.source} />
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} pages={pages} link={(p) => href(`/twinning${p > 1 ? `?page=${p}` : ''}`)} />
    </>
  );
}

/** A town's twins on its profile, on a map, and for other towns' staff a way to propose one. */
export function TwinsSection({
  town,
  rows,
  towns,
  map,
  canPropose,
  canRecord,
}: {
  town: number;
  rows: Twinning[];
  towns: Towns;
  map: { tiles: string; attribution: string };
  canPropose: boolean;
  canRecord: boolean;
}) {
  const { t } = usePage();
  const href = useHref();
  const twins = rows.map((tw) => ({ tw, other: tw.proposer_id === town ? tw.partner_id : tw.proposer_id }));
  const places: MapPlace[] = twins.flatMap(({ other }) => {
    const m = towns.get(other);
    return m && m.latitude !== null && m.longitude !== null
      ? [[m.latitude, m.longitude, m.name, `${m.country.toLowerCase()}/${m.slug}`] as MapPlace]
      : [];
  });
  return (
    <NamedSection id="twins" label={t('twinning.profile.title')}>
      {twins.length > 0 && (
        <ul class="twinnings">
          {twins.map(({ tw, other }) => (
            <li key={tw.id}>
              <Town id={other} towns={towns} />
              <span class="place-meta">{detail(t, tw)}</span>
            </li>
          ))}
        </ul>
      )}
      {places.length > 0 && <PlacesMap label={t('twinning.profile.map')} tiles={map.tiles} attribution={map.attribution} places={places} />}
      {canPropose && (
        <p>
          <a class="button button--secondary" href={href(`/twinning/propose?with=${town}`)}>
            {t('twinning.propose.link')}
          </a>
        </p>
      )}
      {canRecord && (
        <p>
          <a class="button button--secondary" href={href(`/twinning/record?with=${town}`)}>
            {t('twinning.record.profileLink')}
          </a>
        </p>
      )}
    </NamedSection>
  );
}

export interface ProposeView {
  partner: MunicipalitySummary;
  /** The towns the person works for, to propose in the name of. */
  own: MunicipalitySummary[];
  values: Partial<Record<'town' | 'kind' | 'since_year', string>>;
  errors: FieldErrors;
  csrfToken: string;
}

export function ProposePage({ view }: { view: ProposeView }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <>
      <h1>{t('twinning.propose.title', { partner: view.partner.name })}</h1>
      <p>{t('twinning.propose.lead')}</p>
      <form method="post" action={href(`/twinning/propose?with=${view.partner.id}`)} novalidate>
        <CsrfField token={view.csrfToken} />
        <Select
          name="town"
          label={t('twinning.propose.town')}
          required
          value={view.values.town}
          error={view.errors.town}
          options={view.own.map((m) => ({ value: String(m.id), label: m.name }))}
        />
        <Select
          name="kind"
          label={t('twinning.kind.label')}
          required
          value={view.values.kind}
          error={view.errors.kind}
          options={TWINNING_KINDS.map((k) => ({ value: k, label: t(`twinning.kind.${k}`) }))}
        />
        <TextField
          name="since_year"
          label={t('twinning.propose.year')}
          maxLength={4}
          value={view.values.since_year}
          error={view.errors.since_year}
        />
        <button type="submit">{t('twinning.propose.submit')}</button>
      </form>
    </>
  );
}

export interface TwinningView {
  twinning: Twinning;
  towns: Towns;
  canDecide: boolean;
  canEnd: boolean;
  csrfToken: string;
  notice?: string | undefined;
  error?: string | undefined;
  endedOn?: string | undefined;
}

/** A twinning as both towns' staff see it: its state, and what they can do now. */
export function TwinningPage({ view }: { view: TwinningView }) {
  const { t } = usePage();
  const href = useHref();
  const tw = view.twinning;
  const action = (step: string) => href(`/twinning/${tw.id}/${step}`);
  return (
    <>
      <h1>
        {view.towns.get(tw.proposer_id)?.name} – {view.towns.get(tw.partner_id)?.name}
      </h1>
      {view.error && (
        <p class="notice notice--error" role="alert">
          {t(view.error)}
        </p>
      )}
      {view.notice && (
        <div class="notice notice--success" role="status">
          {t('twinning.notice.done')}
        </div>
      )}
      <dl class="summary-list">
        <dt>{t('twinning.state.label')}</dt>
        <dd>
          <span class="tag">{t(`twinning.state.${tw.state}`)}</span>
        </dd>
        <dt>{t('twinning.kind.label')}</dt>
        <dd>{detail(t, tw)}</dd>
        {tw.source && (
          <>
            <dt>{t('twinning.record.source')}</dt>
            <dd>
              <RecordedFrom source={tw.source} />
            </dd>
          </>
        )}
        {tw.ended_on && (
          <>
            <dt>{t('twinning.endedOn')}</dt>
            <dd>{t('common.date', { date: new Date(tw.ended_on) })}</dd>
          </>
        )}
      </dl>
      {view.canDecide && tw.state === 'proposed' && (
        <div class="actions">
          <form method="post" action={action('accept')} class="button-form">
            <CsrfField token={view.csrfToken} />
            <button type="submit">{t('twinning.accept')}</button>
          </form>
          <form method="post" action={action('decline')} class="button-form">
            <CsrfField token={view.csrfToken} />
            <button type="submit" class="button--secondary">
              {t('twinning.decline')}
            </button>
          </form>
        </div>
      )}
      {view.canEnd && tw.state === 'confirmed' && (
        <form method="post" action={action('end')} class="step-form">
          <CsrfField token={view.csrfToken} />
          <TextField
            name="ended_on"
            type="date"
            label={t('twinning.endedOn')}
            required
            maxLength={10}
            value={view.endedOn}
            error={view.error === 'twinning.error.date' ? { key: view.error } : undefined}
          />
          <button type="submit" class="button--secondary">
            {t('twinning.end')}
          </button>
        </form>
      )}
    </>
  );
}

import type { VNode } from 'preact';
import { countriesByName, countryName } from '../../../core/countries.ts';
import { logoFile } from '../../../core/logos.ts';
import type { DescribedThing } from '../../../core/scopes.ts';
import { Pager } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { PlacesMap } from '../../municipalities/index.ts';
import { type Membership, type MembershipKind, type MembershipState, NETWORK_KINDS } from '../schema.ts';
import { kindLabel, type NetworkView, networkPath } from '../service/networks.ts';

/** What the public is told of a state: a late report is the member's and the coordinators' business. */
export const publicState = (state: MembershipState): MembershipState => (state === 'report_overdue' ? 'active' : state);

/** A description's paragraphs: it is plain text, with a blank line between paragraphs. */
export const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/** The network's name with its acronym, as a heading says it. */
export const fullName = (n: Pick<NetworkView, 'name' | 'acronym'>) =>
  n.acronym && !n.name.includes(n.acronym) ? `${n.name} (${n.acronym})` : n.name;

export function NetworksPage({
  networks,
  counts,
  kind,
}: {
  networks: NetworkView[];
  counts: Map<number, number>;
  kind?: string | undefined;
}) {
  const { t, lang } = usePage();
  const href = useHref();
  return (
    <>
      <h1>{t('networks.title')}</h1>
      <p class="lead">{t('networks.lead')}</p>
      <form method="get" action={href('/networks')} class="filters">
        <div class="field">
          <label for="kind">{t('networks.kind.label')}</label>
          <select id="kind" name="kind">
            <option value="">{t('networks.kind.all')}</option>
            {NETWORK_KINDS.map((k) => (
              <option key={k} value={k} selected={k === kind}>
                {t(`networks.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('filters.apply')}</button>
      </form>
      {networks.length === 0 ? (
        <p>{t('networks.none')}</p>
      ) : (
        <ul class="cards">
          {networks.map((n) => (
            <li key={n.id} class="card">
              {/* The name beside it says what the logo would. */}
              {n.logo && <img class="network-logo network-logo--small" src={`/media/networks/${logoFile(n.logo, 96)}`} alt="" width="48" />}
              <h2>
                <a href={href(networkPath(n))} lang={n.textLanguage === lang ? undefined : n.textLanguage}>
                  {fullName(n)}
                </a>
              </h2>
              <p class="meta">
                {t(`networks.kind.${n.kind}`)} · {t('networks.memberCount', { count: counts.get(n.id) ?? 0 })}
              </p>
              <p lang={n.textLanguage === lang ? undefined : n.textLanguage}>{paragraphs(n.description)[0] ?? ''}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export interface MemberRow {
  membership: Membership;
  member: DescribedThing | undefined;
}

export interface NetworkPageView {
  network: NetworkView;
  kinds: MembershipKind[];
  members: MemberRow[];
  countries: string[];
  filter: { country?: string | undefined; year?: number | undefined; kind?: number | undefined };
  page: number;
  pages: number;
  total: number;
  map: { tiles: string; attribution: string };
  canEdit: boolean;
  /** What other modules show of the network (its news and events), at the section point "network.page". */
  sections: VNode[];
  /** Its member list, filters and map: the same for every reader, so rendered once and kept. */
  memberPart?: VNode;
}

export function NetworkPage({ view }: { view: NetworkPageView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const n = view.network;
  const base = networkPath(n);
  const foreign = n.textLanguage === lang ? undefined : n.textLanguage;
  return (
    <>
      <div class="network-heading">
        {n.logo && <img class="network-logo" src={`/media/networks/${logoFile(n.logo, 320)}`} alt="" width="160" />}
        <h1 lang={foreign}>{fullName(n)}</h1>
      </div>
      <div class="lead" lang={foreign}>
        {paragraphs(n.description).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
      <dl class="summary-list">
        <dt>{t('networks.kind.label')}</dt>
        <dd>{t(`networks.kind.${n.kind}`)}</dd>
        {n.founded_year && (
          <>
            <dt>{t('networks.founded')}</dt>
            <dd>{n.founded_year}</dd>
          </>
        )}
        {n.areaList.length > 0 && (
          <>
            <dt>{t('networks.areas')}</dt>
            <dd>{n.areaList.map((a) => t(`area.${a}`)).join(', ')}</dd>
          </>
        )}
        {n.website && (
          <>
            <dt>{t('networks.website')}</dt>
            <dd>
              <a href={n.website} rel="noopener">
                {n.website}
              </a>
            </dd>
          </>
        )}
      </dl>
      {view.canEdit && (
        <p class="actions">
          <a class="button button--secondary" href={href(`${base}/manage`)}>
            {t('networks.manage.link')}
          </a>
          <a class="button button--secondary" href={href(`${base}/settings`)}>
            {t('networks.settings.link')}
          </a>
          <a class="button button--secondary" href={href(`${base}/kinds`)}>
            {t('networks.kinds.link')}
          </a>
        </p>
      )}
      {view.sections}
      <section aria-labelledby="join-heading">
        <h2 id="join-heading">{t('networks.join.heading')}</h2>
        <ul>
          {view.kinds.map((k) => (
            <li key={k.id}>
              {kindLabel(k, lang)}: {t(`networks.applicants.${k.applicants}`)}
              {k.countries &&
                ` · ${k.countries
                  .split(',')
                  .map((c) => countryName(c, lang))
                  .join(', ')}`}
            </li>
          ))}
        </ul>
        <p>
          <a class="button" href={href(`${base}/apply`)}>
            {t('networks.apply.link')}
          </a>
        </p>
      </section>
      {view.memberPart}
    </>
  );
}

/** A network's public members: filters, a page of the list, the pager and the map. */
export function MemberSection({ view }: { view: Omit<NetworkPageView, 'canEdit' | 'sections' | 'memberPart'> }) {
  const { t, lang } = usePage();
  const href = useHref();
  const n = view.network;
  const base = networkPath(n);
  const kinds = new Map(view.kinds.map((k) => [k.id, k]));
  const filters = () => {
    const p = new URLSearchParams();
    if (view.filter.country) p.set('country', view.filter.country.toLowerCase());
    if (view.filter.year) p.set('year', String(view.filter.year));
    if (view.filter.kind) p.set('kind', String(view.filter.kind));
    return p;
  };
  const query = (page: number) => {
    const p = filters();
    if (page > 1) p.set('page', String(page));
    const s = p.toString();
    return href(`${base}${s ? `?${s}` : ''}#members`);
  };
  return (
    <section id="members" aria-labelledby="members-heading">
      <h2 id="members-heading">{t('networks.members.heading', { count: view.total })}</h2>
      <form method="get" action={href(base)} class="filters">
        <div class="field">
          <label for="country">{t('filters.country')}</label>
          <select id="country" name="country">
            <option value="">{t('filters.allCountries')}</option>
            {countriesByName(lang)
              .filter((c) => view.countries.includes(c.code))
              .map((c) => (
                <option key={c.code} value={c.code.toLowerCase()} selected={c.code === view.filter.country}>
                  {c.name}
                </option>
              ))}
          </select>
        </div>
        <div class="field">
          <label for="member-kind">{t('networks.members.kind')}</label>
          <select id="member-kind" name="kind">
            <option value="">{t('networks.members.allKinds')}</option>
            {view.kinds.map((k) => (
              <option key={k.id} value={k.id} selected={k.id === view.filter.kind}>
                {kindLabel(k, lang)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="year">{t('networks.members.year')}</label>
          <input id="year" name="year" type="number" inputMode="numeric" min={1900} max={2100} value={view.filter.year ?? ''} />
        </div>
        <button type="submit">{t('filters.apply')}</button>
      </form>
      {view.members.length === 0 ? (
        <p>{t('networks.members.none')}</p>
      ) : (
        <table class="table">
          <caption class="visually-hidden">{t('networks.members.heading', { count: view.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('networks.members.member')}</th>
              <th scope="col">{t('filters.country')}</th>
              <th scope="col">{t('networks.members.kind')}</th>
              <th scope="col">{t('networks.members.since')}</th>
              <th scope="col">{t('networks.members.status')}</th>
            </tr>
          </thead>
          <tbody>
            {view.members.map(({ membership: m, member }) => (
              <tr key={m.id}>
                <th scope="row" data-label={t('networks.members.member')}>
                  {member ? <a href={href(member.path)}>{member.name}</a> : t('networks.members.unknown')}
                </th>
                <td data-label={t('filters.country')}>{m.country ? countryName(m.country, lang) : ''}</td>
                <td data-label={t('networks.members.kind')}>{kinds.has(m.kind_id) ? kindLabel(kinds.get(m.kind_id)!, lang) : ''}</td>
                <td data-label={t('networks.members.since')}>{m.since ? m.since.slice(0, 4) : ''}</td>
                <td data-label={t('networks.members.status')}>{t(`networks.state.${publicState(m.state)}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={view.page} pages={view.pages} link={query} />
      {view.total > 0 && (
        <PlacesMap
          label={t('networks.members.map')}
          tiles={view.map.tiles}
          attribution={view.map.attribution}
          source={href(`${base}/map.json?${filters().toString()}`)}
        />
      )}
    </section>
  );
}

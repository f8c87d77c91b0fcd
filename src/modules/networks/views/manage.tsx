import { countryName } from '../../../core/countries.ts';
import { Pager } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { MEMBERSHIP_STATES, type MembershipKind, type MembershipState } from '../schema.ts';
import { kindLabel, type NetworkView, networkPath } from '../service/networks.ts';
import type { MemberRow } from './public.tsx';
import { NetworkCrumb, StaffNav } from './settings.tsx';

export interface ManageView {
  network: NetworkView;
  kinds: MembershipKind[];
  rows: MemberRow[];
  counts: Map<MembershipState, number>;
  state?: MembershipState | undefined;
  page: number;
  pages: number;
  /** Reports sent and waiting for an answer, with the member's name. */
  waiting: { membershipId: number; name: string; submittedAt: string | null }[];
}

/** The coordinators' list of every membership and application, by state, each linking to its page. */
export function ManagePage({ view }: { view: ManageView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const base = `${networkPath(view.network)}/manage`;
  const link = (page: number) => {
    const p = new URLSearchParams();
    if (view.state) p.set('state', view.state);
    if (page > 1) p.set('page', String(page));
    const s = p.toString();
    return href(`${base}${s ? `?${s}` : ''}`);
  };
  const kinds = new Map(view.kinds.map((k) => [k.id, k]));
  return (
    <>
      <NetworkCrumb network={view.network} />
      <h1>{t('networks.manage.title')}</h1>
      <StaffNav network={view.network} current="manage" />
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">{t('networks.manage.reportsWaiting', { count: view.waiting.length })}</h2>
        {view.waiting.length > 0 && (
          <ul>
            {view.waiting.map((w) => (
              <li key={w.membershipId}>
                <a href={href(`${networkPath(view.network)}/memberships/${w.membershipId}#reports-heading`)}>{w.name}</a>
                {w.submittedAt && <span class="place-meta"> {t('common.date', { date: new Date(w.submittedAt) })}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <form method="get" action={href(base)} class="filters">
        <div class="field">
          <label for="state">{t('networks.members.status')}</label>
          <select id="state" name="state">
            <option value="">{t('networks.manage.allStates')}</option>
            {MEMBERSHIP_STATES.map((s) => (
              <option key={s} value={s} selected={s === view.state}>
                {t(`networks.state.${s}`)} ({view.counts.get(s) ?? 0})
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('filters.apply')}</button>
      </form>
      {view.rows.length === 0 ? (
        <p>{t('networks.members.none')}</p>
      ) : (
        <table class="table">
          <caption class="visually-hidden">{t('networks.manage.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('networks.members.member')}</th>
              <th scope="col">{t('filters.country')}</th>
              <th scope="col">{t('networks.members.kind')}</th>
              <th scope="col">{t('networks.members.status')}</th>
              <th scope="col">{t('networks.membership.reportDue')}</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map(({ membership: m, member }) => (
              <tr key={m.id} class={m.state === 'on_hold' ? 'muted' : undefined}>
                <th scope="row" data-label={t('networks.members.member')}>
                  <a href={href(`${networkPath(view.network)}/memberships/${m.id}`)}>{member?.name ?? t('networks.members.unknown')}</a>
                </th>
                <td data-label={t('filters.country')}>{m.country ? countryName(m.country, lang) : ''}</td>
                <td data-label={t('networks.members.kind')}>{kinds.has(m.kind_id) ? kindLabel(kinds.get(m.kind_id)!, lang) : ''}</td>
                <td data-label={t('networks.members.status')}>
                  <span class="tag">{t(`networks.state.${m.state}`)}</span>
                </td>
                <td data-label={t('networks.membership.reportDue')}>
                  {m.report_due_at ? t('common.date', { date: new Date(m.report_due_at) }) : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={view.page} pages={view.pages} link={link} />
    </>
  );
}

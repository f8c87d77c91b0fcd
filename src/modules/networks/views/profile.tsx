import { NamedSection } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { Membership, MembershipKind } from '../schema.ts';
import { kindLabel, type NetworkView, networkPath } from '../service/networks.ts';
import { fullName, publicState } from './public.tsx';

export interface ProfileMembership {
  membership: Membership;
  network: NetworkView;
  kind: MembershipKind | undefined;
}

/** A town's networks on its profile: each membership as the network records it. */
export function NetworksSection({ memberships }: { memberships: ProfileMembership[] }) {
  const { t, lang } = usePage();
  const href = useHref();
  return (
    <NamedSection id="networks" label={t('networks.profile.title')}>
      <ul class="memberships">
        {memberships.map(({ membership: m, network, kind }) => (
          <li key={m.id}>
            <a href={href(networkPath(network))}>{fullName(network)}</a>
            <span class="place-meta">
              {[
                kind && kindLabel(kind, lang),
                m.since && t('networks.profile.since', { year: m.since.slice(0, 4) }),
                publicState(m.state) === 'active' ? '' : t(`networks.state.${publicState(m.state)}`),
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
    </NamedSection>
  );
}

import type { SectionProvider } from '../../../core/modules.ts';
import type { Municipality } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import { type Membership, PUBLIC_STATES } from '../schema.ts';
import { NetworksSection } from '../views/profile.tsx';
import { kindsOf, networksByIds } from './networks.ts';
import { publicParts } from './reports.ts';

/** A town's networks on its profile, from the networks' own records: never typed twice. Nothing when it has none. */
export const profileNetworks: SectionProvider = async (subject, { lang }, ctx) => {
  const m = subject as Municipality;
  const memberships = ((await repo.membershipsOf(ctx.database.db, 'municipality', m.id)) as Membership[]).filter((x) =>
    PUBLIC_STATES.includes(x.state),
  );
  if (!memberships.length) return null;
  const ids = [...new Set(memberships.map((x) => x.network_id))];
  const [networks, kinds, reports] = await Promise.all([
    networksByIds(ctx, ids, lang),
    kindsOf(ctx, ids),
    publicParts(ctx, memberships, lang),
  ]);
  const rows = memberships.flatMap((membership) => {
    const network = networks.get(membership.network_id);
    const kind = kinds.find((k) => k.id === membership.kind_id);
    return network ? [{ membership, network, kind, report: reports.get(membership.id) }] : [];
  });
  return <NetworksSection memberships={rows} />;
};

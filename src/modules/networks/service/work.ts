import type { ModuleContext, WorkDesk, WorkView } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import { networkPath, networksByIds } from './networks.ts';

/** What waits for the coordinators: applications to check and commitments to accept (and reports sent). */
const WAITING = new Set(['submitted', 'commitment_pending']);

/** A desk for each network the person coordinates: its members and applications, with what waits there. */
export async function networkDesks({ actor, t, lang }: WorkView, ctx: ModuleContext): Promise<WorkDesk[]> {
  const ids = actor.grants.flatMap((g) => (g.role === 'network_coordinator' && g.scopeId !== null ? [g.scopeId] : []));
  const networks = await networksByIds(ctx, ids, lang);
  return Promise.all(
    [...networks.values()].map(async (n) => {
      const [counts, reports] = await Promise.all([
        repo.countsByState(ctx.database.db, n.id),
        repo.reportsWaiting(ctx.database.db, n.id, 1000),
      ]);
      const count = counts.filter((c) => WAITING.has(c.state)).reduce((sum, c) => sum + Number(c.n), reports.length);
      return {
        label: t('networks.work.label'),
        description: t('networks.work.description', { name: n.name }),
        path: `${networkPath(n)}/manage`,
        scope: { type: 'network', id: n.id },
        waiting: { count, text: t('networks.work.waiting', { count }) },
      };
    }),
  );
}

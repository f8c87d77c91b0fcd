import type { Actor } from '../../../core/authz.ts';
import { Remembered } from '../../../core/cache.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { participationPolicy } from '../policy.ts';
import { countResults } from '../repo.ts';
import { type ProcessView, refOf } from '../service/processes.ts';
import { MonitoringPart } from '../views/results.tsx';

/** What the process page shows of monitoring: `parts: [await monitoringPart(ctx, p, req.actor)]` in its route. */
// How many results a process has, on every visit of its page: kept until the data changes.
const resultCounts = new Remembered<number>(30_000, 2000);

export async function monitoringPart(ctx: ModuleContext, p: ProcessView, actor: Actor | null) {
  const ref = refOf(p);
  const count = await resultCounts.get(ctx.database.db, String(p.id), () => countResults(ctx.database.db, { processIds: [p.id] }));
  const staff = participationPolicy.can(actor, 'process.manage', ref);
  const censusPath = staff && p.supporters === 'census' ? `/participation/census/${p.owner_type}/${p.owner_id}` : undefined;
  return (
    <MonitoringPart process={p} count={count} canAnswer={participationPolicy.can(actor, 'proposal.answer', ref)} censusPath={censusPath} />
  );
}

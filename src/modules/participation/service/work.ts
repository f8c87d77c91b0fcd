import type { ModuleContext, WorkDesk, WorkView } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import { ownerOptions, ownerRef } from './editing.ts';

/** A desk for each town or network the person is staff of: its processes, with those not yet published waiting. */
export async function processDesks({ actor, t }: WorkView, ctx: ModuleContext): Promise<WorkDesk[]> {
  const owners = await ownerOptions(ctx, actor);
  return Promise.all(
    owners.map(async (o) => {
      const owner = ownerRef(o.value)!;
      const all = await repo.processList(ctx.database.db, { owner, published: false }, 200);
      const count = all.filter((p) => p.published === 0).length;
      return {
        label: t('participation.manage.work.label'),
        description: t('participation.manage.work.description', { name: o.label, count: all.length }),
        path: `/participation/manage#owner-${owner.type}-${owner.id}`,
        scope: owner,
        ...(count ? { waiting: { count, text: t('participation.manage.work.waiting', { count }) } } : {}),
      };
    }),
  );
}

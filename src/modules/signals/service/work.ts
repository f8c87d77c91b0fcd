import type { ModuleContext, WorkDesk, WorkView } from '../../../core/modules.ts';
import { municipalitiesByIds } from '../../municipalities/index.ts';
import { waitingIn } from '../repo/staff.ts';
import { staffTowns } from './inbox.ts';

/** A desk for each town whose reports the person deals with: its inbox, with the reports still open. */
export async function signalDesks({ actor, t }: WorkView, ctx: ModuleContext): Promise<WorkDesk[]> {
  const towns = staffTowns(actor);
  if (!towns.length) return [];
  const [names, waiting] = await Promise.all([municipalitiesByIds(ctx.database.db, towns), waitingIn(ctx.database.db, towns)]);
  return towns.map((id) => {
    const count = waiting.get(id) ?? 0;
    return {
      label: t('signals.work.label'),
      description: t('signals.work.description', { name: names.get(id)?.name ?? '' }),
      path: `/signals/inbox?town=${id}`,
      scope: { type: 'municipality', id },
      ...(count ? { waiting: { count, text: t('signals.work.waiting', { count }) } } : {}),
    };
  });
}

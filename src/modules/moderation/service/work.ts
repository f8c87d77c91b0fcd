import type { ModuleContext, WorkDesk, WorkView } from '../../../core/modules.ts';
import { moderationPolicy } from '../policy.ts';
import { waitingFor } from './queue.ts';

/** The moderation queue on "Your work", with how many texts wait for a decision there. */
export async function moderationDesk({ actor, t }: WorkView, ctx: ModuleContext): Promise<WorkDesk[]> {
  if (!moderationPolicy.can(actor, 'queue.view', null)) return [];
  const count = await waitingFor(ctx, actor);
  return [
    {
      label: t('moderation.work.label'),
      description: t('moderation.work.description'),
      path: '/moderation',
      waiting: { count, text: t('moderation.work.waiting', { count }) },
    },
  ];
}

import type { ModuleContext, WorkDesk, WorkView } from '../../../core/modules.ts';
import { contentPolicy, ownersOf } from '../policy.ts';
import { countWaiting } from '../repo.ts';
import { describeOwners } from './owners.ts';

/** The newsroom, for those who write for some owner: what they write for, and their drafts and scheduled items. */
export async function contentDesks({ actor, t, lang }: WorkView, ctx: ModuleContext): Promise<WorkDesk[]> {
  if (!contentPolicy.can(actor, 'content.desk', null)) return [];
  const owners = ownersOf(actor);
  const { drafts, scheduled } = await countWaiting(ctx.database.db, owners, new Date().toISOString());
  const things = await describeOwners(
    ctx,
    owners.scoped.flatMap(({ type, ids }) => ids.map((id) => ({ owner_type: type, owner_id: id }))),
  );
  const names = [...(owners.platform ? [ctx.config.siteName] : []), ...[...things.values()].map((o) => o.name).sort()];
  const forWhom = owners.all ? t('content.work.everyone') : new Intl.ListFormat(lang, { type: 'conjunction' }).format(names);
  return [
    {
      label: t('content.desk.title'),
      description: t('content.work.newsroom', { owners: forWhom }),
      path: '/newsroom',
      waiting: { count: drafts + scheduled, text: t('content.work.waiting', { drafts, scheduled }) },
    },
  ];
}

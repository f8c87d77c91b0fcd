import { scopeIdsOf } from '../../../core/authz.ts';
import type { ModuleContext, SectionProvider, WorkDesk, WorkView } from '../../../core/modules.ts';
import { type Municipality, municipalitiesByIds } from '../../municipalities/index.ts';
import { contactPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import { ProfileContact } from '../views/profile.tsx';
import { inboxPath } from './links.ts';
import { responseDays } from './topics.ts';

/** On a joined town's profile: the way to write to its town hall, and how soon it promises to answer. */
export const profileContact: SectionProvider = async (subject, { t, lang }, ctx) => {
  const m = subject as Municipality;
  if (!m.joined_at) return null;
  const { days } = await responseDays(ctx, m.id);
  return <ProfileContact town={m} days={days} lang={lang} t={t} />;
};

/** A desk for each town whose letters the person answers: its inbox, with the new ones waiting. */
export async function contactDesks({ actor, t }: WorkView, ctx: ModuleContext): Promise<WorkDesk[]> {
  const towns = scopeIdsOf(actor, 'municipality').filter((id) => contactPolicy.can(actor, 'enquiry.manage', { municipality_id: id }));
  if (!towns.length) return [];
  const [names, waiting] = await Promise.all([municipalitiesByIds(ctx.database.db, towns), repo.newIn(ctx.database.db, towns)]);
  return towns.flatMap((id) => {
    const town = names.get(id);
    if (!town) return [];
    const count = waiting.get(id) ?? 0;
    return [
      {
        label: t('townContact.work.label'),
        description: t('townContact.work.description', { town: town.name }),
        path: inboxPath(town),
        scope: { type: 'municipality', id },
        ...(count ? { waiting: { count, text: t('townContact.work.waiting', { count }) } } : {}),
      },
    ];
  });
}

import type { ModuleContext, SectionProvider, WorkDesk, WorkView } from '../../../core/modules.ts';
import type { Municipality } from '../../municipalities/index.ts';
import { latestSent } from '../repo.ts';
import { draftsOf } from './issues.ts';
import { listKey, listSlug, listsWrittenBy } from './lists.ts';

/** A newsletter desk for each list the person writes for, under the town or network it speaks for. */
export async function newsletterDesks({ actor, t }: WorkView, ctx: ModuleContext): Promise<WorkDesk[]> {
  const lists = await listsWrittenBy(ctx, actor);
  const drafts = await draftsOf(ctx, lists);
  return lists.map((list) => {
    const count = drafts.get(list.key) ?? 0;
    return {
      label: t('newsletters.work.label'),
      description: t('newsletters.work.description', { name: list.name }),
      path: `/newsletters/${list.slug}/desk`,
      scope: { type: list.owner.owner_type, id: list.owner.owner_id },
      waiting: { count, text: t('newsletters.work.drafts', { count }) },
    };
  });
}

/** On a joined town's profile: its newsletter, to subscribe to, and its latest issue. */
export const profileNewsletter: SectionProvider = async (subject, { t, lang }, ctx) => {
  const m = subject as Municipality;
  if (!m.joined_at) return null;
  // The profile has the town already: its list needs no second lookup.
  const key = listKey({ owner_type: 'municipality', owner_id: m.id });
  const latest = await latestSent(ctx.database.db, key);
  const base = `/${lang}/newsletters/${listSlug(key)}`;
  return (
    <section class="callout" aria-labelledby="newsletter">
      <h2 id="newsletter">{t('newsletters.profile.title')}</h2>
      <p>{t('newsletters.profile.lead', { name: m.name })}</p>
      <p class="actions">
        <a class="button" href={base}>
          {t('newsletters.profile.subscribe')}
        </a>
        {latest && <a href={`${base}/issues/${latest.id}`}>{t('newsletters.profile.latest', { subject: latest.subject })}</a>}
      </p>
    </section>
  );
};

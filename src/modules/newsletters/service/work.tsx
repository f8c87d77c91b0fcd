import type { ModuleContext, SectionProvider, WorkDesk, WorkView } from '../../../core/modules.ts';
import type { Municipality } from '../../municipalities/index.ts';
import { issuesOf } from '../repo.ts';
import { draftsOf } from './issues.ts';
import { listsFor, listsWrittenBy } from './lists.ts';

/** A newsletter desk for each list the person writes for, under the town or network it speaks for. */
export async function newsletterDesks({ actor, t }: WorkView, ctx: ModuleContext): Promise<WorkDesk[]> {
  const lists = await listsWrittenBy(ctx, actor);
  return Promise.all(
    lists.map(async (list) => {
      const drafts = await draftsOf(ctx, [list]);
      return {
        label: t('newsletters.work.label'),
        description: t('newsletters.work.description', { name: list.name }),
        path: `/newsletters/${list.slug}/desk`,
        scope: { type: list.owner.owner_type, id: list.owner.owner_id },
        waiting: { count: drafts, text: t('newsletters.work.drafts', { count: drafts }) },
      };
    }),
  );
}

/** On a joined town's profile: its newsletter, to subscribe to, and its latest issue. */
export const profileNewsletter: SectionProvider = async (subject, { t, lang }, ctx) => {
  const m = subject as Municipality;
  if (!m.joined_at) return null;
  const [list] = await listsFor(ctx, [{ owner_type: 'municipality', owner_id: m.id }]);
  if (!list) return null;
  const [latest] = await issuesOf(ctx.database.db, list.key, ['sent']);
  const base = `/${lang}/newsletters/${list.slug}`;
  return (
    <section class="callout" aria-labelledby="newsletter">
      <h2 id="newsletter">{t('newsletters.profile.title')}</h2>
      <p>{t('newsletters.profile.lead', { name: list.name })}</p>
      <p class="actions">
        <a class="button" href={base}>
          {t('newsletters.profile.subscribe')}
        </a>
        {latest && <a href={`${base}/issues/${latest.id}`}>{t('newsletters.profile.latest', { subject: latest.subject })}</a>}
      </p>
    </section>
  );
};

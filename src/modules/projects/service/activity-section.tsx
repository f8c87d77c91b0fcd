import type { SectionProvider } from '../../../core/modules.ts';
import { NamedSection, Timeline } from '../../../core/views/components.tsx';
import type { Project } from '../schema.ts';
import { activityViews, byCountry } from './activities.ts';

/** On a project's page: its activities as a timeline, with how many came; nothing when it has none. */
export const activitiesSection: SectionProvider = async (subject, view, ctx) => {
  const project = subject as Project;
  const { t, lang } = view;
  const items = await activityViews(ctx, project, lang, true);
  if (!items.length) return null;
  const entries = [...items].reverse().map((a) => ({
    at: a.event.startsAt,
    title: <a href={`/${lang}${a.event.path}`}>{a.event.title}</a>,
    status: t(`projects.activity.kind.${a.activity.kind}`),
    detail:
      a.activity.participants_total === null ? undefined : (
        <p>
          {t('projects.activity.participantsTotal', { n: a.activity.participants_total })}
          {a.participants.length > 0 &&
            `: ${byCountry(a.participants, lang)
              .map((c) => `${c.name} ${c.n}`)
              .join(', ')}`}
        </p>
      ),
  }));
  return (
    <NamedSection id="activities" label={t('projects.activity.section')}>
      <Timeline entries={entries} />
      <p class="form-links">
        <a href={`/${lang}/projects/${project.slug}/activities`}>{t('projects.activity.all')}</a>
      </p>
    </NamedSection>
  );
};

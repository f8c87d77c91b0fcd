import type { FeedProvider, SectionProvider } from '../../../core/modules.ts';
import type { Municipality } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import type { Deliverable } from '../schema.ts';
import { DeliverablesSection } from '../views/deliverables.tsx';
import { deliverableViews } from './deliverable-read.ts';

/** How many deliverables a section of another page shows before its link to all. */
const SHOWN = 5;

/** A project's newest deliverables on its page, with a link to all of them; nothing when it has none. */
export const projectDeliverables: SectionProvider = async (subject, { lang, t }, ctx) => {
  const project = subject as { id: number; slug: string };
  const rows = (await repo.deliverablesOfProjects(ctx.database.db, [project.id], SHOWN)) as Deliverable[];
  if (!rows.length) return null;
  const items = await deliverableViews(ctx, rows, lang);
  const more = `/${lang}/projects/${project.slug}/deliverables`;
  return <DeliverablesSection id="deliverables" label={t('projects.deliverables.section')} items={items} more={more} />;
};

/** On a town's profile, the newest deliverables of the EU projects it is a confirmed partner of. */
export const townDeliverables: SectionProvider = async (subject, { lang, t }, ctx) => {
  const town = subject as Municipality;
  const projects = await repo.partnershipsOfTown(ctx.database.db, [town.id], 'confirmed');
  if (!projects.length) return null;
  const rows = (await repo.deliverablesOfProjects(
    ctx.database.db,
    projects.map((p) => p.project_id),
    SHOWN,
  )) as Deliverable[];
  if (!rows.length) return null;
  const items = await deliverableViews(ctx, rows, lang);
  return <DeliverablesSection id="project-deliverables" label={t('projects.deliverables.ofTown')} items={items} />;
};

/** RSS and Atom of the deliverables newest in the library: /{lang}/feeds/deliverables.rss */
export const deliverablesFeed: FeedProvider = {
  name: 'deliverables',
  async read({ lang, t, limit }, ctx) {
    const rows = (await repo.newestDeliverables(ctx.database.db, limit)) as Deliverable[];
    const items = await deliverableViews(ctx, rows, lang);
    return {
      title: t('projects.deliverables.feed'),
      link: `/${lang}/deliverables`,
      entries: items.map((d) => ({
        title: `${d.project.acronym}: ${d.title}`,
        url: `/${lang}/deliverables/${d.id}`,
        summary: d.summary.slice(0, 400),
        published: d.created_at,
        updated: d.updated_at,
      })),
    };
  },
};

import type { ModuleContext, SectionProvider, WorkDesk, WorkView } from '../../../core/modules.ts';
import { rolesOf } from '../../../core/scopes.ts';
import type { Municipality } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import type { Project, ProjectPartner } from '../schema.ts';
import { ProjectsSection } from '../views/project-profile.tsx';
import { projectViews } from './project-read.ts';

/** A town's EU projects on its profile, as coordinator or partner, from the partner lists: nothing when it has none. */
export const profileProjects: SectionProvider = async (subject, { lang }, ctx) => {
  const m = subject as Municipality;
  const { db } = ctx.database;
  const partnerships = (await repo.partnershipsOfTown(db, [m.id], 'confirmed')) as ProjectPartner[];
  if (!partnerships.length) return null;
  const rows = await Promise.all([...new Set(partnerships.map((p) => p.project_id))].map((id) => repo.projectById(db, id)));
  const projects = await projectViews(ctx, rows.filter((r): r is NonNullable<typeof r> => !!r) as Project[], lang);
  const items = partnerships.flatMap((partner) => {
    const project = projects.find((p) => p.id === partner.project_id);
    return project ? [{ partner, project }] : [];
  });
  items.sort((a, b) => (a.project.starts_on < b.project.starts_on ? 1 : -1));
  return <ProjectsSection items={items} />;
};

/** Invitations waiting for the staff of the towns a person works for: each one answered on its own page. */
export async function projectDesks({ actor, t }: WorkView, ctx: ModuleContext): Promise<WorkDesk[]> {
  const staff = new Set(rolesOf('municipality'));
  const towns = actor.grants.flatMap((g) => (staff.has(g.role) && g.scopeId !== null ? [g.scopeId] : []));
  const invited = (await repo.partnershipsOfTown(ctx.database.db, towns, 'invited')) as ProjectPartner[];
  const found = await repo.projectsByIds(
    ctx.database.db,
    invited.map((p) => p.project_id),
  );
  return invited.flatMap((p) => {
    const project = found.find((x) => x.id === p.project_id);
    return project && !p.organisation
      ? [
          {
            label: t('projects.work.label'),
            description: t('projects.work.description', { project: project.acronym }),
            path: `/project-invitations/${p.id}`,
            scope: { type: 'municipality', id: p.municipality_id! },
            waiting: { count: 1, text: t('projects.work.waiting') },
          },
        ]
      : [];
  });
}

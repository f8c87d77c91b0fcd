import type { ModuleManifest } from '../../core/modules.ts';
import type { ScopeDefinition } from '../../core/scopes.ts';
import * as programmes from './migrations/20261207_01_programmes.ts';
import * as projectTables from './migrations/20261208_01_projects.ts';
import * as deliverableTables from './migrations/20261208_02_deliverables.ts';
import * as activityTables from './migrations/20261208_03_activities.ts';
import * as workspaceTables from './migrations/20261208_04_workspace.ts';
import * as listOrder from './migrations/20261209_02_list_order.ts';
import { activityRoutes } from './routes/activities.tsx';
import { projectsApi } from './routes/api.ts';
import { projectsApiDoc } from './routes/api-doc.ts';
import { deliverableRoutes } from './routes/deliverables.tsx';
import { deliverablesApi } from './routes/deliverables-api.ts';
import { deliverablesApiDoc } from './routes/deliverables-api-doc.ts';
import { editorRoutes } from './routes/editor.tsx';
import { projectEditorRoutes } from './routes/project-editor.tsx';
import { projectRoutes } from './routes/projects.tsx';
import { publicRoutes } from './routes/public.tsx';
import { workspaceRoutes } from './routes/workspace.tsx';
import { activitiesSection } from './service/activity-section.tsx';
import { demoActivities } from './service/activity-seeds.ts';
import { deliverablesFeed, projectDeliverables, townDeliverables } from './service/deliverable-sections.tsx';
import { demoDeliverables } from './service/deliverable-seeds.ts';
import { callsFeed } from './service/feeds.ts';
import { projectData } from './service/personal-data.ts';
import { profileProjects, projectDesks } from './service/project-profile.tsx';
import { demoProjects } from './service/project-seeds.ts';
import { describeProjects } from './service/projects.ts';
import { demoProgrammes } from './service/seeds.ts';
import { programmesSitemap } from './service/sitemap.ts';
import './schema.ts';

/**
 * A project's team: the coordinator's staff run it and its partner list; they and the partners'
 * staff publish its activities and deliverables and share its workspace.
 */
const projectScope: ScopeDefinition = {
  type: 'project',
  roles: ['project_coordinator', 'project_partner_staff'],
  roleLabels: { project_coordinator: 'projects.role.coordinator', project_partner_staff: 'projects.role.partnerStaff' },
  writers: ['project_coordinator', 'project_partner_staff'],
  describe: (ids, ctx) => describeProjects(ctx, ids),
};

/** EU programmes and their calls for local authorities, and the projects towns run with partners. */
export const projects: ModuleManifest = {
  name: 'projects',
  scopes: [projectScope],
  migrations: {
    '20261207_01_programmes': programmes,
    '20261208_01_projects': projectTables,
    '20261208_02_deliverables': deliverableTables,
    '20261208_03_activities': activityTables,
    '20261208_04_workspace': workspaceTables,
    '20261209_02_list_order': listOrder,
  },
  routes: (app, ctx) => {
    editorRoutes(app, ctx);
    projectEditorRoutes(app, ctx);
    publicRoutes(app, ctx);
    projectRoutes(app, ctx);
    projectsApi(app, ctx);
    deliverableRoutes(app, ctx);
    deliverablesApi(app, ctx);
    activityRoutes(app, ctx);
    workspaceRoutes(app, ctx);
  },
  api: {
    paths: { ...projectsApiDoc.paths, ...deliverablesApiDoc.paths },
    schemas: { ...projectsApiDoc.schemas, ...deliverablesApiDoc.schemas },
  },
  feeds: [callsFeed, deliverablesFeed],
  sections: { 'project.page': [activitiesSection, projectDeliverables], 'municipality.profile': [profileProjects, townDeliverables] },
  sitemaps: [programmesSitemap],
  nav: [{ label: 'projects.nav', path: '/programmes', order: 47, group: 'nav.cooperation' }],
  // The activities' and deliverables' demos need the EC-NET project: they come after the projects' demo.
  seeds: [demoProgrammes, demoProjects, demoActivities, demoDeliverables],
  work: projectDesks,
  personalData: projectData,
};

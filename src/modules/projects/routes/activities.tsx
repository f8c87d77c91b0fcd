import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { loadOr404, NO_STORE, NotFound, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pathParams } from '../../../core/http/params.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { projectsPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import type { Project } from '../schema.ts';
import { type ActivityView, activityViews, addActivity, freeEvents, hostsOf, saveReport, typedRows } from '../service/activities.ts';
import { ActivitiesPage, NewActivityForm, ReportForm } from '../views/activities.tsx';
import { slugParams } from './public.tsx';

const activityParams = pathParams(z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/), id: idSchema }));
const FORM = { config: { rateLimit: STAFF_RATE_LIMIT } };

/** A project's activities: its meetings and events, and after the fact who came and what happened. */
export function activityRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;
  const projectOr404 = (slug: string) => loadOr404(repo.projectBySlug(db, slug));
  const base = (req: FastifyRequest, p: Project) => `/${req.lang}/projects/${p.slug}/activities`;

  app.get('/:lang/projects/:slug/activities', async (req, reply) => {
    const project = await projectOr404(slugParams(req).slug);
    const canPublish = projectsPolicy.can(req.actor, 'project.publish', project);
    const items = await activityViews(ctx, project, req.lang, !canPublish);
    if (req.actor) reply.headers(NO_STORE);
    const title = req.t('projects.activity.title', { project: project.acronym });
    return reply.page(<ActivitiesPage project={project} title={title} items={items} canPublish={canPublish} />, { title });
  });

  /** The project's staff get past; a visitor signs in first, anyone else is refused. */
  async function staff(req: FastifyRequest) {
    const actor = requireActor(req);
    const project = await projectOr404(slugParams(req).slug);
    projectsPolicy.authorize(actor, 'project.publish', project);
    return { actor, project };
  }

  async function newForm(req: FastifyRequest, reply: FastifyReply, project: Project, values: Record<string, string>, errors: FieldErrors) {
    const [events, hosts] = await Promise.all([freeEvents(ctx, project, req.lang), hostsOf(ctx, project.id)]);
    const title = req.t('projects.activity.new', { project: project.acronym });
    reply.headers(NO_STORE);
    const view = { project, title, events, hosts, values, errors, csrfToken: reply.generateCsrf() };
    return { page: <NewActivityForm view={view} />, title };
  }

  app.get('/:lang/projects/:slug/activities/new', async (req, reply) => {
    const { project } = await staff(req);
    const { page, title } = await newForm(req, reply, project, { kind: 'partner_meeting' }, {});
    return reply.page(page, { title, indexable: false });
  });

  app.post('/:lang/projects/:slug/activities/new', FORM, async (req, reply) => {
    const { actor, project } = await staff(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const result = await addActivity(ctx, actor, project, body, req.ip);
    if (result.ok) return reply.redirect(base(req, project), 303);
    const values = Object.fromEntries(['event', 'kind', 'host'].map((k) => [k, typeof body[k] === 'string' ? (body[k] as string) : '']));
    const { page, title } = await newForm(req, reply, project, values, result.errors);
    return reply.refused(result, page, title);
  });

  async function activityOf(req: FastifyRequest) {
    const { slug, id } = activityParams(req);
    const actor = requireActor(req);
    const project = await projectOr404(slug);
    projectsPolicy.authorize(actor, 'project.publish', project);
    const activity = (await activityViews(ctx, project, req.lang, false)).find((a) => a.activity.id === id);
    if (!activity) throw new NotFound();
    return { actor, project, activity };
  }

  function reportForm(
    req: FastifyRequest,
    reply: FastifyReply,
    project: Project,
    a: ActivityView,
    body: Record<string, unknown> | null,
    errors: FieldErrors,
  ) {
    const rows = body
      ? typedRows(body)
      : [...a.participants.map(([country, n]) => ({ country, number: String(n) })), ...typedRows({})].slice(0, typedRows({}).length);
    const report = body ? (typeof body.report === 'string' ? body.report : '') : a.activity.report;
    const title = req.t('projects.activity.reportOf', { event: a.event.title });
    reply.headers(NO_STORE);
    return { page: <ReportForm view={{ project, activity: a, title, rows, report, errors, csrfToken: reply.generateCsrf() }} />, title };
  }

  app.get('/:lang/projects/:slug/activities/:id/report', async (req, reply) => {
    const { project, activity } = await activityOf(req);
    const { page, title } = reportForm(req, reply, project, activity, null, {});
    return reply.page(page, { title, indexable: false });
  });

  app.post('/:lang/projects/:slug/activities/:id/report', FORM, async (req, reply) => {
    const { actor, project, activity } = await activityOf(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const result = await saveReport(ctx, actor, activity.activity, activity.event.startsAt, body, req.ip);
    if (result.ok) return reply.redirect(base(req, project), 303);
    const { page, title } = reportForm(req, reply, project, activity, body, result.errors);
    return reply.refused(result, page, title);
  });
}

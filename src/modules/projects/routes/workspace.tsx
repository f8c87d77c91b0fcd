import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { loadOr404, NO_STORE, NotFound, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pathParams } from '../../../core/http/params.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { sendDocument } from '../../../core/uploads.ts';
import { projectsPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import type { Project } from '../schema.ts';
import { addTask, downloadName, postNotice, type Result, uploadDocument, WORKSPACE_FILES, workspaceOf } from '../service/workspace.ts';
import { type Refused, WorkspacePage } from '../views/workspace.tsx';
import { slugParams } from './public.tsx';

const itemParams = pathParams(z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/), id: idSchema }));
const FORM = { config: { rateLimit: STAFF_RATE_LIMIT } };

/**
 * The partners' private workspace. A visitor signs in first; anyone who is not on the project's staff
 * gets the same 404 as for an address that names nothing, so nothing tells them it is there.
 */
export function workspaceRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  async function member(req: FastifyRequest, slug: string) {
    const actor = requireActor(req);
    const project = await loadOr404(repo.projectBySlug(db, slug));
    projectsPolicy.authorize(actor, 'project.workspace', project, { hide: true });
    return { actor, project };
  }
  const path = (req: FastifyRequest, p: Project) => `/${req.lang}/projects/${p.slug}/workspace`;

  async function render(req: FastifyRequest, reply: FastifyReply, project: Project, refused?: Refused) {
    const title = req.t('projects.workspace.title', { project: project.acronym });
    const view = { project, title, space: await workspaceOf(ctx, project), refused, csrfToken: reply.generateCsrf() };
    reply.headers(NO_STORE);
    return { page: <WorkspacePage view={view} />, title };
  }

  app.get('/:lang/projects/:slug/workspace', async (req, reply) => {
    const { project } = await member(req, slugParams(req).slug);
    const { page, title } = await render(req, reply, project);
    return reply.page(page, { title, indexable: false });
  });

  /** A form of the page: done, back to its section; refused, the page again with what was typed. */
  function post(
    name: 'notices' | 'tasks' | 'documents',
    form: Refused['form'],
    fields: string[],
    act: (
      ctx: ModuleContext,
      actor: Parameters<typeof postNotice>[1],
      p: Project,
      body: Record<string, unknown>,
      ip?: string,
    ) => Promise<Result>,
  ) {
    app.post(`/:lang/projects/:slug/workspace/${name}`, FORM, async (req, reply) => {
      const { actor, project } = await member(req, slugParams(req).slug);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const result = await act(ctx, actor, project, body, req.ip);
      if (result.ok) return reply.headers(NO_STORE).redirect(`${path(req, project)}#${name}`, 303);
      const values = Object.fromEntries(fields.map((f) => [f, typeof body[f] === 'string' ? (body[f] as string) : '']));
      const { page, title } = await render(req, reply, project, { form, values, errors: result.errors });
      return reply.refused(result, page, title);
    });
  }
  post('notices', 'notice', ['text'], postNotice);
  post('tasks', 'task', ['title', 'owner', 'due'], addTask);
  post('documents', 'document', ['name'], uploadDocument);

  app.post('/:lang/projects/:slug/workspace/tasks/:id/done', FORM, async (req, reply) => {
    const { slug, id } = itemParams(req);
    const { project } = await member(req, slug);
    if (!(await repo.markTaskDone(db, project.id, id))) throw new NotFound();
    return reply.headers(NO_STORE).redirect(`${path(req, project)}#tasks`, 303);
  });

  app.get('/:lang/projects/:slug/workspace/documents/:id', async (req, reply) => {
    const { slug, id } = itemParams(req);
    const { project } = await member(req, slug);
    const doc = await loadOr404(repo.documentById(db, project.id, id));
    return sendDocument(reply, ctx.config.dataDir, WORKSPACE_FILES, doc.stored_name, downloadName(doc));
  });
}

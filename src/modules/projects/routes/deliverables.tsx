import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, NotFound, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pageQuery, pathParams, queryParams } from '../../../core/http/params.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import { LANGUAGE_CODES, type LanguageCode } from '../../../core/i18n/languages.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { attachmentHeader, DOCUMENT_NAME } from '../../../core/uploads.ts';
import { projectsPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import { deliverableById, libraryPage } from '../service/deliverable-read.ts';
import {
  addDeliverableFile,
  createDeliverable,
  DELIVERABLE_FIELDS,
  DELIVERABLE_FILE_LIMIT,
  DELIVERABLE_FOLDER,
  editDeliverable,
  TOO_LARGE,
} from '../service/deliverables.ts';
import { list } from '../service/read.ts';
import {
  DeliverableForm,
  type DeliverableFormView,
  DeliverablePage,
  LibraryPage,
  ProjectDeliverablesPage,
} from '../views/deliverables.tsx';
import type { FormValues } from '../views/editor.tsx';
import { slugParams } from './public.tsx';

const PAGE_SIZE = 20;
const language = z.enum(LANGUAGE_CODES as [LanguageCode, ...LanguageCode[]]);
const idParams = pathParams(z.object({ id: idSchema }));
const fileParams = pathParams(z.object({ id: idSchema, fileId: idSchema }));
const languageQuery = queryParams({ language });
export const libraryShape = {
  q: z.string().max(200),
  area: z.string().max(40),
  programme: z.coerce.number().int().min(1).max(2_147_483_647),
  language,
};
const libraryQuery = queryParams(libraryShape);
const pageOf = pageQuery(z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) }).passthrough());
// Staff at work: the staff limit, and files up to the deliverables' own limit.
const UPLOAD = { config: { rateLimit: STAFF_RATE_LIMIT, textChecked: true, uploadLimit: DELIVERABLE_FILE_LIMIT } };
const FORM = { config: { rateLimit: STAFF_RATE_LIMIT, textChecked: true } };

/** A file's name for a download header: letters, digits and a few marks, and its extension. */

/** Deliverables: their library, their pages, their uploads and their files. */
export function deliverableRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;
  const canPublish = (req: FastifyRequest, projectId: number) => projectsPolicy.can(req.actor, 'project.publish', { id: projectId });

  function formPage(reply: FastifyReply, view: Omit<DeliverableFormView, 'csrfToken' | 'errors'>, errors = {}) {
    reply.headers(NO_STORE);
    return <DeliverableForm view={{ ...view, errors, csrfToken: reply.generateCsrf() }} />;
  }

  /** What was typed, the areas as a list, to show again with its errors. */
  const typed = (body: unknown): FormValues => {
    const areas = (body as { areas?: unknown } | undefined)?.areas;
    return { ...typedValues(body, DELIVERABLE_FIELDS), areas: [areas ?? []].flat().filter((a): a is string => typeof a === 'string') };
  };

  /** A refused form: 413 for a file over the limit (the form again, what was typed kept), else 422. */
  function refuse(
    reply: FastifyReply,
    result: { errors: Record<string, { key: string } | undefined> },
    page: ReturnType<typeof formPage>,
    title: string,
  ) {
    if (result.errors.file?.key === TOO_LARGE)
      return reply
        .status(413)
        .headers(NO_STORE)
        .page(page, { title: reply.request.t('form.errorTitle', { title }), indexable: false });
    return reply.refused(result, page, title);
  }

  async function projectOf(req: FastifyRequest) {
    return loadOr404(repo.projectBySlug(db, slugParams(req).slug));
  }

  async function publishable(req: FastifyRequest) {
    const actor = requireActor(req);
    const project = await projectOf(req);
    projectsPolicy.authorize(actor, 'project.publish', project);
    return { actor, project };
  }

  app.get('/:lang/projects/:slug/deliverables/new', async (req, reply) => {
    const { project } = await publishable(req);
    const title = req.t('projects.deliverable.newIn', { project: project.acronym });
    const values = {
      language: req.lang,
      file_language: req.lang,
      published_on: new Date().toISOString().slice(0, 10),
      areas: list(project.areas),
    };
    const page = formPage(reply, { title, action: `/${req.lang}/projects/${project.slug}/deliverables/new`, values, file: true });
    return reply.page(page, { title, indexable: false });
  });

  app.post('/:lang/projects/:slug/deliverables/new', UPLOAD, async (req, reply) => {
    const { actor, project } = await publishable(req);
    const result = await createDeliverable(ctx, actor, project, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}/deliverables/${result.data.id}`, 303);
    const title = req.t('projects.deliverable.newIn', { project: project.acronym });
    const action = `/${req.lang}/projects/${project.slug}/deliverables/new`;
    return refuse(reply, result, formPage(reply, { title, action, values: typed(req.body), file: true }, result.errors), title);
  });

  async function editable(req: FastifyRequest) {
    const actor = requireActor(req);
    const d = await loadOr404(deliverableById(ctx, idParams(req).id, req.lang));
    projectsPolicy.authorize(actor, 'project.publish', { id: d.project_id });
    return { actor, d };
  }

  app.get('/:lang/deliverables/:id/edit', async (req, reply) => {
    const { d } = await editable(req);
    const lang = languageQuery(req).language ?? d.original_language;
    const text = d.texts.find((x) => x.language === lang) ?? d.texts.find((x) => x.language === d.original_language);
    const values: FormValues = {
      language: lang,
      title: text?.title ?? '',
      summary: text?.summary ?? '',
      kind: d.kind,
      work_package: d.work_package,
      licence: d.licence,
      published_on: d.published_on,
      areas: list(d.areas),
    };
    const title = req.t('projects.deliverable.editOf', { title: d.title });
    return reply.page(formPage(reply, { title, action: `/${req.lang}/deliverables/${d.id}/edit`, values, file: false }), {
      title,
      indexable: false,
    });
  });

  app.post('/:lang/deliverables/:id/edit', FORM, async (req, reply) => {
    const { actor, d } = await editable(req);
    const result = await editDeliverable(ctx, actor, d, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}/deliverables/${d.id}`, 303);
    const title = req.t('projects.deliverable.editOf', { title: d.title });
    const page = formPage(
      reply,
      { title, action: `/${req.lang}/deliverables/${d.id}/edit`, values: typed(req.body), file: false },
      result.errors,
    );
    return reply.refused(result, page, title);
  });

  const filesView = (req: FastifyRequest, d: { id: number; title: string }) => ({
    title: req.t('projects.deliverable.filesOf', { title: d.title }),
    lead: req.t('projects.deliverable.filesLead'),
    action: `/${req.lang}/deliverables/${d.id}/files`,
    file: true,
    fileOnly: true,
  });

  app.get('/:lang/deliverables/:id/files', async (req, reply) => {
    const { d } = await editable(req);
    const view = filesView(req, d);
    return reply.page(formPage(reply, { ...view, values: { file_language: d.languages[0] ?? req.lang } }), {
      title: view.title,
      indexable: false,
    });
  });

  app.post('/:lang/deliverables/:id/files', UPLOAD, async (req, reply) => {
    const { actor, d } = await editable(req);
    const result = await addDeliverableFile(ctx, actor, d, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}/deliverables/${d.id}#files`, 303);
    const view = filesView(req, d);
    return refuse(reply, result, formPage(reply, { ...view, values: typed(req.body) }, result.errors), view.title);
  });

  /** A file as a download: never shown inline nor sniffed, so a document cannot run as a page; counted once per real download. */
  app.get('/:lang/deliverables/:id/files/:fileId', async (req, reply) => {
    const { id, fileId } = fileParams(req);
    const file = await loadOr404(repo.deliverableFile(db, id, fileId));
    const path = DOCUMENT_NAME.test(file.stored_name) ? join(ctx.config.dataDir, 'uploads', DELIVERABLE_FOLDER, file.stored_name) : '';
    if (!path || !existsSync(path)) throw new NotFound();
    const etag = `"${file.sha256}"`;
    const ext = file.stored_name.slice(file.stored_name.lastIndexOf('.') + 1);
    const base = file.original_name.replace(/\.[^.]*$/, '') || 'deliverable';
    reply.headers({
      'cache-control': 'public, max-age=0, must-revalidate',
      etag,
      'content-disposition': attachmentHeader(`${base}.${ext}`),
      'x-content-type-options': 'nosniff',
      'content-security-policy': 'sandbox',
    });
    if (req.headers['if-none-match'] === etag) return reply.status(304).send();
    reply.type(file.type).header('content-length', String(file.size));
    if (req.method === 'GET') await repo.countDownload(db, file.id);
    return reply.send(createReadStream(path));
  });

  app.get('/:lang/deliverables', async (req, reply) => {
    const filter = libraryQuery(req);
    const { page } = pageOf(req);
    if (req.actor) reply.headers(NO_STORE);
    // The library reads the same for everyone: each search and filter is rendered once and kept.
    const body = await reply.kept(`projects.library|${JSON.stringify([filter, page])}`, async () => {
      const found = await libraryPage(ctx, filter, page, PAGE_SIZE, req.lang);
      const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
      if (page > pages) throw new NotFound();
      const programmes = await repo.programmesWithProjects(db);
      return <LibraryPage view={{ ...found, page, pages, filter, programmes }} />;
    });
    return reply.page(body, {
      title: req.t('projects.deliverables.title'),
      description: req.t('projects.deliverables.lead'),
      feeds: [
        {
          title: req.t('projects.deliverables.feed'),
          rss: `/${req.lang}/feeds/deliverables.rss`,
          atom: `/${req.lang}/feeds/deliverables.atom`,
        },
      ],
    });
  });

  app.get('/:lang/deliverables/:id', async (req, reply) => {
    const d = await loadOr404(deliverableById(ctx, idParams(req).id, req.lang));
    if (req.actor) reply.headers(NO_STORE);
    return reply.page(<DeliverablePage view={{ d, canPublish: canPublish(req, d.project_id) }} />, {
      title: d.title,
      description: d.summary.slice(0, 200),
    });
  });

  app.get('/:lang/projects/:slug/deliverables', async (req, reply) => {
    const project = await projectOf(req);
    const { page } = pageOf(req);
    const found = await libraryPage(ctx, { project: project.id }, page, PAGE_SIZE, req.lang);
    const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
    if (page > pages) throw new NotFound();
    if (req.actor) reply.headers(NO_STORE);
    const view = { project, items: found.items, canPublish: canPublish(req, project.id), page, pages };
    return reply.page(<ProjectDeliverablesPage view={view} />, { title: req.t('projects.deliverables.of', { project: project.acronym }) });
  });
}

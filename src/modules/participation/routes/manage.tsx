import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ForbiddenError } from '../../../core/authz.ts';
import { loadOr404, NO_STORE, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { queryParams } from '../../../core/http/params.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { participationPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import { blankForm, createProcess, editProcess, ownerOptions, type ProcessForm, storedForm, typedForm } from '../service/editing.ts';
import { type PhaseRow, savePhases, storedRows, typedRows } from '../service/phase-editing.ts';
import { type ProcessView, processBySlug, processesOf, processPath } from '../service/processes.ts';
import { ManagePage, ProcessFormPage } from '../views/manage.tsx';
import { PhasesPage } from '../views/phases.tsx';
import { processParams } from './public.tsx';

const ownerQuery = queryParams({ owner: z.string().max(40) });
const STAFF_FORM = { rateLimit: STAFF_RATE_LIMIT, textChecked: true };

/** The staff's pages: their processes, a new one, and each one's settings, texts and phases. */
export function manageRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  /** The process of the address, for its staff; 404 for everyone else (a visitor signs in first). */
  async function managed(req: FastifyRequest) {
    const actor = requireActor(req);
    const p = await loadOr404(processBySlug(ctx, processParams(req).process, req.lang));
    participationPolicy.authorize(actor, 'process.manage', p, { hide: true });
    return { actor, p };
  }

  /** The towns and networks a person may start a process for (and the one asked for); 403 for someone who runs none. */
  async function owners(req: FastifyRequest, asked = ownerQuery(req).owner) {
    const actor = requireActor(req);
    const options = await ownerOptions(ctx, actor, asked);
    if (!options.length) throw new ForbiddenError('process.manage', false);
    return { actor, options };
  }

  const back = (req: FastifyRequest, slug: string, page: string, notice: string) =>
    `/${req.lang}${processPath({ slug })}/${page}?notice=${notice}`;

  app.get('/:lang/participation/manage', async (req, reply) => {
    const { options } = await owners(req);
    const groups = await Promise.all(
      options.map(async (owner) => {
        const [type, id] = owner.value.split(':') as [string, string];
        return { owner, processes: await processesOf(ctx, { type, id: Number(id) }, req.lang) };
      }),
    );
    return reply
      .headers(NO_STORE)
      .page(<ManagePage groups={groups} />, { title: req.t('participation.manage.list.title'), indexable: false });
  });

  const newTitle = (req: FastifyRequest) => req.t('participation.manage.new.title');
  const newPage = (reply: FastifyReply, options: Awaited<ReturnType<typeof owners>>['options'], form: ProcessForm, errors: FieldErrors) => (
    <ProcessFormPage view={{ owners: options, form, errors, csrfToken: reply.generateCsrf(), written: [] }} />
  );

  app.get('/:lang/participation/new', async (req, reply) => {
    const { options } = await owners(req);
    // A link names the owner to start with; one the person may not pick is not offered.
    const asked = options.find((o) => o.value === ownerQuery(req).owner)?.value;
    const page = newPage(reply, options, blankForm(asked ?? options[0]?.value), {});
    return reply.headers(NO_STORE).page(page, { title: newTitle(req), indexable: false });
  });

  app.post('/:lang/participation/new', { config: STAFF_FORM }, async (req, reply) => {
    const actor = requireActor(req);
    // An owner the person may not run is refused (403) before anything else is read.
    const result = await createProcess(ctx, actor, req.lang, req.body, req.ip);
    if (result.ok) return reply.redirect(back(req, result.data.slug, 'phases', 'created'), 303);
    const typed = typedForm(req.body);
    const { options } = await owners(req, typed.values.owner);
    return reply.refused(result, newPage(reply, options, typed, result.errors), newTitle(req));
  });

  async function editPage(req: FastifyRequest, reply: FastifyReply, p: ProcessView, form?: ProcessForm, errors: FieldErrors = {}) {
    const written = await repo.textLanguages(db, p.id);
    const notice = noticeFrom(req, ['saved']);
    const view = {
      process: p,
      owners: [],
      form: form ?? storedForm(p, await repo.processText(db, p.id, req.lang)),
      errors,
      csrfToken: reply.generateCsrf(),
      written,
      notice,
    };
    return <ProcessFormPage view={view} />;
  }
  const editTitle = (req: FastifyRequest, p: ProcessView) => `${req.t('participation.manage.edit.title')}: ${p.title}`;

  app.get('/:lang/participation/:process/edit', async (req, reply) => {
    const { p } = await managed(req);
    return reply.headers(NO_STORE).page(await editPage(req, reply, p), { title: editTitle(req, p), indexable: false });
  });

  app.post('/:lang/participation/:process/edit', { config: STAFF_FORM }, async (req, reply) => {
    const { actor, p } = await managed(req);
    const result = await editProcess(ctx, actor, p, req.lang, req.body, req.ip);
    if (result.ok) return reply.redirect(back(req, p.slug, 'edit', 'saved'), 303);
    const page = await editPage(req, reply, p, typedForm(req.body), result.errors);
    return reply.refused(result, page, editTitle(req, p));
  });

  const phasesPage = (req: FastifyRequest, reply: FastifyReply, p: ProcessView, rows: PhaseRow[], errors: FieldErrors = {}) => (
    <PhasesPage view={{ process: p, rows, errors, csrfToken: reply.generateCsrf(), notice: noticeFrom(req, ['created', 'phases']) }} />
  );
  const phasesTitle = (req: FastifyRequest, p: ProcessView) => `${req.t('participation.manage.phases.title')}: ${p.title}`;

  app.get('/:lang/participation/:process/phases', async (req, reply) => {
    const { p } = await managed(req);
    return reply.headers(NO_STORE).page(phasesPage(req, reply, p, storedRows(p.phases)), { title: phasesTitle(req, p), indexable: false });
  });

  app.post('/:lang/participation/:process/phases', { config: STAFF_FORM }, async (req, reply) => {
    const { actor, p } = await managed(req);
    // "Add a row" sends the form back with one more empty row; nothing is saved yet.
    if ((req.body as { add?: unknown } | undefined)?.add !== undefined) {
      const page = phasesPage(req, reply, p, typedRows(req.body, true));
      return reply.headers(NO_STORE).page(page, { title: phasesTitle(req, p), indexable: false });
    }
    const result = await savePhases(ctx, actor, p, req.body, req.ip);
    if (result.ok) return reply.redirect(back(req, p.slug, 'phases', 'phases'), 303);
    return reply.refused(result, phasesPage(req, reply, p, typedRows(req.body), result.errors), phasesTitle(req, p));
  });
}

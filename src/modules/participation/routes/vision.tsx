import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { z } from 'zod';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, NotFound, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pathParams } from '../../../core/http/params.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { participationPolicy } from '../policy.ts';
import type { VisionSection } from '../schema.ts';
import { commentTarget } from '../service/comments.ts';
import { type ProcessView, processBySlug, processPath, refOf } from '../service/processes.ts';
import {
  addSection,
  moveSection,
  removeSection,
  type SectionValues,
  saveSection,
  sectionAnchor,
  sectionIn,
  sectionsOf,
} from '../service/vision.ts';
import { SectionFormPage, SectionPage, VisionPart } from '../views/vision.tsx';
import { commentsPart } from './comments.tsx';

const slugParams = pathParams(z.object({ process: z.string().max(80) }));
const sectionParams = pathParams(z.object({ process: z.string().max(80), id: idSchema }));
const FIELDS = ['title', 'body'] as const;

/** A vision process's sections on its page (staff get the buttons that arrange them); nothing for other processes. */
export async function visionPart(ctx: ModuleContext, req: FastifyRequest, reply: FastifyReply, p: ProcessView): Promise<VNode | null> {
  if (p.kind !== 'vision') return null;
  const manage = participationPolicy.can(req.actor, 'process.manage', p);
  if (manage) reply.headers(NO_STORE);
  return <VisionPart process={p} sections={await sectionsOf(ctx, p.id)} csrfToken={manage ? reply.generateCsrf() : undefined} />;
}

/** The page of each section of a vision, with its comments; staff add, change, arrange and remove sections. */
export function visionRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  async function visionOf(req: FastifyRequest, slug: string) {
    const p = await loadOr404(processBySlug(ctx, slug, req.lang));
    participationPolicy.authorize(req.actor, 'process.view', refOf(p), { hide: true });
    if (p.kind !== 'vision') throw new NotFound();
    return p;
  }

  /** The process and section of the address, for its staff. */
  async function managed(req: FastifyRequest, withSection: boolean) {
    const actor = requireActor(req);
    const { process, id } = withSection ? sectionParams(req) : { ...slugParams(req), id: 0 };
    const p = await visionOf(req, process);
    participationPolicy.authorize(actor, 'process.manage', p);
    const section = withSection ? await loadOr404(sectionIn(ctx, p, id)) : undefined;
    return { actor, p, section };
  }

  function form(reply: FastifyReply, p: ProcessView, section: VisionSection | undefined, values: SectionValues, errors: FieldErrors) {
    return <SectionFormPage process={p} section={section} values={values} errors={errors} csrfToken={reply.generateCsrf()} />;
  }
  const titleOf = (req: FastifyRequest, s?: VisionSection) =>
    s ? req.t('participation.section.editTitle', { title: s.title }) : req.t('participation.section.newTitle');

  app.get('/:lang/participation/:process/sections/new', async (req, reply) => {
    const { p } = await managed(req, false);
    return reply.headers(NO_STORE).page(form(reply, p, undefined, {}, {}), { title: titleOf(req), indexable: false });
  });

  app.post(
    '/:lang/participation/:process/sections/new',
    { config: { rateLimit: STAFF_RATE_LIMIT, textChecked: true } },
    async (req, reply) => {
      const { actor, p } = await managed(req, false);
      const values = typedValues(req.body, FIELDS);
      const result = await addSection(ctx, actor, p, values, req.lang, req.ip);
      if (result.ok) return reply.redirect(`/${req.lang}${sectionAnchor(p, result.data.id)}`, 303);
      return reply.refused(result, form(reply, p, undefined, values, result.errors), titleOf(req));
    },
  );

  app.get('/:lang/participation/:process/sections/:id', async (req, reply) => {
    const { process, id } = sectionParams(req);
    const p = await visionOf(req, process);
    const section = await loadOr404(sectionIn(ctx, p, id));
    const target = await loadOr404(commentTarget(ctx, p, 'section', id));
    const comments = await commentsPart(ctx, req, reply, p, target);
    const canManage = participationPolicy.can(req.actor, 'process.manage', p);
    return reply.page(<SectionPage process={p} section={section} comments={comments} canManage={canManage} />, {
      title: section.title,
      description: section.body.slice(0, 200) || p.summary,
      indexable: p.published === 1,
    });
  });

  app.get('/:lang/participation/:process/sections/:id/edit', async (req, reply) => {
    const { p, section } = await managed(req, true);
    const values = { title: section!.title, body: section!.body };
    return reply.headers(NO_STORE).page(form(reply, p, section, values, {}), { title: titleOf(req, section), indexable: false });
  });

  app.post(
    '/:lang/participation/:process/sections/:id/edit',
    { config: { rateLimit: STAFF_RATE_LIMIT, textChecked: true } },
    async (req, reply) => {
      const { actor, p, section } = await managed(req, true);
      const values = typedValues(req.body, FIELDS);
      const result = await saveSection(ctx, actor, section!, values, req.ip);
      if (result.ok) return reply.redirect(`/${req.lang}${sectionAnchor(p, section!.id)}`, 303);
      return reply.refused(result, form(reply, p, section, values, result.errors), titleOf(req, section));
    },
  );

  app.post('/:lang/participation/:process/sections/:id/move', { config: { rateLimit: STAFF_RATE_LIMIT } }, async (req, reply) => {
    const { p, section } = await managed(req, true);
    const direction = typedValues(req.body, ['direction']).direction === 'up' ? 'up' : 'down';
    await moveSection(ctx, section!, direction);
    return reply.redirect(`/${req.lang}${sectionAnchor(p, section!.id)}`, 303);
  });

  app.post('/:lang/participation/:process/sections/:id/remove', { config: { rateLimit: STAFF_RATE_LIMIT } }, async (req, reply) => {
    const { actor, p, section } = await managed(req, true);
    await removeSection(ctx, actor, section!, req.ip);
    return reply.redirect(`/${req.lang}${processPath(p)}#sections`, 303);
  });
}

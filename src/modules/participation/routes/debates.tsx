import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { z } from 'zod';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pathParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import { caughtInHoneypot } from '../../../core/http/spam.tsx';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { displayNames } from '../../accounts/index.ts';
import { FlagForm } from '../../moderation/index.ts';
import { participationPolicy } from '../policy.ts';
import { commentTarget } from '../service/comments.ts';
import { closeDebate, type DebateValues, debateIn, debatePath, debatesOf, openDebate } from '../service/debates.ts';
import { type ProcessView, processBySlug, processPath, refOf } from '../service/processes.ts';
import { publishAsChoices, publishedAsOf } from '../service/published-as.ts';
import { CloseDebatePage, DebateFormPage, DebatePage, DebatesPart } from '../views/debates.tsx';
import { commentsPart } from './comments.tsx';
import { followPart } from './following.tsx';

const slugParams = pathParams(z.object({ process: z.string().max(80) }));
const debateParams = pathParams(z.object({ process: z.string().max(80), id: idSchema }));
const FIELDS = ['title', 'body', 'area', 'closes_on', 'publish_as'] as const;

/** The debates of a process on its page; nothing for a vision process with none that nobody here may open. */
export async function debatesPart(ctx: ModuleContext, req: FastifyRequest, p: ProcessView): Promise<VNode | null> {
  const debates = await debatesOf(ctx, p.id);
  const canOpen = participationPolicy.can(req.actor, 'debate.create', refOf(p));
  if (p.kind === 'vision' && !debates.length && !canOpen) return null;
  return <DebatesPart process={p} debates={debates} canOpen={canOpen} />;
}

/** Opening debates, their pages, and closing them with conclusions. */
export function debateRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  async function processOf(req: FastifyRequest, slug: string) {
    const p = await loadOr404(processBySlug(ctx, slug, req.lang));
    participationPolicy.authorize(req.actor, 'process.view', refOf(p), { hide: true });
    return p;
  }

  async function newForm(req: FastifyRequest, reply: FastifyReply, p: ProcessView, values: DebateValues, errors: FieldErrors) {
    const official = participationPolicy.can(req.actor, 'process.manage', p);
    const organisations = await publishAsChoices(ctx, req.actor);
    const page = (
      <DebateFormPage
        process={p}
        values={values}
        errors={errors}
        csrfToken={reply.generateCsrf()}
        official={official}
        organisations={organisations}
      />
    );
    return { page, title: req.t('participation.debate.newTitle', { process: p.title }) };
  }

  app.get('/:lang/participation/:process/debates/new', async (req, reply) => {
    const actor = requireActor(req);
    const p = await processOf(req, slugParams(req).process);
    participationPolicy.authorize(actor, 'debate.create', refOf(p));
    const { page, title } = await newForm(req, reply, p, {}, {});
    return reply.headers(NO_STORE).page(page, { title, indexable: false });
  });

  app.post(
    '/:lang/participation/:process/debates/new',
    { config: { rateLimit: FORM_RATE_LIMIT, textChecked: true } },
    async (req, reply) => {
      const actor = requireActor(req);
      const p = await processOf(req, slugParams(req).process);
      participationPolicy.authorize(actor, 'debate.create', refOf(p));
      // A robot is sent on as a person would be, to the process's debates, and nothing is kept.
      if (caughtInHoneypot(req.body)) return reply.redirect(`/${req.lang}${processPath(p)}#debates`, 303);
      const values = typedValues(req.body, FIELDS);
      const result = await openDebate(ctx, actor, p, values, req.lang, req.ip);
      if (result.ok) return reply.redirect(`/${req.lang}${debatePath(p, result.data.id)}`, 303);
      const { page, title } = await newForm(req, reply, p, values, result.errors);
      return reply.refused(result, page, title);
    },
  );

  app.get('/:lang/participation/:process/debates/:id', async (req, reply) => {
    const { process, id } = debateParams(req);
    const p = await processOf(req, process);
    const d = await loadOr404(debateIn(ctx, p, id));
    const target = await loadOr404(commentTarget(ctx, p, 'debate', d.id));
    const [names, orgs] = await Promise.all([
      displayNames(ctx.database.db, d.author_id === null ? [] : [d.author_id]),
      publishedAsOf(ctx, [d]),
    ]);
    const view = {
      process: p,
      debate: d,
      author: d.author_id === null ? null : (names.get(d.author_id) ?? null),
      organisation: (d.organisation_id !== null && orgs.get(d.organisation_id)) || null,
      canClose: participationPolicy.can(req.actor, 'debate.close', d),
      comments: await commentsPart(ctx, req, reply, p, target),
      parts: [
        await followPart(ctx, req, reply, { type: 'debate', id: d.id }, debatePath(p, d.id)),
        <FlagForm key="flag" type="debate" id={d.id} back={debatePath(p, d.id)} csrfToken={req.actor ? reply.generateCsrf() : undefined} />,
      ],
    };
    return reply.page(<DebatePage view={view} />, {
      title: d.title,
      description: d.body.slice(0, 200),
      indexable: p.published === 1,
    });
  });

  async function closing(req: FastifyRequest) {
    const actor = requireActor(req);
    const { process, id } = debateParams(req);
    const p = await processOf(req, process);
    const d = await loadOr404(debateIn(ctx, p, id));
    participationPolicy.authorize(actor, 'debate.close', d);
    return { actor, p, d };
  }

  app.get('/:lang/participation/:process/debates/:id/close', async (req, reply) => {
    const { p, d } = await closing(req);
    const page = (
      <CloseDebatePage process={p} debate={d} values={{ conclusions: d.conclusions ?? '' }} errors={{}} csrfToken={reply.generateCsrf()} />
    );
    return reply.headers(NO_STORE).page(page, { title: req.t('participation.debate.closeTitle', { title: d.title }), indexable: false });
  });

  app.post(
    '/:lang/participation/:process/debates/:id/close',
    { config: { rateLimit: FORM_RATE_LIMIT, textChecked: true } },
    async (req, reply) => {
      const { actor, p, d } = await closing(req);
      const values = typedValues(req.body, ['conclusions']);
      const result = await closeDebate(ctx, actor, d, values, req.ip);
      if (result.ok) return reply.redirect(`/${req.lang}${debatePath(p, d.id)}`, 303);
      const page = <CloseDebatePage process={p} debate={d} values={values} errors={result.errors} csrfToken={reply.generateCsrf()} />;
      return reply.refused(result, page, req.t('participation.debate.closeTitle', { title: d.title }));
    },
  );
}

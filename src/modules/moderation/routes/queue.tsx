import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../../core/authz.ts';
import { typedValues } from '../../../core/http/forms.ts';
import { NO_STORE, NotFound, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pageQuery, pathParams, queryParams } from '../../../core/http/params.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import { moderatedKind } from '../../../core/moderation.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { moderationPolicy } from '../policy.ts';
import { decide } from '../service/decisions.ts';
import { entryOf, QUEUE_FILTERS, type QueueFilter, queueFor } from '../service/queue.ts';
import { type FoundText, findText } from '../service/texts.ts';
import { EntryPage } from '../views/entry.tsx';
import { entryPath, QueuePage } from '../views/queue.tsx';

const textParams = pathParams(z.object({ type: z.string().regex(/^[a-z][a-z_-]{0,19}$/), id: idSchema }));
const queueQuery = pageQuery(
  z.object({
    state: z.enum(Object.keys(QUEUE_FILTERS) as [QueueFilter, ...QueueFilter[]]).default('review'),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  }),
);
const findQuery = queryParams({ type: z.string().regex(/^[a-z][a-z_-]{0,19}$/), id: idSchema });

/** The queue, each text's entry with its decisions, and hiding or restoring a text. */
export function queueRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  app.get('/:lang/moderation', async (req, reply) => {
    const actor = requireActor(req);
    moderationPolicy.authorize(actor, 'queue.view', null);
    const { state, page } = queueQuery(req);
    const found = await queueFor(ctx, actor, state, page);
    if (page > found.pages) throw new NotFound();
    return reply
      .headers(NO_STORE)
      .page(<QueuePage view={{ filter: state, page, ...found }} />, { title: req.t('moderation.queue.title'), indexable: false });
  });

  app.get('/:lang/moderation/find', async (req, reply) => {
    moderationPolicy.authorize(requireActor(req), 'queue.view', null);
    const { type, id } = findQuery(req);
    if (!type || !id) throw new NotFound();
    return reply.redirect(`/${req.lang}${entryPath(type, id)}`, 303);
  });

  /** The text an address names, for those who moderate it; for anyone else there is none (404). */
  async function textOr404(req: FastifyRequest, actor: Actor): Promise<FoundText> {
    const { type, id } = textParams(req);
    const text = await findText(ctx, type, id);
    if (!text) throw new NotFound();
    moderationPolicy.authorize(actor, 'text.moderate', text.owner, { hide: true });
    return text;
  }

  async function entryPage(req: FastifyRequest, reply: FastifyReply, actor: Actor, text: FoundText, refused?: EntryRefusal) {
    const found = await entryOf(ctx, text);
    const view = {
      text,
      ...found,
      canBlock: moderationPolicy.can(actor, 'account.block', null),
      csrfToken: reply.generateCsrf(),
      notice: noticeFrom(req, ['hide', 'restore']),
      refused,
    };
    return <EntryPage view={view} />;
  }
  type EntryRefusal = { action: 'hide' | 'restore'; reason: string; errors: FieldErrors };

  app.get('/:lang/moderation/:type/:id', async (req, reply) => {
    const actor = requireActor(req);
    const text = await textOr404(req, actor);
    const title = req.t('moderation.entry.title', { kind: req.t(moderatedKind(text.type)?.label ?? text.type), id: String(text.id) });
    return reply.headers(NO_STORE).page(await entryPage(req, reply, actor, text), { title, indexable: false });
  });

  for (const action of ['hide', 'restore'] as const) {
    app.post(`/:lang/moderation/:type/:id/${action}`, { config: { rateLimit: STAFF_RATE_LIMIT } }, async (req, reply) => {
      const actor = requireActor(req);
      const text = await textOr404(req, actor);
      const result = await decide(ctx, actor, text, action, req.body, req.ip);
      if (result.ok) return reply.redirect(`/${req.lang}${entryPath(text.type, text.id)}?notice=${action}`, 303);
      const refused = { action, reason: typedValues(req.body, ['reason']).reason ?? '', errors: result.errors };
      const page = await entryPage(req, reply, actor, text, refused);
      return reply.refused(result, page, req.t(`moderation.${action}.title`));
    });
  }
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../../core/authz.ts';
import { typedValues } from '../../../core/http/forms.ts';
import { NO_STORE, requireActor } from '../../../core/http/guards.ts';
import { idSchema, parseId } from '../../../core/http/input.ts';
import { queryParams } from '../../../core/http/params.ts';
import { caughtInHoneypot, SIGNED_IN_FORM_RATE_LIMIT } from '../../../core/http/spam.tsx';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { moderationPolicy } from '../policy.ts';
import { BACK_PATH } from '../schema.ts';
import { flagText } from '../service/flags.ts';
import { findText } from '../service/texts.ts';
import { CannotWritePage, FlagPage, ThanksPage } from '../views/flag.tsx';

/** A path of this portal to go back to; the home page for anything else. */
const backPath = (value: unknown) => (typeof value === 'string' && BACK_PATH.test(value) && !value.includes('//') ? value : '/');
const flagQuery = queryParams({ type: z.string().max(20), id: idSchema, back: z.string() });
const thanksQuery = queryParams({ back: z.string() });

/** Reporting a text: the form on a page of its own, the report itself, and the thanks. */
export function flagRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  /** Why this person may not report, as a page; none when they may. */
  function cannotReport(actor: Actor, reply: FastifyReply, req: FastifyRequest) {
    if (moderationPolicy.can(actor, 'text.flag', null)) return undefined;
    const reason = actor.blocked ? 'blocked' : 'unconfirmed';
    return reply
      .status(403)
      .headers(NO_STORE)
      .page(<CannotWritePage reason={reason} />, { title: req.t(`moderation.cannot.${reason}.title`), indexable: false });
  }

  async function flagPage(reply: FastifyReply, values: Record<string, string | undefined>, errors: FieldErrors) {
    const id = parseId(values.id);
    const text = values.type && id ? await findText(ctx, values.type, id) : undefined;
    const target = { type: values.type ?? '', id: id ?? 0, back: backPath(values.back) };
    const view = {
      target,
      excerpt: text && !text.hidden ? text.excerpt : undefined,
      csrfToken: reply.generateCsrf(),
      reason: values.reason,
      errors,
    };
    return <FlagPage view={view} />;
  }

  app.get('/:lang/moderation/flag', async (req, reply) => {
    const actor = requireActor(req);
    const refusal = cannotReport(actor, reply, req);
    if (refusal) return refusal;
    const q = flagQuery(req);
    const page = await flagPage(reply, { type: q.type, id: q.id ? String(q.id) : undefined, back: q.back }, {});
    return reply.headers(NO_STORE).page(page, { title: req.t('moderation.flag.title'), indexable: false });
  });

  app.post('/:lang/moderation/flag', { config: { rateLimit: SIGNED_IN_FORM_RATE_LIMIT } }, async (req, reply) => {
    const actor = requireActor(req);
    const back = backPath((req.body as { back?: unknown } | undefined)?.back);
    const thanks = `/${req.lang}/moderation/thanks?back=${encodeURIComponent(back)}`;
    // A robot is thanked like a person, and nothing is kept.
    if (caughtInHoneypot(req.body)) return reply.redirect(thanks, 303);
    const refusal = cannotReport(actor, reply, req);
    if (refusal) return refusal;
    const result = await flagText(ctx, actor, req.body);
    if (result.ok) return reply.redirect(thanks, 303);
    const page = await flagPage(reply, typedValues(req.body, ['type', 'id', 'reason', 'back']), result.errors);
    return reply.refused(result, page, req.t('moderation.flag.title'));
  });

  app.get('/:lang/moderation/thanks', async (req, reply) => {
    requireActor(req);
    const back = backPath(thanksQuery(req).back);
    return reply.headers(NO_STORE).page(<ThanksPage back={back} />, { title: req.t('moderation.thanks.title'), indexable: false });
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NO_STORE } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pathParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import { caughtInHoneypot } from '../../../core/http/spam.tsx';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import * as repo from '../repo.ts';
import type { Signal } from '../schema.ts';
import { categoryName } from '../service/categories.ts';
import { answerQuestionnaire, questionnaireOf, readAnswer } from '../service/questionnaire.ts';
import { AnsweredPage, QuestionnairePage } from '../views/questionnaire.tsx';

const linkParams = pathParams(z.object({ id: idSchema, token: z.string().max(100) }));

/** The author's answer to "is it really fixed?", from the link mailed four weeks after "fixed". */
export function questionnaireRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const PATH = '/:lang/signals/:id/questionnaire/:token';

  async function form(req: FastifyRequest, reply: FastifyReply, signal: Signal, refused?: { note?: string; errors: FieldErrors }) {
    const category = await repo.categoryById(ctx.database.db, signal.category_id);
    const view = {
      id: signal.id,
      category: category ? categoryName(req.t, category) : '',
      description: signal.description,
      fixedAt: signal.fixed_at ?? signal.updated_at,
      action: req.url.split('?')[0]!,
      csrfToken: reply.generateCsrf(),
      note: refused?.note,
      errors: refused?.errors ?? {},
    };
    return <QuestionnairePage view={view} />;
  }

  app.get(PATH, async (req, reply) => {
    const { id, token } = linkParams(req);
    const signal = await questionnaireOf(ctx, id, token);
    if (!signal) return reply.linkExpired();
    const page = await form(req, reply, signal);
    const title = req.t('signals.questionnaire.title');
    return reply.headers(NO_STORE).header('referrer-policy', 'no-referrer').page(page, { title, indexable: false });
  });

  app.post(PATH, { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const { id, token } = linkParams(req);
    const signal = await questionnaireOf(ctx, id, token);
    if (!signal) return reply.linkExpired();
    const read = readAnswer(req.body);
    const answered = (answer: 'yes' | 'no') =>
      reply.headers(NO_STORE).page(<AnsweredPage id={signal.id} answer={answer} />, {
        title: req.t(`signals.questionnaire.thanks.${answer}`),
        indexable: false,
      });
    // A robot is thanked and nothing is kept: a refusal would teach it what to change.
    if (caughtInHoneypot(req.body)) return answered('no');
    if (!read.ok) {
      const note = (req.body as { note?: unknown } | undefined)?.note;
      const page = await form(req, reply, signal, { ...(typeof note === 'string' ? { note } : {}), errors: read.errors });
      return reply.refused(read, page, req.t('signals.questionnaire.title'));
    }
    if (!(await answerQuestionnaire(ctx, signal, token, read.data))) return reply.linkExpired();
    return answered(read.data.answer);
  });
}

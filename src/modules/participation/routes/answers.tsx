import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, NotFound, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pathParams } from '../../../core/http/params.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { describeScopes } from '../../../core/scopes.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { zoneOfCountry } from '../../../core/zones.ts';
import { participationPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import type { Proposal } from '../schema.ts';
import {
  ANSWER_FIELDS,
  type AnswerValues,
  awaitingAnswer,
  costText,
  proposalPath,
  readAnswer,
  saveAnswer,
  scheduledText,
} from '../service/answers.ts';
import { type ProcessView, processBySlug, refOf } from '../service/processes.ts';
import { AnswerFormPage, AnswersQueuePage } from '../views/answers.tsx';
import { processParams } from './public.tsx';

const proposalParams = pathParams(z.object({ process: z.string().max(80), id: idSchema }));

/** The time zone of a process's owner: the one a scheduled answer's time is typed in. */
async function zoneOf(ctx: ModuleContext, p: ProcessView) {
  const owner = (await describeScopes(ctx, [{ type: p.owner_type, id: p.owner_id }])).get(`${p.owner_type}:${p.owner_id}`);
  return zoneOfCountry(owner?.country);
}

/** The official answers: staff of the process's owner answer its proposals, and see which still wait. */
export function answerRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  /** The process and proposal an answer's address names, once the person may answer there. */
  async function answerable(req: FastifyRequest) {
    const actor = requireActor(req);
    const { process, id } = proposalParams(req);
    const p = await loadOr404(processBySlug(ctx, process, req.lang));
    participationPolicy.authorize(actor, 'process.view', refOf(p), { hide: true });
    participationPolicy.authorize(actor, 'proposal.answer', refOf(p));
    const proposal = (await repo.proposalById(db, id)) as Proposal | undefined;
    if (!proposal || proposal.process_id !== p.id) throw new NotFound();
    return { actor, p, proposal, zone: await zoneOf(ctx, p) };
  }

  async function form(
    req: FastifyRequest,
    reply: FastifyReply,
    found: Awaited<ReturnType<typeof answerable>>,
    refused?: { values: AnswerValues; errors: FieldErrors },
  ) {
    const answer = await repo.answerOf(db, found.proposal.id);
    const values: AnswerValues = refused?.values ?? {
      state: answer?.state ?? 'evaluating',
      text: answer?.text ?? '',
      cost: costText(answer?.cost_cents ?? null),
      when: answer && answer.published === 0 && answer.publish_at > new Date().toISOString() ? 'later' : 'now',
      publish_at: answer && answer.published === 0 ? scheduledText(answer.publish_at, found.zone) : '',
    };
    const view = {
      process: found.p,
      proposal: found.proposal,
      answer,
      values,
      errors: refused?.errors ?? {},
      csrfToken: reply.generateCsrf(),
      zone: found.zone,
      saved: !refused && noticeFrom(req, ['saved']) === 'saved',
    };
    return { page: <AnswerFormPage view={view} />, title: req.t('participation.answer.formTitle') };
  }

  app.get('/:lang/participation/:process/proposals/:id/answer', async (req, reply) => {
    const { page, title } = await form(req, reply, await answerable(req));
    return reply.headers(NO_STORE).page(page, { title, indexable: false });
  });

  app.post('/:lang/participation/:process/proposals/:id/answer', { config: { rateLimit: STAFF_RATE_LIMIT } }, async (req, reply) => {
    const found = await answerable(req);
    const read = readAnswer(req.body, found.zone);
    if (!read.ok) {
      const { page, title } = await form(req, reply, found, { values: typedValues(req.body, ANSWER_FIELDS), errors: read.errors });
      return reply.refused(read, page, title);
    }
    await saveAnswer(ctx, found.actor, found.proposal, read.data, { ip: req.ip });
    return reply.redirect(`/${req.lang}${proposalPath(found.p, found.proposal.id)}/answer?notice=saved`, 303);
  });

  app.get('/:lang/participation/:process/answers', async (req, reply) => {
    const actor = requireActor(req);
    const p = await loadOr404(processBySlug(ctx, processParams(req).process, req.lang));
    participationPolicy.authorize(actor, 'process.view', refOf(p), { hide: true });
    participationPolicy.authorize(actor, 'proposal.answer', refOf(p));
    const rows = await awaitingAnswer(ctx, p);
    return reply.headers(NO_STORE).page(<AnswersQueuePage process={p} rows={rows} threshold={p.support_threshold} />, {
      title: req.t('participation.answer.queueTitle'),
      indexable: false,
    });
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { audit } from '../../../core/audit.ts';
import { NO_STORE, NotFound, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pathParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { describeScopes } from '../../../core/scopes.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { networkPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import { formLanguages, formValues, questionsOfNetwork, readQuestion } from '../service/questions.ts';
import { currentReport, questionsOf, reportsOf, saveReport } from '../service/reports.ts';
import { type QuestionFormValues, ReportFormEditor } from '../views/report-form.tsx';
import { membershipPath, ReportFormPage } from '../views/reports.tsx';
import { type FoundMembership, membershipOr404, networkOr404 } from './loaders.ts';

const membershipParams = pathParams(z.object({ slug: z.string().max(80), id: idSchema }));
const slugParams = pathParams(z.object({ slug: z.string().max(80) }));
const questionParams = pathParams(z.object({ slug: z.string().max(80), question: idSchema }));

/** The member's report form, and the coordinators' editor of the questions it asks. */
export function reportRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  async function reportForm(
    req: FastifyRequest,
    reply: FastifyReply,
    { n, m }: FoundMembership,
    answers?: Map<number, string>,
    errors: FieldErrors = {},
  ) {
    const [questions, reports, member] = await Promise.all([
      questionsOf(ctx, n.id, req.lang),
      reportsOf(ctx, m.id),
      describeScopes(ctx, [{ type: m.member_type, id: m.member_id }]),
    ]);
    const current = currentReport(reports);
    const view = {
      network: n,
      memberName: member.get(`${m.member_type}:${m.member_id}`)?.name ?? '',
      membershipId: m.id,
      questions,
      answers: answers ?? current?.answers ?? new Map(),
      returned: current?.report.state === 'returned' ? current.report.comment : undefined,
      errors,
      csrfToken: reply.generateCsrf(),
    };
    return { page: <ReportFormPage view={view} />, title: req.t('networks.report.formTitle', { network: n.name }) };
  }

  app.get('/:lang/networks/:slug/memberships/:id/report', async (req, reply) => {
    const { slug, id } = membershipParams(req);
    const actor = requireActor(req);
    const found = await membershipOr404(ctx, req, slug, id);
    networkPolicy.authorize(actor, 'membership.act', found.m);
    const { page, title } = await reportForm(req, reply, found);
    return reply.headers(NO_STORE).page(page, { title, indexable: false });
  });

  app.post('/:lang/networks/:slug/memberships/:id/report', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const { slug, id } = membershipParams(req);
    const actor = requireActor(req);
    const found = await membershipOr404(ctx, req, slug, id);
    networkPolicy.authorize(actor, 'membership.act', found.m);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const submit = body.action === 'submit';
    const result = await saveReport(ctx, found.m, actor, body, submit);
    if (result.ok) {
      const notice = submit ? 'reportSubmitted' : 'reportSaved';
      return reply.redirect(`/${req.lang}${membershipPath(found.n, id)}?notice=${notice}`, 303);
    }
    const { page, title } = await reportForm(req, reply, found, result.answers, result.errors);
    return reply.refused({ errors: result.errors }, page, title);
  });

  /** The editor for a network's coordinators; `refused` holds the form that was refused. */
  async function editor(
    req: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    refused?: { id: number; values: QuestionFormValues; errors: FieldErrors },
  ) {
    const n = await networkOr404(ctx, req, slug);
    networkPolicy.authorize(requireActor(req), 'network.edit', n);
    const questions = await questionsOfNetwork(db, n.id);
    const view = {
      network: n,
      questions,
      languages: formLanguages(questions, req.lang),
      csrfToken: reply.generateCsrf(),
      refused,
      notice: noticeFrom(req, ['saved', 'added', 'deleted']),
    };
    return { n, questions, page: <ReportFormEditor view={view} />, title: req.t('networks.questions.title', { network: n.name }) };
  }

  app.get('/:lang/networks/:slug/report-form', async (req, reply) => {
    const { page, title } = await editor(req, reply, slugParams(req).slug);
    return reply.headers(NO_STORE).page(page, { title, indexable: false });
  });

  /** Adds a question (no id) or saves or deletes one; a refusal shows the editor again with what was typed. */
  async function saveQuestion(req: FastifyRequest, reply: FastifyReply, slug: string, id: number) {
    const actor = requireActor(req);
    const { n, questions } = await editor(req, reply, slug);
    if (id && !questions.some((q) => q.id === id)) throw new NotFound();
    const where = `/${req.lang}/networks/${n.slug}/report-form`;
    if (id && (req.body as { action?: unknown } | undefined)?.action === 'delete') {
      await repo.deleteQuestion(db, id, n.id);
      await audit(
        db,
        actor,
        { action: 'network.question.delete', subjectType: 'network', subjectId: n.id, details: { question: id } },
        req.ip,
      );
      return reply.redirect(`${where}?notice=deleted`, 303);
    }
    const languages = formLanguages(questions, req.lang);
    const values = formValues(req.body, languages);
    const read = readQuestion(values, languages);
    if (!read.ok) {
      const { page, title } = await editor(req, reply, slug, { id, values, errors: read.errors });
      return reply.refused({ errors: read.errors }, page, title);
    }
    if (id) await repo.updateQuestion(db, id, n.id, read.row);
    else await repo.insertQuestion(db, { ...read.row, network_id: n.id });
    const details = { question: id || null };
    await audit(db, actor, { action: 'network.question.save', subjectType: 'network', subjectId: n.id, details }, req.ip);
    return reply.redirect(`${where}?notice=${id ? 'saved' : 'added'}`, 303);
  }

  app.post('/:lang/networks/:slug/report-form', { config: { rateLimit: FORM_RATE_LIMIT } }, (req, reply) =>
    saveQuestion(req, reply, slugParams(req).slug, 0),
  );
  app.post('/:lang/networks/:slug/report-form/:question', { config: { rateLimit: FORM_RATE_LIMIT } }, (req, reply) => {
    const { slug, question } = questionParams(req);
    return saveQuestion(req, reply, slug, question);
  });
}

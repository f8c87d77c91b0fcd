import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { typedValues } from '../../../core/http/forms.ts';
import { NO_STORE, NotFound, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pathParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { describeScopes } from '../../../core/scopes.ts';
import { keepDocument, sendDocument } from '../../../core/uploads.ts';
import { displayNames } from '../../accounts/index.ts';
import { networkPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import { type MembershipReport, PUBLIC_STATES } from '../schema.ts';
import { takeStep } from '../service/memberships.ts';
import { decideReport, questionsOf, REPORT_FILES, reportsOf } from '../service/reports.ts';
import { STEP_NAMES, STEPS, type StepName, stepsFrom } from '../service/workflow.ts';
import { MembershipPage, type MembershipView } from '../views/membership.tsx';
import { membershipPath } from '../views/reports.tsx';
import { type FoundMembership, membershipOr404, networkOr404 } from './loaders.ts';

/** Where signed commitments are kept, under the data directory's uploads. */
const COMMITMENTS = 'network-commitments';
/** Steps no address takes: the clock's, and accepting a report, which is done with the report. */
const NOT_BY_ADDRESS = new Set<StepName>(['fallOverdue', 'putOnHold', 'acceptReport']);

const membershipParams = pathParams(z.object({ slug: z.string().max(80), id: idSchema }));
const stepParams = pathParams(z.object({ slug: z.string().max(80), id: idSchema, step: z.enum(STEP_NAMES as [StepName, ...StepName[]]) }));
const reportParams = pathParams(z.object({ slug: z.string().max(80), id: idSchema, report: idSchema }));
const fileParams = pathParams(z.object({ slug: z.string().max(80), id: idSchema, report: idSchema, question: idSchema }));
const decisionOf = (body: unknown) => z.enum(['accept', 'return']).safeParse((body as { decision?: unknown } | undefined)?.decision);

/** A membership's page, its steps and its reports: for the member's staff and the network's coordinators. */
export function membershipRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  async function membershipView(
    req: FastifyRequest,
    reply: FastifyReply,
    { n, m, kind }: FoundMembership,
    extra: Partial<MembershipView> = {},
  ): Promise<MembershipView> {
    const [described, history, questions, reports] = await Promise.all([
      describeScopes(ctx, [{ type: m.member_type, id: m.member_id }]),
      repo.eventsOf(db, m.id),
      questionsOf(ctx, n.id, req.lang),
      reportsOf(ctx, m.id),
    ]);
    const names = await displayNames(
      db,
      history.flatMap((e) => (e.actor_id ? [e.actor_id] : [])),
    );
    const writes = networkPolicy.can(req.actor, 'membership.act', m);
    const decides = networkPolicy.can(req.actor, 'membership.decide', m);
    const steps = [...(writes ? stepsFrom(m.state, 'member') : []), ...(decides ? stepsFrom(m.state, 'coordinator') : [])];
    const csrfToken = reply.generateCsrf();
    return {
      network: n,
      kind,
      membership: m,
      member: described.get(`${m.member_type}:${m.member_id}`),
      history: history.map((e) => ({ ...e, who: e.actor_id ? (names.get(e.actor_id) ?? null) : null })),
      steps: [...new Set(steps)].filter((s) => !NOT_BY_ADDRESS.has(s)),
      csrfToken,
      reports: {
        network: n,
        membershipId: m.id,
        questions,
        reports,
        writes: writes && ['active', 'report_overdue', 'on_hold'].includes(m.state),
        decides,
        csrfToken,
      },
      ...extra,
    };
  }

  const titleOf = (req: FastifyRequest, view: MembershipView) =>
    req.t('networks.membership.title', { member: view.member?.name ?? '', network: view.network.name });

  app.get('/:lang/networks/:slug/memberships/:id', async (req, reply) => {
    const { slug, id } = membershipParams(req);
    requireActor(req);
    const found = await membershipOr404(ctx, req, slug, id);
    const notice = noticeFrom(req, ['moved', 'reportSaved', 'reportSubmitted', 'reportAccepted', 'reportReturned']);
    const view = await membershipView(req, reply, found, { notice });
    return reply.headers(NO_STORE).page(<MembershipPage view={view} />, { title: titleOf(req, view), indexable: false });
  });

  app.post('/:lang/networks/:slug/memberships/:id/:step', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const { slug, id, step } = stepParams(req);
    const actor = requireActor(req);
    const found = await membershipOr404(ctx, req, slug, id);
    if (NOT_BY_ADDRESS.has(step)) throw new NotFound();
    networkPolicy.authorize(actor, STEPS[step].by === 'member' ? 'membership.act' : 'membership.decide', found.m);
    const values = typedValues(req.body, ['reason', 'commitment_date']);
    let commitmentFile: string | undefined;
    const upload = (req.body as { commitment?: unknown } | undefined)?.commitment;
    if (step === 'sendCommitment' && Buffer.isBuffer(upload) && upload.length > 0) {
      const kept = await keepDocument(ctx.config.dataDir, COMMITMENTS, upload);
      if ('error' in kept) return refuseStep(req, reply, found, step, 'networks.error.fileType', values);
      commitmentFile = kept.name;
    }
    const input = { actor, reason: values.reason, commitmentDate: values.commitment_date, commitmentFile };
    const result = await takeStep(ctx, found.m, found.kind, step, input);
    if (result.ok) return reply.redirect(`/${req.lang}${membershipPath(found.n, id)}?notice=moved`, 303);
    return refuseStep(req, reply, found, step, result.error, values);
  });

  async function refuseStep(
    req: FastifyRequest,
    reply: FastifyReply,
    found: FoundMembership,
    step: StepName,
    key: string,
    values: { reason?: string; commitment_date?: string },
  ) {
    const field =
      step !== 'sendCommitment'
        ? 'reason'
        : key === 'networks.error.date'
          ? 'commitment_date'
          : key.includes('file')
            ? 'commitment'
            : 'reason';
    const view = await membershipView(req, reply, found, { error: { step, key, field }, values });
    return reply.refused({ errors: { [field]: { key } } }, <MembershipPage view={view} />, titleOf(req, view));
  }

  app.post(
    '/:lang/networks/:slug/memberships/:id/reports/:report/decide',
    { config: { rateLimit: FORM_RATE_LIMIT } },
    async (req, reply) => {
      const { slug, id, report: reportId } = reportParams(req);
      const actor = requireActor(req);
      const found = await membershipOr404(ctx, req, slug, id);
      const report = (await repo.reportById(db, reportId)) as MembershipReport | undefined;
      if (report?.membership_id !== found.m.id) throw new NotFound();
      networkPolicy.authorize(actor, 'membership.decide', found.m);
      const { comment = '' } = typedValues(req.body, ['comment']);
      const decision = decisionOf(req.body);
      const result = decision.success
        ? await decideReport(ctx, found.m, found.kind, report, actor, decision.data, comment)
        : { ok: false as const, error: 'form.error.choose' };
      const notice = decision.data === 'accept' ? 'reportAccepted' : 'reportReturned';
      if (result.ok) return reply.redirect(`/${req.lang}${membershipPath(found.n, id)}?notice=${notice}`, 303);
      const view = await membershipView(req, reply, found);
      if (view.reports) view.reports.error = { key: result.error, comment };
      return reply.refused({ errors: { comment: { key: result.error } } }, <MembershipPage view={view} />, titleOf(req, view));
    },
  );

  app.get('/:lang/networks/:slug/memberships/:id/commitment', async (req, reply) => {
    const { slug, id } = membershipParams(req);
    requireActor(req);
    const { m } = await membershipOr404(ctx, req, slug, id);
    return sendDocument(reply, ctx.config.dataDir, COMMITMENTS, m.commitment_file, `commitment-${m.id}`);
  });

  /** A report's file: for both sides; for everyone when its question is public and the report accepted. */
  app.get('/:lang/networks/:slug/memberships/:id/reports/:report/files/:question', async (req, reply) => {
    const { slug, id, report: reportId, question } = fileParams(req);
    const n = await networkOr404(ctx, req, slug);
    const [m, report, questions] = await Promise.all([
      repo.membershipById(db, id),
      repo.reportById(db, reportId),
      questionsOf(ctx, n.id, req.lang),
    ]);
    const q = questions.find((x) => x.id === question && x.kind === 'file');
    if (!m || m.network_id !== n.id || report?.membership_id !== m.id || !q) throw new NotFound();
    const open = report.state === 'accepted' && q.public && PUBLIC_STATES.includes(m.state);
    if (!open) networkPolicy.authorize(req.actor, 'membership.view', m, { hide: true });
    const value = (await repo.answersOf(db, [report.id])).find((a) => a.question_id === q.id)?.value ?? null;
    return sendDocument(reply, ctx.config.dataDir, REPORT_FILES, value, `report-${report.id}-${q.id}`);
  });
}

import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { typedValues } from '../../../core/http/forms.ts';
import { parseId } from '../../../core/http/input.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { ConfirmLinkPage, LinkExpired, MessagePage } from '../../../core/views/forms.tsx';
import type { Actor } from '../../../core/authz.ts';
import { approveClaim, claimsInReview, confirmClaimEmail, findClaim, refuseClaim, type ReviewOutcome, submitClaim } from '../service/claims.ts';
import { isCountry } from '../../../core/countries.ts';
import { municipalitiesPolicy } from '../policy.ts';
import { municipalityBySlug } from '../service/directory.ts';
import { ClaimPage, ReviewQueuePage } from '../views/claims.tsx';
import { ProposalQueue, ProposePage } from '../views/propose.tsx';
import { approveProposal, proposalsInReview, proposeMunicipality, refuseProposal } from '../service/proposals.ts';
import { profilePath } from '../views/common.tsx';
import { NO_STORE, noticeFrom, requireActor } from '../../../core/http/guards.ts';

const FIELDS = ['job_title', 'official_email', 'website'] as const;

export function claimRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  /** The review page: claims, then proposed municipalities. */
  async function renderQueue(req: FastifyRequest, reply: FastifyReply, notice: string | undefined, claimErrors: Record<number, boolean>, proposalErrors: Record<number, boolean>) {
    const csrfToken = reply.generateCsrf();
    const invalid = Object.keys(claimErrors).length + Object.keys(proposalErrors).length > 0;
    return reply.headers(NO_STORE).page(
      <>
        <ReviewQueuePage claims={await claimsInReview(db)} csrfToken={csrfToken} notice={notice} errors={claimErrors} />
        <ProposalQueue proposals={await proposalsInReview(db)} csrfToken={csrfToken} errors={proposalErrors} />
      </>,
      { title: invalid ? req.t('form.errorTitle', { title: req.t('municipalities.review.title') }) : req.t('municipalities.review.title'), indexable: false },
    );
  }
  const find = (params: unknown) => {
    const { country, slug } = params as { country: string; slug: string };
    return isCountry(country.toUpperCase()) ? municipalityBySlug(db, country.toUpperCase(), slug) : Promise.resolve(undefined);
  };

  app.get('/:lang/municipalities/:country/:slug/claim', async (req, reply) => {
    const m = await find(req.params);
    if (!m) return reply.callNotFound();
    const actor = requireActor(req);
    if (m.joined_at) {
      return reply.page(<MessagePage title={req.t('municipalities.claim.joinedTitle', { name: m.name })}><p>{req.t('municipalities.claim.joined')}</p></MessagePage>,
        { title: req.t('municipalities.claim.joinedTitle', { name: m.name }), indexable: false });
    }
    municipalitiesPolicy.authorize(actor, 'municipality.claim', m);
    return reply.headers(NO_STORE).page(<ClaimPage m={m} values={{}} errors={{}} csrfToken={reply.generateCsrf()} />,
      { title: req.t('municipalities.claim.title', { name: m.name }), indexable: false });
  });

  app.post('/:lang/municipalities/:country/:slug/claim', { config: { rateLimit: FORM_RATE_LIMIT, textChecked: true } }, async (req, reply) => {
    const m = await find(req.params);
    if (!m) return reply.callNotFound();
    const actor = requireActor(req);
    municipalitiesPolicy.authorize(actor, 'municipality.claim', m);
    const result = await submitClaim(ctx, actor, m, req.body, req.lang);
    if (result.ok) {
      return reply.page(<MessagePage title={req.t('accounts.checkEmail.title')} success><p>{req.t('municipalities.claim.sent')}</p></MessagePage>,
        { title: req.t('accounts.checkEmail.title'), indexable: false });
    }
    return reply.status(422).headers(NO_STORE).page(<ClaimPage m={m} values={typedValues(req.body, FIELDS)} errors={result.errors} csrfToken={reply.generateCsrf()} />,
      { title: req.t('form.errorTitle', { title: req.t('municipalities.claim.title', { name: m.name }) }), indexable: false });
  });

  app.get('/:lang/claims/confirm/:token', (req, reply) => {
    const { token } = req.params as { token: string };
    return reply.headers(NO_STORE).page(
      <ConfirmLinkPage title={req.t('municipalities.claim.confirmTitle')} action={`/${req.lang}/claims/confirm/${encodeURIComponent(token)}`} csrfToken={reply.generateCsrf()} />,
      { title: req.t('municipalities.claim.confirmTitle'), indexable: false },
    );
  });

  app.post('/:lang/claims/confirm/:token', async (req, reply) => {
    if (!(await confirmClaimEmail(ctx, (req.params as { token: string }).token))) {
      return reply.status(410).page(<LinkExpired />, { title: req.t('form.linkExpired.title'), indexable: false });
    }
    return reply.page(<MessagePage title={req.t('municipalities.claim.inReviewTitle')} success><p>{req.t('municipalities.claim.inReview')}</p></MessagePage>,
      { title: req.t('municipalities.claim.inReviewTitle'), indexable: false });
  });

  app.get('/:lang/admin/claims', async (req, reply) => {
    const actor = requireActor(req);
    municipalitiesPolicy.authorize(actor, 'claims.review', null);
    return renderQueue(req, reply, noticeFrom(req, ['approved', 'refused', 'added', 'proposal-refused']), {}, {});
  });

  /** Approve, and refuse with a reason, for one kind of item under review; platform admins only. */
  function decisionRoutes(
    kind: 'claims' | 'proposals',
    approve: (actor: Actor, id: number, ip: string) => Promise<ReviewOutcome>,
    refuse: (actor: Actor, id: number, reason: unknown, ip: string) => Promise<ReviewOutcome>,
    notices: { approved: string; refused: string },
  ) {
    const reviewer = (req: FastifyRequest) => {
      const actor = requireActor(req);
      municipalitiesPolicy.authorize(actor, 'claims.review', null);
      return actor;
    };
    app.post(`/:lang/admin/${kind}/:id/approve`, async (req, reply) => {
      const actor = reviewer(req);
      const id = parseId((req.params as { id: string }).id);
      const outcome = id ? await approve(actor, id, req.ip) : 'notFound';
      if (outcome === 'notFound') return reply.callNotFound();
      return reply.redirect(`/${req.lang}/admin/claims?notice=${notices.approved}`, 303);
    });
    app.post(`/:lang/admin/${kind}/:id/refuse`, async (req, reply) => {
      const actor = reviewer(req);
      const id = parseId((req.params as { id: string }).id);
      if (!id) return reply.callNotFound();
      const outcome = await refuse(actor, id, (req.body as { reason?: unknown } | undefined)?.reason, req.ip);
      if (outcome === 'notFound') return reply.callNotFound();
      if (outcome === 'reasonNeeded') {
        return renderQueue(req, reply.status(422), undefined, kind === 'claims' ? { [id]: true } : {}, kind === 'proposals' ? { [id]: true } : {});
      }
      return reply.redirect(`/${req.lang}/admin/claims?notice=${notices.refused}`, 303);
    });
  }

  decisionRoutes('claims', (a, id, ip) => approveClaim(ctx, a, id, ip), (a, id, r, ip) => refuseClaim(ctx, a, id, r, ip), { approved: 'approved', refused: 'refused' });
  decisionRoutes('proposals', (a, id, ip) => approveProposal(ctx, a, id, ip), (a, id, r, ip) => refuseProposal(ctx, a, id, r, ip), { approved: 'added', refused: 'proposal-refused' });

  app.get('/:lang/municipalities/propose', (req, reply) => {
    const actor = requireActor(req);
    municipalitiesPolicy.authorize(actor, 'municipality.propose', null);
    return reply.headers(NO_STORE).page(<ProposePage values={{}} errors={{}} csrfToken={reply.generateCsrf()} />, { title: req.t('municipalities.propose.title'), indexable: false });
  });

  app.post('/:lang/municipalities/propose', { config: { rateLimit: FORM_RATE_LIMIT, textChecked: true } }, async (req, reply) => {
    const actor = requireActor(req);
    municipalitiesPolicy.authorize(actor, 'municipality.propose', null);
    const result = await proposeMunicipality(ctx, actor, req.body);
    if (result.ok) {
      return reply.page(<MessagePage title={req.t('municipalities.propose.thanksTitle')} success><p>{req.t('municipalities.propose.thanks')}</p></MessagePage>,
        { title: req.t('municipalities.propose.thanksTitle'), indexable: false });
    }
    return reply.status(422).headers(NO_STORE).page(
      <ProposePage values={typedValues(req.body, ['country', 'name', 'native_name', 'region', 'population', 'website', 'note'])} errors={result.errors} csrfToken={reply.generateCsrf()} />,
      { title: req.t('form.errorTitle', { title: req.t('municipalities.propose.title') }), indexable: false },
    );
  });

  app.get('/:lang/admin/claims/:id/evidence', async (req, reply) => {
    const actor = requireActor(req);
    municipalitiesPolicy.authorize(actor, 'claims.review', null, { hide: true });
    const id = parseId((req.params as { id: string }).id);
    const claim = id ? await findClaim(db, id) : undefined;
    const file = claim?.evidence_file && join(ctx.config.dataDir, 'uploads', 'claims', claim.evidence_file);
    if (!file || !existsSync(file)) return reply.callNotFound();
    const type = file.endsWith('.pdf') ? 'application/pdf' : file.endsWith('.png') ? 'image/png' : 'image/jpeg';
    return reply.headers({ ...NO_STORE, 'content-disposition': `attachment; filename="claim-${claim.id}-evidence${file.slice(file.lastIndexOf('.'))}"` })
      .type(type).send(createReadStream(file));
  });

}

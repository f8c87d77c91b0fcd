import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../core/authz.ts';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { idParams, tokenParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { sendDocument } from '../../../core/uploads.ts';
import { MessagePage } from '../../../core/views/forms.tsx';
import { municipalitiesPolicy } from '../policy.ts';
import { refusalReason } from '../schema.ts';
import { approveClaim, claimInReview, claimsInReview, confirmClaimEmail, findClaim, refuseClaim, submitClaim } from '../service/claims.ts';
import { approveProposal, proposalInReview, proposalsInReview, proposeMunicipality, refuseProposal } from '../service/proposals.ts';
import { ClaimPage, ReviewQueuePage } from '../views/claims.tsx';
import { ProposalQueue, ProposePage } from '../views/propose.tsx';
import { placeOf } from './place.ts';

const FIELDS = ['job_title', 'official_email', 'website'] as const;
type Kind = 'claims' | 'proposals';

export function claimRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  /** The review page: claims, then proposed municipalities. */
  /** The review page: claims, then proposed places; `refused` marks the one whose refusal lacked a reason. */
  async function renderQueue(req: FastifyRequest, reply: FastifyReply, notice?: string, refused?: { kind: Kind; id: number }) {
    const csrfToken = reply.generateCsrf();
    const errorsOf = (kind: Kind) => (refused?.kind === kind ? { [refused.id]: true } : {});
    const page = (
      <>
        <ReviewQueuePage claims={await claimsInReview(db)} csrfToken={csrfToken} notice={notice} errors={errorsOf('claims')} />
        <ProposalQueue proposals={await proposalsInReview(db)} csrfToken={csrfToken} errors={errorsOf('proposals')} />
      </>
    );
    const title = req.t('municipalities.review.title');
    return refused ? reply.refused({}, page, title) : reply.headers(NO_STORE).page(page, { title, indexable: false });
  }

  app.get('/:lang/municipalities/:country/:slug/claim', async (req, reply) => {
    const m = await placeOf(ctx, req);
    const actor = requireActor(req);
    if (m.joined_at) {
      return reply.page(
        <MessagePage title={req.t('municipalities.claim.joinedTitle', { name: m.name })}>
          <p>{req.t('municipalities.claim.joined')}</p>
        </MessagePage>,
        { title: req.t('municipalities.claim.joinedTitle', { name: m.name }), indexable: false },
      );
    }
    municipalitiesPolicy.authorize(actor, 'municipality.claim', m);
    return reply.headers(NO_STORE).page(<ClaimPage m={m} values={{}} errors={{}} csrfToken={reply.generateCsrf()} />, {
      title: req.t('municipalities.claim.title', { name: m.name }),
      indexable: false,
    });
  });

  app.post(
    '/:lang/municipalities/:country/:slug/claim',
    { config: { rateLimit: FORM_RATE_LIMIT, textChecked: true } },
    async (req, reply) => {
      const m = await placeOf(ctx, req);
      const actor = requireActor(req);
      municipalitiesPolicy.authorize(actor, 'municipality.claim', m);
      const result = await submitClaim(ctx, actor, m, req.body, req.lang);
      if (result.ok) {
        return reply.page(
          <MessagePage title={req.t('form.checkEmail')} success>
            <p>{req.t('municipalities.claim.sent')}</p>
          </MessagePage>,
          { title: req.t('form.checkEmail'), indexable: false },
        );
      }
      return reply.refused(
        result,
        <ClaimPage m={m} values={typedValues(req.body, FIELDS)} errors={result.errors} csrfToken={reply.generateCsrf()} />,
        req.t('municipalities.claim.title', { name: m.name }),
      );
    },
  );

  app.get('/:lang/claims/confirm/:token', (req, reply) => reply.confirmLink(req.t('municipalities.claim.confirmTitle')));

  app.post('/:lang/claims/confirm/:token', async (req, reply) => {
    if (!(await confirmClaimEmail(ctx, tokenParams(req).token))) return reply.linkExpired();
    return reply.page(
      <MessagePage title={req.t('municipalities.claim.inReviewTitle')} success>
        <p>{req.t('municipalities.claim.inReview')}</p>
      </MessagePage>,
      { title: req.t('municipalities.claim.inReviewTitle'), indexable: false },
    );
  });

  app.get('/:lang/admin/claims', async (req, reply) => {
    const actor = requireActor(req);
    municipalitiesPolicy.authorize(actor, 'claims.review', null);
    return renderQueue(req, reply, noticeFrom(req, ['approved', 'refused', 'added', 'proposal-refused']));
  });

  /** Approve, and refuse with a reason, for one kind of item under review; platform admins only. */
  function decisionRoutes<T>(
    kind: Kind,
    decide: {
      load: (id: number) => Promise<T | undefined>;
      approve: (actor: Actor, item: T, ip: string) => Promise<void>;
      refuse: (actor: Actor, item: T, reason: string, ip: string) => Promise<void>;
      notices: { approved: string; refused: string };
    },
  ) {
    /** The item of the address, for a platform admin; 404 once it has been decided. */
    const reviewing = async (req: FastifyRequest) => {
      const actor = requireActor(req);
      municipalitiesPolicy.authorize(actor, 'claims.review', null);
      const { id } = idParams(req);
      return { actor, id, item: await loadOr404(decide.load(id)) };
    };
    app.post(`/:lang/admin/${kind}/:id/approve`, async (req, reply) => {
      const { actor, item } = await reviewing(req);
      await decide.approve(actor, item, req.ip);
      return reply.redirect(`/${req.lang}/admin/claims?notice=${decide.notices.approved}`, 303);
    });
    app.post(`/:lang/admin/${kind}/:id/refuse`, async (req, reply) => {
      const { actor, id, item } = await reviewing(req);
      const reason = refusalReason.safeParse((req.body as { reason?: unknown } | undefined)?.reason);
      if (!reason.success) return renderQueue(req, reply, undefined, { kind, id });
      await decide.refuse(actor, item, reason.data, req.ip);
      return reply.redirect(`/${req.lang}/admin/claims?notice=${decide.notices.refused}`, 303);
    });
  }

  decisionRoutes('claims', {
    load: (id) => claimInReview(ctx, id),
    approve: (actor, claim, ip) => approveClaim(ctx, actor, claim, ip),
    refuse: (actor, claim, reason, ip) => refuseClaim(ctx, actor, claim, reason, ip),
    notices: { approved: 'approved', refused: 'refused' },
  });
  decisionRoutes('proposals', {
    load: (id) => proposalInReview(ctx, id),
    approve: (actor, proposal, ip) => approveProposal(ctx, actor, proposal, ip),
    refuse: (actor, proposal, reason, ip) => refuseProposal(ctx, actor, proposal, reason, ip),
    notices: { approved: 'added', refused: 'proposal-refused' },
  });

  app.get('/:lang/municipalities/propose', (req, reply) => {
    const actor = requireActor(req);
    municipalitiesPolicy.authorize(actor, 'municipality.propose', null);
    return reply.headers(NO_STORE).page(<ProposePage values={{}} errors={{}} csrfToken={reply.generateCsrf()} />, {
      title: req.t('municipalities.propose.title'),
      indexable: false,
    });
  });

  app.post('/:lang/municipalities/propose', { config: { rateLimit: FORM_RATE_LIMIT, textChecked: true } }, async (req, reply) => {
    const actor = requireActor(req);
    municipalitiesPolicy.authorize(actor, 'municipality.propose', null);
    const result = await proposeMunicipality(ctx, actor, req.body);
    if (result.ok) {
      return reply.page(
        <MessagePage title={req.t('municipalities.propose.thanksTitle')} success>
          <p>{req.t('municipalities.propose.thanks')}</p>
        </MessagePage>,
        { title: req.t('municipalities.propose.thanksTitle'), indexable: false },
      );
    }
    const values = typedValues(req.body, ['country', 'name', 'native_name', 'region', 'population', 'website', 'note']);
    return reply.refused(
      result,
      <ProposePage values={values} errors={result.errors} csrfToken={reply.generateCsrf()} />,
      req.t('municipalities.propose.title'),
    );
  });

  app.get('/:lang/admin/claims/:id/evidence', async (req, reply) => {
    const actor = requireActor(req);
    municipalitiesPolicy.authorize(actor, 'claims.review', null, { hide: true });
    const claim = await loadOr404(findClaim(db, idParams(req).id));
    return sendDocument(reply, ctx.config.dataDir, 'claims', claim.evidence_file, `claim-${claim.id}-evidence`);
  });
}

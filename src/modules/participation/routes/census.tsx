import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { loadOr404, NO_STORE, NotFound, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pathParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT, STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import { caughtInHoneypot } from '../../../core/http/spam.tsx';
import type { ModuleContext } from '../../../core/modules.ts';
import { describeScopes } from '../../../core/scopes.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { participationPolicy } from '../policy.ts';
import { censusListOf, clashesOf, isVerified, type Owner, resolveClash, uploadCensus, verify } from '../service/census.ts';
import { processBySlug, processPath, refOf } from '../service/processes.ts';
import { CensusPage, VerifyPage } from '../views/census.tsx';
import { processParams } from './public.tsx';

const ownerShape = { ownerType: z.string().regex(/^[a-z_]{1,20}$/), ownerId: idSchema };
const ownerParams = pathParams(z.object(ownerShape));
const clashParams = pathParams(z.object({ ...ownerShape, clash: idSchema, keep: z.enum(['holder', 'claimant']) }));

/** The census check: staff keep their town's list; a person verifies once against it. */
export function censusRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  async function ownerName(owner: Owner) {
    return (await describeScopes(ctx, [owner])).get(`${owner.type}:${owner.id}`)?.name;
  }

  /** The owner the address names, once the person is its staff. */
  async function staffOwner(req: FastifyRequest) {
    const actor = requireActor(req);
    const { ownerType, ownerId } = ownerParams(req);
    const owner = { type: ownerType, id: ownerId };
    const name = await loadOr404(ownerName(owner));
    participationPolicy.authorize(actor, 'process.manage', { owner_type: owner.type, owner_id: owner.id });
    return { actor, owner, name, base: `/participation/census/${owner.type}/${owner.id}` };
  }

  async function censusPage(
    req: FastifyRequest,
    reply: FastifyReply,
    found: Awaited<ReturnType<typeof staffOwner>>,
    errors: FieldErrors = {},
  ) {
    const [list, clashes] = await Promise.all([censusListOf(ctx, found.owner), clashesOf(ctx, found.owner)]);
    const view = {
      ownerName: found.name,
      base: found.base,
      list,
      clashes,
      csrfToken: reply.generateCsrf(),
      errors,
      notice: Object.keys(errors).length ? undefined : noticeFrom(req, ['uploaded', 'resolved']),
    };
    return <CensusPage view={view} />;
  }

  app.get('/:lang/participation/census/:ownerType/:ownerId', async (req, reply) => {
    const found = await staffOwner(req);
    const title = req.t('participation.census.title', { owner: found.name });
    return reply.headers(NO_STORE).page(await censusPage(req, reply, found), { title, indexable: false });
  });

  app.post('/:lang/participation/census/:ownerType/:ownerId', { config: { rateLimit: STAFF_RATE_LIMIT } }, async (req, reply) => {
    const found = await staffOwner(req);
    const file = (req.body as { file?: unknown } | undefined)?.file;
    const result = await uploadCensus(ctx, found.actor, found.owner, Buffer.isBuffer(file) ? file : undefined, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}${found.base}?notice=uploaded`, 303);
    const title = req.t('participation.census.title', { owner: found.name });
    return reply.refused(result, await censusPage(req, reply, found, result.errors), title);
  });

  app.post(
    '/:lang/participation/census/:ownerType/:ownerId/clashes/:clash/:keep',
    { config: { rateLimit: STAFF_RATE_LIMIT } },
    async (req, reply) => {
      const found = await staffOwner(req);
      const { clash, keep } = clashParams(req);
      if (!(await resolveClash(ctx, found.actor, found.owner, clash, keep, req.ip))) throw new NotFound();
      return reply.redirect(`/${req.lang}${found.base}?notice=resolved`, 303);
    },
  );

  /** The process whose owner's list the person verifies against: only a process that asks for it. */
  async function censusProcess(req: FastifyRequest) {
    const actor = requireActor(req);
    const p = await loadOr404(processBySlug(ctx, processParams(req).process, req.lang));
    participationPolicy.authorize(actor, 'process.view', refOf(p), { hide: true });
    if (p.supporters !== 'census') throw new NotFound();
    const owner = { type: p.owner_type, id: p.owner_id };
    return { actor, p, owner, name: (await ownerName(owner)) ?? '' };
  }

  app.get('/:lang/participation/:process/verify', async (req, reply) => {
    const { actor, p, owner, name } = await censusProcess(req);
    const verified = await isVerified(ctx, owner, actor.id);
    const page = <VerifyPage process={p} ownerName={name} verified={verified} value="" errors={{}} csrfToken={reply.generateCsrf()} />;
    return reply.headers(NO_STORE).page(page, { title: req.t('participation.census.verifyTitle', { owner: name }), indexable: false });
  });

  app.post('/:lang/participation/:process/verify', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const { actor, p, owner, name } = await censusProcess(req);
    const verified = `/${req.lang}${processPath(p)}/verify`;
    // A robot is answered as a verified person is, and its identifier is not even looked at.
    if (caughtInHoneypot(req.body)) return reply.redirect(verified, 303);
    const typed = (req.body as { identifier?: unknown } | undefined)?.identifier;
    const result = await verify(ctx, actor, owner, typed);
    if (result.ok) return reply.redirect(verified, 303);
    const value = typeof typed === 'string' ? typed.slice(0, 100) : '';
    const page = (
      <VerifyPage process={p} ownerName={name} verified={false} value={value} errors={result.errors} csrfToken={reply.generateCsrf()} />
    );
    return reply.refused(result, page, req.t('participation.census.verifyTitle', { owner: name }));
  });
}

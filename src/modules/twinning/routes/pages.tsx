import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { scopeIdsOf } from '../../../core/authz.ts';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, NotFound, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pageQuery, pathParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { municipalitiesByIds } from '../../municipalities/index.ts';
import { twinningPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import type { Twinning } from '../schema.ts';
import { endInput, move, propose } from '../service/twinnings.ts';
import { ProposePage, TwinningListPage, TwinningPage, type TwinningView } from '../views/pages.tsx';

const PAGE_SIZE = 50;
const withQuery = pageQuery(z.object({ with: idSchema }).passthrough());
const pageOf = pageQuery(z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) }).passthrough());
const twinningParams = pathParams(z.object({ id: idSchema }));
const stepParams = pathParams(z.object({ id: idSchema, step: z.enum(['accept', 'decline', 'end']) }));

/** The towns a person works for (as administrator or editor). */
export const ownTowns = (req: FastifyRequest) => scopeIdsOf(req.actor, 'municipality');

export function twinningRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  app.get('/:lang/twinning', async (req, reply) => {
    const { page } = pageOf(req);
    const total = await repo.countConfirmed(db);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw new NotFound();
    const rows = (await repo.confirmedPage(db, (page - 1) * PAGE_SIZE, PAGE_SIZE)) as Twinning[];
    const towns = await municipalitiesByIds(
      db,
      rows.flatMap((r) => [r.proposer_id, r.partner_id]),
    );
    const canRecord = twinningPolicy.can(req.actor, 'twinning.record', null);
    const recorded = noticeFrom(req, ['recorded']) === 'recorded';
    const list = { rows, towns, page, pages, canRecord, recorded };
    return reply.page(<TwinningListPage {...list} />, {
      title: req.t('twinning.title'),
      description: req.t('twinning.lead'),
    });
  });

  async function proposePage(req: FastifyRequest, reply: FastifyReply, partnerId: number, values = {}, errors = {}) {
    const towns = await municipalitiesByIds(db, [partnerId, ...ownTowns(req)]);
    const partner = towns.get(partnerId);
    if (!partner) throw new NotFound();
    const own = ownTowns(req).flatMap((id) => (id !== partnerId && towns.has(id) ? [towns.get(id)!] : []));
    return { partner, page: <ProposePage view={{ partner, own, values, errors, csrfToken: reply.generateCsrf() }} /> };
  }

  app.get('/:lang/twinning/propose', async (req, reply) => {
    const partnerId = withQuery(req).with;
    requireActor(req);
    const { partner, page } = await proposePage(req, reply, partnerId);
    return reply.headers(NO_STORE).page(page, { title: req.t('twinning.propose.title', { partner: partner.name }), indexable: false });
  });

  app.post('/:lang/twinning/propose', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const partnerId = withQuery(req).with;
    const actor = requireActor(req);
    const values = typedValues(req.body, ['town', 'kind', 'since_year']);
    const town = Number(values.town);
    if (Number.isInteger(town) && town > 0) twinningPolicy.authorize(actor, 'twinning.propose', { id: town });
    const result = await propose(ctx, actor, partnerId, req.body);
    if (result.ok) return reply.redirect(`/${req.lang}/twinning/${result.data.id}?notice=done`, 303);
    const { partner, page } = await proposePage(req, reply, partnerId, values, result.errors);
    return reply.refused(result, page, req.t('twinning.propose.title', { partner: partner.name }));
  });

  async function view(req: FastifyRequest, reply: FastifyReply, t: Twinning, extra: Partial<TwinningView> = {}): Promise<TwinningView> {
    return {
      twinning: t,
      towns: await municipalitiesByIds(db, [t.proposer_id, t.partner_id]),
      canDecide: twinningPolicy.can(req.actor, 'twinning.decide', t),
      canEnd: twinningPolicy.can(req.actor, 'twinning.end', t),
      csrfToken: reply.generateCsrf(),
      ...extra,
    };
  }

  async function load(req: FastifyRequest, id: number) {
    const t = (await loadOr404(repo.twinningById(db, id))) as Twinning;
    // A proposal is the two towns' business: for anyone else there is none.
    twinningPolicy.authorize(req.actor, 'twinning.view', t, { hide: true });
    return t;
  }

  app.get('/:lang/twinning/:id', async (req, reply) => {
    const { id } = twinningParams(req);
    requireActor(req);
    const t = await load(req, id);
    const v = await view(req, reply, t, { notice: noticeFrom(req, ['done']) });
    return reply.headers(NO_STORE).page(<TwinningPage view={v} />, { title: req.t('twinning.page.title'), indexable: false });
  });

  app.post('/:lang/twinning/:id/:step', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const { id, step } = stepParams(req);
    const actor = requireActor(req);
    const t = await load(req, id);
    twinningPolicy.authorize(actor, step === 'end' ? 'twinning.end' : 'twinning.decide', t);
    let endedOn: string | undefined;
    if (step === 'end') {
      const parsed = endInput.safeParse(req.body ?? {});
      const typed = typedValues(req.body, ['ended_on']).ended_on;
      if (!parsed.success) {
        const v = await view(req, reply, t, { error: 'twinning.error.date', endedOn: typed });
        return reply.refused(
          { errors: { ended_on: { key: 'twinning.error.date' } } },
          <TwinningPage view={v} />,
          req.t('twinning.page.title'),
        );
      }
      endedOn = parsed.data.ended_on;
    }
    const to = step === 'accept' ? 'confirmed' : step === 'decline' ? 'declined' : 'ended';
    if (!(await move(ctx, actor, t, to, endedOn))) {
      const v = await view(req, reply, t, { error: 'twinning.error.notNow' });
      return reply.refused({ errors: { form: { key: 'twinning.error.notNow' } } }, <TwinningPage view={v} />, req.t('twinning.page.title'));
    }
    return reply.redirect(`/${req.lang}/twinning/${id}?notice=done`, 303);
  });
}

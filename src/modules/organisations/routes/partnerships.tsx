import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { POLICY_AREAS } from '../../../core/areas.ts';
import { scopeIdsOf } from '../../../core/authz.ts';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, NotFound, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { countryParam, pageQuery, pathParams, queryParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { municipalitiesByIds } from '../../municipalities/index.ts';
import { organisationsPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import { MAX_ORGANISATIONS } from '../schema.ts';
import { decide, loadPartnership, namesFor, type Proposer, propose, withSides } from '../service/partnerships.ts';
import { ProposePage, type ProposeView } from '../views/forms.tsx';
import { PartnershipPage, PartnershipsPage } from '../views/partnerships.tsx';

const PAGE_SIZE = 30;
const FIELDS = ['town', 'organisation', 'area', 'description', 'results', 'starts_on', 'ends_on'] as const;
const pageOf = pageQuery(z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) }).passthrough());
const listFilter = queryParams({ area: z.enum(POLICY_AREAS), country: countryParam });
const withQuery = pageQuery(
  z
    .object({ town: idSchema.optional(), organisation: idSchema.optional() })
    .passthrough()
    .refine((q) => (q.town === undefined) !== (q.organisation === undefined)),
);
const idParams = pathParams(z.object({ id: idSchema }));
const stepParams = pathParams(z.object({ id: idSchema, step: z.enum(['confirm', 'decline']) }));

export function partnershipRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  app.get('/:lang/partnerships', async (req, reply) => {
    const { page } = pageOf(req);
    const f = listFilter(req);
    const filter = { area: f.area, country: f.country?.toUpperCase() };
    const total = await repo.countPartnerships(db, filter);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw new NotFound();
    const rows = await withSides(ctx, await repo.partnershipsPage(db, filter, (page - 1) * PAGE_SIZE, PAGE_SIZE));
    const names = await namesFor(ctx, rows);
    return reply.page(<PartnershipsPage view={{ rows, ...names, filter, total, page, pages }} />, {
      title: req.t('organisations.partnerships.title'),
      description: req.t('organisations.partnerships.lead'),
      feeds: [
        {
          title: req.t('organisations.partnerships.feed'),
          rss: `/${req.lang}/feeds/partnerships.rss`,
          atom: `/${req.lang}/feeds/partnerships.atom`,
        },
      ],
    });
  });

  /**
   * The proposal form: `?town=` for an organisation's representatives (they pick their organisation),
   * `?organisation=` for a town's staff (they pick their town).
   */
  async function proposePage(req: FastifyRequest, reply: FastifyReply, values: ProposeView['values'] = {}, errors: FieldErrors = {}) {
    const q = withQuery(req);
    const actor = requireActor(req);
    if (q.town !== undefined) {
      const town = (await municipalitiesByIds(db, [q.town])).get(q.town);
      if (!town) throw new NotFound();
      const own = await repo.organisationsByIds(db, scopeIdsOf(actor, 'organisation'));
      const fixed = { field: 'town' as const, id: town.id, name: town.name };
      return {
        fixed,
        page: (
          <ProposePage
            view={{ fixed, own: own.map((o) => ({ value: String(o.id), label: o.name })), values, errors, csrfToken: reply.generateCsrf() }}
          />
        ),
      };
    }
    const [org] = await repo.organisationsByIds(db, [q.organisation!]);
    if (!org) throw new NotFound();
    const towns = await municipalitiesByIds(db, scopeIdsOf(actor, 'municipality'));
    const fixed = { field: 'organisation' as const, id: org.id, name: org.name };
    const own = [...towns.values()].map((m) => ({ value: String(m.id), label: m.name }));
    return { fixed, page: <ProposePage view={{ fixed, own, values, errors, csrfToken: reply.generateCsrf() }} /> };
  }

  app.get('/:lang/partnerships/propose', async (req, reply) => {
    const { fixed, page } = await proposePage(req, reply);
    return reply
      .headers(NO_STORE)
      .page(page, { title: req.t('organisations.partnership.proposeWith', { name: fixed.name }), indexable: false });
  });

  app.post('/:lang/partnerships/propose', { config: { rateLimit: FORM_RATE_LIMIT, textChecked: true } }, async (req, reply) => {
    const actor = requireActor(req);
    const q = withQuery(req);
    const named = (req.body as Record<string, unknown> | undefined)?.partners;
    // What was typed in the other organisations' fields, to show again; never more fields than the form has.
    const partners = [named ?? []]
      .flat()
      .filter((v): v is string => typeof v === 'string')
      .slice(0, MAX_ORGANISATIONS - 1);
    const typed = { ...typedValues(req.body, FIELDS), partners };
    // The fixed side comes from the address, the proposer's own side from the form: only theirs is allowed.
    const proposer: Proposer = q.town !== undefined ? 'organisation' : 'town';
    const body = {
      ...(req.body as object),
      ...(q.town !== undefined ? { town: String(q.town) } : { organisation: String(q.organisation) }),
    };
    const own = Number(proposer === 'town' ? typed.town : typed.organisation);
    if (Number.isInteger(own) && own > 0)
      organisationsPolicy.authorize(actor, proposer === 'town' ? 'partnership.proposeForTown' : 'partnership.proposeForOrganisation', {
        id: own,
      });
    const result = await propose(ctx, actor, proposer, body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}/partnerships/${result.data.id}?notice=done`, 303);
    const { fixed, page } = await proposePage(req, reply, typed, result.errors);
    return reply.refused(result, page, req.t('organisations.partnership.proposeWith', { name: fixed.name }));
  });

  async function load(req: FastifyRequest) {
    const p = await loadOr404(loadPartnership(ctx, idParams(req).id));
    // A proposal is the two sides' business: for anyone else there is none.
    organisationsPolicy.authorize(req.actor, 'partnership.view', p, { hide: true });
    return p;
  }

  async function detail(req: FastifyRequest, reply: FastifyReply, error?: string) {
    const p = await load(req);
    const view = {
      rows: [p],
      ...(await namesFor(ctx, [p])),
      canDecide: organisationsPolicy.can(req.actor, 'partnership.decide', p),
      csrfToken: reply.generateCsrf(),
      notice: noticeFrom(req, ['done']),
      error,
    };
    return { p, page: <PartnershipPage view={view} /> };
  }

  app.get('/:lang/partnerships/:id', async (req, reply) => {
    const { p, page } = await detail(req, reply);
    const title = req.t('organisations.partnership.on', { area: req.t(`area.${p.area}`) });
    return reply.headers(p.state === 'confirmed' ? {} : NO_STORE).page(page, { title, indexable: p.state === 'confirmed' });
  });

  app.post('/:lang/partnerships/:id/:step', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const { id, step } = stepParams(req);
    const actor = requireActor(req);
    const p = await load(req);
    organisationsPolicy.authorize(actor, 'partnership.decide', p);
    if (!(await decide(ctx, actor, p, step === 'confirm', req.ip))) {
      const { page } = await detail(req, reply, 'organisations.error.notNow');
      return reply.refused({ errors: { form: { key: 'organisations.error.notNow' } } }, page, req.t('organisations.partnership.title'));
    }
    return reply.redirect(`/${req.lang}/partnerships/${id}?notice=done`, 303);
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { scopeIdsOf } from '../../../core/authz.ts';
import { sendEncoded } from '../../../core/http/compression.ts';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, NotFound, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { countryParam, pageQuery, pathParams, queryParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import { type ModuleContext, renderSections } from '../../../core/modules.ts';
import { describeScopes } from '../../../core/scopes.ts';
import { ownerFeeds } from '../../content/index.ts';
import { MAP_SCRIPTS, MAP_STYLES } from '../../municipalities/index.ts';
import { networkPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import { MEMBERSHIP_STATES, type Membership, NETWORK_KINDS } from '../schema.ts';
import { municipalityApplicant, startApplication } from '../service/applications.ts';
import { memberMap, publicCount, publicMembers } from '../service/members.ts';
import { allNetworks, kindsOf, type NetworkView, networkPath } from '../service/networks.ts';
import { ManagePage } from '../views/manage.tsx';
import { ApplyPage } from '../views/membership.tsx';
import { fullName, MemberSection, NetworkPage, NetworksPage } from '../views/public.tsx';
import { networkOr404 } from './loaders.ts';

const PAGE_SIZE = 50;
const slugParams = pathParams(z.object({ slug: z.string().max(80) }));
const listQuery = queryParams({ kind: z.enum(NETWORK_KINDS) });
const stateQuery = queryParams({ state: z.enum(MEMBERSHIP_STATES) });
const memberQuery = queryParams({
  country: countryParam,
  kind: idSchema,
  year: z.coerce.number().int().min(1900).max(2100),
});
const pageOf = pageQuery(z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) }).passthrough());

export function networkRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;
  const network = (req: FastifyRequest, slug: string) => networkOr404(ctx, req, slug);

  app.get('/:lang/networks', async (req, reply) => {
    const { kind } = listQuery(req);
    const networks = (await allNetworks(ctx, req.lang)).filter((n) => !kind || n.kind === kind);
    const counts = new Map(await Promise.all(networks.map(async (n) => [n.id, await publicCount(ctx, n.id)] as const)));
    return reply.page(<NetworksPage networks={networks} counts={counts} kind={kind} />, {
      title: req.t('networks.title'),
      description: req.t('networks.lead'),
    });
  });

  app.get('/:lang/networks/:slug', async (req, reply) => {
    const n = await network(req, slugParams(req).slug);
    const { page } = pageOf(req);
    const filter = memberQuery(req);
    const [list, kinds] = await Promise.all([publicMembers(ctx, n.id, filter, page, PAGE_SIZE), kindsOf(ctx, [n.id])]);
    const { total, countries } = list;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw new NotFound();
    const view = {
      network: n,
      kinds,
      members: list.rows,
      countries,
      filter: { country: filter.country, year: filter.year, kind: filter.kind },
      page,
      pages,
      total,
      map: { tiles: ctx.config.mapTileUrl, attribution: ctx.config.mapAttribution },
    };
    const key = `network.members|${n.id}|${JSON.stringify([filter.country, filter.kind, filter.year, page])}`;
    const [memberPart, sections] = await Promise.all([
      reply.kept(key, async () => <MemberSection view={view} />),
      renderSections(ctx, 'network.page', n, { lang: req.lang, t: req.t, actor: req.actor }),
    ]);
    const whole = { ...view, memberPart, sections, canEdit: networkPolicy.can(req.actor, 'network.edit', n) };
    return reply.page(<NetworkPage view={whole} />, {
      title: fullName(n),
      description: n.description.slice(0, 200),
      feeds: ownerFeeds(req.lang, req.t, { type: 'network', id: n.id, name: n.name }),
      styles: MAP_STYLES,
      scripts: MAP_SCRIPTS,
    });
  });

  app.get('/:lang/networks/:slug/map.json', async (req, reply) => {
    const n = await network(req, slugParams(req).slug);
    const map = await memberMap(ctx, n.id, memberQuery(req));
    reply.header('cache-control', 'public, max-age=300').type('application/json; charset=utf-8');
    return sendEncoded(req, reply, map, ctx.config);
  });

  app.get('/:lang/networks/:slug/manage', async (req, reply) => {
    const n = await network(req, slugParams(req).slug);
    const actor = requireActor(req);
    networkPolicy.authorize(actor, 'network.edit', n);
    const { state } = stateQuery(req);
    const { page } = pageOf(req);
    const counts = new Map((await repo.countsByState(db, n.id)).map((c) => [c.state, Number(c.n)] as const));
    const total = state ? (counts.get(state) ?? 0) : [...counts.values()].reduce((a, b) => a + b, 0);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw new NotFound();
    const filter = { states: state ? [state] : MEMBERSHIP_STATES };
    const [rows, kinds, waiting] = await Promise.all([
      repo.membersPage(db, n.id, filter, (page - 1) * PAGE_SIZE, PAGE_SIZE) as Promise<Membership[]>,
      kindsOf(ctx, [n.id]),
      repo.reportsWaiting(db, n.id, PAGE_SIZE),
    ]);
    const described = await describeScopes(ctx, [
      ...rows.map((m) => ({ type: m.member_type, id: m.member_id })),
      ...waiting.map((w) => ({ type: w.member_type, id: w.member_id })),
    ]);
    const view = {
      network: n,
      kinds,
      rows: rows.map((m) => ({ membership: m, member: described.get(`${m.member_type}:${m.member_id}`) })),
      counts,
      state,
      page,
      pages,
      waiting: waiting.map((w) => ({
        membershipId: w.membership_id,
        name: described.get(`${w.member_type}:${w.member_id}`)?.name ?? '',
        submittedAt: w.submitted_at,
      })),
    };
    return reply.headers(NO_STORE).page(<ManagePage view={view} />, { title: req.t('networks.manage.title'), indexable: false });
  });

  /** The towns and organisations a person speaks for, as the apply form offers them. */
  const ownMembers = (req: FastifyRequest) =>
    describeScopes(
      ctx,
      (['municipality', 'organisation'] as const).flatMap((type) => scopeIdsOf(req.actor, type).map((id) => ({ type, id }))),
    );

  async function applyPage(
    req: FastifyRequest,
    reply: FastifyReply,
    n: NetworkView,
    values: { kind?: string; member?: string },
    errors = {},
  ) {
    const [kinds, members] = await Promise.all([kindsOf(ctx, [n.id]), ownMembers(req)]);
    const view = { network: n, kinds, members: [...members.values()], csrfToken: reply.generateCsrf(), values, errors };
    return <ApplyPage view={view} />;
  }

  app.get('/:lang/networks/:slug/apply', async (req, reply) => {
    const n = await network(req, slugParams(req).slug);
    requireActor(req);
    return reply
      .headers(NO_STORE)
      .page(await applyPage(req, reply, n, {}), { title: req.t('networks.apply.title', { network: n.name }), indexable: false });
  });

  app.post('/:lang/networks/:slug/apply', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const n = await network(req, slugParams(req).slug);
    const actor = requireActor(req);
    const values = typedValues(req.body, ['kind', 'member']);
    const kinds = await kindsOf(ctx, [n.id]);
    const kind = kinds.find((k) => String(k.id) === values.kind);
    const [type, id] = (values.member ?? '').split(':');
    const memberId = Number(id);
    const refuse = (errors: Record<string, { key: string }>) =>
      applyPage(req, reply, n, values, errors).then((page) =>
        reply.refused({ errors }, page, req.t('networks.apply.title', { network: n.name })),
      );
    if (!kind) return refuse({ kind: { key: 'form.error.choose' } });
    if (type !== 'municipality' || !Number.isInteger(memberId)) return refuse({ member: { key: 'form.error.choose' } });
    networkPolicy.authorize(actor, 'membership.apply', { member_type: type, member_id: memberId });
    const applicant = await loadOr404(municipalityApplicant(ctx, memberId));
    const result = await startApplication(ctx, kind, applicant, actor);
    if (!result.ok) return refuse({ kind: { key: result.error } });
    return reply.redirect(`/${req.lang}${networkPath(n)}/memberships/${result.id}`, 303);
  });
}

import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { z } from 'zod';
import type { Actor } from '../../../core/authz.ts';
import { Remembered } from '../../../core/cache.ts';
import { feedPath } from '../../../core/feeds.ts';
import { loadOr404, NO_STORE, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pathParams } from '../../../core/http/params.ts';
import { caughtInHoneypot, writeAllowed } from '../../../core/http/spam.tsx';
import type { Limit } from '../../../core/http/throttle.ts';
import { serveMedia } from '../../../core/images.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { FlagForm } from '../../moderation/index.ts';
import { MAP_SCRIPTS, MAP_STYLES } from '../../municipalities/index.ts';
import { participationPolicy } from '../policy.ts';
import type { Proposal } from '../schema.ts';
import { commentTarget } from '../service/comments.ts';
import { allProposals, listKey, listPage, listPlaces, listState, supportedOn } from '../service/lists.ts';
import { type ProcessView, processBySlug, processPath, refOf } from '../service/processes.ts';
import {
  editable,
  editProposal,
  PICTURE_NAME,
  type ProposalDetail,
  pictureDir,
  proposalDetail,
  proposalPath,
  publishProposal,
  readDraft,
  similarProposals,
  summaryOf,
  typedProposal,
  visibleProposal,
} from '../service/proposals.ts';
import { publishAsChoices } from '../service/published-as.ts';
import { type SupportRefusal, standingOf, support, withdrawSupport } from '../service/supports.ts';
import { CommentsSection } from '../views/comments.tsx';
import { FORM_ASSETS, ProposalFormPage, type ProposalFormView } from '../views/proposal-form.tsx';
import { AnswerPart, ProposalList, ProposalListPart, ProposalMain, ProposalPage, supportHole, YourSupport } from '../views/proposals.tsx';
import { commentsPart } from './comments.tsx';
import { followPart } from './following.tsx';
import { processParams } from './public.tsx';

const proposalParams = pathParams(z.object({ process: z.string().max(80), id: idSchema }));
/** A person writing a proposal checks it, corrects it and publishes: a few posts each. */
const PROPOSAL_RATE_LIMIT = { max: 30, timeWindow: '10 minutes' } as const;
/** A person may support many proposals in a row, and many people share one address (an office, a school). */
const SUPPORT_RATE_LIMIT = { max: 200, timeWindow: '10 minutes' } as const;
const NOTICES = ['published', 'saved', 'supported', 'withdrawn'] as const;

/** The process of the address, for a person who may see it; 404 otherwise. */
async function processOf(ctx: ModuleContext, req: FastifyRequest, slug: string): Promise<ProcessView> {
  const p = await loadOr404(processBySlug(ctx, slug, req.lang));
  participationPolicy.authorize(req.actor, 'process.view', refOf(p), { hide: true });
  return p;
}

/** The proposals part of a process page; none for a vision, which has sections instead. */
export async function proposalPart(ctx: ModuleContext, req: FastifyRequest, reply: FastifyReply, p: ProcessView): Promise<VNode | null> {
  if (p.kind !== 'participatory') return null;
  const state = listState(req.query, p, req.actor);
  const list = await listPage(ctx, state);
  const supported = await supportedOn(ctx, list, req.actor);
  const view = {
    process: p,
    state,
    list,
    signedIn: !!req.actor,
    map: { tiles: ctx.config.mapTileUrl, attribution: ctx.config.mapAttribution },
  };
  const body = await reply.kept(
    `participation.list|${listKey(state)}|${view.signedIn ? 1 : 0}`,
    async () => <ProposalList view={view} />,
    new Map([...supported].map((id) => [supportHole(id), <YourSupport key={id} />])),
  );
  return <ProposalListPart process={p} canPropose={participationPolicy.can(req.actor, 'proposal.create', refOf(p))} list={body} />;
}

/** The page options a process page adds for its proposals: their feeds, and the map's files. */
export const proposalPageOptions = (req: FastifyRequest, p: ProcessView) =>
  p.kind === 'participatory'
    ? {
        feeds: [
          {
            title: req.t('participation.proposal.feed.title', { process: p.title }),
            rss: feedPath(req.lang, 'proposals', 'rss', { process: p.slug }),
            atom: feedPath(req.lang, 'proposals', 'atom', { process: p.slug }),
          },
        ],
        styles: MAP_STYLES,
        scripts: MAP_SCRIPTS,
      }
    : {};

/** Proposals one account may publish in an hour, across the portal. */
const PROPOSALS_PER_ACCOUNT: Limit = { max: 5, windowMs: 3600_000 };

export function proposalRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const map = { tiles: ctx.config.mapTileUrl, attribution: ctx.config.mapAttribution };

  async function formView(reply: FastifyReply, actor: Actor, p: ProcessView, extra: Partial<ProposalFormView>): Promise<ProposalFormView> {
    return {
      process: p,
      values: {},
      errors: {},
      csrfToken: reply.generateCsrf(),
      organisations: extra.editing ? [] : await publishAsChoices(ctx, actor),
      kept: [],
      map,
      ...extra,
    };
  }
  const formTitle = (req: FastifyRequest, editing: boolean) =>
    req.t(editing ? 'participation.proposal.editTitle' : 'participation.proposal.new');
  const formPage = (req: FastifyRequest, reply: FastifyReply, view: ProposalFormView) =>
    reply
      .headers(NO_STORE)
      .page(<ProposalFormPage view={view} />, { title: formTitle(req, !!view.editing), indexable: false, ...FORM_ASSETS });

  /** The process of the address, where the person may write a proposal: sign in first, 403 outside the phase. */
  async function writable(req: FastifyRequest) {
    const p = await processOf(ctx, req, processParams(req).process);
    const actor = requireActor(req);
    participationPolicy.authorize(actor, 'proposal.create', refOf(p));
    return { p, actor };
  }

  app.get('/:lang/participation/:process/proposals/new', async (req, reply) => {
    const { p, actor } = await writable(req);
    return formPage(req, reply, await formView(reply, actor, p, {}));
  });

  app.post('/:lang/participation/:process/proposals', { config: { rateLimit: PROPOSAL_RATE_LIMIT } }, async (req, reply) => {
    const { p, actor } = await writable(req);
    const step = (req.body as { step?: unknown } | undefined)?.step;
    const values = typedProposal(req.body);
    // A robot goes through both steps as a person would, and nothing is kept, not even its pictures.
    if (caughtInHoneypot(req.body)) {
      if (step === 'publish') return reply.redirect(`/${req.lang}${processPath(p)}`, 303);
      return formPage(req, reply, await formView(reply, actor, p, { values, similar: [] }));
    }
    const { result, kept } = await readDraft(ctx, actor, p, req.body);
    if (!result.ok) {
      const view = await formView(reply, actor, p, { values, errors: result.errors, kept });
      return reply.refused(result, <ProposalFormPage view={view} />, formTitle(req, false));
    }
    if (step !== 'publish') {
      const similar = await similarProposals(ctx, p, result.data.title, req.lang);
      return formPage(req, reply, await formView(reply, actor, p, { values, kept, similar }));
    }
    // A person writes a few proposals; a script writing many is stopped here, before anything is stored.
    const limited = await writeAllowed(ctx.database, actor, 'proposal', PROPOSALS_PER_ACCOUNT);
    if (limited) {
      const view = await formView(reply, actor, p, { values, errors: limited.errors, kept });
      return reply.refused(limited, <ProposalFormPage view={view} />, formTitle(req, false));
    }
    const id = await publishProposal(ctx, actor, p, result.data, req.lang);
    return reply.redirect(`/${req.lang}${proposalPath(p.slug, id)}?notice=published`, 303);
  });

  /** The proposal of the address, in its process; 404 when hidden, withdrawn or of another process. */
  // Its author, pictures and answer, read on every visit and the same for every reader: kept until the data changes.
  const details = new Remembered<ProposalDetail>(30_000, 2000);

  async function proposalOf(req: FastifyRequest) {
    const { process: slug, id } = proposalParams(req);
    const p = await processOf(ctx, req, slug);
    const proposal = await loadOr404(visibleProposal(ctx, p, id));
    return { p, proposal };
  }

  async function proposalPage(req: FastifyRequest, reply: FastifyReply, p: ProcessView, proposal: Proposal, refusal?: SupportRefusal) {
    const actor = req.actor;
    const [detail, standing, canEditNow] = await Promise.all([
      details.get(ctx.database.db, String(proposal.id), () => proposalDetail(ctx, proposal)),
      standingOf(ctx, p, proposal, actor),
      participationPolicy.can(actor, 'proposal.edit', { author_id: proposal.author_id, process: refOf(p) })
        ? editable(ctx, proposal)
        : Promise.resolve(false),
    ]);
    const view = {
      process: p,
      detail,
      standing,
      signedIn: !!actor,
      canSupport: participationPolicy.can(actor, 'proposal.support', refOf(p)),
      canEdit: canEditNow,
      csrfToken: actor ? reply.generateCsrf() : undefined,
      refusal,
      notice: noticeFrom(req, NOTICES),
      main: await reply.kept(`participation.proposal|${proposal.id}`, async () => <ProposalMain process={p} detail={detail} map={map} />),
      answer: await reply.kept(`participation.answer|${proposal.id}`, async () => <AnswerPart detail={detail} />),
      parts: await proposalParts(req, reply, p, proposal),
    };
    return <ProposalPage view={view} />;
  }
  /** Following it, reporting it to the moderators, and its comments. */
  async function proposalParts(req: FastifyRequest, reply: FastifyReply, p: ProcessView, proposal: Proposal): Promise<VNode[]> {
    const path = proposalPath(p.slug, proposal.id);
    const target = await loadOr404(commentTarget(ctx, p, 'proposal', proposal.id));
    return [
      await followPart(ctx, req, reply, { type: 'proposal', id: proposal.id }, path),
      <FlagForm key="flag" type="proposal" id={proposal.id} back={path} csrfToken={req.actor ? reply.generateCsrf() : undefined} />,
      <CommentsSection key="comments" view={await commentsPart(ctx, req, reply, p, target)} />,
    ];
  }

  // Its summary is its text rendered and stripped: kept, like the text itself, rather than made per visit.
  const summaries = new Remembered<string>(30_000, 2000);
  const pageOptions = async (p: ProcessView, proposal: Proposal) => ({
    title: proposal.title,
    description: await summaries.get(ctx.database.db, String(proposal.id), async () => summaryOf(proposal.body)),
    styles: MAP_STYLES,
    scripts: MAP_SCRIPTS,
    indexable: p.published === 1,
  });

  app.get('/:lang/participation/:process/proposals/:id', async (req, reply) => {
    const { p, proposal } = await proposalOf(req);
    return reply.page(await proposalPage(req, reply, p, proposal), await pageOptions(p, proposal));
  });

  /** The proposal of the address for its author, while nobody has responded to it. */
  async function ownProposal(req: FastifyRequest) {
    const found = await proposalOf(req);
    const actor = requireActor(req);
    participationPolicy.authorize(actor, 'proposal.edit', { author_id: found.proposal.author_id, process: refOf(found.p) });
    return { ...found, actor };
  }
  const valuesOf = (x: Proposal) => ({
    title: x.title,
    body: x.body,
    area: x.area,
    latitude: x.latitude?.toString() ?? '',
    longitude: x.longitude?.toString() ?? '',
    address: x.address ?? '',
  });

  app.get('/:lang/participation/:process/proposals/:id/edit', async (req, reply) => {
    const { p, proposal, actor } = await ownProposal(req);
    const view = await formView(reply, actor, p, { values: valuesOf(proposal), editing: proposal });
    if (!(await editable(ctx, proposal))) return refuseEdit(req, reply, view);
    return formPage(req, reply, view);
  });

  /** Someone supported, commented on or answered it: the text stays as they saw it. */
  function refuseEdit(req: FastifyRequest, reply: FastifyReply, view: ProposalFormView) {
    const errors: FieldErrors = { form: { key: 'participation.proposal.error.responded' } };
    return reply.refused({ errors }, <ProposalFormPage view={{ ...view, errors }} />, formTitle(req, true));
  }

  app.post('/:lang/participation/:process/proposals/:id/edit', { config: { rateLimit: PROPOSAL_RATE_LIMIT } }, async (req, reply) => {
    const { p, proposal, actor } = await ownProposal(req);
    const saved = `/${req.lang}${proposalPath(p.slug, proposal.id)}?notice=saved`;
    if (caughtInHoneypot(req.body)) return reply.redirect(saved, 303);
    const { result } = await readDraft(ctx, actor, p, req.body, false);
    const view = await formView(reply, actor, p, { values: typedProposal(req.body), editing: proposal });
    if (!result.ok) return reply.refused(result, <ProposalFormPage view={{ ...view, errors: result.errors }} />, formTitle(req, true));
    if (!(await editProposal(ctx, proposal, result.data))) return refuseEdit(req, reply, view);
    return reply.redirect(saved, 303);
  });

  /** The proposal of the address, for a person who may support in its process now: sign in first, 403 otherwise. */
  async function supportable(req: FastifyRequest) {
    const found = await proposalOf(req);
    const actor = requireActor(req);
    participationPolicy.authorize(actor, 'proposal.support', refOf(found.p));
    return { ...found, actor };
  }

  app.post('/:lang/participation/:process/proposals/:id/support', { config: { rateLimit: SUPPORT_RATE_LIMIT } }, async (req, reply) => {
    const { p, proposal, actor } = await supportable(req);
    const refusal = await support(ctx, p, proposal, actor);
    if (refusal) {
      const page = await proposalPage(req, reply, p, proposal, refusal);
      return reply.refused({}, page, proposal.title);
    }
    return reply.redirect(`/${req.lang}${proposalPath(p.slug, proposal.id)}?notice=supported#supports`, 303);
  });

  app.post(
    '/:lang/participation/:process/proposals/:id/support/withdraw',
    { config: { rateLimit: SUPPORT_RATE_LIMIT } },
    async (req, reply) => {
      const { p, proposal, actor } = await supportable(req);
      await withdrawSupport(ctx, proposal, actor);
      return reply.redirect(`/${req.lang}${proposalPath(p.slug, proposal.id)}?notice=withdrawn#supports`, 303);
    },
  );

  app.get('/:lang/participation/:process/proposals/map.json', async (req, reply) => {
    const p = await processOf(ctx, req, processParams(req).process);
    const places = p.kind === 'participatory' ? await listPlaces(ctx, listState(req.query, p, req.actor)) : [];
    return reply.send({ places });
  });

  app.get('/:lang/participation/:process/proposals.csv', async (req, reply) => {
    const p = await processOf(ctx, req, processParams(req).process);
    const { proposals, authors } = await allProposals(ctx, p);
    const url = (id: number) => `${ctx.config.baseUrl}/${req.lang}${proposalPath(p.slug, id)}`;
    const csv = stringify(
      proposals.map((x) => {
        const a = authors.get(x.id);
        return [
          x.id,
          x.title,
          x.area,
          a?.organisation ?? '',
          a?.organisation ? '' : (a?.name ?? ''),
          x.supports_count,
          x.comments_count,
          x.answer_state ?? '',
          x.latitude ?? '',
          x.longitude ?? '',
          x.address ?? '',
          x.published_at,
          url(x.id),
        ].map(spreadsheetSafe);
      }),
      {
        header: true,
        columns: [
          'id',
          'title',
          'area',
          'organisation',
          'author',
          'supports',
          'comments',
          'answer',
          'latitude',
          'longitude',
          'address',
          'published',
          'url',
        ],
        bom: true,
      },
    );
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${p.slug}-proposals.csv"`).send(csv);
  });

  app.get('/:lang/participation/:process/proposals.geojson', async (req, reply) => {
    const p = await processOf(ctx, req, processParams(req).process);
    const { proposals } = await allProposals(ctx, p);
    const features = proposals.flatMap((x) =>
      x.latitude === null || x.longitude === null
        ? []
        : [
            {
              type: 'Feature',
              id: x.id,
              geometry: { type: 'Point', coordinates: [x.longitude, x.latitude] },
              properties: {
                title: x.title,
                area: x.area,
                address: x.address,
                supports: x.supports_count,
                answer: x.answer_state,
                url: `${ctx.config.baseUrl}/${req.lang}${proposalPath(p.slug, x.id)}`,
              },
            },
          ],
    );
    return reply.type('application/geo+json; charset=utf-8').send({ type: 'FeatureCollection', features });
  });

  serveMedia(app, '/media/participation', () => pictureDir(ctx), PICTURE_NAME);
}

/** A cell a spreadsheet would run as a formula (=, +, -, @ first) is kept as text. */
const spreadsheetSafe = (v: string | number) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

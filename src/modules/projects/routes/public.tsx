import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { loadOr404, NO_STORE, NotFound } from '../../../core/http/guards.ts';
import { MAX_ID } from '../../../core/http/input.ts';
import { pageQuery, pathParams, queryParams } from '../../../core/http/params.ts';
import type { Translator } from '../../../core/i18n/catalog.ts';
import { type ModuleContext, renderSections } from '../../../core/modules.ts';
import { projectsPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import type { CallView, FundingCall } from '../schema.ts';
import { zonedParts } from '../service/dates.ts';
import { deadlinesCalendar } from '../service/ics.ts';
import { allProgrammes, callById, callViews, programmeBySlug, strandName, strandsOf } from '../service/read.ts';
import { CallPage, ProgrammePage, ProgrammesPage } from '../views/public.tsx';
import { callFilter, filterShape } from './filters.ts';

const PAGE_SIZE = 20;
const listQuery = queryParams(filterShape);
const pageOf = pageQuery(z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) }).passthrough());
export const slugParams = pathParams(z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/) }));
/** A call's address: its id, or its id and ".ics" for its deadline in a calendar. */
const callRef = pathParams(
  z.object({
    ref: z
      .string()
      .regex(/^[1-9]\d{0,9}(\.ics)?$/)
      .refine((r) => Number.parseInt(r, 10) <= MAX_ID),
  }),
);

export function publicRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;
  const { config } = ctx;
  const canEdit = (actor: Parameters<typeof projectsPolicy.can>[0]) => projectsPolicy.can(actor, 'programme.edit', null);

  app.get('/:lang/programmes', async (req, reply) => {
    const filter = listQuery(req);
    const { page } = pageOf(req);
    const now = new Date().toISOString();
    const where = callFilter(filter, now);
    const total = await repo.countCalls(db, where);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw new NotFound();
    const [programmes, rows] = await Promise.all([
      allProgrammes(ctx, req.lang),
      repo.callsPage(db, where, now, (page - 1) * PAGE_SIZE, PAGE_SIZE) as Promise<FundingCall[]>,
    ]);
    const calls = await callViews(ctx, rows, req.lang);
    if (req.actor) reply.headers(NO_STORE);
    const view = { programmes, calls, filter, page, pages, total, canEdit: canEdit(req.actor) };
    return reply.page(<ProgrammesPage view={view} />, {
      title: req.t('projects.title'),
      description: req.t('projects.lead'),
      feeds: [
        {
          title: req.t('projects.calls.feed'),
          rss: `/${req.lang}/feeds/funding-calls.rss`,
          atom: `/${req.lang}/feeds/funding-calls.atom`,
          ics: `/${req.lang}/calls.ics`,
        },
      ],
    });
  });

  app.get('/:lang/programmes/:slug', async (req, reply) => {
    const programme = await loadOr404(programmeBySlug(ctx, slugParams(req).slug, req.lang));
    const [strands, rows] = await Promise.all([
      strandsOf(ctx, programme.id),
      repo.callsPage(db, { programme: programme.id }, new Date().toISOString(), 0, 500) as Promise<FundingCall[]>,
    ]);
    const view = {
      programme,
      strands: strands.map((s) => strandName(s, req.lang, programme.original_language)),
      calls: await callViews(ctx, rows, req.lang),
      canEdit: canEdit(req.actor),
    };
    if (req.actor) reply.headers(NO_STORE);
    return reply.page(<ProgrammePage view={view} />, { title: programme.name, description: programme.summary.slice(0, 200) });
  });

  const deadlineText = (lang: string, t: Translator) => (c: CallView) =>
    `${t('projects.call.deadline')}: ${t('projects.call.when', zonedParts(c.deadline_at, c.time_zone, lang))}`;

  const sendCalendar = (reply: FastifyReply, calls: CallView[], name: string) =>
    reply
      .type('text/calendar; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(
        deadlinesCalendar(calls, {
          name,
          baseUrl: config.baseUrl,
          lang: reply.request.lang,
          siteName: config.siteName,
          deadline: deadlineText(reply.request.lang, reply.request.t),
        }),
      );

  /** Every call's deadline, newest calls first (at most 500: a catalogue, not an archive). */
  app.get('/:lang/calls.ics', async (req, reply) => {
    const calls = await callViews(ctx, (await repo.newestCalls(db, 500)) as FundingCall[], req.lang);
    return sendCalendar(reply, calls, `${req.t('projects.calls.title')} – ${config.siteName}`);
  });

  app.get('/:lang/calls/:ref', async (req, reply) => {
    const { ref } = callRef(req);
    const call = await loadOr404(callById(ctx, Number.parseInt(ref, 10), req.lang));
    if (ref.endsWith('.ics')) return sendCalendar(reply, [call], call.title);
    const sections = await renderSections(ctx, 'funding_call.page', call, { lang: req.lang, t: req.t, actor: req.actor });
    if (req.actor) reply.headers(NO_STORE);
    return reply.page(<CallPage view={{ call, canEdit: projectsPolicy.can(req.actor, 'call.edit', null), sections }} />, {
      title: call.title,
      description: call.summary.slice(0, 200),
    });
  });
}

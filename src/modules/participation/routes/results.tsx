import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, NotFound, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pathParams, queryParams } from '../../../core/http/params.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { participationPolicy } from '../policy.ts';
import { RESULT_STATUSES } from '../schema.ts';
import { commentTarget } from '../service/comments.ts';
import { processBySlug, refOf } from '../service/processes.ts';
import {
  addEvent,
  EVENT_FIELDS,
  RESULT_FIELDS,
  type ResultValues,
  readResult,
  resultsOf,
  resultValues,
  resultWithTimeline,
  saveResult,
} from '../service/results.ts';
import { importResults, resultsCsv, resultsGeoJson } from '../service/results-csv.ts';
import { ImportPage, MonitoringPage, monitoringPath, ResultFormPage, ResultPage, resultPath } from '../views/results.tsx';
import { commentsPart } from './comments.tsx';
import { processParams } from './public.tsx';

const resultParams = pathParams(z.object({ process: z.string().max(80), id: idSchema }));
const filterQuery = queryParams({
  status: z.enum(RESULT_STATUSES),
  area: z.string().max(20),
  created: z.coerce.number().int().min(0).max(100_000),
  updated: z.coerce.number().int().min(0).max(100_000),
});

/** Monitoring: a process's results for everyone; creating, changing, timelines and the CSV import for its staff. */
export function resultRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { baseUrl } = ctx.config;

  async function visible(req: FastifyRequest, slug: string) {
    const p = await loadOr404(processBySlug(ctx, slug, req.lang));
    participationPolicy.authorize(req.actor, 'process.view', refOf(p), { hide: true });
    return p;
  }
  async function managed(req: FastifyRequest, slug: string) {
    const actor = requireActor(req);
    const p = await visible(req, slug);
    participationPolicy.authorize(actor, 'result.manage', refOf(p));
    return { actor, p };
  }
  async function resultIn(p: { id: number }, id: number) {
    const r = await resultWithTimeline(ctx, id);
    if (!r || r.process_id !== p.id) throw new NotFound();
    return r;
  }

  app.get('/:lang/participation/:process/monitoring', async (req, reply) => {
    const p = await visible(req, processParams(req).process);
    const q = filterQuery(req);
    const filters = { status: q.status, area: q.area && p.areaList.includes(q.area) ? q.area : undefined };
    const canManage = participationPolicy.can(req.actor, 'result.manage', refOf(p));
    const imported = canManage && noticeFrom(req, ['imported']) ? { created: q.created ?? 0, updated: q.updated ?? 0 } : undefined;
    const view = { process: p, results: await resultsOf(ctx, p.id, filters), filters, canManage, imported };
    return reply.page(<MonitoringPage view={view} />, {
      title: `${req.t('participation.result.title')}: ${p.title}`,
      description: req.t('participation.result.lead'),
      indexable: p.published === 1,
    });
  });

  const fileUrl = (lang: string, p: { slug: string }) => (r: { id: number }) => `${baseUrl}/${lang}${resultPath(p, r.id)}`;

  app.get('/:lang/participation/:process/monitoring.csv', async (req, reply) => {
    const p = await visible(req, processParams(req).process);
    const csv = resultsCsv(await resultsOf(ctx, p.id), fileUrl(req.lang, p));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${p.slug}-monitoring.csv"`)
      .header('cache-control', p.published === 1 ? 'public, max-age=300' : 'no-store')
      .send(csv);
  });

  app.get('/:lang/participation/:process/monitoring.geojson', async (req, reply) => {
    const p = await visible(req, processParams(req).process);
    return reply
      .type('application/geo+json; charset=utf-8')
      .header('cache-control', p.published === 1 ? 'public, max-age=300' : 'no-store')
      .send(resultsGeoJson(await resultsOf(ctx, p.id), fileUrl(req.lang, p)));
  });

  async function resultPage(
    req: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    id: number,
    event?: { values: ResultValues; errors: FieldErrors },
  ) {
    const p = await visible(req, slug);
    const result = await resultIn(p, id);
    const canManage = participationPolicy.can(req.actor, 'result.manage', refOf(p));
    const view = {
      process: p,
      result,
      canManage,
      event,
      notice: event ? undefined : noticeFrom(req, ['saved', 'added']),
      ...(canManage ? { csrfToken: reply.generateCsrf() } : {}),
      comments: await commentsPart(ctx, req, reply, p, await loadOr404(commentTarget(ctx, p, 'result', result.id))),
    };
    return { p, result, page: <ResultPage view={view} />, title: result.title, canManage };
  }

  app.get('/:lang/participation/:process/monitoring/:id', async (req, reply) => {
    const { process, id } = resultParams(req);
    const { p, page, title, canManage } = await resultPage(req, reply, process, id);
    if (canManage) reply.headers(NO_STORE);
    return reply.page(page, { title, indexable: p.published === 1 });
  });

  app.post('/:lang/participation/:process/monitoring/:id/events', { config: { rateLimit: STAFF_RATE_LIMIT } }, async (req, reply) => {
    const { process, id } = resultParams(req);
    const { actor, p } = await managed(req, process);
    const result = await resultIn(p, id);
    const added = await addEvent(ctx, actor, result, req.body, req.ip);
    if (added.ok) return reply.redirect(`/${req.lang}${resultPath(p, id)}?notice=added#timeline`, 303);
    const event = { values: typedValues(req.body, EVENT_FIELDS), errors: added.errors };
    const { page, title } = await resultPage(req, reply, process, id, event);
    return reply.refused(added, page, title);
  });

  async function resultForm(req: FastifyRequest, reply: FastifyReply, slug: string, id: number | null) {
    const { actor, p } = await managed(req, slug);
    const current = id ? await resultIn(p, id) : undefined;
    const render = (values: ResultValues, errors: FieldErrors = {}) => (
      <ResultFormPage view={{ process: p, id, values, errors, csrfToken: reply.generateCsrf() }} />
    );
    const title = req.t(id ? 'participation.result.edit' : 'participation.result.new');
    return { actor, p, current, render, title };
  }

  const showForm = async (req: FastifyRequest, reply: FastifyReply, slug: string, id: number | null) => {
    const { current, render, title } = await resultForm(req, reply, slug, id);
    const values = current ? resultValues(current) : { status: 'planned', progress: '0' };
    return reply.headers(NO_STORE).page(render(values), { title, indexable: false });
  };

  const save = async (req: FastifyRequest, reply: FastifyReply, slug: string, id: number | null) => {
    const { actor, p, render, title } = await resultForm(req, reply, slug, id);
    const read = await readResult(ctx, p, req.body);
    if (!read.ok) return reply.refused(read, render(typedValues(req.body, RESULT_FIELDS), read.errors), title);
    const saved = await saveResult(ctx, actor, p, id, read.data, req.lang, req.ip);
    return reply.redirect(`/${req.lang}${resultPath(p, saved)}?notice=saved`, 303);
  };

  app.get('/:lang/participation/:process/monitoring/new', (req, reply) => showForm(req, reply, processParams(req).process, null));
  app.post('/:lang/participation/:process/monitoring/new', { config: { rateLimit: STAFF_RATE_LIMIT } }, (req, reply) =>
    save(req, reply, processParams(req).process, null),
  );
  app.get('/:lang/participation/:process/monitoring/:id/edit', (req, reply) => {
    const { process, id } = resultParams(req);
    return showForm(req, reply, process, id);
  });
  app.post('/:lang/participation/:process/monitoring/:id/edit', { config: { rateLimit: STAFF_RATE_LIMIT } }, (req, reply) => {
    const { process, id } = resultParams(req);
    return save(req, reply, process, id);
  });

  app.get('/:lang/participation/:process/monitoring/import', async (req, reply) => {
    const { p } = await managed(req, processParams(req).process);
    return reply.headers(NO_STORE).page(<ImportPage process={p} csrfToken={reply.generateCsrf()} />, {
      title: req.t('participation.result.import.title'),
      indexable: false,
    });
  });

  app.post('/:lang/participation/:process/monitoring/import', { config: { rateLimit: STAFF_RATE_LIMIT } }, async (req, reply) => {
    const { actor, p } = await managed(req, processParams(req).process);
    const file = (req.body as { file?: unknown } | undefined)?.file;
    const outcome = await importResults(ctx, actor, p, Buffer.isBuffer(file) ? file : Buffer.alloc(0), req.ip);
    if (outcome.ok) {
      const q = `notice=imported&created=${outcome.created}&updated=${outcome.updated}`;
      return reply.redirect(`/${req.lang}${monitoringPath(p)}?${q}`, 303);
    }
    const page = <ImportPage process={p} csrfToken={reply.generateCsrf()} problems={outcome.problems} more={outcome.more} />;
    return reply.refused({ errors: outcome.problems }, page, req.t('participation.result.import.title'));
  });
}

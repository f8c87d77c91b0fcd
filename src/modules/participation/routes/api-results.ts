import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../../core/http/input.ts';
import { apiParams, languageParam } from '../../../core/http/params.ts';
import { problem } from '../../../core/http/problem.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import { type Process, RESULT_STATUSES, type ResultEvent } from '../schema.ts';
import { proposalPath } from '../service/answers.ts';
import { processPath } from '../service/processes.ts';
import { type ResultView, resultPage, resultWithTimeline } from '../service/results.ts';
import { resultPath } from '../views/results.tsx';

const PAGE = 50;
/** The language of the pages the links lead to. */
const lang = languageParam.default('en');
const readList = apiParams(
  z
    .object({
      process: z.string().max(80).optional(),
      status: z.enum(RESULT_STATUSES).optional(),
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      lang,
    })
    .strict(),
  'query',
);
const readOne = apiParams(z.object({ lang }).strict(), 'query');
const readId = apiParams(z.object({ id: idSchema }), 'path');

/** Open data on monitoring: the results of public processes, with the proposals they came from and their timelines. */
export function resultApi(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  const present = (r: ResultView, p: Process, language: string) => {
    const url = (path: string) => `${ctx.config.baseUrl}/${language}${path}`;
    return {
      id: r.id,
      process: { slug: p.slug, url: url(processPath(p)) },
      externalId: r.external_id,
      title: r.title,
      description: r.description,
      language: r.language,
      area: r.area,
      status: r.status,
      progress: r.progress,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      proposals: r.proposals.map((x) => ({ id: x.id, title: x.title, url: url(proposalPath(p, x.id)) })),
      updatedAt: r.updated_at,
      url: url(resultPath(p, r.id)),
    };
  };

  app.get('/api/v1/results', async (req, reply) => {
    const q = readList(req);
    let processes: Process[];
    if (q.process) {
      const p = (await repo.processBySlug(db, q.process)) as Process | undefined;
      if (p?.published !== 1) return problem(reply, 404, 'Not found', 'no public process has this slug');
      processes = [p];
    } else processes = (await repo.processList(db, {}, 10_000)) as Process[];
    const byId = new Map(processes.map((p) => [p.id, p]));
    const { rows, total } = await resultPage(ctx, [...byId.keys()], q.status, (q.page - 1) * PAGE, PAGE);
    return reply.header('cache-control', 'public, max-age=60').send({
      data: rows.map((r) => present(r, byId.get(r.process_id)!, q.lang)),
      total,
      page: q.page,
      next: total > q.page * PAGE ? q.page + 1 : null,
    });
  });

  app.get('/api/v1/results/:id', async (req, reply) => {
    const { lang: language } = readOne(req);
    const r = await resultWithTimeline(ctx, readId(req).id);
    const p = r ? ((await repo.processById(db, r.process_id)) as Process | undefined) : undefined;
    if (!r || !p || p.published !== 1) return problem(reply, 404, 'Not found', 'no public result has this id');
    return reply.header('cache-control', 'public, max-age=60').send({
      ...present(r, p, language),
      timeline: r.events.map((e: ResultEvent) => ({ date: e.on_date, text: e.text, progress: e.progress })),
    });
  });
}

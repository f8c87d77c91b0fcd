import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../../core/http/input.ts';
import { apiParams, languageParam } from '../../../core/http/params.ts';
import { problem } from '../../../core/http/problem.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { ownersOf } from '../service/owners.ts';
import { type ProcessView, processById, processPath, publishedProcesses } from '../service/processes.ts';

const PAGE = 50;
const lang = languageParam.default('en');
const readList = apiParams(
  z
    .object({
      municipality: idSchema.optional(),
      network: idSchema.optional(),
      state: z.enum(['open', 'all']).default('open'),
      lang,
      page: z.coerce.number().int().min(1).max(1000).default(1),
    })
    .strict()
    .refine((q) => !(q.municipality && q.network), { message: 'give a municipality or a network, not both', path: ['network'] }),
  'query',
);
const readId = apiParams(z.object({ id: idSchema }), 'path');
const readLang = apiParams(z.object({ lang }).strict(), 'query');

/** The read API of participatory processes: published ones only, in the asked language or their original. */
export function processApi(app: FastifyInstance, ctx: ModuleContext): void {
  const { baseUrl } = ctx.config;

  const present = (p: ProcessView, owner: { name: string } | undefined, language: string) => ({
    id: p.id,
    slug: p.slug,
    kind: p.kind,
    owner: { type: p.owner_type, id: p.owner_id, name: owner?.name ?? null },
    title: p.title,
    summary: p.summary,
    description: p.description,
    language: p.textLanguage,
    areas: p.areaList,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    phases: p.phases.map((ph) => ({ kind: ph.kind, startsOn: ph.starts_on, endsOn: ph.ends_on, actions: ph.actions })),
    currentPhase: p.current?.kind ?? null,
    supportThreshold: p.support_threshold,
    supportLimit: p.support_limit,
    supporters: p.supporters,
    stances: p.stances === 1,
    url: `${baseUrl}/${language}${processPath(p)}`,
  });

  app.get('/api/v1/processes', async (req, reply) => {
    const q = readList(req);
    const owner = q.municipality
      ? { type: 'municipality', id: q.municipality }
      : q.network
        ? { type: 'network', id: q.network }
        : undefined;
    const all = await publishedProcesses(ctx, q.lang, { open: q.state === 'open', ...(owner ? { owner } : {}) });
    const rows = all.slice((q.page - 1) * PAGE, q.page * PAGE);
    const owners = await ownersOf(ctx, rows);
    return reply.header('cache-control', 'public, max-age=60').send({
      data: rows.map((p) => present(p, owners.get(`${p.owner_type}:${p.owner_id}`), q.lang)),
      total: all.length,
      page: q.page,
      next: all.length > q.page * PAGE ? q.page + 1 : null,
    });
  });

  app.get('/api/v1/processes/:id', async (req, reply) => {
    const { id } = readId(req);
    const { lang: language } = readLang(req);
    const p = await processById(ctx, id, language);
    if (p?.published !== 1) return problem(reply, 404, 'Not found', 'no published process has this id');
    const owner = (await ownersOf(ctx, [p])).get(`${p.owner_type}:${p.owner_id}`);
    return reply.header('cache-control', 'public, max-age=60').send(present(p, owner, language));
  });
}

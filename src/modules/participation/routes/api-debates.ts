import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../../core/http/input.ts';
import { apiParams } from '../../../core/http/params.ts';
import { problem } from '../../../core/http/problem.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import type { Debate } from '../schema.ts';
import { debatePath, debateState } from '../service/debates.ts';
import { publishedAsOf } from '../service/published-as.ts';

const PAGE = 50;
const readList = apiParams(
  z
    .object({
      process: z.string().max(80).optional(),
      state: z.enum(['open', 'closed']).optional(),
      page: z.coerce.number().int().min(1).max(100_000).default(1),
    })
    .strict(),
  'query',
);
const readId = apiParams(z.object({ id: idSchema }), 'path');

/** The read API of debates: those of published processes that moderation did not hide. */
export function debateApi(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;
  const { baseUrl } = ctx.config;

  type Organisations = Awaited<ReturnType<typeof publishedAsOf>>;
  /** The organisation it was published as, by name and profile; null for a person's debate (people are not named here). */
  const organisationOf = (d: Debate, orgs: Organisations) => {
    const o = d.organisation_id === null ? undefined : orgs.get(d.organisation_id);
    return o ? { name: o.name, url: `${baseUrl}/${d.language}${o.path}` } : null;
  };

  const present = (d: Debate, slug: string, now: Date, orgs: Organisations) => ({
    id: d.id,
    process: slug,
    title: d.title,
    body: d.body,
    language: d.language,
    area: d.area,
    official: d.official === 1,
    organisation: organisationOf(d, orgs),
    state: debateState(d, now),
    closesAt: d.closes_at,
    closedAt: d.closed_at,
    conclusions: d.conclusions,
    comments: d.comments_count,
    createdAt: d.created_at,
    url: `${baseUrl}/${d.language}${debatePath({ slug }, d.id)}`,
  });

  app.get('/api/v1/debates', async (req, reply) => {
    const q = readList(req);
    const now = new Date();
    let processId: number | undefined;
    if (q.process !== undefined) {
      const p = await repo.processBySlug(db, q.process);
      if (p?.published !== 1) return problem(reply, 404, 'Not found', 'no published process has this slug');
      processId = p.id;
    }
    // "closed" is closed for comments: closed with conclusions or past the closing date.
    const filter = { ...(processId ? { process: processId } : {}), ...(q.state ? { state: q.state } : {}), now: now.toISOString() };
    const [total, rows] = await Promise.all([
      repo.countPublicDebates(db, filter),
      repo.publicDebatesPage(db, filter, (q.page - 1) * PAGE, PAGE),
    ]);
    const orgs = await publishedAsOf(ctx, rows as Debate[]);
    return reply.header('cache-control', 'public, max-age=60').send({
      data: rows.map((d) => present(d as Debate, d.process_slug, now, orgs)),
      total,
      page: q.page,
      next: total > q.page * PAGE ? q.page + 1 : null,
    });
  });

  app.get('/api/v1/debates/:id', async (req, reply) => {
    const { id } = readId(req);
    const d = (await repo.debateById(db, id)) as Debate | undefined;
    const p = d?.process_id ? await repo.processById(db, d.process_id) : undefined;
    if (!d || d.hidden || !p || p.published !== 1) return problem(reply, 404, 'Not found', 'no public debate has this id');
    return reply.header('cache-control', 'public, max-age=60').send(present(d, p.slug, new Date(), await publishedAsOf(ctx, [d])));
  });
}

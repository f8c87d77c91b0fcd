import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../../core/http/input.ts';
import { apiParams } from '../../../core/http/params.ts';
import { problem } from '../../../core/http/problem.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { renderBody } from '../../content/index.ts';
import * as repo from '../repo.ts';
import { ANSWER_STATES, type Proposal } from '../schema.ts';
import { authorsOf, proposalPath } from '../service/proposals.ts';

const PAGE = 50;
const readList = apiParams(
  z
    .object({
      process: z.string().max(80).optional(),
      area: z.string().max(20).optional(),
      state: z.enum(ANSWER_STATES).optional(),
      cursor: idSchema.optional(),
    })
    .strict(),
  'query',
);
const readId = apiParams(z.object({ id: idSchema }), 'path');

/** The open data of proposals: public ones only (never hidden or withdrawn, never an email), newest first. */
export function proposalApi(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;
  const { baseUrl } = ctx.config;

  async function present(rows: (Proposal & { process_slug: string })[]) {
    const authors = await authorsOf(ctx, rows);
    return rows.map((x) => {
      const a = authors.get(x.id);
      return {
        id: x.id,
        process: x.process_slug,
        language: x.language,
        title: x.title,
        body: renderBody(x.body),
        area: x.area,
        author: {
          name: a?.organisation ? null : (a?.name ?? null),
          organisation: a?.organisation ?? null,
          organisationUrl: a?.organisationPath ? `${baseUrl}/${x.language}${a.organisationPath}` : null,
        },
        location: x.latitude !== null && x.longitude !== null ? { latitude: x.latitude, longitude: x.longitude, address: x.address } : null,
        supports: x.supports_count,
        comments: x.comments_count,
        answerState: x.answer_state,
        publishedAt: x.published_at,
        editedAt: x.edited_at,
        url: `${baseUrl}/${x.language}${proposalPath(x.process_slug, x.id)}`,
      };
    });
  }

  app.get('/api/v1/proposals', async (req, reply) => {
    const q = readList(req);
    let processId: number | undefined;
    if (q.process) {
      const p = await repo.processBySlug(db, q.process);
      if (p?.published !== 1) return problem(reply, 404, 'Not found', 'no published process has this slug');
      processId = p.id;
    }
    const rows = await repo.publicProposals(db, { processId, area: q.area, state: q.state, before: q.cursor }, PAGE + 1);
    const shown = rows.slice(0, PAGE);
    return reply.header('cache-control', 'public, max-age=60').send({
      data: await present(shown),
      next: rows.length > PAGE ? String(shown.at(-1)!.id) : null,
    });
  });

  app.get('/api/v1/proposals/:id', async (req, reply) => {
    const { id } = readId(req);
    const row = await repo.publicProposal(db, id);
    if (!row) return problem(reply, 404, 'Not found', 'no public proposal has this id');
    const [data] = await present([row]);
    const answer = await repo.publishedAnswer(db, id);
    return reply.header('cache-control', 'public, max-age=60').send({
      ...data,
      answer: answer ? { state: answer.state, text: renderBody(answer.text), costCents: answer.cost_cents } : null,
    });
  });
}

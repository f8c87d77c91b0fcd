import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../../core/http/input.ts';
import { apiParams } from '../../../core/http/params.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { type MunicipalitySummary, municipalitiesByIds, profilePath } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import type { Twinning } from '../schema.ts';

const PAGE = 100;
const readQuery = apiParams(
  z.object({ municipality: idSchema.optional(), page: z.coerce.number().int().min(1).max(100_000).default(1) }).strict(),
  'query',
);

/** Confirmed twinnings as open data: proposals, declined and ended ones are the towns' business. */
export function twinningApi(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;
  const town = (m: MunicipalitySummary | undefined, id: number) =>
    m
      ? { id, name: m.name, country: m.country, url: `${ctx.config.baseUrl}/en${profilePath(m)}` }
      : { id, name: null, country: null, url: null };

  app.get('/api/v1/twinnings', async (req, reply) => {
    const q = readQuery(req);
    const [total, rows] = await Promise.all([
      repo.countConfirmed(db, q.municipality),
      repo.confirmedPage(db, (q.page - 1) * PAGE, PAGE, q.municipality) as Promise<Twinning[]>,
    ]);
    const towns = await municipalitiesByIds(
      db,
      rows.flatMap((r) => [r.proposer_id, r.partner_id]),
    );
    const data = rows.map((r) => ({
      id: r.id,
      towns: [town(towns.get(r.proposer_id), r.proposer_id), town(towns.get(r.partner_id), r.partner_id)],
      kind: r.kind,
      sinceYear: r.since_year,
    }));
    return reply
      .header('cache-control', 'public, max-age=60')
      .send({ data, total, page: q.page, next: total > q.page * PAGE ? q.page + 1 : null });
  });
}

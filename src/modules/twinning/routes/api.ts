import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { POLICY_AREAS } from '../../../core/areas.ts';
import { idSchema, today } from '../../../core/http/input.ts';
import { apiParams, countryParam } from '../../../core/http/params.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { queryTerms } from '../../../core/search/normalize.ts';
import { type MunicipalitySummary, municipalitiesByIds, profilePath } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import type { PartnerCall, Twinning } from '../schema.ts';

const PAGE = 100;
const readQuery = apiParams(
  z.object({ municipality: idSchema.optional(), page: z.coerce.number().int().min(1).max(100_000).default(1) }).strict(),
  'query',
);

/** Confirmed twinnings as open data: proposals, declined and ended ones are the towns' business. */
const readCalls = apiParams(
  z.object({ area: z.enum(POLICY_AREAS).optional(), country: countryParam.optional(), q: z.string().max(100).optional() }).strict(),
  'query',
);

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
      source: r.source || null,
    }));
    return reply
      .header('cache-control', 'public, max-age=60')
      .send({ data, total, page: q.page, next: total > q.page * PAGE ? q.page + 1 : null });
  });

  /** Open calls for partners with the page's filters, the nearest deadline first (at most 500). */
  app.get('/api/v1/partner-calls', async (req, reply) => {
    const q = readCalls(req);
    const filter = { openOn: today(), area: q.area, country: q.country, words: q.q ? queryTerms(q.q).slice(0, 8) : [] };
    const calls = (await repo.openCalls(db, filter, 0, 500)) as PartnerCall[];
    const towns = await municipalitiesByIds(
      db,
      calls.map((c) => c.town_id),
    );
    const data = calls.map((c) => ({
      id: c.id,
      title: c.title,
      description: c.description,
      language: c.language,
      town: town(towns.get(c.town_id), c.town_id),
      areas: c.areas.split(',').filter(Boolean),
      countries: c.countries.split(',').filter(Boolean),
      size: c.size,
      programme: c.programme || null,
      funding_call: c.funding_call_id ? { id: c.funding_call_id, url: `${ctx.config.baseUrl}/en/calls/${c.funding_call_id}` } : null,
      deadline: c.deadline,
      url: `${ctx.config.baseUrl}/en/partner-search/${c.id}`,
    }));
    return reply.header('cache-control', 'public, max-age=60').send({ data });
  });
}

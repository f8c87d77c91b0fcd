import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { POLICY_AREAS } from '../../../core/areas.ts';
import { NotFound } from '../../../core/http/guards.ts';
import { apiParams, countryParam } from '../../../core/http/params.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import { ORGANISATION_KINDS, type Organisation } from '../schema.ts';
import { namesFor, withSides } from '../service/partnerships.ts';

const PAGE = 100;
const page = z.coerce.number().int().min(1).max(100_000).default(1);
const area = z.enum(POLICY_AREAS).optional();
const country = countryParam.optional();
const readOrganisations = apiParams(z.object({ kind: z.enum(ORGANISATION_KINDS).optional(), country, area, page }).strict(), 'query');
const readPartnerships = apiParams(z.object({ country, area, page }).strict(), 'query');
const readSlug = apiParams(z.object({ slug: z.string().regex(/^[a-z0-9-]{1,100}$/) }), 'path');

/** Public data only: profiles (no representatives) and confirmed partnerships. */
export function organisationsApi(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;
  const url = (path: string) => `${ctx.config.baseUrl}/en${path}`;
  const present = (o: Organisation) => ({
    slug: o.slug,
    name: o.name,
    kind: o.kind,
    country: o.country || null,
    description: o.description,
    website: o.website,
    areas: o.areas.split(',').filter(Boolean),
    url: url(`/organisations/${o.slug}`),
  });

  app.get('/api/v1/organisations', async (req, reply) => {
    const q = readOrganisations(req);
    const filter = { kind: q.kind, country: q.country?.toUpperCase(), area: q.area };
    const [rows, total] = await Promise.all([
      repo.organisationsPage(db, filter, (q.page - 1) * PAGE, PAGE),
      repo.countOrganisations(db, filter),
    ]);
    return reply
      .header('cache-control', 'public, max-age=60')
      .send({ data: rows.map(present), total, page: q.page, next: total > q.page * PAGE ? q.page + 1 : null });
  });

  app.get('/api/v1/organisations/:slug', async (req, reply) => {
    const org = await repo.organisationBySlug(db, readSlug(req).slug);
    if (!org) throw new NotFound();
    return reply.header('cache-control', 'public, max-age=60').send(present(org));
  });

  app.get('/api/v1/partnerships', async (req, reply) => {
    const q = readPartnerships(req);
    const filter = { country: q.country?.toUpperCase(), area: q.area };
    const [found, total] = await Promise.all([
      repo.partnershipsPage(db, filter, (q.page - 1) * PAGE, PAGE),
      repo.countPartnerships(db, filter),
    ]);
    const rows = await withSides(ctx, found);
    const names = await namesFor(ctx, rows);
    const data = rows.map((p) => ({
      id: p.id,
      area: p.area,
      country: p.country,
      town: names.towns.get(p.municipality_id)?.name ?? null,
      organisations: p.organisations.flatMap((o) => {
        const org = names.organisations.get(o.id);
        return org ? [{ slug: org.slug, name: org.name }] : [];
      }),
      description: p.description,
      results: p.results,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      url: url(`/partnerships/${p.id}`),
    }));
    return reply
      .header('cache-control', 'public, max-age=60')
      .send({ data, total, page: q.page, next: total > q.page * PAGE ? q.page + 1 : null });
  });
}

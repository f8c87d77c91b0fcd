import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../../core/http/input.ts';
import { apiParams, countryParam, languageParam } from '../../../core/http/params.ts';
import { problem } from '../../../core/http/problem.ts';
import { isLanguage, type LanguageCode } from '../../../core/i18n/languages.ts';
import { logoFile } from '../../../core/logos.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { describeScopes } from '../../../core/scopes.ts';
import { municipalitiesByIds, profilePath } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import { type Membership, NETWORK_KINDS, PUBLIC_STATES } from '../schema.ts';
import { allNetworks, kindLabel, kindsOf, type NetworkView, networkPath } from '../service/networks.ts';

const PAGE = 50;
const lang = languageParam.default('en');
const readList = apiParams(z.object({ kind: z.enum(NETWORK_KINDS).optional(), lang }).strict(), 'query');
const readOne = apiParams(z.object({ lang }).strict(), 'query');
const readId = apiParams(z.object({ id: idSchema }), 'path');
const memberFilters = {
  country: countryParam.optional(),
  kind: idSchema.optional(),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  lang,
};
const readMembers = apiParams(
  z.object({ ...memberFilters, page: z.coerce.number().int().min(1).max(100_000).default(1) }).strict(),
  'query',
);
const readGeo = apiParams(z.object(memberFilters).strict(), 'query');

/** The read API of networks and their public members: what the pages show, as JSON and GeoJSON. */
export function networkApi(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;
  const { baseUrl } = ctx.config;
  const url = (language: string, path: string) => `${baseUrl}/${language}${path}`;

  const present = (n: NetworkView, members: number, language: string) => ({
    id: n.id,
    slug: n.slug,
    name: n.name,
    acronym: n.acronym || null,
    description: n.description,
    language: n.textLanguage,
    kind: n.kind,
    foundedYear: n.founded_year,
    website: n.website,
    areas: n.areaList,
    logo: n.logo ? `${baseUrl}/media/networks/${logoFile(n.logo, 320)}` : null,
    members,
    url: url(language, networkPath(n)),
  });

  const publicCount = (id: number) => repo.countMembers(db, id, { states: PUBLIC_STATES });

  async function networkOf(req: FastifyRequest, language: LanguageCode) {
    const { id } = readId(req);
    return (await allNetworks(ctx, language)).find((n) => n.id === id);
  }

  app.get('/api/v1/networks', async (req, reply) => {
    const q = readList(req);
    const language = q.lang as LanguageCode;
    const list = (await allNetworks(ctx, language)).filter((n) => !q.kind || n.kind === q.kind);
    const counts = await Promise.all(list.map((n) => publicCount(n.id)));
    return reply.header('cache-control', 'public, max-age=60').send({ data: list.map((n, i) => present(n, counts[i]!, language)) });
  });

  app.get('/api/v1/networks/:id', async (req, reply) => {
    const language = readOne(req).lang as LanguageCode;
    const n = await networkOf(req, language);
    if (!n) return problem(reply, 404, 'Not found', 'no network has this id');
    const kinds = await kindsOf(ctx, [n.id]);
    return reply.header('cache-control', 'public, max-age=60').send({
      ...present(n, await publicCount(n.id), language),
      memberships: kinds.map((k) => ({
        id: k.id,
        code: k.code,
        label: kindLabel(k, language),
        applicants: k.applicants,
        countries: k.countries.split(',').filter(Boolean),
        population: { min: k.min_population, max: k.max_population },
        reportEveryYears: k.report_years,
      })),
    });
  });

  app.get('/api/v1/networks/:id/members', async (req, reply) => {
    const q = readMembers(req);
    const language = q.lang as LanguageCode;
    const n = await networkOf(req, language);
    if (!n) return problem(reply, 404, 'Not found', 'no network has this id');
    const filter = { states: PUBLIC_STATES, country: q.country, kind: q.kind, year: q.year };
    const [total, rows, kinds] = await Promise.all([
      repo.countMembers(db, n.id, filter),
      repo.membersPage(db, n.id, filter, (q.page - 1) * PAGE, PAGE) as Promise<Membership[]>,
      kindsOf(ctx, [n.id]),
    ]);
    const described = await describeScopes(
      ctx,
      rows.map((m) => ({ type: m.member_type, id: m.member_id })),
    );
    const data = rows.map((m) => {
      const member = described.get(`${m.member_type}:${m.member_id}`);
      const kind = kinds.find((k) => k.id === m.kind_id);
      return {
        member: {
          type: m.member_type,
          id: m.member_id,
          name: member?.name ?? null,
          country: m.country,
          url: member ? url(language, member.path) : null,
        },
        membership: kind ? { id: kind.id, code: kind.code, label: kindLabel(kind, language) } : null,
        since: m.since?.slice(0, 10) ?? null,
        // Public members are active; a late report is the two sides' business.
        status: 'active',
      };
    });
    return reply
      .header('cache-control', 'public, max-age=60')
      .send({ data, total, page: q.page, next: total > q.page * PAGE ? q.page + 1 : null });
  });

  app.get('/api/v1/networks/:id/members.geojson', async (req, reply) => {
    const q = readGeo(req);
    const language = (isLanguage(q.lang) ? q.lang : 'en') as LanguageCode;
    const n = await networkOf(req, language);
    if (!n) return problem(reply, 404, 'Not found', 'no network has this id');
    const refs = await repo.memberIds(db, n.id, { states: PUBLIC_STATES, country: q.country, kind: q.kind, year: q.year }, 100_000);
    const towns = await municipalitiesByIds(
      db,
      refs.filter((r) => r.member_type === 'municipality').map((r) => r.member_id),
    );
    const features = [...towns.values()].flatMap((m) =>
      m.latitude === null || m.longitude === null
        ? []
        : [
            {
              type: 'Feature',
              id: m.id,
              geometry: { type: 'Point', coordinates: [m.longitude, m.latitude] },
              properties: { name: m.name, country: m.country, url: url(language, profilePath(m)) },
            },
          ],
    );
    return reply
      .type('application/geo+json; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send({ type: 'FeatureCollection', features });
  });
}

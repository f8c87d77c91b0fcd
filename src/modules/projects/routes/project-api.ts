import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { loadOr404 } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { apiParams, languageParam } from '../../../core/http/params.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import type { Project } from '../schema.ts';
import { indicatorLabel, indicatorsOf, list, type ProjectView, partnerViews, projectById, projectViews } from '../service/project-read.ts';
import { allProgrammes } from '../service/read.ts';
import { projectFilterShape } from './projects.tsx';

const PAGE = 100;
const page = z.coerce.number().int().min(1).max(100_000).default(1);
const lang = languageParam.default('en');
const readProjects = apiParams(
  z
    .object({
      programme: projectFilterShape.programme.optional(),
      area: projectFilterShape.area.optional(),
      country: projectFilterShape.country.optional(),
      state: projectFilterShape.state.optional(),
      lang,
      page,
    })
    .strict(),
  'query',
);
const readOne = apiParams(z.object({ lang }).strict(), 'query');
const bare = apiParams(z.object({}).strict(), 'query');
const idPath = apiParams(z.object({ id: idSchema }), 'path');

/** Projects and their partners, read by anyone: the same facts as the pages. */
export function projectApi(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;
  const url = (language: string, path: string) => `${ctx.config.baseUrl}/${language}${path}`;

  const present = (p: ProjectView, language: string) => ({
    id: p.id,
    slug: p.slug,
    acronym: p.acronym,
    title: p.title,
    summary: p.summary,
    language: p.language,
    programme: p.programme?.slug ?? null,
    callId: p.call_id,
    reference: p.reference || null,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    budgetEur: p.budget_eur === null ? null : Number(p.budget_eur),
    euContributionEur: p.eu_contribution_eur === null ? null : Number(p.eu_contribution_eur),
    areas: list(p.areas),
    website: p.website || null,
    state: p.state,
    partners: p.partnerCount,
    countries: p.countryCount,
    url: url(language, `/projects/${p.slug}`),
  });

  app.get('/api/v1/projects', async (req, reply) => {
    const q = readProjects(req);
    const programme = q.programme ? (await allProgrammes(ctx, 'en')).find((p) => p.slug === q.programme) : undefined;
    const where = { ...q, programme: q.programme ? (programme?.id ?? -1) : undefined };
    const [total, rows] = await Promise.all([
      repo.countProjects(db, where),
      repo.projectsPage(db, where, (q.page - 1) * PAGE, PAGE) as Promise<Project[]>,
    ]);
    const data = (await projectViews(ctx, rows, q.lang)).map((p) => present(p, q.lang));
    return reply
      .header('cache-control', 'public, max-age=60')
      .send({ data, total, page: q.page, next: total > q.page * PAGE ? q.page + 1 : null });
  });

  app.get('/api/v1/projects/:id', async (req, reply) => {
    const { id } = idPath(req);
    const q = readOne(req);
    const p = await loadOr404(projectById(ctx, id, q.lang));
    const indicators = (await indicatorsOf(ctx, id)).map((i) => ({
      kind: i.kind,
      label: indicatorLabel(i, q.lang).text,
      unit: i.unit,
      target: i.target,
      achieved: i.achieved,
    }));
    return reply.header('cache-control', 'public, max-age=60').send({ ...present(p, q.lang), indicators });
  });

  const partnersOf = async (id: number) => {
    await loadOr404(repo.projectById(db, id));
    return partnerViews(ctx, id);
  };

  app.get('/api/v1/projects/:id/partners', async (req, reply) => {
    const { id } = idPath(req);
    bare(req);
    const data = (await partnersOf(id)).map((p) => ({
      kind: p.kind,
      name: p.name,
      country: p.country,
      type: p.kind === 'town' ? 'municipality' : p.organisation_type || 'other',
      role: p.role,
      joined: p.joined_on,
      left: p.left_on,
      municipalityId: p.municipality_id,
      profileUrl: p.profile ? url('en', p.profile) : null,
    }));
    return reply.header('cache-control', 'public, max-age=60').send({ data });
  });

  app.get('/api/v1/projects/:id/partners.geojson', async (req, reply) => {
    const { id } = idPath(req);
    bare(req);
    const features = (await partnersOf(id)).flatMap((p) =>
      p.town && p.town.latitude !== null && p.town.longitude !== null
        ? [
            {
              type: 'Feature',
              geometry: { type: 'Point', coordinates: [p.town.longitude, p.town.latitude] },
              properties: {
                name: p.name,
                kind: p.kind,
                role: p.role,
                country: p.country,
                profileUrl: p.profile ? url('en', p.profile) : null,
              },
            },
          ]
        : [],
    );
    return reply
      .type('application/geo+json')
      .header('cache-control', 'public, max-age=60')
      .send(JSON.stringify({ type: 'FeatureCollection', features }));
  });
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { POLICY_AREAS } from '../../../core/areas.ts';
import { auditOf } from '../../../core/audit.ts';
import { scopeIdsOf } from '../../../core/authz.ts';
import { loadOr404, NO_STORE, NotFound } from '../../../core/http/guards.ts';
import { pageQuery, queryParams } from '../../../core/http/params.ts';
import { type ModuleContext, renderSections } from '../../../core/modules.ts';
import { eventsOwnedBy } from '../../content/index.ts';
import { MAP_SCRIPTS, MAP_STYLES, mapPlaces, municipalitiesByIds } from '../../municipalities/index.ts';
import { projectsPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import { PROJECT_STATES, type Project } from '../schema.ts';
import {
  countProjects,
  indicatorsOf,
  type PartnerView,
  partnerCountries,
  partnerViews,
  projectBySlug,
  projectViews,
} from '../service/project-read.ts';
import { allProgrammes, callById } from '../service/read.ts';
import { ProjectPage, ProjectStarts, ProjectsPage, STARTS_HOLE } from '../views/projects.tsx';
import { slugParams } from './public.tsx';

const PAGE_SIZE = 20;
/** The list's filters, as its GET form and the API name them. */
export const projectFilterShape = {
  programme: z.string().regex(/^[a-z0-9-]{1,80}$/),
  area: z.enum(POLICY_AREAS),
  country: z.string().regex(/^[A-Z]{2}$/),
  state: z.enum(PROJECT_STATES),
};
const listQuery = queryParams(projectFilterShape);
const pageOf = pageQuery(z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) }).passthrough());

/** Partner towns with coordinates, for the map (organisations in a town of the directory are drawn at that town). */
export const partnerPlaces = (partners: PartnerView[]) =>
  mapPlaces(
    partners.flatMap((p) =>
      p.town && p.town.latitude !== null && p.town.longitude !== null
        ? [{ ...p.town, name: p.name, latitude: p.town.latitude, longitude: p.town.longitude }]
        : [],
    ),
  );

export function projectRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  app.get('/:lang/projects', async (req, reply) => {
    const filter = listQuery(req);
    const { page } = pageOf(req);
    if (req.actor) reply.headers(NO_STORE);
    // The towns the reader may start a project for: their staff see a link for each, in the list's hole.
    const mine = scopeIdsOf(req.actor, 'municipality').filter((id) => projectsPolicy.can(req.actor, 'project.create', { id }));
    const starts = [...(await municipalitiesByIds(db, mine.slice(0, 20))).values()].map((m) => ({ id: m.id, name: m.name }));
    const fills = new Map(starts.length ? [[STARTS_HOLE, <ProjectStarts starts={starts} />]] : []);
    // The list reads the same for everyone: each filter and page is rendered once and kept.
    const body = await reply.kept(
      `projects.list|${JSON.stringify([filter, page])}`,
      async () => {
        const programmes = await allProgrammes(ctx, req.lang);
        const programme = programmes.find((p) => p.slug === filter.programme);
        // An unknown programme matches nothing, as any other filter would.
        const where = { ...filter, programme: filter.programme ? (programme?.id ?? -1) : undefined };
        const total = await countProjects(ctx, where);
        const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
        if (page > pages) throw new NotFound();
        const rows = (await repo.projectsPage(db, where, (page - 1) * PAGE_SIZE, PAGE_SIZE)) as Project[];
        const [countries, projects] = await Promise.all([partnerCountries(ctx), projectViews(ctx, rows, req.lang)]);
        return <ProjectsPage view={{ projects, programmes, countries, filter, page, pages, total }} />;
      },
      fills,
    );
    return reply.page(body, {
      title: req.t('projects.project.listTitle'),
      description: req.t('projects.project.listLead'),
    });
  });

  app.get('/:lang/projects/:slug', async (req, reply) => {
    const project = await loadOr404(projectBySlug(ctx, slugParams(req).slug, req.lang));
    const page = async () => {
      const [partners, events, indicators, call, sections, moves] = await Promise.all([
        partnerViews(ctx, project.id),
        eventsOwnedBy(ctx, 'project', project.id, req.lang),
        indicatorsOf(ctx, project.id),
        project.call_id ? callById(ctx, project.call_id, req.lang) : Promise.resolve(undefined),
        renderSections(ctx, 'project.page', project, { lang: req.lang, t: req.t, actor: req.actor }),
        auditOf(db, 'project', project.id, 'project.state'),
      ]);
      const stateChanges = moves.map((m) => ({
        at: m.created_at,
        to: String((JSON.parse(m.details ?? '{}') as { to?: string }).to ?? ''),
      }));
      const view = {
        project,
        call: call ? { id: call.id, reference: call.reference, title: call.title } : null,
        partners,
        places: partnerPlaces(partners),
        map: { tiles: ctx.config.mapTileUrl, attribution: ctx.config.mapAttribution },
        events,
        stateChanges: stateChanges.filter((c) => c.to),
        indicators,
        sections,
        canEdit: projectsPolicy.can(req.actor, 'project.edit', project),
        inWorkspace: projectsPolicy.can(req.actor, 'project.workspace', project),
      };
      return <ProjectPage view={view} />;
    };
    // A signed-in reader may see the editing and workspace links and the newsroom's empty sections:
    // their page is theirs. Everyone else reads the same page, rendered once per language and kept.
    const body = req.actor ? await page() : await reply.kept(`projects.project|${project.id}`, page);
    if (req.actor) reply.headers(NO_STORE);
    return reply.page(body, {
      title: `${project.acronym}: ${project.title}`,
      description: project.summary.slice(0, 200),
      styles: MAP_STYLES,
      scripts: MAP_SCRIPTS,
    });
  });
}

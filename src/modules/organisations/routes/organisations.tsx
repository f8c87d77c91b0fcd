import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { POLICY_AREAS } from '../../../core/areas.ts';
import { scopeIdsOf } from '../../../core/authz.ts';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, NotFound, requireActor } from '../../../core/http/guards.ts';
import { countryParam, pageQuery, pathParams, queryParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import { serveMedia } from '../../../core/images.ts';
import { LOGO_NAME, logoDir } from '../../../core/logos.ts';
import { type ModuleContext, renderSections } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { municipalitiesByIds } from '../../municipalities/index.ts';
import { organisationsPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import { ORGANISATION_KINDS, type Organisation } from '../schema.ts';
import { createOrganisation, editOrganisation, LOGO_FOLDER, uploadLogo } from '../service/organisations.ts';
import { namesFor, withSides } from '../service/partnerships.ts';
import { representativesOf } from '../service/representatives.ts';
import { OrganisationFormPage } from '../views/forms.tsx';
import { OrganisationPage, OrganisationsPage } from '../views/organisations.tsx';

const PAGE_SIZE = 50;
const FIELDS = ['name', 'kind', 'country', 'town', 'website', 'description', 'areas'] as const;
export const slugParams = pathParams(z.object({ slug: z.string().regex(/^[a-z0-9-]{1,100}$/) }));
const pageOf = pageQuery(z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) }).passthrough());
const listFilter = queryParams({ kind: z.enum(ORGANISATION_KINDS), country: countryParam, area: z.enum(POLICY_AREAS) });

/** What a form sent, each field as typed (areas as a list), to show it again. */
function typed(body: unknown) {
  const values: Record<string, string | string[]> = { ...typedValues(body, FIELDS) };
  const areas = (body as { areas?: unknown } | undefined)?.areas;
  values.areas = [areas ?? []].flat().filter((a): a is string => typeof a === 'string');
  return values;
}

export function organisationRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  app.get('/:lang/organisations', async (req, reply) => {
    const { page } = pageOf(req);
    const f = listFilter(req);
    const filter = { kind: f.kind, country: f.country?.toUpperCase(), area: f.area };
    const total = await repo.countOrganisations(db, filter);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw new NotFound();
    const rows = await repo.organisationsPage(db, filter, (page - 1) * PAGE_SIZE, PAGE_SIZE);
    const canCreate = organisationsPolicy.can(req.actor, 'organisation.create', null);
    return reply.page(<OrganisationsPage view={{ rows, filter, total, page, pages, canCreate }} />, {
      title: req.t('organisations.list.title'),
      description: req.t('organisations.list.lead'),
    });
  });

  const formPage = (reply: FastifyReply, view: Parameters<typeof OrganisationFormPage>[0]['view']) => (
    <OrganisationFormPage view={{ ...view, csrfToken: reply.generateCsrf() }} />
  );

  app.get('/:lang/organisations/new', (req, reply) => {
    organisationsPolicy.authorize(requireActor(req), 'organisation.create', null);
    return reply.headers(NO_STORE).page(formPage(reply, { values: { kind: 'ngo' }, errors: {}, csrfToken: '' }), {
      title: req.t('organisations.create'),
      indexable: false,
    });
  });

  app.post('/:lang/organisations/new', { config: { rateLimit: FORM_RATE_LIMIT, textChecked: true } }, async (req, reply) => {
    const actor = requireActor(req);
    organisationsPolicy.authorize(actor, 'organisation.create', null);
    const result = await createOrganisation(ctx, actor, req.body);
    if (result.ok) return reply.redirect(`/${req.lang}/organisations/${result.data.slug}`, 303);
    return reply.refused(
      result,
      formPage(reply, { values: typed(req.body), errors: result.errors, csrfToken: '' }),
      req.t('organisations.create'),
    );
  });

  app.get('/:lang/organisations/:slug', async (req, reply) => {
    const org = await loadOr404(repo.organisationBySlug(db, slugParams(req).slug));
    const view = { lang: req.lang, t: req.t, actor: req.actor };
    const [rows, representatives, sections] = await Promise.all([
      repo.partnershipsPage(db, { organisation: org.id }, 0, 100).then((r) => withSides(ctx, r)),
      representativesOf(ctx, org.id),
      renderSections(ctx, 'organisation.page', org, view),
    ]);
    const names = await namesFor(ctx, rows);
    const [town] = (await municipalitiesByIds(db, org.municipality_id ? [org.municipality_id] : [])).values();
    const canEdit = organisationsPolicy.can(req.actor, 'organisation.edit', org);
    const canPropose = !!req.actor?.confirmed && scopeIdsOf(req.actor, 'municipality').length > 0;
    const page = { org, town, representatives, partnerships: { rows, ...names }, sections, canEdit, canPropose };
    return reply.page(<OrganisationPage view={page} />, { title: org.name, description: org.description?.slice(0, 160) });
  });

  /** The organisation of the address, for a person allowed to edit it; otherwise 404, 403 or sign-in. */
  async function editable(req: FastifyRequest) {
    const org = await loadOr404(repo.organisationBySlug(db, slugParams(req).slug));
    const actor = requireActor(req);
    organisationsPolicy.authorize(actor, 'organisation.edit', org);
    return { org, actor };
  }

  async function valuesOf(org: Organisation) {
    const [town] = (await municipalitiesByIds(db, org.municipality_id ? [org.municipality_id] : [])).values();
    const { name, kind, country, website, description } = org;
    return {
      name,
      kind,
      country,
      town: town?.name ?? '',
      website: website ?? '',
      description: description ?? '',
      areas: org.areas.split(',').filter(Boolean),
    };
  }

  const editPage = async (reply: FastifyReply, org: Organisation, errors: FieldErrors = {}, logoErrors: FieldErrors = {}, body?: unknown) =>
    formPage(reply, {
      slug: org.slug,
      logo: org.logo,
      values: body ? typed(body) : await valuesOf(org),
      errors,
      logoErrors,
      csrfToken: '',
    });

  app.get('/:lang/organisations/:slug/edit', async (req, reply) => {
    const { org } = await editable(req);
    return reply.headers(NO_STORE).page(await editPage(reply, org), { title: req.t('organisations.edit'), indexable: false });
  });

  app.post('/:lang/organisations/:slug/edit', { config: { rateLimit: FORM_RATE_LIMIT, textChecked: true } }, async (req, reply) => {
    const { org, actor } = await editable(req);
    const result = await editOrganisation(ctx, actor, org, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}/organisations/${org.slug}`, 303);
    return reply.refused(result, await editPage(reply, org, result.errors, {}, req.body), req.t('organisations.edit'));
  });

  app.post('/:lang/organisations/:slug/logo', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const { org, actor } = await editable(req);
    const result = await uploadLogo(ctx, actor, org, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}/organisations/${org.slug}`, 303);
    return reply.refused(result, await editPage(reply, org, {}, result.errors), req.t('organisations.edit'));
  });

  serveMedia(app, '/media/organisations', () => logoDir(ctx.config.dataDir, LOGO_FOLDER), LOGO_NAME);
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, NotFound, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pathParams, queryParams } from '../../../core/http/params.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import { LANGUAGE_CODES, type LanguageCode } from '../../../core/i18n/languages.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { municipalityById, searchMunicipalities } from '../../municipalities/index.ts';
import { projectsPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import type { FundingCall, Project, ProjectIndicator, ProjectPartner } from '../schema.ts';
import { createProject, decideInvitation, editProject, inviteTown, moveState } from '../service/project-editing.ts';
import { INDICATOR_FIELDS, inviteInput, PROJECT_FIELDS, stateInput } from '../service/project-inputs.ts';
import { addOrganisation, changePartner, removeIndicator, removePartner, saveIndicator } from '../service/project-partners.ts';
import { indicatorsOf, list, type ProjectView, partnerViews, projectBySlug } from '../service/project-read.ts';
import { allProgrammes, callViews, pick } from '../service/read.ts';
import type { FormValues } from '../views/editor.tsx';
import { IndicatorsPage, InvitationPage, PartnersPage, ProjectForm } from '../views/project-editor.tsx';
import { slugParams } from './public.tsx';

const FORM = { config: { rateLimit: STAFF_RATE_LIMIT, textChecked: true } };
const townQuery = queryParams({ town: idSchema });
const languageQuery = queryParams({ language: z.enum(LANGUAGE_CODES as [LanguageCode, ...LanguageCode[]]) });
const itemParams = pathParams(z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/), id: idSchema }));
const invitationParams = pathParams(z.object({ id: idSchema }));

function typed(body: unknown): FormValues {
  const b = (body ?? {}) as Record<string, unknown>;
  const areas = [b.areas ?? []].flat().filter((x): x is string => typeof x === 'string');
  return { ...typedValues(body, PROJECT_FIELDS), areas };
}

/** The coordinator's pages: a project's facts, state, indicators and partner list; and the invited towns' answers. */
export function projectEditorRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  async function options(lang: string) {
    const programmes = await allProgrammes(ctx, lang);
    const calls = await callViews(ctx, (await repo.newestCalls(db, 500)) as FundingCall[], lang);
    return {
      programmes: programmes.map((p) => ({ value: String(p.id), label: `${p.acronym} – ${p.name}` })),
      calls: calls.map((c) => ({ value: String(c.id), label: `${c.programme.acronym}: ${c.reference}` })),
    };
  }

  async function form(
    req: FastifyRequest,
    reply: FastifyReply,
    title: string,
    action: string,
    values: FormValues,
    errors = {},
    state?: Project,
  ) {
    reply.headers(NO_STORE);
    const o = await options(req.lang);
    const stateForm = state ? { current: state.state, action: `/${req.lang}/projects/${state.slug}/state` } : undefined;
    return <ProjectForm view={{ title, action, values, errors, csrfToken: reply.generateCsrf(), ...o, state: stateForm }} />;
  }

  async function coordinatingTown(req: FastifyRequest) {
    const actor = requireActor(req);
    const { town } = townQuery(req);
    const place = await loadOr404(town ? municipalityById(db, town) : Promise.resolve(undefined));
    projectsPolicy.authorize(actor, 'project.create', { id: place.id });
    return { actor, place };
  }

  app.get('/:lang/projects/new', async (req, reply) => {
    const { place } = await coordinatingTown(req);
    const title = req.t('projects.project.new', { town: place.name });
    const page = await form(req, reply, title, `/${req.lang}/projects/new?town=${place.id}`, { language: req.lang });
    return reply.page(page, { title, indexable: false });
  });

  app.post('/:lang/projects/new', FORM, async (req, reply) => {
    const { actor, place } = await coordinatingTown(req);
    const result = await createProject(ctx, actor, place, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}/projects/${result.data.slug}`, 303);
    const title = req.t('projects.project.new', { town: place.name });
    const page = await form(req, reply, title, `/${req.lang}/projects/new?town=${place.id}`, typed(req.body), result.errors);
    return reply.refused(result, page, title);
  });

  /** A project its coordinator changes: anyone else is refused (403), a visitor signs in first. */
  async function editable(req: FastifyRequest, slug = slugParams(req).slug) {
    const actor = requireActor(req);
    const project = await loadOr404(projectBySlug(ctx, slug, req.lang));
    projectsPolicy.authorize(actor, 'project.edit', project);
    return { actor, project };
  }

  async function saved(p: ProjectView, language: string): Promise<FormValues> {
    const text = pick(await repo.projectTexts(db, [p.id]), language, p.original_language);
    const n = (v: number | null) => (v === null ? '' : String(v));
    return {
      language,
      acronym: p.acronym,
      title: text?.title ?? '',
      summary: text?.summary ?? '',
      programme: p.programme_id ? String(p.programme_id) : '',
      call: p.call_id ? String(p.call_id) : '',
      reference: p.reference,
      starts_on: p.starts_on,
      ends_on: p.ends_on,
      budget_eur: n(p.budget_eur),
      eu_contribution_eur: n(p.eu_contribution_eur),
      website: p.website,
      areas: list(p.areas),
    };
  }

  app.get('/:lang/projects/:slug/edit', async (req, reply) => {
    const { project } = await editable(req);
    const language = languageQuery(req).language ?? project.original_language;
    const title = req.t('projects.project.editOf', { project: project.acronym });
    const page = await form(req, reply, title, `/${req.lang}/projects/${project.slug}/edit`, await saved(project, language), {}, project);
    return reply.page(page, { title, indexable: false });
  });

  app.post('/:lang/projects/:slug/edit', FORM, async (req, reply) => {
    const { actor, project } = await editable(req);
    const result = await editProject(ctx, actor, project, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}/projects/${project.slug}`, 303);
    const title = req.t('projects.project.editOf', { project: project.acronym });
    const page = await form(req, reply, title, `/${req.lang}/projects/${project.slug}/edit`, typed(req.body), result.errors, project);
    return reply.refused(result, page, title);
  });

  app.post('/:lang/projects/:slug/state', FORM, async (req, reply) => {
    const { actor, project } = await editable(req);
    const parsed = stateInput.safeParse(req.body ?? {});
    if (!parsed.success || !(await moveState(ctx, actor, project, parsed.data.state, req.ip))) {
      const title = req.t('projects.project.editOf', { project: project.acronym });
      const errors = { state: { key: parsed.success ? 'projects.error.stateOrder' : 'projects.error.confirm' } };
      const page = await form(
        req,
        reply,
        title,
        `/${req.lang}/projects/${project.slug}/edit`,
        await saved(project, project.original_language),
        errors,
        project,
      );
      return reply.refused({ errors }, page, title);
    }
    return reply.redirect(`/${req.lang}/projects/${project.slug}`, 303);
  });

  // ---- Indicators

  async function indicatorsPage(reply: FastifyReply, project: ProjectView, values: FormValues = { kind: 'output' }, errors = {}) {
    reply.headers(NO_STORE);
    const view = { project, indicators: await indicatorsOf(ctx, project.id), values, errors, csrfToken: reply.generateCsrf() };
    return <IndicatorsPage view={view} />;
  }
  const indicatorsTitle = (req: FastifyRequest, p: ProjectView) => req.t('projects.indicators.manageOf', { project: p.acronym });

  app.get('/:lang/projects/:slug/indicators', async (req, reply) => {
    const { project } = await editable(req);
    return reply.page(await indicatorsPage(reply, project), { title: indicatorsTitle(req, project), indexable: false });
  });

  app.post('/:lang/projects/:slug/indicators', FORM, async (req, reply) => {
    const { actor, project } = await editable(req);
    const result = await saveIndicator(ctx, actor, project, null, req.lang, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}/projects/${project.slug}/indicators`, 303);
    const page = await indicatorsPage(reply, project, typedValues(req.body, INDICATOR_FIELDS), result.errors);
    return reply.refused(result, page, indicatorsTitle(req, project));
  });

  async function indicatorOf(req: FastifyRequest) {
    const { slug, id } = itemParams(req);
    const { actor, project } = await editable(req, slug);
    const indicator = await loadOr404(Promise.resolve((await indicatorsOf(ctx, project.id)).find((i) => i.id === id)));
    return { actor, project, indicator: indicator as ProjectIndicator };
  }

  app.post('/:lang/projects/:slug/indicators/:id', FORM, async (req, reply) => {
    const { actor, project, indicator } = await indicatorOf(req);
    const result = await saveIndicator(ctx, actor, project, indicator, req.lang, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}/projects/${project.slug}/indicators`, 303);
    const page = await indicatorsPage(reply, project, typedValues(req.body, INDICATOR_FIELDS), result.errors);
    return reply.refused(result, page, indicatorsTitle(req, project));
  });

  app.post('/:lang/projects/:slug/indicators/:id/remove', FORM, async (req, reply) => {
    const { actor, project, indicator } = await indicatorOf(req);
    await removeIndicator(ctx, actor, project, indicator.id, req.ip);
    return reply.redirect(`/${req.lang}/projects/${project.slug}/indicators`, 303);
  });

  // ---- Partners

  async function partnersPage(
    reply: FastifyReply,
    project: ProjectView,
    typedIn: { invite?: FormValues; organisation?: FormValues; choices?: { value: string; label: string }[] } = {},
    errors = {},
  ) {
    reply.headers(NO_STORE);
    const partners = await partnerViews(ctx, project.id, true);
    const towns = partners.flatMap((p) => (p.town && p.kind === 'town' ? [{ value: String(p.town.id), label: p.town.name }] : []));
    const view = {
      project,
      partners,
      towns,
      choices: typedIn.choices ?? [],
      invite: typedIn.invite ?? {},
      organisation: typedIn.organisation ?? {},
      errors,
      csrfToken: reply.generateCsrf(),
    };
    return <PartnersPage view={view} />;
  }
  const partnersTitle = (req: FastifyRequest, p: ProjectView) => req.t('projects.partners.manageOf', { project: p.acronym });
  const back = (req: FastifyRequest, p: ProjectView) => `/${req.lang}/projects/${p.slug}/partners`;

  app.get('/:lang/projects/:slug/partners', async (req, reply) => {
    const { project } = await editable(req);
    return reply.page(await partnersPage(reply, project), { title: partnersTitle(req, project), indexable: false });
  });

  /** The town typed by name: the one chosen among those found, else the only one found. */
  app.post('/:lang/projects/:slug/partners/invite', FORM, async (req, reply) => {
    const { actor, project } = await editable(req);
    const typedIn = typedValues(req.body, ['name', 'municipality', 'role']);
    const name = typedIn.name?.trim() ?? '';
    const found = name ? await searchMunicipalities(db, name, 10) : [];
    const exact = found.filter((m) => m.match === 'exact');
    const chosen =
      found.find((m) => String(m.id) === typedIn.municipality) ??
      (exact.length === 1 ? exact[0] : found.length === 1 ? found[0] : undefined);
    const choices = found.length > 1 ? found.map((m) => ({ value: String(m.id), label: `${m.name} (${m.country})` })) : [];
    const parsed = inviteInput.safeParse({ municipality: chosen ? String(chosen.id) : '', role: typedIn.role });
    const result = parsed.success
      ? await inviteTown(ctx, actor, project, parsed.data.municipality!, parsed.data.role, req.ip)
      : { ok: false as const, errors: { name: { key: found.length > 1 ? 'projects.error.whichTown' : 'projects.error.town' } } };
    if (result.ok) return reply.redirect(back(req, project), 303);
    const page = await partnersPage(reply, project, { invite: typedIn, choices }, result.errors);
    return reply.refused(result, page, partnersTitle(req, project));
  });

  app.post('/:lang/projects/:slug/partners/organisation', FORM, async (req, reply) => {
    const { actor, project } = await editable(req);
    const result = await addOrganisation(ctx, actor, project, req.body, req.ip);
    if (result.ok) return reply.redirect(back(req, project), 303);
    const organisation = typedValues(req.body, ['organisation', 'country', 'organisation_type', 'municipality', 'role']);
    const page = await partnersPage(reply, project, { organisation }, result.errors);
    return reply.refused(result, page, partnersTitle(req, project));
  });

  async function partnerOf(req: FastifyRequest) {
    const { slug, id } = itemParams(req);
    const { actor, project } = await editable(req, slug);
    const partner = (await loadOr404(repo.partnerById(db, id))) as ProjectPartner;
    if (partner.project_id !== project.id) throw new NotFound();
    return { actor, project, partner };
  }

  app.post('/:lang/projects/:slug/partners/:id', FORM, async (req, reply) => {
    const { actor, project, partner } = await partnerOf(req);
    const result = await changePartner(ctx, actor, project, partner, req.body, req.ip);
    if (result.ok) return reply.redirect(back(req, project), 303);
    return reply.refused(result, await partnersPage(reply, project, {}, result.errors), partnersTitle(req, project));
  });

  app.post('/:lang/projects/:slug/partners/:id/remove', FORM, async (req, reply) => {
    const { actor, project, partner } = await partnerOf(req);
    if (!(await removePartner(ctx, actor, project, partner, req.ip))) {
      const errors = { role: { key: 'projects.error.oneCoordinator' } };
      return reply.refused({ errors }, await partnersPage(reply, project, {}, errors), partnersTitle(req, project));
    }
    return reply.redirect(back(req, project), 303);
  });

  // ---- Invitations: the invited town's staff answer

  async function invitation(req: FastifyRequest) {
    const actor = requireActor(req);
    const { id } = invitationParams(req);
    const partner = (await loadOr404(repo.partnerById(db, id))) as ProjectPartner;
    if (partner.organisation) throw new NotFound();
    projectsPolicy.authorize(actor, 'partner.decide', partner);
    const row = (await loadOr404(repo.projectById(db, partner.project_id))) as Project;
    const project = await loadOr404(projectBySlug(ctx, row.slug, req.lang));
    const town = await municipalityById(db, partner.municipality_id!);
    return { actor, partner, project, town: town?.name ?? '' };
  }

  app.get('/:lang/project-invitations/:id', async (req, reply) => {
    const { partner, project, town } = await invitation(req);
    reply.headers(NO_STORE);
    const view = {
      project,
      town,
      status: partner.status,
      action: `/${req.lang}/project-invitations/${partner.id}`,
      csrfToken: reply.generateCsrf(),
    };
    return reply.page(<InvitationPage view={view} />, {
      title: req.t('projects.invitation.title', { project: project.acronym }),
      indexable: false,
    });
  });

  app.post('/:lang/project-invitations/:id', FORM, async (req, reply) => {
    const { actor, partner, project } = await invitation(req);
    const answer = (req.body as Record<string, unknown> | undefined)?.answer;
    if (partner.status === 'invited' && (answer === 'confirm' || answer === 'decline'))
      await decideInvitation(ctx, actor, partner, project, answer === 'confirm', req.ip);
    return reply.redirect(`/${req.lang}/project-invitations/${partner.id}`, 303);
  });
}

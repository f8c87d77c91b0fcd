import type { Kysely } from 'kysely';
import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { portalLink } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { rolesOf } from '../../../core/scopes.ts';
import { slugify } from '../../../core/search/normalize.ts';
import { grantRole, mailScopeHolders } from '../../accounts/index.ts';
import { municipalityById } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import { PROJECT_STATES, type Project, type ProjectPartner } from '../schema.ts';
import { PROJECT_LIMITS, type ProjectInput, projectInput } from './project-inputs.ts';

type Db = Kysely<Tables>;

/** A slug from the acronym that no other project has: ec-net, ec-net-2, … */
async function freeSlug(db: Db, acronym: string): Promise<string> {
  const base = (slugify(acronym) || 'project').slice(0, 70);
  const taken = new Set((await repo.projectSlugsLike(db, base)).map((r) => r.slug));
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** The programme and call a form names must exist, and the call must be the programme's. */
async function checkLinks(db: Db, p: ProjectInput): Promise<FormResult<null>> {
  if (p.programme && !(await repo.programmesByIds(db, [p.programme])).length)
    return { ok: false, errors: { programme: { key: 'form.error.choose' } } };
  if (p.call) {
    const call = await repo.callById(db, p.call);
    if (!call || (p.programme && call.programme_id !== p.programme)) return { ok: false, errors: { call: { key: 'projects.error.call' } } };
  }
  return { ok: true, data: null };
}

const columns = (p: ProjectInput) => ({
  acronym: p.acronym,
  programme_id: p.programme,
  call_id: p.call,
  reference: p.reference,
  starts_on: p.starts_on!,
  ends_on: p.ends_on!,
  budget_eur: p.budget_eur,
  eu_contribution_eur: p.eu_contribution_eur,
  areas: p.areas.join(','),
  website: p.website,
});

async function read(db: Db, body: unknown): Promise<FormResult<ProjectInput>> {
  const parsed = validateForm(projectInput, body, PROJECT_LIMITS);
  if (!parsed.ok) return parsed;
  const links = await checkLinks(db, parsed.data);
  return links.ok ? parsed : links;
}

/** A new project coordinated by a town; who starts it becomes its coordinator (audited). */
export async function createProject(
  ctx: ModuleContext,
  actor: Actor,
  town: { id: number; country: string },
  body: unknown,
  ip: string,
): Promise<FormResult<{ slug: string }>> {
  const parsed = await read(ctx.database.db, body);
  if (!parsed.ok) return parsed;
  const p = parsed.data;
  const slug = await transaction(ctx.database.db, async (trx) => {
    const now = new Date().toISOString();
    const slug = await freeSlug(trx, p.acronym);
    const state = 'planned' as const;
    const id = await repo.insertProject(trx, {
      slug,
      ...columns(p),
      state,
      original_language: p.language,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    });
    await repo.saveProjectText(trx, id, p.language, { title: p.title, summary: p.summary });
    await repo.insertPartner(trx, {
      project_id: id,
      municipality_id: town.id,
      organisation: '',
      organisation_type: '',
      country: town.country,
      role: 'coordinator',
      status: 'confirmed',
      joined_on: p.starts_on,
      left_on: null,
      position: 0,
      invited_by: actor.id,
      decided_by: actor.id,
      created_at: now,
      updated_at: now,
    });
    await grantRole(trx, actor.id, 'project_coordinator', id, actor.id);
    const details = { slug, town: town.id };
    await audit(trx, actor, { action: 'project.create', subjectType: 'project', subjectId: id, details }, ip);
    await audit(
      trx,
      actor,
      { action: 'role.grant', subjectType: 'user', subjectId: actor.id, details: { role: 'project_coordinator', project: id } },
      ip,
    );
    return slug;
  });
  return { ok: true, data: { slug } };
}

/** Changes a project's facts, and its title and summary in the form's language. Its address stays. */
export async function editProject(
  ctx: ModuleContext,
  actor: Actor,
  project: Project,
  body: unknown,
  ip: string,
): Promise<FormResult<null>> {
  const parsed = await read(ctx.database.db, body);
  if (!parsed.ok) return parsed;
  const p = parsed.data;
  await transaction(ctx.database.db, async (trx) => {
    await repo.updateProject(trx, project.id, { ...columns(p), updated_at: new Date().toISOString() });
    await repo.saveProjectText(trx, project.id, p.language, { title: p.title, summary: p.summary });
    await audit(
      trx,
      actor,
      { action: 'project.edit', subjectType: 'project', subjectId: project.id, details: { language: p.language } },
      ip,
    );
  });
  return { ok: true, data: null };
}

/** A project moves only forward: planned → running → closed. */
export async function moveState(ctx: ModuleContext, actor: Actor, project: Project, to: Project['state'], ip: string): Promise<boolean> {
  if (PROJECT_STATES.indexOf(to) !== PROJECT_STATES.indexOf(project.state) + 1) return false;
  await transaction(ctx.database.db, async (trx) => {
    await repo.updateProject(trx, project.id, { state: to, updated_at: new Date().toISOString() });
    const details = { from: project.state, to };
    await audit(trx, actor, { action: 'project.state', subjectType: 'project', subjectId: project.id, details }, ip);
  });
  return true;
}

/** Mails a town's staff in their languages. */
const mailStaff = (ctx: ModuleContext, db: Db, town: number, key: string, values: (lang: string) => Record<string, string>) =>
  mailScopeHolders(db, ctx, { roles: rolesOf('municipality'), scopeId: town }, key, values);

/** Invites a town of the directory; its staff are mailed a link to answer. */
export async function inviteTown(
  ctx: ModuleContext,
  actor: Actor,
  project: Project & { title: string },
  townId: number,
  role: ProjectPartner['role'],
  ip: string,
): Promise<FormResult<null>> {
  const { db } = ctx.database;
  const town = await municipalityById(db, townId);
  if (!town) return { ok: false, errors: { municipality: { key: 'projects.error.town' } } };
  const existing = ((await repo.partnersOf(db, [project.id])) as ProjectPartner[]).find(
    (p) => p.municipality_id === townId && !p.organisation && p.status !== 'declined',
  );
  if (existing) return { ok: false, errors: { municipality: { key: 'projects.error.alreadyPartner' } } };
  if (role === 'coordinator') return { ok: false, errors: { role: { key: 'projects.error.oneCoordinator' } } };
  await transaction(db, async (trx) => {
    const now = new Date().toISOString();
    const id = await repo.insertPartner(trx, {
      project_id: project.id,
      municipality_id: town.id,
      organisation: '',
      organisation_type: '',
      country: town.country,
      role,
      status: 'invited',
      joined_on: null,
      left_on: null,
      position: 1000,
      invited_by: actor.id,
      decided_by: null,
      created_at: now,
      updated_at: now,
    });
    await mailStaff(ctx, trx, town.id, 'projects.mail.invited', (lang) => ({
      project: `${project.acronym}: ${project.title}`,
      town: town.name,
      link: portalLink(ctx, lang, `/project-invitations/${id}`),
    }));
    await audit(
      trx,
      actor,
      { action: 'project.partner.invite', subjectType: 'project', subjectId: project.id, details: { town: town.id } },
      ip,
    );
  });
  ctx.mail.wake();
  return { ok: true, data: null };
}

/** The invited town's answer: its staff member becomes partner staff on confirming; the coordinator's staff are told. */
export async function decideInvitation(
  ctx: ModuleContext,
  actor: Actor,
  partner: ProjectPartner,
  project: Project,
  confirm: boolean,
  ip: string,
): Promise<void> {
  const { db } = ctx.database;
  const town = await municipalityById(db, partner.municipality_id!);
  const coordinator = ((await repo.partnersOf(db, [project.id])) as ProjectPartner[]).find((p) => p.role === 'coordinator');
  await transaction(db, async (trx) => {
    const now = new Date().toISOString();
    const status = confirm ? 'confirmed' : 'declined';
    await repo.updatePartner(trx, partner.id, {
      status,
      decided_by: actor.id,
      updated_at: now,
      joined_on: confirm ? now.slice(0, 10) : null,
    });
    if (confirm) await grantRole(trx, actor.id, 'project_partner_staff', project.id, actor.id);
    if (coordinator?.municipality_id)
      await mailStaff(ctx, trx, coordinator.municipality_id, confirm ? 'projects.mail.confirmed' : 'projects.mail.declined', (lang) => ({
        project: project.acronym,
        town: town?.name ?? '',
        link: portalLink(ctx, lang, `/projects/${project.slug}/partners`),
      }));
    const details = { partner: partner.id, town: partner.municipality_id, status };
    await audit(trx, actor, { action: 'project.partner.decide', subjectType: 'project', subjectId: project.id, details }, ip);
  });
  ctx.mail.wake();
}

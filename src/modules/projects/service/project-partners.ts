import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { municipalityById } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import type { Project, ProjectPartner } from '../schema.ts';
import { INDICATOR_LIMITS, indicatorInput, organisationInput, PARTNER_LIMITS, partnerChangeInput } from './project-inputs.ts';

const log = (actor: Actor, project: Project, action: string, details: Record<string, unknown>) => ({
  action,
  subjectType: 'project',
  subjectId: project.id,
  details: { ...details, by: actor.id },
});

/** An organisation named by the coordinator: confirmed at once; in a town of the directory if one is named (for the map). */
export async function addOrganisation(
  ctx: ModuleContext,
  actor: Actor,
  project: Project,
  body: unknown,
  ip: string,
): Promise<FormResult<null>> {
  const parsed = validateForm(organisationInput, body, PARTNER_LIMITS);
  if (!parsed.ok) return parsed;
  const o = parsed.data;
  if (o.role === 'coordinator') return { ok: false, errors: { role: { key: 'projects.error.oneCoordinator' } } };
  if (o.municipality && !(await municipalityById(ctx.database.db, o.municipality)))
    return { ok: false, errors: { municipality: { key: 'projects.error.town' } } };
  await transaction(ctx.database.db, async (trx) => {
    const now = new Date().toISOString();
    await repo.insertPartner(trx, {
      project_id: project.id,
      municipality_id: o.municipality,
      organisation: o.organisation,
      organisation_type: o.organisation_type,
      country: o.country,
      role: o.role,
      status: 'confirmed',
      joined_on: null,
      left_on: null,
      position: 1000,
      invited_by: actor.id,
      decided_by: actor.id,
      created_at: now,
      updated_at: now,
    });
    await audit(trx, actor, log(actor, project, 'project.partner.add', { organisation: o.organisation }), ip);
  });
  return { ok: true, data: null };
}

/**
 * A partner's role and dates. There is always exactly one coordinator: naming another one makes
 * the former coordinator a partner; the coordinator cannot step down otherwise.
 */
export async function changePartner(
  ctx: ModuleContext,
  actor: Actor,
  project: Project,
  partner: ProjectPartner,
  body: unknown,
  ip: string,
): Promise<FormResult<null>> {
  const parsed = validateForm(partnerChangeInput, body);
  if (!parsed.ok) return parsed;
  const c = parsed.data;
  if (partner.role === 'coordinator' && c.role !== 'coordinator')
    return { ok: false, errors: { role: { key: 'projects.error.oneCoordinator' } } };
  if (c.role === 'coordinator' && partner.status !== 'confirmed')
    return { ok: false, errors: { role: { key: 'projects.error.oneCoordinator' } } };
  await transaction(ctx.database.db, async (trx) => {
    const now = new Date().toISOString();
    if (c.role === 'coordinator' && partner.role !== 'coordinator')
      for (const p of (await repo.partnersOf(trx, [project.id])) as ProjectPartner[])
        if (p.role === 'coordinator') await repo.updatePartner(trx, p.id, { role: 'partner', updated_at: now });
    await repo.updatePartner(trx, partner.id, { role: c.role, joined_on: c.joined_on, left_on: c.left_on, updated_at: now });
    await audit(trx, actor, log(actor, project, 'project.partner.change', { partner: partner.id, role: c.role }), ip);
  });
  return { ok: true, data: null };
}

/** Removes a partner (never the coordinator: another one is named first). */
export async function removePartner(ctx: ModuleContext, actor: Actor, project: Project, partner: ProjectPartner, ip: string) {
  if (partner.role === 'coordinator') return false;
  await transaction(ctx.database.db, async (trx) => {
    await repo.deletePartner(trx, partner.id);
    await audit(trx, actor, log(actor, project, 'project.partner.remove', { partner: partner.id, town: partner.municipality_id }), ip);
  });
  return true;
}

/** Adds an indicator, or changes one (its label in the reader's language). */
export async function saveIndicator(
  ctx: ModuleContext,
  actor: Actor,
  project: Project,
  indicator: { id: number; labels: string } | null,
  lang: string,
  body: unknown,
  ip: string,
): Promise<FormResult<null>> {
  const parsed = validateForm(indicatorInput, body, INDICATOR_LIMITS);
  if (!parsed.ok) return parsed;
  const i = parsed.data;
  const labels = { ...(indicator ? (JSON.parse(indicator.labels) as Record<string, string>) : {}), [lang]: i.label };
  const row = { kind: i.kind, unit: i.unit, target: i.target, achieved: i.achieved, labels: JSON.stringify(labels) };
  await transaction(ctx.database.db, async (trx) => {
    if (indicator) await repo.updateIndicator(trx, indicator.id, project.id, row);
    else await repo.insertIndicator(trx, { ...row, project_id: project.id, position: 1000 });
    await audit(trx, actor, log(actor, project, 'project.indicator.save', { indicator: indicator?.id ?? null }), ip);
  });
  return { ok: true, data: null };
}

export async function removeIndicator(ctx: ModuleContext, actor: Actor, project: Project, id: number, ip: string) {
  await transaction(ctx.database.db, async (trx) => {
    await repo.deleteIndicator(trx, id, project.id);
    await audit(trx, actor, log(actor, project, 'project.indicator.remove', { indicator: id }), ip);
  });
}

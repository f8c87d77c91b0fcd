import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { findOrganisation, insertOrganisation, organisationsByIds, updateOrganisation } from '../repo.ts';
import { LIMITS, organisationInput } from '../schema.ts';
import { grantRole } from './roles.ts';

const FIELD_LIMITS = { name: LIMITS.orgName, website: LIMITS.website, description: LIMITS.description };

/** Creates an organisation profile; its creator becomes its representative. */
export async function createOrganisation(ctx: ModuleContext, actor: Actor, body: unknown): Promise<FormResult<{ id: number }>> {
  const form = validateForm(organisationInput, body, FIELD_LIMITS);
  if (!form.ok) return form;
  const id = await transaction(ctx.database.db, async (trx) => {
    const orgId = await insertOrganisation(trx, {
      name: form.data.name,
      kind: form.data.kind,
      website: form.data.website || null,
      description: form.data.description || null,
      created_by: actor.id,
      created_at: new Date().toISOString(),
    });
    await grantRole(trx, actor.id, 'organisation_representative', orgId, actor.id);
    return orgId;
  });
  return { ok: true, data: { id } };
}

export async function editOrganisation(
  ctx: ModuleContext,
  actor: Actor,
  id: number,
  body: unknown,
  ip: string,
): Promise<FormResult<{ id: number }>> {
  const form = validateForm(organisationInput, body, FIELD_LIMITS);
  if (!form.ok) return form;
  await transaction(ctx.database.db, async (trx) => {
    await updateOrganisation(trx, id, {
      name: form.data.name,
      kind: form.data.kind,
      website: form.data.website || null,
      description: form.data.description || null,
    });
    await audit(trx, actor, { action: 'organisation.edit', subjectType: 'organisation', subjectId: id }, ip);
  });
  return { ok: true, data: { id } };
}

export const getOrganisation = (ctx: ModuleContext, id: number) => findOrganisation(ctx.database.db, id);

export function organisationsOf(ctx: ModuleContext, actor: Actor) {
  const ids = actor.grants.filter((g) => g.role === 'organisation_representative' && g.scopeId !== null).map((g) => g.scopeId as number);
  return organisationsByIds(ctx.database.db, ids);
}

/** Organisations as people see them, for the scope registry: name and page. */
export async function describeOrganisations(ctx: ModuleContext, ids: readonly number[]) {
  const rows = await organisationsByIds(ctx.database.db, [...new Set(ids)]);
  return new Map(rows.map((o) => [o.id, { name: o.name, path: `/organisations/${o.id}` }]));
}

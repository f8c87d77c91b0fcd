import { audit } from '../../../core/audit.ts';
import { type Actor, hasRole } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { rolesOf } from '../../../core/scopes.ts';
import { municipalitiesByIds, municipalityById } from '../../municipalities/index.ts';
import type { PartnershipSides } from '../policy.ts';
import * as repo from '../repo.ts';
import { LIMITS, type Partnership, partnershipInput } from '../schema.ts';

export type Proposer = 'town' | 'organisation';

/** A partnership with its organisations, as the policy and the pages read it. */
export type PartnershipWithSides = Partnership & PartnershipSides;

export async function withSides(ctx: ModuleContext, rows: Partnership[]): Promise<PartnershipWithSides[]> {
  const links = await repo.organisationsOf(
    ctx.database.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    organisations: links.filter((l) => l.partnership_id === r.id).map((l) => ({ id: l.organisation_id, confirmed: l.confirmed })),
  }));
}

export async function loadPartnership(ctx: ModuleContext, id: number): Promise<PartnershipWithSides | undefined> {
  const row = await repo.partnershipById(ctx.database.db, id);
  return row && (await withSides(ctx, [row]))[0];
}

/**
 * Records a proposal: the proposing side (whose right the route checked for the id in the form)
 * has agreed, the other side has yet to. Both the town and the organisation must exist.
 */
export async function propose(
  ctx: ModuleContext,
  actor: Actor,
  proposer: Proposer,
  body: unknown,
  ip: string,
): Promise<FormResult<{ id: number }>> {
  const form = validateForm(partnershipInput, body, { description: LIMITS.description, results: LIMITS.results });
  if (!form.ok) return form;
  const d = form.data;
  const { db } = ctx.database;
  const town = d.town === null ? undefined : await municipalityById(db, d.town);
  if (!town) return { ok: false, errors: { town: { key: 'form.error.choose' } } };
  const org = d.organisation === null ? undefined : (await repo.organisationsByIds(db, [d.organisation]))[0];
  if (!org) return { ok: false, errors: { organisation: { key: 'form.error.choose' } } };
  const at = new Date().toISOString();
  const id = await transaction(db, async (trx) => {
    const created = await repo.insertPartnership(
      trx,
      {
        municipality_id: town.id,
        area: d.area,
        description: d.description,
        results: d.results,
        starts_on: d.starts_on,
        ends_on: d.ends_on,
        state: 'proposed',
        town_confirmed: proposer === 'town' ? 1 : 0,
        country: town.country.toUpperCase(),
        created_by: actor.id,
        decided_by: null,
        created_at: at,
        updated_at: at,
      },
      [{ id: org.id, confirmed: proposer === 'organisation' }],
    );
    await audit(trx, actor, { action: 'partnership.propose', subjectType: 'municipality', subjectId: town.id }, ip);
    return created;
  });
  return { ok: true, data: { id } };
}

/**
 * The actor's side agrees (every side of theirs still to agree: a person may speak for both) or
 * declines; false when the partnership is no longer proposed.
 */
export async function decide(ctx: ModuleContext, actor: Actor, p: PartnershipWithSides, accept: boolean, ip: string): Promise<boolean> {
  const forTown = !p.town_confirmed && rolesOf('municipality').some((role) => hasRole(actor, role, p.municipality_id));
  const forOrgs = p.organisations.filter((o) => !o.confirmed && hasRole(actor, 'organisation_representative', o.id)).map((o) => o.id);
  const townAgreed = p.town_confirmed === 1 || forTown;
  const allAgreed = townAgreed && p.organisations.every((o) => o.confirmed || forOrgs.includes(o.id));
  const at = new Date().toISOString();
  return transaction(ctx.database.db, async (trx) => {
    const state = !accept ? 'declined' : allAgreed ? 'confirmed' : 'proposed';
    const changes = { state, town_confirmed: accept && townAgreed ? 1 : p.town_confirmed, decided_by: actor.id, updated_at: at } as const;
    if (!(await repo.movePartnership(trx, p.id, changes))) return false;
    if (accept) for (const org of forOrgs) await repo.confirmOrganisation(trx, p.id, org);
    const action = accept ? 'partnership.confirm' : 'partnership.decline';
    await audit(trx, actor, { action, subjectType: 'municipality', subjectId: p.municipality_id }, ip);
    return true;
  });
}

/** The towns and organisations these partnerships name, for showing them. */
export async function namesFor(ctx: ModuleContext, rows: PartnershipWithSides[]) {
  const { db } = ctx.database;
  const [towns, orgs] = await Promise.all([
    municipalitiesByIds(
      db,
      rows.map((r) => r.municipality_id),
    ),
    repo.organisationsByIds(
      db,
      rows.flatMap((r) => r.organisations.map((o) => o.id)),
    ),
  ]);
  return { towns, organisations: new Map(orgs.map((o) => [o.id, o])) };
}

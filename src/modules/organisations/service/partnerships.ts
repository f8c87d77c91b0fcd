import { audit } from '../../../core/audit.ts';
import { type Actor, hasRole } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { rolesOf } from '../../../core/scopes.ts';
import type { FieldError } from '../../../core/views/components.tsx';
import { municipalitiesByIds, municipalityById } from '../../municipalities/index.ts';
import type { PartnershipSides } from '../policy.ts';
import * as repo from '../repo.ts';
import { LIMITS, type Partnership, partnershipInput } from '../schema.ts';
import { mailSides, type Side } from './partnership-mail.ts';

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

/** The other organisations a proposal names, each by its name or address; an error for the first that is unknown, unclear or named twice. */
async function resolvePartners(ctx: ModuleContext, first: number, names: string[]): Promise<{ ids?: number[]; error?: FieldError }> {
  const ids = [first];
  for (const name of names) {
    const found = await repo.organisationsNamed(ctx.database.db, name);
    const bySlug = found.filter((o) => o.slug === name.toLowerCase());
    const match = bySlug.length === 1 ? bySlug : found;
    if (match.length === 0) return { error: { key: 'organisations.error.unknownPartner', values: { name } } };
    if (match.length > 1) return { error: { key: 'organisations.error.sameName', values: { name, slug: match[0]!.slug } } };
    if (ids.includes(match[0]!.id)) return { error: { key: 'organisations.error.twice', values: { name } } };
    ids.push(match[0]!.id);
  }
  return { ids: ids.slice(1) };
}

/**
 * Records a proposal: the proposing side (whose right the route checked for the id in the form)
 * has agreed; the town or organisation it names, and every other organisation, have yet to, and
 * are mailed. The town and every organisation must exist, each organisation once.
 */
export async function propose(
  ctx: ModuleContext,
  actor: Actor,
  proposer: Proposer,
  body: unknown,
  ip: string,
): Promise<FormResult<{ id: number }>> {
  const form = validateForm(partnershipInput, body, { description: LIMITS.description, results: LIMITS.results, partners: LIMITS.name });
  if (!form.ok) return form;
  const d = form.data;
  const { db } = ctx.database;
  const town = d.town === null ? undefined : await municipalityById(db, d.town);
  if (!town) return { ok: false, errors: { town: { key: 'form.error.choose' } } };
  const org = d.organisation === null ? undefined : (await repo.organisationsByIds(db, [d.organisation]))[0];
  if (!org) return { ok: false, errors: { organisation: { key: 'form.error.choose' } } };
  const resolved = await resolvePartners(ctx, org.id, d.partners);
  if (!resolved.ids) return { ok: false, errors: { partners: resolved.error } };
  const partners = { ids: resolved.ids };
  const orgs = await repo.organisationsByIds(db, [org.id, ...partners.ids]);
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
        proposer_organisation_id: proposer === 'organisation' ? org.id : null,
        country: town.country.toUpperCase(),
        created_by: actor.id,
        decided_by: null,
        created_at: at,
        updated_at: at,
      },
      [org.id, ...partners.ids].map((o) => ({ id: o, confirmed: proposer === 'organisation' && o === org.id })),
    );
    await audit(trx, actor, { action: 'partnership.propose', subjectType: 'municipality', subjectId: town.id }, ip);
    const others: Side[] = [
      ...(proposer === 'organisation' ? [{ town: town.id }] : []),
      ...[org.id, ...partners.ids].filter((o) => proposer === 'town' || o !== org.id).map((o) => ({ organisation: o })),
    ];
    const news = {
      id: created,
      area: d.area,
      who: proposer === 'town' ? town.name : org.name,
      partners: [town.name, ...orgs.map((o) => o.name)].join(', '),
      description: d.description,
    };
    await mailSides(trx, ctx, others, 'organisations.mail.proposed', news);
    return created;
  });
  ctx.mail.wake();
  return { ok: true, data: { id } };
}

/**
 * The actor's side agrees (every side of theirs still to agree: a person may speak for both) or
 * declines; the side that proposed it is told. False when the partnership is no longer proposed.
 */
export async function decide(ctx: ModuleContext, actor: Actor, p: PartnershipWithSides, accept: boolean, ip: string): Promise<boolean> {
  const forTown = !p.town_confirmed && rolesOf('municipality').some((role) => hasRole(actor, role, p.municipality_id));
  const forOrgs = p.organisations.filter((o) => !o.confirmed && hasRole(actor, 'organisation_representative', o.id)).map((o) => o.id);
  const townAgreed = p.town_confirmed === 1 || forTown;
  const allAgreed = townAgreed && p.organisations.every((o) => o.confirmed || forOrgs.includes(o.id));
  const { towns, organisations } = await namesFor(ctx, [p]);
  const townName = towns.get(p.municipality_id)?.name ?? '';
  const at = new Date().toISOString();
  const done = await transaction(ctx.database.db, async (trx) => {
    const state = !accept ? 'declined' : allAgreed ? 'confirmed' : 'proposed';
    const changes = { state, town_confirmed: accept && townAgreed ? 1 : p.town_confirmed, decided_by: actor.id, updated_at: at } as const;
    if (!(await repo.movePartnership(trx, p.id, changes))) return false;
    if (accept) for (const org of forOrgs) await repo.confirmOrganisation(trx, p.id, org);
    const action = accept ? 'partnership.confirm' : 'partnership.decline';
    await audit(trx, actor, { action, subjectType: 'municipality', subjectId: p.municipality_id }, ip);
    const orgName = (id: number) => organisations.get(id)?.name ?? '';
    const proposerSide: Side = p.proposer_organisation_id ? { organisation: p.proposer_organisation_id } : { town: p.municipality_id };
    const key = !accept ? 'organisations.mail.declined' : state === 'confirmed' ? 'organisations.mail.public' : 'organisations.mail.agreed';
    await mailSides(trx, ctx, [proposerSide], key, {
      id: p.id,
      area: p.area,
      who: [...(forTown ? [townName] : []), ...forOrgs.map(orgName)].join(', '),
      partners: [townName, ...p.organisations.map((o) => orgName(o.id))].join(', '),
    });
    return true;
  });
  if (done) ctx.mail.wake();
  return done;
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

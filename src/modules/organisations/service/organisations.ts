import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { dropLogo, keepLogo } from '../../../core/logos.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { slugify } from '../../../core/search/normalize.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { grantRole } from '../../accounts/index.ts';
import { searchMunicipalities } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import { LIMITS, type Organisation, organisationInput } from '../schema.ts';

const FIELD_LIMITS = { name: LIMITS.name, website: LIMITS.website, description: LIMITS.description };
/** Addresses of this module's own pages, never an organisation's. */
const RESERVED = new Set(['new']);

/** A free address made from the name: "zelena-zagora", else "zelena-zagora-2"… */
async function freeSlug(ctx: ModuleContext, name: string): Promise<string> {
  const base = slugify(name).slice(0, 80).replace(/-+$/, '') || 'organisation';
  const taken = new Set(await repo.slugsLike(ctx.database.db, base));
  if (!taken.has(base) && !RESERVED.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The form's fields as stored; a town named must exist, and gives the country when none is chosen. */
async function fieldsOf(ctx: ModuleContext, body: unknown) {
  const form = validateForm(organisationInput, body, FIELD_LIMITS);
  if (!form.ok) return form;
  const d = form.data;
  let country = d.country;
  let town: number | null = null;
  if (d.town) {
    // A town of the directory by its name, in the country chosen if one is.
    const found = (await searchMunicipalities(ctx.database.db, d.town, 20)).filter(
      (m) => m.match === 'exact' && (!country || m.country.toUpperCase() === country),
    );
    if (found.length !== 1) return { ok: false as const, errors: { town: { key: 'organisations.error.town' } } as FieldErrors };
    town = found[0]!.id;
    country ||= found[0]!.country.toUpperCase();
  }
  return {
    ok: true as const,
    data: {
      name: d.name,
      kind: d.kind,
      country,
      municipality_id: town,
      website: d.website || null,
      description: d.description || null,
      areas: [...new Set(d.areas)].join(','),
    },
  };
}

/** Registers an organisation; its creator becomes its representative. */
export async function createOrganisation(ctx: ModuleContext, actor: Actor, body: unknown): Promise<FormResult<{ slug: string }>> {
  const fields = await fieldsOf(ctx, body);
  if (!fields.ok) return fields;
  const slug = await freeSlug(ctx, fields.data.name);
  const at = new Date().toISOString();
  await transaction(ctx.database.db, async (trx) => {
    const id = await repo.insertOrganisation(trx, {
      ...fields.data,
      slug,
      logo: null,
      created_by: actor.id,
      created_at: at,
      updated_at: at,
    });
    await grantRole(trx, actor.id, 'organisation_representative', id, actor.id);
  });
  return { ok: true, data: { slug } };
}

export async function editOrganisation(
  ctx: ModuleContext,
  actor: Actor,
  org: Organisation,
  body: unknown,
  ip: string,
): Promise<FormResult<{ slug: string }>> {
  const fields = await fieldsOf(ctx, body);
  if (!fields.ok) return fields;
  await transaction(ctx.database.db, async (trx) => {
    await repo.updateOrganisation(trx, org.id, { ...fields.data, updated_at: new Date().toISOString() });
    await audit(trx, actor, { action: 'organisation.edit', subjectType: 'organisation', subjectId: org.id }, ip);
  });
  return { ok: true, data: { slug: org.slug } };
}

/** Where organisations' logos are kept, under the data directory's uploads. */
export const LOGO_FOLDER = 'organisations';

/** Stores an organisation's logo in place of the one it had. */
export async function uploadLogo(
  ctx: ModuleContext,
  actor: Actor,
  org: Organisation,
  body: unknown,
  ip: string,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const kept = await keepLogo(ctx.config.dataDir, LOGO_FOLDER, org.id, (body as { logo?: unknown } | undefined)?.logo);
  if ('error' in kept) {
    const key = kept.error === 'size' ? 'organisations.error.logoSize' : `images.error.${kept.error}`;
    return { ok: false, errors: { logo: { key } } };
  }
  await transaction(ctx.database.db, async (trx) => {
    await repo.updateOrganisation(trx, org.id, { logo: kept.base, updated_at: new Date().toISOString() });
    await audit(trx, actor, { action: 'organisation.logo', subjectType: 'organisation', subjectId: org.id }, ip);
  });
  dropLogo(ctx.config.dataDir, LOGO_FOLDER, org.logo);
  return { ok: true };
}

/** Organisations as people see them, for the scope registry: name, page and country. */
export async function describeOrganisations(ctx: ModuleContext, ids: readonly number[]) {
  const rows = await repo.organisationsByIds(ctx.database.db, [...new Set(ids)]);
  return new Map(rows.map((o) => [o.id, { name: o.name, path: `/organisations/${o.slug}`, country: o.country || null }]));
}

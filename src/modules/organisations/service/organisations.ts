import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { webpVariants } from '../../../core/images.ts';
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

export const LOGO_WIDTHS = [320, 96] as const;
export const LOGO_NAME = /^\d+-logo-[0-9a-f]{12}-(320|96)\.webp$/;
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const logoDir = (ctx: ModuleContext) => join(ctx.config.dataDir, 'uploads', 'organisations');
export const logoFile = (base: string, width: (typeof LOGO_WIDTHS)[number]) => `${base}-${width}.webp`;

function dropLogoFiles(ctx: ModuleContext, base: string | null): void {
  if (!base) return;
  for (const w of LOGO_WIDTHS) rmSync(join(logoDir(ctx), logoFile(base, w)), { force: true });
}

/** Stores a logo as WebP variants without metadata (see webpVariants), in place of the one it had. */
export async function uploadLogo(
  ctx: ModuleContext,
  actor: Actor,
  org: Organisation,
  body: unknown,
  ip: string,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const { logo } = (body ?? {}) as { logo?: unknown };
  if (!Buffer.isBuffer(logo) || logo.length === 0) return { ok: false, errors: { logo: { key: 'images.error.missing' } } };
  if (logo.length > LOGO_MAX_BYTES) return { ok: false, errors: { logo: { key: 'organisations.error.logoSize' } } };
  const resized = await webpVariants(logo, LOGO_WIDTHS, 85);
  if ('error' in resized) return { ok: false, errors: { logo: { key: `images.error.${resized.error}` } } };
  const base = `${org.id}-logo-${randomBytes(6).toString('hex')}`;
  mkdirSync(logoDir(ctx), { recursive: true });
  for (const [i, w] of LOGO_WIDTHS.entries()) writeFileSync(join(logoDir(ctx), logoFile(base, w)), resized.variants[i]!);
  await transaction(ctx.database.db, async (trx) => {
    await repo.updateOrganisation(trx, org.id, { logo: base, updated_at: new Date().toISOString() });
    await audit(trx, actor, { action: 'organisation.logo', subjectType: 'organisation', subjectId: org.id }, ip);
  });
  dropLogoFiles(ctx, org.logo);
  return { ok: true };
}

/** Organisations as people see them, for the scope registry: name, page and country. */
export async function describeOrganisations(ctx: ModuleContext, ids: readonly number[]) {
  const rows = await repo.organisationsByIds(ctx.database.db, [...new Set(ids)]);
  return new Map(rows.map((o) => [o.id, { name: o.name, path: `/organisations/${o.slug}`, country: o.country || null }]));
}

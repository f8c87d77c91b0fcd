import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { webpVariants } from '../../../core/images.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { insertChanges, updateMunicipality } from '../repo.ts';
import type { Municipality } from '../schema.ts';

export const IMAGE_KINDS = ['coat_of_arms', 'mayor_photo'] as const;
export type ImageKind = (typeof IMAGE_KINDS)[number];
/** Widths of the stored variants: a large one for the profile, a small one for lists. */
export const IMAGE_WIDTHS = [400, 120] as const;

export const mediaDir = (ctx: ModuleContext) => join(ctx.config.dataDir, 'uploads', 'municipalities');
export const imageFile = (base: string, width: number) => `${base}-${width}.webp`;

/** Writes the variants (one per IMAGE_WIDTHS) of a place's picture under a new, unguessable base name; the base name. */
export function storeVariants(ctx: ModuleContext, municipalityId: number, kind: ImageKind, variants: Buffer[]): string {
  const base = `${municipalityId}-${kind.replaceAll('_', '-')}-${randomBytes(6).toString('hex')}`;
  mkdirSync(mediaDir(ctx), { recursive: true });
  for (const [i, w] of IMAGE_WIDTHS.entries()) writeFileSync(join(mediaDir(ctx), imageFile(base, w)), variants[i]!);
  return base;
}

/** Stores a coat of arms or mayor's photo as WebP variants without metadata (see webpVariants). */
export async function uploadImage(
  ctx: ModuleContext,
  actor: Actor,
  m: Municipality,
  body: unknown,
  ip: string,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const { kind, image } = (body ?? {}) as { kind?: unknown; image?: unknown };
  if (!IMAGE_KINDS.includes(kind as ImageKind)) return { ok: false, errors: { kind: { key: 'form.error.choose' } } };
  if (!Buffer.isBuffer(image) || image.length === 0) return { ok: false, errors: { image: { key: 'images.error.missing' } } };
  const resized = await webpVariants(image, IMAGE_WIDTHS, 82);
  if ('error' in resized) return { ok: false, errors: { image: { key: `images.error.${resized.error}` } } };
  const field = kind as ImageKind;
  const base = storeVariants(ctx, m.id, field, resized.variants);
  await transaction(ctx.database.db, async (trx) => {
    const now = new Date().toISOString();
    await updateMunicipality(trx, m.id, { [field]: base, updated_at: now });
    await insertChanges(trx, [{ municipality_id: m.id, user_id: actor.id, field, old_value: m[field], new_value: base, created_at: now }]);
    await audit(trx, actor, { action: 'municipality.image', subjectType: 'municipality', subjectId: m.id, details: { kind: field } }, ip);
  });
  return { ok: true };
}

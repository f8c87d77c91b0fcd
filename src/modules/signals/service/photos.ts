import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '../../../core/authz.ts';
import { webpVariants } from '../../../core/images.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { heldPhotos } from '../repo.ts';

export const MAX_PHOTOS = 3;
/** Widths of a photo's stored variants: the report page's, and a thumbnail's. */
export const PHOTO_WIDTHS = [1200, 400] as const;
export type PhotoWidth = (typeof PHOTO_WIDTHS)[number];
export const PHOTO_NAME = /^([0-9a-f]{24})-(1200|400)\.webp$/;
const BASE = /^[0-9a-f]{24}$/;

export const photoDir = (ctx: ModuleContext) => join(ctx.config.dataDir, 'uploads', 'signals');
export const photoFile = (base: string, width: PhotoWidth) => `${base}-${width}.webp`;
/** Where a photo is served (without the language prefix: a photo is the same in every language). */
export const photoPath = (base: string, width: PhotoWidth) => `/signals/photos/${photoFile(base, width)}`;

/**
 * Checks, turns upright, resizes and stores the photos a form sent; re-encoding drops every piece
 * of metadata, the place it was taken included. Their names, or the message key of the problem.
 */
export async function storePhotos(ctx: ModuleContext, files: Buffer[]): Promise<{ bases: string[] } | { error: string }> {
  const resized: Buffer[][] = [];
  for (const file of files) {
    const r = await webpVariants(file, PHOTO_WIDTHS, 80);
    if ('error' in r) return { error: `images.error.${r.error}` };
    resized.push(r.variants);
  }
  mkdirSync(photoDir(ctx), { recursive: true });
  return {
    bases: resized.map((variants) => {
      const base = randomBytes(12).toString('hex');
      for (const [i, w] of PHOTO_WIDTHS.entries()) writeFileSync(join(photoDir(ctx), photoFile(base, w)), variants[i]!);
      return base;
    }),
  };
}

/**
 * A stored photo carried from one step of the form to the next: its name, signed for this person
 * (or for anyone not signed in), so a form cannot claim a photo it did not send.
 */
const sign = (ctx: ModuleContext, actor: Actor | null, base: string) =>
  createHmac('sha256', ctx.config.secretKey)
    .update(`signal-photo:${actor?.id ?? 0}:${base}`)
    .digest('base64url')
    .slice(0, 22);

export const keptPhoto = (ctx: ModuleContext, actor: Actor | null, base: string) => `${base}.${sign(ctx, actor, base)}`;

export function unkeptPhoto(ctx: ModuleContext, actor: Actor | null, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const [base, signature] = value.split('.');
  return base && BASE.test(base) && signature === sign(ctx, actor, base) ? base : undefined;
}

/** How long a photo may wait for its report: a form left for a day is not coming back. */
export const UNSENT_PHOTO_MS = 24 * 3600_000;

/**
 * Removes the photos of forms never sent: files older than a day that no report holds. Returns how
 * many photos went (each with its variants).
 */
export async function sweepPhotos(ctx: ModuleContext, now = Date.now()): Promise<number> {
  const dir = photoDir(ctx);
  if (!existsSync(dir)) return 0;
  const old = new Map<string, string[]>();
  for (const file of readdirSync(dir)) {
    const base = PHOTO_NAME.exec(file)?.[1];
    if (!base || now - statSync(join(dir, file)).mtimeMs < UNSENT_PHOTO_MS) continue;
    old.set(base, [...(old.get(base) ?? []), file]);
  }
  const bases = [...old.keys()];
  let removed = 0;
  // In parts: a database bounds the values one statement may carry.
  for (let i = 0; i < bases.length; i += 500) {
    const part = bases.slice(i, i + 500);
    const held = await heldPhotos(ctx.database.db, part);
    for (const base of part.filter((b) => !held.has(b))) {
      for (const file of old.get(base)!) rmSync(join(dir, file), { force: true });
      removed++;
    }
  }
  return removed;
}

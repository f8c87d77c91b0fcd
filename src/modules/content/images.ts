import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import type { ModuleContext } from '../../core/modules.ts';

/** Widths of the stored variants: the article's picture, a card, a thumbnail. */
export const IMAGE_WIDTHS = [1200, 600, 200] as const;
const ACCEPTED = ['image/png', 'image/jpeg', 'image/webp'];
export const IMAGE_NAME = /^\d+-[0-9a-f]{12}-(1200|600|200)\.webp$/;

export const contentMediaDir = (ctx: ModuleContext) => join(ctx.config.dataDir, 'uploads', 'content');
export const imageFile = (base: string, width: (typeof IMAGE_WIDTHS)[number]) => `${base}-${width}.webp`;

/**
 * Stores an item's picture: checked by its content, turned upright, resized into variants and
 * re-encoded, which drops all metadata. Returns the variants' base name, or a message key.
 */
export async function storeImage(ctx: ModuleContext, file: Buffer): Promise<{ base: string } | { error: string }> {
  const type = await fileTypeFromBuffer(file);
  if (!type || !ACCEPTED.includes(type.mime)) return { error: 'municipalities.images.error.type' };
  let variants: Buffer[];
  try {
    variants = await Promise.all(IMAGE_WIDTHS.map((w) =>
      sharp(file, { limitInputPixels: 40_000_000 }).rotate().resize({ width: w, height: w, fit: 'inside', withoutEnlargement: true }).webp({ quality: 80 }).toBuffer()));
  } catch {
    return { error: 'municipalities.images.error.unreadable' };
  }
  // Named before the item exists, so a picture that fails leaves no item behind.
  const base = `${Date.now()}-${randomBytes(6).toString('hex')}`;
  mkdirSync(contentMediaDir(ctx), { recursive: true });
  IMAGE_WIDTHS.forEach((w, i) => writeFileSync(join(contentMediaDir(ctx), imageFile(base, w)), variants[i]!));
  return { base };
}

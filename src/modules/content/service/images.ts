import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { webpVariants } from '../../../core/images.ts';
import type { ModuleContext } from '../../../core/modules.ts';

/** Widths of the stored variants: the article's picture, a card, a thumbnail. */
export const IMAGE_WIDTHS = [1200, 600, 200] as const;
export const IMAGE_NAME = /^\d+-[0-9a-f]{12}-(1200|600|200)\.webp$/;

export const contentMediaDir = (ctx: ModuleContext) => join(ctx.config.dataDir, 'uploads', 'content');
export const imageFile = (base: string, width: (typeof IMAGE_WIDTHS)[number]) => `${base}-${width}.webp`;

/** Stores an item's picture as WebP variants without metadata; returns their base name, or a message key. */
export async function storeImage(ctx: ModuleContext, file: Buffer): Promise<{ base: string } | { error: string }> {
  const resized = await webpVariants(file, IMAGE_WIDTHS, 80);
  if ('error' in resized) return { error: `images.error.${resized.error}` };
  const { variants } = resized;
  // Named before the item exists, so a picture that fails leaves no item behind.
  const base = `${Date.now()}-${randomBytes(6).toString('hex')}`;
  mkdirSync(contentMediaDir(ctx), { recursive: true });
  for (const [i, w] of IMAGE_WIDTHS.entries()) writeFileSync(join(contentMediaDir(ctx), imageFile(base, w)), variants[i]!);
  return { base };
}

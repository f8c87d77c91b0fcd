import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { webpVariants } from './images.ts';

/**
 * The logo of something people run (a network, an organisation): WebP variants without metadata,
 * for its page (320 px) and for lists (96 px), under the data directory's `uploads/{folder}`.
 */
export const LOGO_WIDTHS = [320, 96] as const;
export const LOGO_NAME = /^\d+-logo-[0-9a-f]{12}-(320|96)\.webp$/;
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;

export const logoDir = (dataDir: string, folder: string) => join(dataDir, 'uploads', folder);
export const logoFile = (base: string, width: (typeof LOGO_WIDTHS)[number]) => `${base}-${width}.webp`;

/** Stores a logo's variants; the name they share is new each time, so a changed logo is never served stale. */
export async function keepLogo(
  dataDir: string,
  folder: string,
  ownerId: number,
  file: unknown,
): Promise<{ base: string } | { error: 'missing' | 'size' | 'type' | 'unreadable' }> {
  if (!Buffer.isBuffer(file) || file.length === 0) return { error: 'missing' };
  if (file.length > LOGO_MAX_BYTES) return { error: 'size' };
  const resized = await webpVariants(file, LOGO_WIDTHS, 85);
  if ('error' in resized) return resized;
  const base = `${ownerId}-logo-${randomBytes(6).toString('hex')}`;
  mkdirSync(logoDir(dataDir, folder), { recursive: true });
  for (const [i, w] of LOGO_WIDTHS.entries()) writeFileSync(join(logoDir(dataDir, folder), logoFile(base, w)), resized.variants[i]!);
  return { base };
}

/** Removes a logo's variants, once nothing names them any more. */
export function dropLogo(dataDir: string, folder: string, base: string | null): void {
  if (!base) return;
  for (const w of LOGO_WIDTHS) rmSync(join(logoDir(dataDir, folder), logoFile(base, w)), { force: true });
}

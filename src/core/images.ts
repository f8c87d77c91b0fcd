import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { z } from 'zod';
import { NotFound } from './http/guards.ts';
import { pathParams } from './http/params.ts';

const ACCEPTED = ['image/png', 'image/jpeg', 'image/webp'];

/**
 * An uploaded picture as WebP variants of the given widths: checked by its content, turned upright,
 * resized and re-encoded, which drops every piece of metadata (location, camera, author).
 */
export async function webpVariants(
  file: Buffer,
  widths: readonly number[],
  quality: number,
): Promise<{ variants: Buffer[] } | { error: 'type' | 'unreadable' }> {
  const type = await fileTypeFromBuffer(file);
  if (!type || !ACCEPTED.includes(type.mime)) return { error: 'type' };
  // Loaded on the first picture: libvips adds some 15 MB to a process that may never need it.
  const { default: sharp } = await import('sharp');
  try {
    return {
      variants: await Promise.all(
        widths.map((w) =>
          sharp(file, { limitInputPixels: 40_000_000 })
            .rotate()
            .resize({ width: w, height: w, fit: 'inside', withoutEnlargement: true })
            .webp({ quality })
            .toBuffer(),
        ),
      ),
    };
  } catch {
    return { error: 'unreadable' };
  }
}

/** Serves stored pictures from a folder; only names matching `names` (ones the module writes), so no path leaves it. */
export function serveMedia(app: FastifyInstance, prefix: string, dir: () => string, names: RegExp): void {
  const fileParams = pathParams(z.object({ file: z.string().regex(names) }));
  app.get(`${prefix}/:file`, (req, reply) => {
    const { file } = fileParams(req);
    const path = join(dir(), file);
    if (!existsSync(path)) throw new NotFound();
    return reply.type('image/webp').header('cache-control', 'public, max-age=31536000, immutable').send(createReadStream(path));
  });
}

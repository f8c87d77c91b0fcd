import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../config.ts';
import { assetRoots, assetVersion, precompressAssets, servedAsset } from './assets.ts';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** An address without the current version (an image a stylesheet names, an old link): kept briefly, then revalidated. */
export const SHORT_LIVED = 'public, max-age=3600';

/**
 * Serves /static/. With compression on (outside development, where files change under a running
 * server), a browser that accepts Brotli or gzip gets the copy compressed once at start.
 */
export async function registerStatic(app: FastifyInstance, config: Config): Promise<void> {
  const version = assetVersion();
  const compressed =
    config.compression && config.env !== 'development'
      ? precompressAssets([
          fileURLToPath(new URL('../../../node_modules/.cache/municipium/static/', import.meta.url)),
          join(config.dataDir, 'cache', 'static'),
        ])
      : undefined;
  const setHeaders = (reply: FastifyReply) => {
    const query = reply.request.query as { v?: unknown } | undefined;
    reply.header('cache-control', query?.v === version ? IMMUTABLE : SHORT_LIVED);
  };
  for (const [i, root] of assetRoots.entries()) {
    await app.register(fastifyStatic, {
      root: compressed ? join(compressed, root.name) : root.dir,
      prefix: root.prefix,
      preCompressed: compressed !== undefined,
      cacheControl: false,
      setHeaders,
      index: false,
      decorateReply: i === 0,
      allowedPath: servedAsset,
    });
  }
}

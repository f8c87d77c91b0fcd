import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { COMPRESSION_THRESHOLD } from './assets.ts';
import { withVary } from './pagecache.ts';

/** Pages, stylesheets, scripts, JSON (the API, map data, JSON Feed), RSS, Atom, sitemaps and calendars; never pictures. */
export const COMPRESSIBLE_TYPE = /^(text\/(?!event-stream)|application\/(javascript|([a-z.-]+\+)?(json|xml))(;|$)|image\/svg\+xml)/;

/**
 * Compresses what the portal renders (routes registered after this). Brotli at quality 4 makes a
 * page about a third of its size for some 60–150 µs, under twice gzip's time and a little smaller;
 * quality 3 comes out larger than gzip, and the top setting would cost more than rendering the page.
 * A reverse proxy that compresses does it instead with COMPRESSION=off. Pages holding a form token
 * stay safe to compress (BREACH): the token is salted anew for every answer.
 */
export async function registerCompression(app: FastifyInstance, config: Config): Promise<void> {
  if (!config.compression) return;
  await app.register(fastifyCompress, {
    global: true,
    // Bodies sent to us stay as they are: a compressed form or upload is refused like before.
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: COMPRESSION_THRESHOLD,
    // A page is compressed in one call rather than through a stream: a tenth of a millisecond, with
    // no zlib stream to set up and tear down per answer.
    syncThreshold: 256 * 1024,
    customTypes: COMPRESSIBLE_TYPE,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
  // A shared cache must keep the compressed and the plain answer apart, even when this one went out plain.
  app.addHook('onSend', async (_req, reply, payload) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && COMPRESSIBLE_TYPE.test(type)) {
      reply.header('vary', withVary(reply.getHeader('vary'), 'accept-encoding'));
    }
    return payload;
  });
}

import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { COMPRESSION_THRESHOLD } from './assets.ts';
import { candidateOf, withVary } from './pagecache.ts';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

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

/** A large answer encoded once in each encoding, to be sent many times (a map's data, say). */
export interface Encoded {
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
  etag: string;
}

/** Encodes an answer at the best settings: done once, so its time does not count against each request. */
export async function encodeOnce(body: Buffer, etag: string): Promise<Encoded> {
  const [br, gzip] = await Promise.all([
    brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gzipped(body, { level: 9 }),
  ]);
  return { identity: body, br, gzip, etag };
}

/** Whether the client takes this encoding (named, and not with q=0). */
function accepts(header: string | undefined, encoding: string): boolean {
  return (header ?? '').split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    return name === encoding && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });
}

/**
 * Sends an answer encoded once in the encoding the client prefers. It goes as it is when the page
 * cache will keep it (which encodes it once itself, and keeps only answers as rendered) and with
 * COMPRESSION=off (the proxy's job).
 */
export function sendEncoded(req: FastifyRequest, reply: FastifyReply, encoded: Encoded, config: Config) {
  reply.header('etag', encoded.etag).header('vary', withVary(reply.getHeader('vary'), 'accept-encoding'));
  const header = req.headers['accept-encoding'];
  const plain = !config.compression || (config.pageCacheMb > 0 && candidateOf(req.raw) !== undefined);
  const encoding = plain ? undefined : accepts(header, 'br') ? 'br' : accepts(header, 'gzip') ? 'gzip' : undefined;
  if (encoding) reply.header('content-encoding', encoding);
  return reply.send(encoding ? encoded[encoding] : encoded.identity);
}

import { ReadStream, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type RequestListener, type Server } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerFactory } from 'fastify';
import type { Config } from '../config.ts';
import type { Changes } from '../db/changes.ts';
import { COMPRESSIBLE_TYPE } from './compression.ts';
import {
  candidateOf,
  etagOf,
  type HitLog,
  LANGUAGE_PREFIX,
  matches,
  PageCache,
  PRIVATE_PAGE,
  PUBLIC_PAGE,
  VERSIONED_ASSET,
  withVary,
} from './pagecache.ts';
import { IMMUTABLE } from './static.ts';

const FORM_TOKEN = 'name="_csrf"';
const LOGS_REQUESTS = new Set(['info', 'debug', 'trace']);

/**
 * The HTTP server, with the page cache answering before Fastify sees the request. Fastify's own
 * server settings (timeouts) are applied as it would.
 */
export function cachingServer(cache: PageCache): FastifyServerFactory {
  return (handler: RequestListener, options) => {
    const server: Server = createServer((req, res) => {
      if (!cache.serve(req, res)) handler(req, res);
    });
    const o = options as { keepAliveTimeout?: number; requestTimeout?: number; connectionTimeout?: number };
    if (o.keepAliveTimeout !== undefined) server.keepAliveTimeout = o.keepAliveTimeout;
    if (o.requestTimeout !== undefined) server.requestTimeout = o.requestTimeout;
    if (o.connectionTimeout !== undefined) server.setTimeout(o.connectionTimeout);
    return server;
  };
}

export function pageCacheFor(config: Config, changes: Changes, log: () => FastifyInstance['log']): PageCache | undefined {
  if (config.pageCacheMb === 0) return undefined;
  const hitLog: HitLog = (req, status, startedAt) => {
    const logger = log();
    if (!LOGS_REQUESTS.has(logger.level)) return;
    const ms = Math.round((performance.now() - startedAt) * 10) / 10;
    logger.info({ method: req.method, url: req.url, status, ms, ip: clientIp(req, config), cache: 'hit' }, 'request');
  };
  return new PageCache(changes, config.pageCacheMb * 1024 * 1024, config.compression, hitLog);
}

function clientIp(req: IncomingMessage, config: Config): string | undefined {
  const forwarded = req.headers['x-forwarded-for'];
  if (config.trustProxy && typeof forwarded === 'string') return forwarded.split(',')[0]?.trim();
  return req.socket.remoteAddress;
}

/**
 * Says who may keep each answer: a page holding a person's data, a form token or a cookie is
 * kept by nobody; any other successful GET is public for a short while, with an ETag (304 when
 * the browser has it), and is kept by the page cache when the request was a candidate. A request
 * that wrote tells the other processes before its answer leaves. Registered before compression,
 * so the cache sees the page as rendered.
 */
export function registerCaching(app: FastifyInstance, changes: Changes, cache: PageCache | undefined): void {
  const writesAtStart = new WeakMap<FastifyRequest, number>();
  app.addHook('onRequest', async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') writesAtStart.set(req, changes.writes);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      await changes.settle(writesAtStart.get(req));
      return payload;
    }
    if (payload instanceof ReadStream) {
      if (cache) pinAsset(cache, req, reply, payload);
      return payload;
    }
    if (reply.statusCode !== 200 || !(typeof payload === 'string' || Buffer.isBuffer(payload)) || !isCacheableType(reply)) {
      return payload;
    }
    // Encoded once: the token search, the ETag and the socket all read these bytes.
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    if (!markPublic(req, reply, body)) return body;
    // A route that keeps a large answer keeps its ETag with it, and spares hashing it on every request.
    const known = reply.getHeader('etag');
    const etag = typeof known === 'string' ? known : etagOf(body);
    reply.header('etag', etag);
    if (!LANGUAGE_PREFIX.test(req.url)) reply.header('vary', withVary(reply.getHeader('vary'), 'accept-language'));
    if (matches(req.headers['if-none-match'], etag)) {
      reply.code(304).removeHeader('content-type');
      return null;
    }
    const candidate = candidateOf(req.raw);
    // The cache keeps answers as rendered and encodes them itself; one a route sent encoded is not kept.
    if (cache && candidate && req.method === 'GET' && !reply.hasHeader('content-encoding'))
      cache.store(candidate, reply.getHeaders() as OutgoingHttpHeaders, body, etag);
    return body;
  });
}

/** A versioned asset sent whole from disk is kept, so that the next request for it is answered from memory. */
function pinAsset(cache: PageCache, req: FastifyRequest, reply: FastifyReply, file: ReadStream): void {
  if (reply.statusCode !== 200 || req.headers.range || !VERSIONED_ASSET.test(req.url)) return;
  if (reply.getHeader('cache-control') !== IMMUTABLE) return;
  const encoding = String(reply.getHeader('content-encoding') ?? '');
  cache.pin(req.url, encoding, reply.getHeaders() as OutgoingHttpHeaders, readFileSync(file.path));
}

function isCacheableType(reply: FastifyReply): boolean {
  const type = reply.getHeader('content-type');
  return typeof type === 'string' && COMPRESSIBLE_TYPE.test(type);
}

/** Sets who may keep the answer; true when it is public (the route did not say otherwise). */
function markPublic(req: FastifyRequest, reply: FastifyReply, payload: Buffer): boolean {
  const set = reply.getHeader('cache-control');
  const said = set === undefined ? undefined : String(set);
  if (reply.hasHeader('set-cookie') || payload.includes(FORM_TOKEN)) {
    if (!said?.includes('no-store')) reply.header('cache-control', PRIVATE_PAGE);
    return false;
  }
  if (said !== undefined) return !/no-store|no-cache|private/.test(said);
  if (req.actor) {
    reply.header('cache-control', PRIVATE_PAGE);
    return false;
  }
  reply.header('cache-control', PUBLIC_PAGE);
  return true;
}

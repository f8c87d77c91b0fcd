import { createHash } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Changes } from '../db/changes.ts';

/**
 * What a shared cache (a reverse proxy) may do with a public page: keep it for 10 s and serve it
 * stale for 30 s more while it asks again. Browsers ask every time, and get a 304 when nothing changed.
 */
export const PUBLIC_PAGE = 'public, max-age=0, s-maxage=10, stale-while-revalidate=30';

/** What holds a person's data or a form token: kept by nobody. */
export const PRIVATE_PAGE = 'private, no-store';

/** How long a page is kept at most: what changes with the clock alone (a scheduled item, "coming events"). */
const MAX_AGE_MS = 30_000;
/** Tells an operator (and the tests) that an answer came from memory, as proxies' caches do. */
const FROM_MEMORY = { 'x-cache': 'hit' };
const MAX_ENTRY_BYTES = 1024 * 1024;
/** The only cookie an anonymous visitor's pages do not depend on (it pairs with a form token, never kept). */
const NEUTRAL_COOKIE = /^\s*_csrf=/;
/** An address within one language's pages, which vary on nothing else of the request. */
export const LANGUAGE_PREFIX = /^\/[a-z]{2}(\/|$)/;
/** A stylesheet, script or picture at its versioned address: the same bytes for as long as the process runs. */
export const VERSIONED_ASSET = /^\/static\/[\w./-]+\?v=[0-9a-f]{6,40}$/;

/** Headers as a flat list of names and values: Node writes those with the least work. */
type RawHeaders = string[];

interface Variant {
  headers: RawHeaders;
  body: Buffer;
}

interface Entry {
  at: number;
  etag: string;
  bytes: number;
  kept: OutgoingHttpHeaders;
  plain: Variant;
  br?: Variant;
  gzip?: Variant;
  notModified: RawHeaders;
}

/** Where a request that may be kept stands: its key, and the data's version when it arrived. */
export interface Candidate {
  key: string;
  version: number;
}

const CANDIDATE = Symbol('page cache candidate');
type Carrier = IncomingMessage & { [CANDIDATE]?: Candidate };

/** What the answer to this request may be kept as, when it reached the routes. */
export function candidateOf(req: IncomingMessage): Candidate | undefined {
  return (req as Carrier)[CANDIDATE];
}

export type HitLog = (req: IncomingMessage, status: number, startedAt: number) => void;

/**
 * Whole answers to anonymous GET requests, kept in memory and sent before any routing: a page,
 * feed or API answer that holds no person's data and no form token. Everything is forgotten when
 * the data changes (Changes), and nothing is kept longer than MAX_AGE_MS.
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  /** Versioned assets by address and encoding: never forgotten, as a new version has a new address. */
  private readonly assets = new Map<string, Variant>();

  constructor(
    private readonly changes: Changes,
    private readonly maxBytes: number,
    private readonly compress: boolean,
    private readonly log?: HitLog,
  ) {
    changes.on('change', () => this.clear());
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  /** Answers from memory when it can (true); otherwise marks the request with what its answer may be kept as. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const startedAt = performance.now();
    if (VERSIONED_ASSET.test(req.url ?? '')) return this.serveAsset(req, res, startedAt);
    const key = keyOf(req);
    if (!key) return false;
    const version = this.changes.current();
    const entry = this.entries.get(key);
    if (entry && Date.now() - entry.at > MAX_AGE_MS) this.drop(key, entry);
    else if (entry) {
      const fresh = matches(req.headers['if-none-match'], entry.etag);
      const variant = fresh ? undefined : this.variant(entry, req.headers['accept-encoding']);
      res.writeHead(variant ? 200 : 304, variant ? variant.headers : entry.notModified);
      res.end(req.method === 'HEAD' ? undefined : variant?.body);
      this.log?.(req, res.statusCode, startedAt);
      return true;
    }
    (req as Carrier)[CANDIDATE] = { key, version };
    return false;
  }

  /** Keeps a versioned asset as it was sent from disk (in one encoding), with the headers it went with. */
  pin(url: string, encoding: string, headers: OutgoingHttpHeaders, body: Buffer): void {
    const kept: OutgoingHttpHeaders = { ...FROM_MEMORY, ...keptHeaders(headers) };
    if (headers.etag) kept.etag = headers.etag;
    this.assets.set(`${url}\n${encoding}`, { headers: raw({ ...kept, 'content-length': body.length }), body });
  }

  private serveAsset(req: IncomingMessage, res: ServerResponse, startedAt: number): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const accepted = req.headers['accept-encoding'] ?? '';
    const encoding = this.compress && accepts(accepted, 'br') ? 'br' : this.compress && accepts(accepted, 'gzip') ? 'gzip' : '';
    // A small file is sent plain whatever was asked: look for that too.
    const asset = this.assets.get(`${req.url}\n${encoding}`) ?? this.assets.get(`${req.url}\n`);
    if (!asset || req.headers.range) return false;
    res.writeHead(200, asset.headers);
    res.end(req.method === 'HEAD' ? undefined : asset.body);
    this.log?.(req, 200, startedAt);
    return true;
  }

  /** Keeps an answer rendered for a candidate, unless the data changed while it was being made. */
  store(candidate: Candidate, headers: OutgoingHttpHeaders, body: string | Buffer, etag: string): void {
    const plain = typeof body === 'string' ? Buffer.from(body) : body;
    if (plain.length > MAX_ENTRY_BYTES || candidate.version !== this.changes.current()) return;
    const kept = keptHeaders(headers);
    kept.etag = etag;
    if (this.compress) kept.vary = withVary(kept.vary, 'accept-encoding');
    const notModified: OutgoingHttpHeaders = { etag, 'cache-control': kept['cache-control'], ...FROM_MEMORY };
    if (kept.vary) notModified.vary = kept.vary;
    const entry: Entry = {
      at: Date.now(),
      etag,
      bytes: plain.length,
      kept,
      plain: { headers: raw({ ...kept, ...FROM_MEMORY, 'content-length': plain.length }), body: plain },
      notModified: raw(notModified),
    };
    const old = this.entries.get(candidate.key);
    if (old) this.drop(candidate.key, old);
    this.entries.set(candidate.key, entry);
    this.bytes += entry.bytes;
    this.evict();
  }

  private variant(entry: Entry, acceptEncoding: string | undefined): Variant {
    if (!this.compress || !acceptEncoding) return entry.plain;
    if (accepts(acceptEncoding, 'br')) {
      entry.br ??= this.compressed(entry, 'br');
      return entry.br;
    }
    if (accepts(acceptEncoding, 'gzip')) {
      entry.gzip ??= this.compressed(entry, 'gzip');
      return entry.gzip;
    }
    return entry.plain;
  }

  /** Compressed once, at the first request that asks: harder than a rendered answer is, as it is sent many times. */
  private compressed(entry: Entry, encoding: 'br' | 'gzip'): Variant {
    const body =
      encoding === 'br'
        ? brotliCompressSync(entry.plain.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })
        : gzipSync(entry.plain.body, { level: 9 });
    entry.bytes += body.length;
    this.bytes += body.length;
    return { headers: raw({ ...entry.kept, ...FROM_MEMORY, 'content-encoding': encoding, 'content-length': body.length }), body };
  }

  private drop(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  /** The oldest entries go first when the cache holds more than its share of memory. */
  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) return;
      this.drop(key, entry);
    }
  }
}

function raw(headers: OutgoingHttpHeaders): RawHeaders {
  return Object.entries(headers).flatMap(([name, value]) =>
    value === undefined ? [] : Array.isArray(value) ? value.flatMap((v) => [name, v]) : [name, String(value)],
  );
}

const UNKEPT_HEADERS = new Set(['set-cookie', 'date', 'content-length', 'connection', 'keep-alive', 'transfer-encoding', 'etag']);

/** What an answer sent from memory repeats of the headers it was rendered with. */
function keptHeaders(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !UNKEPT_HEADERS.has(name)) kept[name] = value;
  }
  return kept;
}

/** A GET or HEAD that no session, token or notice can make personal; the key holds all it varies on. */
export function keyOf(req: IncomingMessage): string | undefined {
  if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
  const url = req.url ?? '';
  const { cookie, authorization } = req.headers;
  if (authorization || url.length > 2000 || url.startsWith('/static/') || url.includes('notice=')) return undefined;
  if (cookie && !cookie.split(';').every((c) => NEUTRAL_COOKIE.test(c))) return undefined;
  // Outside a language's addresses a page may be in the language the browser asks for.
  return LANGUAGE_PREFIX.test(url) ? url : `${url}\n${req.headers['accept-language'] ?? ''}`;
}

/** A weak validator of the bytes before compression: compressed variants carry the same. */
export function etagOf(body: string | Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/** If-None-Match compares weakly: the same bytes, whatever their encoding. */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}

function accepts(acceptEncoding: string, encoding: string): boolean {
  const at = acceptEncoding.indexOf(encoding);
  if (at < 0) return false;
  return !/^\s*;\s*q=0(\.0*)?\s*(,|$)/.test(acceptEncoding.slice(at + encoding.length));
}

export function withVary(vary: OutgoingHttpHeaders[string], name: string): string {
  const now = vary === undefined ? '' : String(vary);
  if (!now) return name;
  return new RegExp(`(^|,)\\s*(${name}|\\*)\\s*(,|$)`, 'i').test(now) ? now : `${now}, ${name}`;
}

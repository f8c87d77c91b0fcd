import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { Remembered } from '../../../core/cache.ts';
import type { Encoded } from '../../../core/http/compression.ts';
import { hit } from '../../../core/http/throttle.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { keyOf } from '../service/keys.ts';
import {
  type Jurisdiction,
  jurisdictionOf,
  languageOf,
  oneRequest,
  present,
  type RequestQuery,
  requests,
  serviceDefinition,
  services,
} from '../service/open311.ts';
import { Open311Error, postRequest } from '../service/open311-post.ts';
import { encodeAnswer, FORMATS, type Format, formatOfUrl, send, sendError, sendKept } from './open311-format.ts';

export const OPEN311_PREFIX = '/open311/v2';

/** Reads: per address, plenty for an app, few for a scraper; off with the general limit. */
const READ_LIMIT = { max: 300, timeWindow: '1 minute' } as const;
/** Posts: per address first (guessing keys), then per key (OPEN311_POSTS_PER_KEY in ten minutes). */
const POST_LIMIT = { max: 120, timeWindow: '10 minutes' } as const;
const KEY_WINDOW_MS = 10 * 60_000;

const FILE = /^(.{1,100})\.(json|xml)$/;
const ID_LIST = /^[1-9]\d{0,9}(,[1-9]\d{0,9}){0,99}$/;

/**
 * A town's requests lists as sent, by query, format and language: a thousand requests take tens of
 * milliseconds to write, and apps ask the same few questions again and again. Kept until the data
 * changes, and a minute at most, so the default 90 days' window moves on.
 */
const kept = new Remembered<Encoded>(60_000, 2000);

const fail = (status: number, description: string): never => {
  throw new Open311Error(status, description);
};

/** A path's last part, `{name}.{format}`. */
function fileOf(req: FastifyRequest): { name: string; format: Format } {
  const m = FILE.exec((req.params as { file: string }).file);
  if (!m) return fail(404, 'no such resource: addresses end in .json or .xml');
  return { name: m[1]!, format: m[2] as Format };
}

const one = (v: unknown, name: string): string | undefined => {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') return fail(400, `${name} must be given once`);
  return v;
};

/** A date of the query: ISO 8601 with a time and zone, or a calendar date (read as UTC midnight). */
function dateOf(v: string | undefined, name: string): string | undefined {
  if (v === undefined || v === '') return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v);
  const at = ok ? Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v.replace(' ', 'T')) : Number.NaN;
  if (Number.isNaN(at)) return fail(400, `${name} must be an ISO 8601 date, e.g. 2026-12-01T10:00:00+00:00`);
  return new Date(at).toISOString();
}

/** The requests list's filters, each checked: a misfit is a 400 naming it. */
function requestQuery(query: Record<string, unknown>): RequestQuery {
  const q: RequestQuery = {};
  const ids = one(query.service_request_id, 'service_request_id');
  if (ids !== undefined && ids !== '') {
    if (!ID_LIST.test(ids)) fail(400, 'service_request_id must be one id or up to 100 ids separated by commas');
    q.ids = [...new Set(ids.split(',').map(Number))];
  }
  const code = one(query.service_code, 'service_code');
  if (code) q.serviceCode = code.slice(0, 40);
  const from = dateOf(one(query.start_date, 'start_date'), 'start_date');
  const to = dateOf(one(query.end_date, 'end_date'), 'end_date');
  if (from) q.from = from;
  if (to) q.to = to;
  if (from && to && from > to) fail(400, 'start_date is after end_date');
  const status = one(query.status, 'status');
  if (status !== undefined && status !== '') {
    if (status !== 'open' && status !== 'closed') fail(400, 'status must be open or closed');
    q.status = status as 'open' | 'closed';
  }
  return q;
}

/**
 * Open311 GeoReport v2 for every town of the portal: discovery, services and their definitions,
 * requests (read, and filed with a key), tokens. JSON or XML by the address's ending; every error
 * in the spec's format.
 */
export function open311Routes(app: FastifyInstance, ctx: ModuleContext): void {
  const { baseUrl } = ctx.config;

  async function townOf(req: FastifyRequest): Promise<Jurisdiction> {
    const source = req.method === 'POST' ? { ...(req.query as object), ...(req.body as object) } : (req.query as object);
    const id = one((source as Record<string, unknown>).jurisdiction_id, 'jurisdiction_id');
    if (!id) return fail(400, 'jurisdiction_id is required, e.g. bg/stara-zagora');
    return (await jurisdictionOf(ctx, id)) ?? fail(404, `jurisdiction_id ${id.slice(0, 100)} is not a municipality of this portal`);
  }

  const plugin = async (scope: FastifyInstance) => {
    scope.setErrorHandler((error: FastifyError, req, reply) => {
      const status = error instanceof Open311Error ? error.statusCode : (error.statusCode ?? 500);
      if (status >= 500) req.log.error({ err: error }, 'open311 request failed');
      // Fastify's and the plugins' own refusals (a body too large, of a type not read) say why in plain words.
      const description =
        error instanceof Open311Error || (status < 500 && status !== 429)
          ? error.message
          : status === 429
            ? 'too many requests: try again later'
            : 'the server could not answer';
      return sendError(reply, formatOfUrl(req.url), status, description);
    });
    scope.setNotFoundHandler((req, reply) => sendError(reply, formatOfUrl(req.url), 404, 'no such resource'));
    // Open data, for any site's scripts to read.
    scope.addHook('onSend', async (req, reply) => {
      if (req.method === 'GET' || req.method === 'HEAD') reply.header('access-control-allow-origin', '*');
    });
    const read = ctx.config.rateLimitPerMinute > 0 ? { config: { rateLimit: READ_LIMIT } } : {};
    const perKey = ctx.config.open311PostsPerKey;
    // An operator who lifts the per-key limit trusts its clients, which often post from one server.
    const posting = { config: { csrf: false, ...(perKey > 0 ? { rateLimit: POST_LIMIT } : {}) } };

    for (const format of FORMATS) {
      scope.get(`/discovery.${format}`, read, (_req, reply) =>
        send(reply, format, 'discovery', {
          changeset: '2026-12-05T00:00:00+00:00',
          contact: `${baseUrl}/en/contact`,
          key_service: `${baseUrl}/en/contact`,
          endpoints: [
            {
              specification: 'http://wiki.open311.org/GeoReport_v2',
              url: `${baseUrl}${OPEN311_PREFIX}`,
              changeset: '2026-12-05T00:00:00+00:00',
              type: 'production',
              formats: ['application/json', 'text/xml'],
            },
          ],
        }),
      );

      scope.get(`/services.${format}`, read, async (req, reply) => {
        const town = await townOf(req);
        return send(reply, format, 'services', await services(ctx, town, languageOf(req.query as Record<string, unknown>)));
      });

      scope.get(`/requests.${format}`, read, async (req, reply) => {
        const town = await townOf(req);
        const query = req.query as Record<string, unknown>;
        const [q, lang] = [requestQuery(query), languageOf(query)];
        const key = `${town.id}|${format}|${lang}|${JSON.stringify(q)}`;
        const answer = await kept.get(ctx.database.db, key, async () =>
          encodeAnswer(format, 'service_requests', await requests(ctx, town, q, lang)),
        );
        return sendKept(req, reply, format, answer, ctx.config);
      });

      scope.post(`/requests.${format}`, posting, async (req, reply) => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        if (typeof body !== 'object') fail(400, 'the body must be form-encoded');
        const town = await townOf(req);
        const key = one(body.api_key ?? (req.query as Record<string, unknown>).api_key, 'api_key');
        if (!key) fail(400, 'api_key is required');
        const client = (await keyOf(ctx, key!)) ?? fail(403, 'api_key is not valid');
        const verdict =
          perKey > 0
            ? await hit(ctx.database.db, `open311:key:${client.id}`, { max: perKey, windowMs: KEY_WINDOW_MS })
            : { allowed: true, retryAfter: 0 };
        if (!verdict.allowed) {
          reply.header('retry-after', String(verdict.retryAfter));
          fail(429, 'too many requests with this api_key: try again later');
        }
        const filed = await postRequest(ctx, town, body, client.id);
        return send(reply, format, 'service_requests', [
          {
            service_request_id: String(filed.id),
            token: filed.token,
            service_notice: `Published at ${baseUrl}/en/signals/${filed.id}`,
            account_id: '',
          },
        ]);
      });
    }

    scope.get('/services/:file', read, async (req, reply) => {
      const { name, format } = fileOf(req);
      const town = await townOf(req);
      const definition = (await serviceDefinition(ctx, town, name)) ?? fail(404, `service_code ${name.slice(0, 40)} was not found`);
      return send(reply, format, 'service_definition', definition);
    });

    scope.get('/requests/:file', read, async (req, reply) => {
      const { name, format } = fileOf(req);
      const town = await townOf(req);
      const id = /^[1-9]\d{0,9}$/.test(name) ? Number(name) : fail(404, 'service_request_id was not found');
      const row = (await oneRequest(ctx, town, { id })) ?? fail(404, 'service_request_id was not found');
      return send(reply, format, 'service_requests', await present(ctx, town, [row], languageOf(req.query as Record<string, unknown>)));
    });

    scope.get('/tokens/:file', read, async (req, reply) => {
      const { name, format } = fileOf(req);
      const town = await townOf(req);
      const row = (await oneRequest(ctx, town, { token: name.slice(0, 40) })) ?? fail(404, 'token was not found');
      return send(reply, format, 'service_requests', [{ service_request_id: String(row.id), token: row.token }]);
    });
  };
  app.register(plugin, { prefix: OPEN311_PREFIX });
}

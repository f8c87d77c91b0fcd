import type { FastifyInstance } from 'fastify';
import type { ApiDescription, ModuleContext } from './modules.ts';

/** The problem description every API error answers with (RFC 9457). */
const Problem = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' }, reason: { type: 'string' } } },
    },
  },
};

/** Serves /api/v1/openapi.json, put together from what each module describes. */
export function registerOpenApi(app: FastifyInstance, parts: ApiDescription[], ctx: ModuleContext): void {
  const document = {
    openapi: '3.1.0',
    info: {
      title: `${ctx.config.siteName} API`,
      version: '1.0.0',
      description: 'Open data of the portal of the municipalities of Europe. Read endpoints need no key and allow any origin.',
      license: { name: 'Place data: GeoNames, CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
    },
    servers: [{ url: `${ctx.config.baseUrl}/api/v1` }],
    paths: Object.assign({}, ...parts.map((p) => p.paths)),
    components: { schemas: Object.assign({ Problem }, ...parts.map((p) => p.schemas ?? {})) },
  };
  app.get('/api/v1/openapi.json', async (_req, reply) => reply.header('cache-control', 'public, max-age=3600').send(document));
}

import type { FastifyInstance } from 'fastify';
import { type Database, ping } from './db/client.ts';
import { NO_STORE } from './http/guards.ts';

/** GET /healthz: 200 while the database answers, 503 when it does not (for load balancers). */
export function registerHealth(app: FastifyInstance, database: Database): void {
  app.get('/healthz', { config: { rateLimit: false } }, async (req, reply) => {
    const started = performance.now();
    try {
      await ping(database.db);
      reply.headers(NO_STORE);
      return {
        status: 'ok',
        database: {
          dialect: database.dialect,
          status: 'up',
          latencyMs: Math.round((performance.now() - started) * 100) / 100,
        },
      };
    } catch (err) {
      req.log.warn({ err }, 'health check: database unreachable');
      reply.status(503).headers(NO_STORE);
      return { status: 'unavailable', database: { dialect: database.dialect, status: 'down' } };
    }
  });
}

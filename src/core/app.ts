import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { registerFeeds } from './feeds.ts';
import { registerHealth } from './health.ts';
import { cachingServer, pageCacheFor, registerCaching } from './http/caching.ts';
import { registerCompression } from './http/compression.ts';
import { registerErrorHandlers } from './http/errors.tsx';
import { RequestLog } from './http/logging.ts';
import { registerPages } from './http/pages.ts';
import { registerRequestChecks } from './http/requests.ts';
import { registerSecurity } from './http/security.ts';
import { registerStatic } from './http/static.ts';
import { negotiateLanguage } from './i18n/negotiate.ts';
import { startJobs } from './jobs.ts';
import { MailSender } from './mail/sender.ts';
import { type ModuleContext, type ModuleManifest, moduleContext } from './modules.ts';
import { registerOpenApi } from './openapi.ts';
import { registerSearch } from './search/routes.tsx';
import { registerSitemaps } from './sitemap.ts';

export interface AppOptions {
  config: Config;
  database: Database;
  modules: ModuleManifest[];
  /** Pino options; tests pass false. */
  logger?: boolean | Record<string, unknown>;
  /** Deliver mail and run the modules' jobs in this process (the server does; tests run them when they choose). */
  background?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** What modules are given: configuration, database, mail. */
    context: ModuleContext;
  }
}

export function loggerOptions(config: Config) {
  return {
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    // Lines are written in batches of 4 KB (at least every second, and on exit) rather than one
    // write per line: a busy portal writes a line per request.
    stream: pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 1000 }),
  };
}

export async function buildApp({ config, database, modules, logger, background = false }: AppOptions): Promise<FastifyInstance> {
  database.changes.ignore(modules.flatMap((m) => m.privateTables ?? []));
  const pageCache = pageCacheFor(config, database.changes, () => app.log);
  const app: FastifyInstance = Fastify({
    ...(pageCache ? { serverFactory: cachingServer(pageCache) } : {}),
    logger: logger ?? loggerOptions(config),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
    logController: new RequestLog(),
    // Finish the requests in flight on close, answer new ones with 503 and drop idle connections.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  const ctx = moduleContext(config, database, new MailSender(database, config, app.log), modules);
  app.decorate('context', ctx);
  app.addHook('onClose', () => ctx.mail.stop());
  // Other processes on the same PostgreSQL database say when they changed something: the page
  // cache and every module's kept answers (Remembered) listen, whether the page cache is on or not.
  await database.changes.listen();
  app.addHook('onClose', () => database.changes.stop());
  if (background) {
    ctx.mail.start();
    startJobs(
      app,
      modules.flatMap((m) => m.jobs ?? []),
      ctx,
    );
  }
  const nav = modules.flatMap((m) => m.nav ?? []).sort((a, b) => a.order - b.order);

  await registerSecurity(app, config);
  registerPages(
    app,
    config,
    database.db,
    nav,
    modules.flatMap((m) => (m.header ? [m.header] : [])),
  );
  registerRequestChecks(app);
  registerErrorHandlers(app, config);
  // Static files first: they come compressed from disk, and the compression of rendered answers skips them.
  await registerStatic(app, config);
  // The read API is open data: any site may fetch it.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/') && (req.method === 'GET' || req.method === 'HEAD')) reply.header('access-control-allow-origin', '*');
  });
  // What is kept is the page as rendered, with every header above: compression comes after.
  registerCaching(app, database.changes, pageCache);
  await registerCompression(app, config);

  app.get('/', (req, reply) => {
    reply.header('vary', 'Accept-Language').redirect(`/${negotiateLanguage(req.headers['accept-language'])}/`, 302);
  });
  // The language check itself is in registerPages, for every route under /:lang.
  app.get('/:lang', (req, reply) => reply.redirect(`/${(req.params as { lang: string }).lang}/`, 301));
  app.get('/favicon.ico', (_req, reply) => reply.redirect('/static/favicon.svg', 301));
  app.get('/robots.txt', (_req, reply) =>
    reply.type('text/plain').send(`User-agent: *\nDisallow: /api/\nSitemap: ${config.baseUrl}/sitemap.xml\n`),
  );
  registerHealth(app, database);
  registerSearch(
    app,
    modules.flatMap((m) => m.search ?? []),
    ctx,
  );
  registerFeeds(
    app,
    modules.flatMap((m) => m.feeds ?? []),
    ctx,
  );
  registerSitemaps(
    app,
    modules.flatMap((m) => m.sitemaps ?? []),
    ctx,
  );
  registerOpenApi(
    app,
    modules.flatMap((m) => (m.api ? [m.api] : [])),
    ctx,
  );

  for (const m of modules) await m.routes?.(app, ctx);
  return app;
}

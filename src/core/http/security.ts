import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply } from 'fastify';
import helmet from 'helmet';
import type { Config } from '../config.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set to false on a state-changing route that authenticates otherwise (e.g. an API token). */
    csrf?: boolean;
    /**
     * A form that takes larger files sets its own limit (bytes); a file over it is not an error of
     * the request but an OversizedFile in the body, so the form can say so with what was typed.
     */
    uploadLimit?: number;
  }
}

/** Largest form body we accept; a form of ours that needs more sets its own limit. */
export const FORM_BODY_LIMIT = 64 * 1024;

/** Largest file a form accepts (evidence, images). */
export const UPLOAD_LIMIT = 5 * 1024 * 1024;

/** Public write forms: a person sends a few, a script many. */
export const FORM_RATE_LIMIT = { max: 10, timeWindow: '10 minutes' } as const;

/** Staff at work (saving drafts, publishing): signed in and authorised, they save often. */
export const STAFF_RATE_LIMIT = { max: 300, timeWindow: '10 minutes' } as const;

/** Cookies go over https only, except in development and tests on plain http. */
export function secureCookies(config: Config): boolean {
  return config.baseUrl.startsWith('https:') || config.env === 'production';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function registerSecurity(app: FastifyInstance, config: Config): Promise<void> {
  const https = config.baseUrl.startsWith('https:');
  // Helmet's middleware is built once here; building it per request costs more than rendering a page.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // Map tiles come from the configured tile server; blob: shows a picture chosen for upload before it is sent.
        imgSrc: ["'self'", 'data:', 'blob:', new URL(config.mapTileUrl.replace(/\{[a-z]\}/g, '0')).origin],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // CSP's frame-ancestors 'none' says it; X-Frame-Options could only say SAMEORIGIN beside it.
    xFrameOptions: false,
  });
  app.addHook('onRequest', (req, reply, done) => {
    securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('permissions-policy', 'camera=(), microphone=(), payment=(), usb=(), geolocation=(self)');
  });

  await app.register(cookie, { secret: config.secretKey });
  await app.register(formbody, { bodyLimit: FORM_BODY_LIMIT });
  // Forms with a file: read into the body by registerRequestChecks (fields as strings, the file as a Buffer).
  await app.register(multipart, {
    limits: { fileSize: UPLOAD_LIMIT, files: 5, fields: 40, fieldSize: FORM_BODY_LIMIT, parts: 42 },
  });
  await app.register(csrf, {
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies(config) },
  });
  // One token per answer: a page of several forms, asked by someone without the secret's cookie yet,
  // would otherwise make a secret per form, keep only the last in the cookie, and refuse the others.
  app.addHook('onRequest', (_req, reply, done) => {
    const generate = reply.generateCsrf;
    let token: string | undefined;
    reply.generateCsrf = function (this: FastifyReply, opts) {
      token ??= generate.call(this, opts);
      return token;
    };
    done();
  });
  app.addHook('preHandler', (req, reply, done) => {
    if (SAFE_METHODS.has(req.method) || req.routeOptions.config.csrf === false) return done();
    app.csrfProtection(req, reply, done);
  });

  await app.register(rateLimit, {
    global: config.rateLimitPerMinute > 0,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_req, context) =>
      Object.assign(new Error(`Rate limit exceeded, retry in ${context.after}`), { statusCode: context.statusCode }),
  });
}

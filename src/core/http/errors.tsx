import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { ErrorPage, errorPageFor } from '../views/error-page.tsx';
import { NO_STORE, SignInRequired } from './guards.ts';
import { BadParameters, type Problems } from './params.ts';
import { problem } from './problem.ts';

function wantsJson(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/') || (req.headers.accept ?? '').includes('application/json');
}

function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string | undefined,
  detail?: string,
  problems?: Problems,
) {
  const page = errorPageFor(status, code);
  const httpStatus = status >= 400 && status < 600 ? status : page.status;
  reply.status(httpStatus);
  if (wantsJson(req)) {
    return reply.type('application/problem+json; charset=utf-8').send({
      type: 'about:blank',
      title: req.t(`errors.${page.key}.title`),
      status: httpStatus,
      detail: req.t(`errors.${page.key}.body`),
      ...(problems ? { errors: problems } : {}),
      ...(detail ? { debug: detail } : {}),
    });
  }
  return reply.page(<ErrorPage messageKey={page.key} detail={detail} />, {
    title: req.t(`errors.${page.key}.title`),
    indexable: false,
  });
}

/** Every error becomes a localised page (or problem JSON); stack traces only in development. */
export function registerErrorHandlers(app: FastifyInstance, config: Config): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    // A page for signed-in people sends a visitor to sign in, and back here afterwards.
    if (error instanceof SignInRequired && !wantsJson(req)) {
      return reply.headers(NO_STORE).redirect(`/${req.lang}/sign-in?next=${encodeURIComponent(req.url)}`, 303);
    }
    // The API names each refused parameter in its own words (see apiParams).
    if (error instanceof BadParameters) return problem(reply, 400, error.title, error.message, error.problems);
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) req.log.error({ err: error }, 'request failed');
    else req.log.info({ code: error.code, status }, error.message);
    const detail = config.env === 'development' ? (error.stack ?? error.message) : undefined;
    return sendError(req, reply, status, error.code, detail, (error as { problems?: Problems }).problems);
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, 404, undefined));
}

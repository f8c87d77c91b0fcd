import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../core/authz.ts';
import type { Config } from '../../../core/config.ts';
import { secureCookies } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { SESSION_ABSOLUTE_MS } from '../service/limits.ts';
import { resumeSession } from '../service/sessions.ts';

export const SESSION_COOKIE = 'municipium_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The hashed id of the current session, when signed in. */
    sessionId: string | null;
  }
}

/** Reads the session cookie on every page request and sets req.actor. */
export function registerSessionHook(app: FastifyInstance, { database }: ModuleContext): void {
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/static/') || req.url === '/healthz') return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token || token.length > 100) return;
    const session = await resumeSession(database.db, token);
    if (session) {
      req.actor = session.actor;
      req.sessionId = session.id;
    }
  });
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies(config), maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies(config) });
}

/** The signed-in person; otherwise sends them to sign in and back, and returns undefined. */
export function requireActor(req: FastifyRequest, reply: FastifyReply): Actor | undefined {
  if (req.actor) return req.actor;
  void reply.redirect(`/${req.lang}/sign-in?next=${encodeURIComponent(req.url)}`, 303);
  return undefined;
}

/** Where to go after signing in: only a page of this portal, never another site. */
export function safeNext(lang: string, next: unknown): string {
  if (typeof next === 'string' && /^\/[a-z]{2}\/[^/\\]/.test(next) && !next.includes('//') && next.length < 500) return next;
  return `/${lang}/account`;
}

export const clientOf = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] });

/** Only the notices a page knows are shown; anything else in the address is ignored. */
export function noticeFrom(req: FastifyRequest, known: readonly string[]): string | undefined {
  const notice = (req.query as { notice?: unknown }).notice;
  return typeof notice === 'string' && known.includes(notice) ? notice : undefined;
}

import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../core/config.ts';
import { secureCookies } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { KnownDevice } from '../service/auth.ts';
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
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secureCookies(config),
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies(config) });
}

/** A path of this portal: printable ASCII only, so no CR/LF, NUL or look-alike slash gets through. */
const PORTAL_PATH = /^\/[a-z]{2}\/(?![/\\])[\x21-\x7e]*$/;

/**
 * Where to go after signing in: only a page of this portal, never another site. Without a
 * `next`, the account page; with one that is not a page of ours, the home page.
 */
export function safeNext(lang: string, next: unknown): string {
  if (next === undefined || next === '') return `/${lang}/account`;
  const ok = typeof next === 'string' && next.length < 500 && PORTAL_PATH.test(next) && !/[\\]|\/\//.test(next);
  return ok ? next : `/${lang}/`;
}

export const clientOf = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] });

export const DEVICE_COOKIE = 'municipium_device';
const DEVICE_MAX_AGE_S = 400 * 24 * 3600;

/** The browser this person signed in from before, read from its signed cookie. */
export function knownDevice(req: FastifyRequest): KnownDevice | undefined {
  const raw = req.cookies[DEVICE_COOKIE];
  if (!raw || raw.length > 200) return undefined;
  const cookie = req.unsignCookie(raw);
  const match = cookie.valid ? /^(\d{1,10})\.([\w-]{22,64})$/.exec(cookie.value ?? '') : null;
  return match ? { userId: Number(match[1]), id: match[2]! } : undefined;
}

/** Marks this browser as one the person signs in from, keeping its id when it already was. */
export function rememberDevice(req: FastifyRequest, reply: FastifyReply, config: Config, userId: number): void {
  const known = knownDevice(req);
  const id = known?.userId === userId ? known.id : randomBytes(18).toString('base64url');
  reply.setCookie(DEVICE_COOKIE, `${userId}.${id}`, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secureCookies(config),
    maxAge: DEVICE_MAX_AGE_S,
  });
}

import type { FastifyRequest } from 'fastify';
import type { Actor } from '../authz.ts';

/** Answers that hold a person's data or a form token: never kept by a browser or a proxy. */
export const NO_STORE = { 'cache-control': 'no-store' } as const;

/** Thrown where a page needs a signed-in person: pages send the visitor to sign in and back, the API answers 401. */
export class SignInRequired extends Error {
  readonly statusCode = 401;
  readonly code = 'MUNICIPIUM_SIGN_IN';
  constructor() {
    super('sign in first');
  }
}

/** The signed-in person; for anybody else the request ends in the sign-in page (see SignInRequired). */
export function requireActor(req: FastifyRequest): Actor {
  if (req.actor) return req.actor;
  throw new SignInRequired();
}

/** Only the notices a page knows are shown; anything else in the address is ignored. */
export function noticeFrom(req: FastifyRequest, known: readonly string[]): string | undefined {
  const notice = (req.query as { notice?: unknown }).notice;
  return typeof notice === 'string' && known.includes(notice) ? notice : undefined;
}

/** Thrown when an address names nothing (or nothing this person may know of): the localised 404. */
export class NotFound extends Error {
  readonly statusCode = 404;
  readonly code = 'MUNICIPIUM_NOT_FOUND';
  constructor() {
    super('not found');
  }
}

/** What the address names, loaded; the localised 404 when there is nothing (undefined or null). */
export async function loadOr404<T>(load: T | undefined | null | Promise<T | undefined | null>): Promise<T> {
  const found = await load;
  if (found === undefined || found === null) throw new NotFound();
  return found;
}

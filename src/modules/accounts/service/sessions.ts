import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/authz.ts';
import { Remembered } from '../../../core/cache.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { hashToken, newToken } from '../../../core/tokens.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOf,
  findSession,
  findUser,
  grantsOf,
  insertSession,
  sessionsOf,
  touchSession,
} from '../repo.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS } from './limits.ts';

/** Starts a session: a new id every time, so that a session id known before sign-in is worthless. */
export async function startSession(db: Kysely<Tables>, userId: number, client: { ip?: string; userAgent?: string }): Promise<string> {
  const { token, hash } = newToken();
  const now = Date.now();
  await insertSession(db, {
    id: hash,
    user_id: userId,
    created_at: new Date(now).toISOString(),
    last_seen_at: new Date(now).toISOString(),
    expires_at: new Date(now + SESSION_ABSOLUTE_MS).toISOString(),
    ip: client.ip?.slice(0, 64) ?? null,
    user_agent: client.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

export interface CurrentSession {
  id: string;
  actor: Actor;
}

/** The person behind a session cookie, or undefined when it is unknown, idle too long or expired. */
export async function resumeSession(db: Kysely<Tables>, token: string, now = Date.now()): Promise<CurrentSession | undefined> {
  const id = hashToken(token);
  const session = await findSession(db, id);
  if (!session) return undefined;
  const lastSeen = Date.parse(session.last_seen_at);
  if (Date.parse(session.expires_at) <= now || lastSeen + SESSION_IDLE_MS <= now) {
    await deleteSession(db, id);
    return undefined;
  }
  const actor = await actorOf(db, session.user_id);
  if (!actor) return undefined;
  if (now - lastSeen >= SESSION_TOUCH_MS) await touchSession(db, id, new Date(now).toISOString());
  return { id, actor };
}

/**
 * Who a person is and the roles they hold are read on every signed-in request and change rarely:
 * each process keeps them a few seconds, and reads them again after any change to people or roles
 * in any process (see Changes). The session itself is read every time, so signing out is at once.
 * What is kept is shared between requests, so it is frozen.
 */
const people = new Remembered<Actor | undefined>(10_000, 5000);

function actorOf(db: Kysely<Tables>, userId: number): Promise<Actor | undefined> {
  return people.get(db, String(userId), async () => {
    // Read side by side: on PostgreSQL each is a round trip.
    const [user, grants] = await Promise.all([findUser(db, userId), grantsOf(db, userId)]);
    if (!user || user.deleted_at) return undefined;
    return Object.freeze({
      id: user.id,
      name: user.name,
      email: user.email,
      language: user.language,
      confirmed: !!user.email_confirmed_at,
      ...(user.blocked_at ? { blocked: true } : {}),
      grants: Object.freeze(grants.map((g) => Object.freeze({ role: g.role, scopeId: g.scope_type === 'platform' ? null : g.scope_id }))),
    }) as Actor;
  });
}

export const endSession = deleteSession;

/** Signs a person out of every other browser; returns how many sessions ended. */
export const endOtherSessions = (db: Kysely<Tables>, userId: number, currentId: string) => deleteSessionsOf(db, userId, currentId);
export const endAllSessions = (db: Kysely<Tables>, userId: number) => deleteSessionsOf(db, userId);
export const listSessions = sessionsOf;

export function pruneSessions(db: Kysely<Tables>, now = Date.now()): Promise<void> {
  return deleteExpiredSessions(db, new Date(now).toISOString(), new Date(now - SESSION_IDLE_MS).toISOString());
}

import { type Kysely, sql } from 'kysely';
import type { Tables } from '../db/tables.ts';

declare module '../db/tables.ts' {
  interface Tables {
    throttle: { key: string; window_start: number; hits: number };
  }
}

export interface Limit {
  /** At most this many hits per window. */
  max: number;
  windowMs: number;
}

export interface ThrottleResult {
  allowed: boolean;
  /** Seconds until the window ends, when refused. */
  retryAfter: number;
}

/**
 * Counters in the database, so that every process of one installation shares them:
 * per-account limits must hold whichever process a request reaches.
 */
export async function hit(db: Kysely<Tables>, key: string, limit: Limit, now = Date.now()): Promise<ThrottleResult> {
  const expired = now - limit.windowMs;
  const row = await db
    .insertInto('throttle')
    .values({ key, window_start: now, hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql`case when throttle.window_start <= ${expired} then 1 else throttle.hits + 1 end`,
        window_start: sql`case when throttle.window_start <= ${expired} then ${now} else throttle.window_start end`,
      }),
    )
    .returning(['hits', 'window_start'])
    .executeTakeFirstOrThrow();
  return verdict(Number(row.hits), Number(row.window_start), limit, now);
}

/**
 * Gives back one hit taken by `hit`, e.g. an attempt reserved before checking a password that
 * turned out right: reserving first makes the check and the count one atomic step.
 */
export async function release(db: Kysely<Tables>, key: string): Promise<void> {
  await db.updateTable('throttle').set({ hits: sql`hits - 1` }).where('key', '=', key).where('hits', '>', 0).execute();
}

export async function clear(db: Kysely<Tables>, key: string): Promise<void> {
  await db.deleteFrom('throttle').where('key', '=', key).execute();
}

function verdict(hits: number, windowStart: number, limit: Limit, now: number): ThrottleResult {
  if (hits <= limit.max) return { allowed: true, retryAfter: 0 };
  return { allowed: false, retryAfter: Math.max(1, Math.ceil((windowStart + limit.windowMs - now) / 1000)) };
}

/** Removes counters whose window ended long ago; the longest window is an hour. */
export async function pruneThrottle(db: Kysely<Tables>, now = Date.now()): Promise<void> {
  await db
    .deleteFrom('throttle')
    .where('window_start', '<', now - 24 * 3600_000)
    .execute();
}

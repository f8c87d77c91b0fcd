import type { FastifyReply } from 'fastify';
import type { ZodType } from 'zod';
import type { FieldErrors } from '../views/components.tsx';

/** A refused form; `retryAfter` (seconds) when it was refused for too many attempts. */
export type FormRefusal = { ok: false; errors: FieldErrors; retryAfter?: number };
export type FormResult<T> = { ok: true; data: T } | FormRefusal;

/** A form refused for too many attempts: shown above the form, answered 429 with Retry-After. */
export function tooManyAttempts(retryAfter: number): FormRefusal {
  const minutes = Math.max(1, Math.ceil(retryAfter / 60));
  return { ok: false, errors: { form: { key: 'form.error.tooMany', values: { minutes } } }, retryAfter };
}

/** The status of a refused form: 429 with Retry-After for too many attempts, else 422. */
export function refusedStatus(reply: FastifyReply, result: { retryAfter?: number }): FastifyReply {
  if (result.retryAfter === undefined) return reply.status(422);
  return reply.status(429).header('retry-after', String(result.retryAfter));
}

/**
 * Validates a submitted form against its schema, whose messages are message keys. The first
 * problem of each field is kept; `max` carries the field's length limit for "too long" messages.
 */
export function validateForm<T>(schema: ZodType<T>, body: unknown, limits: Record<string, number> = {}): FormResult<T> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= { key: issue.message, values: { max: limits[field] ?? 0 } };
  }
  return { ok: false, errors };
}

/** What the person typed, to show again with the errors. Only the named fields: never passwords. */
export function typedValues<K extends string>(body: unknown, fields: readonly K[]): Partial<Record<K, string>> {
  const values: Partial<Record<K, string>> = {};
  if (body && typeof body === 'object') {
    for (const key of fields) {
      const v = (body as Record<string, unknown>)[key];
      if (typeof v === 'string') values[key] = v;
    }
  }
  return values;
}

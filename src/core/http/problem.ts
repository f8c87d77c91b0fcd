import type { FastifyReply } from 'fastify';
import type { ZodError } from 'zod';

/** An RFC 9457 problem description: what went wrong, and with which parameters. */
export function problem(reply: FastifyReply, status: number, title: string, detail: string, errors?: { name: string; reason: string }[]) {
  return reply.status(status).type('application/problem+json; charset=utf-8').send({ type: 'about:blank', title, status, detail, ...(errors ? { errors } : {}) });
}

/** A 400 naming each query parameter that a schema refused, and why. */
export function badQuery(reply: FastifyReply, error: ZodError) {
  const errors = error.issues.map((i) => ({ name: String(i.path[0] ?? i.code), reason: i.message }));
  return problem(reply, 400, 'Bad query parameters', errors.map((e) => `${e.name}: ${e.reason}`).join('; '), errors);
}

/** A 400 naming a path parameter that a schema refused, and why. */
export function badParam(reply: FastifyReply, name: string, error: ZodError) {
  const reason = error.issues[0]?.message ?? 'is not valid';
  return problem(reply, 400, 'Bad path parameter', `${name}: ${reason}`, [{ name, reason }]);
}

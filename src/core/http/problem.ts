import type { FastifyReply } from 'fastify';

/** An RFC 9457 problem description: what went wrong, and with which parameters. */
export function problem(reply: FastifyReply, status: number, title: string, detail: string, errors?: { name: string; reason: string }[]) {
  return reply
    .status(status)
    .type('application/problem+json; charset=utf-8')
    .send({ type: 'about:blank', title, status, detail, ...(errors ? { errors } : {}) });
}

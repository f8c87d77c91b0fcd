import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/**
 * One line per request at info, when it is answered: method, address, status, time taken and the
 * visitor's address (what the privacy statement names), instead of Fastify's two lines each holding
 * the request's headers. Errors keep their own lines at error.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply): void {
    const line = { method: req.method, url: req.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10, ip: req.ip };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request');
  }
}

/**
 * Request ids and shutdown behaviour.
 *
 * - `X-Request-Id`: accepted from the caller when it is a sane token (so a gateway's id flows
 *   through), otherwise generated; echoed on every response and carried by every log line.
 * - Once the server starts closing, requests still reaching it (pipelined or on a keep-alive
 *   connection) get a 503 problem, so a load balancer retries them elsewhere, while requests
 *   already in flight finish normally.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { HttpProblem } from '../http/problems';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

export const requestContext = fp(
  async (app: FastifyInstance) => {
    let closing = false;
    app.addHook('preClose', async () => {
      closing = true;
    });
    app.addHook('onRequest', async (request, reply) => {
      reply.header('x-request-id', request.id);
      if (closing) {
        reply.header('connection', 'close');
        throw new HttpProblem('SHUTTING_DOWN', 'This instance is shutting down');
      }
    });
  },
  { name: 'request-context' },
);

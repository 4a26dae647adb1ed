/**
 * The unit of work behind every write. A route hands its work to `app.write`, which runs it in
 * one database transaction together with the idempotency record and the audit events, so either
 * all of it commits or none of it does. A write that records no audit event is a bug: it fails
 * (500) and rolls back, so "every successful write has an event" holds by construction.
 *
 * Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): the key row is inserted first in
 * the same transaction. A duplicate arriving concurrently blocks on that row until the first
 * request commits, then replays its stored response; if the first rolled back, the duplicate
 * runs the write itself. The same key with a different request is refused with 422.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db, Tx } from '../db/client';
import type { HashAlgorithm } from '../domain/audit/hash-chain';
import { canonicalJson } from '../domain/canonical-json';
import { claimKey, findResponse, purgeExpiredKeys, storeResponse } from '../http/idempotency.repository';
import { HttpProblem } from '../http/problems';
import { type AuditEventInput, appendAuditEvents } from '../modules/audit/audit.service';
import { type Principal, principalOf } from './auth';

export interface WriteContext {
  tx: Tx;
  /** The request's instant; every timestamp the write records uses it. */
  now: Date;
  requestId: string;
  /** Who is writing. */
  actor: Principal;
  /**
   * Records an audit event, appended to the hash chain when the work succeeds. `chainId`
   * defaults to the actor's agency.
   */
  audit(event: Omit<AuditEventInput, 'chainId'> & { chainId?: string }): void;
}

export interface WriteResult<T> {
  status: number;
  body: T;
  headers?: Record<string, string>;
}

export type Writer = <T>(
  request: FastifyRequest,
  reply: FastifyReply,
  work: (context: WriteContext) => Promise<WriteResult<T>>,
) => Promise<T>;

declare module 'fastify' {
  interface FastifyInstance {
    write: Writer;
  }
}

export interface WritesOptions {
  db: Db;
  now: () => Date;
  idempotencyTtlHours: number;
  auditHashAlgorithm: HashAlgorithm;
  /** Purge expired keys periodically (the server turns this on; tests and scripts need not). */
  housekeeping?: boolean;
}

const REPLAYED_HEADER = 'idempotent-replayed';

/** Keys are the caller's own: one caller can never replay another's response. */
function idempotencyScope(actor: Principal): string {
  return `${actor.kind}:${actor.agencyId}:${actor.id}`;
}

/**
 * What makes two requests "the same": the route (not the raw URL, so `/x/` and `/x` agree), its
 * parameters, query and body, each in canonical form.
 */
function fingerprintOf(request: FastifyRequest): string {
  const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
  const parts = [
    route,
    canonicalJson(request.params),
    canonicalJson(request.query),
    canonicalJson(request.body),
  ];
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

function apply<T>(
  reply: FastifyReply,
  status: number,
  headers: Record<string, string> | undefined,
  body: T,
): T {
  reply.code(status);
  if (headers) reply.headers(headers);
  return body;
}

export const writes = fp(
  async (app: FastifyInstance, options: WritesOptions) => {
    const { db, now, idempotencyTtlHours, auditHashAlgorithm } = options;

    const write: Writer = async (request, reply, work) => {
      const actor = principalOf(request);
      /** Runs the work with its audit events, in the given transaction. */
      const audited = async (tx: Tx, run: typeof work): Promise<Awaited<ReturnType<typeof work>>> => {
        const at = now();
        const events: AuditEventInput[] = [];
        const context: WriteContext = {
          tx,
          now: at,
          requestId: request.id,
          actor,
          audit: (event) => events.push({ ...event, chainId: event.chainId ?? actor.agencyId }),
        };
        const result = await run(context);
        if (events.length === 0)
          throw new Error(`${request.method} ${request.routeOptions.url} wrote no audit event`);
        await appendAuditEvents(
          tx,
          {
            actorType: actor.kind,
            actorId: actor.id,
            requestId: request.id,
            clientAddress: request.ip ?? null,
            occurredAt: at,
            algorithm: auditHashAlgorithm,
          },
          events,
        );
        return result;
      };
      const header = request.headers['idempotency-key'];
      if (header === undefined) {
        const result = await db.transaction((tx) => audited(tx, work));
        return apply(reply, result.status, result.headers, result.body);
      }
      if (typeof header !== 'string' || !/^[\x21-\x7E]{1,255}$/.test(header)) {
        throw new HttpProblem('VALIDATION_FAILED', 'Idempotency-Key must be 1–255 visible ASCII characters', {
          errors: [
            { in: 'headers', pointer: '/idempotency-key', message: 'must be 1–255 visible ASCII characters' },
          ],
        });
      }
      const fingerprint = fingerprintOf(request);
      const scope = idempotencyScope(actor);
      const outcome = await db.transaction(async (tx) => {
        if (!(await claimKey(tx, scope, header, fingerprint, idempotencyTtlHours))) {
          return { replay: await findResponse(tx, scope, header) };
        }
        const result = await audited(tx, work);
        // Store what the client will receive: a JSON round trip turns dates into strings.
        const body = result.body === undefined ? null : JSON.parse(JSON.stringify(result.body));
        await storeResponse(tx, scope, header, {
          status: result.status,
          headers: result.headers ?? {},
          body,
        });
        return { result };
      });
      if (outcome.result)
        return apply(reply, outcome.result.status, outcome.result.headers, outcome.result.body);
      const stored = outcome.replay;
      if (!stored) throw new Error('idempotency key vanished between claim and read');
      if (stored.fingerprint !== fingerprint) {
        throw new HttpProblem(
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was already used with a different method, path or body; use a new key',
        );
      }
      reply.header(REPLAYED_HEADER, 'true');
      return apply(reply, stored.status, stored.headers, stored.body as never);
    };
    app.decorate('write', write);

    if (options.housekeeping) {
      const purge = () =>
        purgeExpiredKeys(db, idempotencyTtlHours).catch((err) =>
          app.log.warn({ err }, 'idempotency purge failed'),
        );
      const timer = setInterval(purge, 60 * 60 * 1000);
      timer.unref();
      app.addHook('onReady', async () => {
        void purge();
      });
      app.addHook('onClose', async () => clearInterval(timer));
    }
  },
  { name: 'writes' },
);

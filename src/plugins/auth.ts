/**
 * Authentication and authorisation for every route.
 *
 * - Every route declares `config.operation` (see src/domain/access/operations.ts) or
 *   `config.public`; a route that declares neither stops the server at start-up.
 * - People send `Authorization: Bearer <JWT>`; the token's subject must be an active officer of
 *   the token's agency. Roles come from the officer record (a token `roles` claim can only narrow
 *   them). System clients send an API key (`Authorization: ApiKey …` or `X-API-Key`), scoped to
 *   operations.
 * - A caller only sees its own agency: a route whose path names another agency answers 404, as for
 *   a missing one. `system_admin` alone may read and change the agency registry across agencies.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/client';
import { isOperation, OPERATIONS, type Operation, rolesAllow } from '../domain/access/operations';
import { ROLE_NAMES, type Role } from '../domain/access/roles';
import { HttpProblem, notFound } from '../http/problems';
import { hashSecret, parseApiKey, secretMatches } from '../modules/auth/api-key-format';
import { findApiKeyForAuth, findOfficerForAuth, touchApiKey } from '../modules/auth/principals.repository';
import { TokenError, type TokenVerifier } from '../modules/auth/tokens';

export interface OfficerPrincipal {
  kind: 'officer';
  id: string;
  agencyId: string;
  name: string;
  roles: Role[];
}

export interface ApiKeyPrincipal {
  kind: 'api_key';
  id: string;
  agencyId: string;
  name: string;
  scopes: Operation[];
}

export type Principal = OfficerPrincipal | ApiKeyPrincipal;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The operation this route performs; who may perform it is in OPERATIONS. */
    operation?: Operation;
    /** No authentication: probes, documentation and /v1/public/. */
    public?: boolean;
  }
  interface FastifyRequest {
    /** The authenticated caller; null only on public routes. */
    principal: Principal | null;
  }
  interface FastifyInstance {
    /** Every protected route and the operation it performs (the matrix test and docs read it). */
    routeOperations: { method: string; url: string; operation: Operation }[];
  }
}

/** Operations a system_admin may perform on another agency's record. */
const CROSS_AGENCY: readonly Operation[] = ['agencies.read', 'agencies.update'];

const DOCUMENTATION = /^\/docs(\/|$)/;

/** Stands in for the stored hash of a key id that does not exist. */
const UNKNOWN_KEY_HASH = hashSecret(randomBytes(32).toString('base64url'));

function unauthorized(code: string, detail: string): HttpProblem {
  return new HttpProblem(code, detail, {
    status: 401,
    title: 'Authentication required',
    headers: {
      'www-authenticate':
        code === 'AUTHENTICATION_REQUIRED'
          ? 'Bearer realm="fazhi", ApiKey realm="fazhi"'
          : code.startsWith('API_KEY')
            ? 'ApiKey realm="fazhi"'
            : 'Bearer realm="fazhi", error="invalid_token"',
    },
  });
}

export function canCrossAgencies(principal: Principal, operation: Operation): boolean {
  return (
    principal.kind === 'officer' &&
    principal.roles.includes('system_admin') &&
    CROSS_AGENCY.includes(operation)
  );
}

export function isAllowed(principal: Principal, operation: Operation): boolean {
  if (principal.kind === 'officer') return rolesAllow(principal.roles, operation);
  return OPERATIONS[operation].apiKeys && principal.scopes.includes(operation);
}

export interface AuthOptions {
  db: Db;
  verifyToken: TokenVerifier;
  now: () => Date;
}

export const authentication = fp(
  async (app: FastifyInstance, { db, verifyToken, now }: AuthOptions) => {
    app.decorateRequest('principal', null);
    const routeOperations: FastifyInstance['routeOperations'] = [];
    app.decorate('routeOperations', routeOperations);

    app.addHook('onRoute', (route) => {
      if (DOCUMENTATION.test(route.url) || route.config?.public) return;
      const operation = route.config?.operation;
      if (!operation || !isOperation(operation)) {
        throw new Error(
          `${String(route.method)} ${route.url} must declare config.operation (or config.public)`,
        );
      }
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') routeOperations.push({ method, url: route.url, operation });
      }
    });

    async function officerFromToken(token: string): Promise<OfficerPrincipal> {
      let claims: Awaited<ReturnType<TokenVerifier>>;
      try {
        claims = await verifyToken(token);
      } catch (err) {
        if (err instanceof TokenError) throw unauthorized(err.failure, err.message);
        throw err;
      }
      const officer = await findOfficerForAuth(db, claims.sub, claims.agency);
      if (!officer) throw unauthorized('UNKNOWN_OFFICER', 'The token names no officer of its agency');
      if (officer.status !== 'active')
        throw unauthorized('ACCOUNT_INACTIVE', `The officer is ${officer.status}`);
      const held = officer.roles.filter((r): r is Role => (ROLE_NAMES as string[]).includes(r));
      const roles = claims.roles ? held.filter((r) => claims.roles?.includes(r)) : held;
      return { kind: 'officer', id: officer.id, agencyId: officer.agencyId, name: officer.name, roles };
    }

    async function apiKeyPrincipal(presented: string): Promise<ApiKeyPrincipal> {
      const parsed = parseApiKey(presented);
      const key = parsed ? await findApiKeyForAuth(db, parsed.keyId) : undefined;
      // Compare even when the id is unknown, so the response time does not tell which ids exist.
      const matches = secretMatches(parsed?.secret ?? '', key?.secretHash ?? UNKNOWN_KEY_HASH);
      if (!parsed || !key || !matches) throw unauthorized('API_KEY_INVALID', 'The API key is not valid');
      if (key.revokedAt) throw unauthorized('API_KEY_REVOKED', 'The API key was revoked');
      return {
        kind: 'api_key',
        id: key.id,
        agencyId: key.agencyId,
        name: key.name,
        scopes: key.scopes.filter(isOperation),
      };
    }

    async function authenticate(request: FastifyRequest): Promise<Principal> {
      const header = request.headers.authorization;
      const apiKeyHeader = request.headers['x-api-key'];
      if (typeof apiKeyHeader === 'string') {
        if (header)
          throw unauthorized('TOKEN_INVALID', 'Send one credential: a bearer token or an API key, not both');
        return apiKeyPrincipal(apiKeyHeader.trim());
      }
      if (!header)
        throw unauthorized('AUTHENTICATION_REQUIRED', 'Send Authorization: Bearer <token>, or an API key');
      const [scheme, credentials] = header.trim().split(/\s+/, 2);
      if (scheme?.toLowerCase() === 'bearer' && credentials) return officerFromToken(credentials);
      if (scheme?.toLowerCase() === 'apikey' && credentials) return apiKeyPrincipal(credentials);
      throw unauthorized('TOKEN_INVALID', 'Use the Bearer or ApiKey authorization scheme');
    }

    app.addHook('onRequest', async (request) => {
      const route = request.routeOptions;
      if (!route.url || route.config.public || DOCUMENTATION.test(route.url)) return;
      const operation = route.config.operation as Operation;
      const principal = await authenticate(request);
      request.principal = principal;
      if (!isAllowed(principal, operation)) {
        throw new HttpProblem(
          'FORBIDDEN',
          `Your roles do not allow ${operation}: ${OPERATIONS[operation].description}`,
          {
            extensions: { operation },
          },
        );
      }
      const agencyId = (request.params as Record<string, unknown>).agencyId;
      if (
        typeof agencyId === 'string' &&
        agencyId !== principal.agencyId &&
        !canCrossAgencies(principal, operation)
      ) {
        throw notFound('Agency', agencyId);
      }
      if (principal.kind === 'api_key') {
        // Recorded only for requests the key was good for; never fails the request itself.
        touchApiKey(db, principal.agencyId, principal.id, now()).catch((err) =>
          request.log.warn({ err }, 'could not record API key use'),
        );
      }
    });
  },
  { name: 'authentication' },
);

/** The caller of a non-public route (the hook guarantees one). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('principalOf() on a public route');
  return request.principal;
}

/**
 * API keys (API 密钥) for system clients: the provincial supervision platform and other
 * integrations. A key is shown once, at creation; only the hash of its secret is stored, and it
 * may perform only the operations it is scoped to, each of which must allow API keys at all.
 */
import type { Executor } from '../../db/client';
import { newId } from '../../db/columns';
import { isOperation, OPERATIONS } from '../../domain/access/operations';
import { changedFields } from '../../domain/audit/hash-chain';
import { decodeCursor, toPage } from '../../http/pagination';
import { HttpProblem, notFound } from '../../http/problems';
import { DEFAULT_PAGE_LIMIT } from '../../http/schemas';
import type { WriteContext } from '../../plugins/writes';
import { newApiKey } from '../auth/api-key-format';
import * as repo from './api-keys.repository';
import type { ApiKey, ApiKeyCreate, ApiKeyCreated } from './api-keys.schemas';

/** The public face of a key: never its secret nor the secret's hash. */
function toApiKey(row: repo.ApiKeyRow): ApiKey {
  return {
    id: row.id,
    agencyId: row.agencyId,
    name: row.name,
    scopes: row.scopes,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedBy: row.revokedBy,
  };
}

/** What the audit trail records of a key: who may use it for what, and whether it still works. */
function audited(key: ApiKey) {
  return { name: key.name, scopes: key.scopes, revokedAt: key.revokedAt, revokedBy: key.revokedBy };
}

/** Each scope must name an operation, and one the matrix lets system clients perform. */
function checkScopes(scopes: string[]): void {
  const errors = scopes.flatMap((scope, i) => {
    const pointer = `/scopes/${i}`;
    if (!isOperation(scope))
      return [{ in: 'body' as const, pointer, message: `${scope} is not an operation` }];
    if (!OPERATIONS[scope].apiKeys) {
      return [{ in: 'body' as const, pointer, message: `${scope} cannot be granted to an API key` }];
    }
    return [];
  });
  if (errors.length > 0) {
    throw new HttpProblem(
      'VALIDATION_FAILED',
      errors.map((e) => `body${e.pointer} ${e.message}`).join('; '),
      {
        errors,
      },
    );
  }
}

export async function createApiKey(ctx: WriteContext, input: ApiKeyCreate): Promise<ApiKeyCreated> {
  checkScopes(input.scopes);
  const id = newId();
  const { key, secretHash } = newApiKey(id);
  const row = await repo.insertApiKey(ctx.tx, {
    agencyId: ctx.actor.agencyId,
    id,
    name: input.name,
    secretHash,
    scopes: input.scopes,
    createdBy: ctx.actor.id,
    createdAt: ctx.now,
  });
  const created = toApiKey(row);
  ctx.audit({
    action: 'api_key.created',
    entityType: 'api_key',
    entityId: id,
    changes: changedFields(null, audited(created)),
  });
  return { ...created, key };
}

export async function getApiKey(ex: Executor, agencyId: string, id: string): Promise<ApiKey> {
  const row = await repo.findApiKey(ex, agencyId, id);
  if (!row) throw notFound('API key', id);
  return toApiKey(row);
}

export async function listApiKeys(
  ex: Executor,
  agencyId: string,
  query: { limit?: number; cursor?: string },
) {
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const after = query.cursor ? decodeCursor(query.cursor, { id: 'uuid' }).id : undefined;
  const rows = await repo.listApiKeys(ex, agencyId, limit, after);
  const page = toPage(rows, limit, (row) => ({ id: row.id }));
  return { items: page.items.map(toApiKey), nextCursor: page.nextCursor };
}

/** Revocation is final: a revoked key answers 401 API_KEY_REVOKED from then on. */
export async function revokeApiKey(ctx: WriteContext, id: string): Promise<ApiKey> {
  const agencyId = ctx.actor.agencyId;
  const current = await repo.findApiKey(ctx.tx, agencyId, id);
  if (!current) throw notFound('API key', id);
  const row = await repo.revokeApiKey(ctx.tx, agencyId, id, ctx.actor.id, ctx.now);
  if (!row) {
    throw new HttpProblem('CONFLICT', `API key ${id} was already revoked`, {
      extensions: { revokedAt: current.revokedAt?.toISOString() ?? null },
    });
  }
  const revoked = toApiKey(row);
  ctx.audit({
    action: 'api_key.revoked',
    entityType: 'api_key',
    entityId: id,
    changes: changedFields(audited(toApiKey(current)), audited(revoked)),
  });
  return revoked;
}

import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { one } from '../../db/sql';
import { apiKeys } from './api-keys.table';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function insertApiKey(ex: Executor, values: typeof apiKeys.$inferInsert): Promise<ApiKeyRow> {
  return one(await ex.insert(apiKeys).values(values).returning());
}

export async function findApiKey(ex: Executor, agencyId: string, id: string): Promise<ApiKeyRow | undefined> {
  const [row] = await ex
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.agencyId, agencyId), eq(apiKeys.id, id)));
  return row;
}

/** Keyset page ordered by id (UUIDv7, so creation order). */
export async function listApiKeys(
  ex: Executor,
  agencyId: string,
  limit: number,
  afterId?: string,
): Promise<ApiKeyRow[]> {
  return ex
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.agencyId, agencyId), afterId ? gt(apiKeys.id, afterId) : undefined))
    .orderBy(asc(apiKeys.id))
    .limit(limit + 1);
}

/** Revokes a key that is still usable; undefined when it was already revoked (or is missing). */
export async function revokeApiKey(
  ex: Executor,
  agencyId: string,
  id: string,
  revokedBy: string,
  now: Date,
): Promise<ApiKeyRow | undefined> {
  const [row] = await ex
    .update(apiKeys)
    .set({ revokedAt: now, revokedBy })
    .where(and(eq(apiKeys.agencyId, agencyId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning();
  return row;
}

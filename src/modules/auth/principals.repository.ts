import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { apiKeys } from '../api-keys/api-keys.table';
import { officers } from '../officers/officers.table';

/** What authentication needs to know about an officer; by id alone when the token names no agency. */
export async function findOfficerForAuth(ex: Executor, officerId: string, agencyId?: string) {
  const [row] = await ex
    .select({
      id: officers.id,
      agencyId: officers.agencyId,
      name: officers.name,
      roles: officers.roles,
      status: officers.employmentStatus,
    })
    .from(officers)
    .where(and(eq(officers.id, officerId), agencyId ? eq(officers.agencyId, agencyId) : undefined));
  return row;
}

export async function findApiKeyForAuth(ex: Executor, keyId: string) {
  const [row] = await ex
    .select({
      id: apiKeys.id,
      agencyId: apiKeys.agencyId,
      name: apiKeys.name,
      secretHash: apiKeys.secretHash,
      scopes: apiKeys.scopes,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.id, keyId));
  return row;
}

/** Records use, at most once a minute per key, so a busy client does not write on every request. */
export async function touchApiKey(ex: Executor, agencyId: string, keyId: string, now: Date): Promise<void> {
  await ex
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiKeys.agencyId, agencyId),
        eq(apiKeys.id, keyId),
        or(
          isNull(apiKeys.lastUsedAt),
          lt(apiKeys.lastUsedAt, sql`${now}::timestamptz - interval '1 minute'`),
        ),
      ),
    );
}

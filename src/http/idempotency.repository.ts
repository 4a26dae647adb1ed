import { and, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { idempotencyKeys } from './idempotency.table';

export interface StoredResponse {
  fingerprint: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * Claims a key for this transaction: inserts it, or takes over an expired row. Returns false when
 * a live row exists. A concurrent claim of the same key blocks on the row until this transaction
 * ends, so duplicates wait and then see the stored response.
 */
export async function claimKey(
  tx: Executor,
  scope: string,
  key: string,
  fingerprint: string,
  ttlHours: number,
): Promise<boolean> {
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ scope, key, fingerprint, status: 0, headers: {}, body: null })
    .onConflictDoUpdate({
      target: [idempotencyKeys.scope, idempotencyKeys.key],
      set: { fingerprint, status: 0, headers: {}, body: null, createdAt: sql`now()` },
      setWhere: lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${ttlHours})`),
    })
    .returning({ key: idempotencyKeys.key });
  return claimed.length === 1;
}

export async function storeResponse(
  tx: Executor,
  scope: string,
  key: string,
  response: Omit<StoredResponse, 'fingerprint'>,
): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ status: response.status, headers: response.headers, body: response.body ?? null })
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
}

export async function findResponse(
  tx: Executor,
  scope: string,
  key: string,
): Promise<StoredResponse | undefined> {
  const [row] = await tx
    .select({
      fingerprint: idempotencyKeys.fingerprint,
      status: idempotencyKeys.status,
      headers: idempotencyKeys.headers,
      body: idempotencyKeys.body,
    })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  return row;
}

/** Deletes keys older than the retention period; returns how many. */
export async function purgeExpiredKeys(db: Executor, ttlHours: number): Promise<number> {
  const deleted = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${ttlHours})`))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
}

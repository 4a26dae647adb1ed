import { and, asc, desc, eq, gt, gte, lt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { GENESIS_HASH } from '../../domain/audit/hash-chain';
import { auditChainHeads, auditEvents } from './audit.table';

export type AuditEventRow = typeof auditEvents.$inferSelect;

/** Locks the chain's head (creating it at genesis) and returns it: appends to one chain queue. */
export async function lockHead(
  ex: Executor,
  chainId: string,
): Promise<{ lastSeq: number; lastHash: string }> {
  const [row] = await ex
    .insert(auditChainHeads)
    .values({ chainId, lastSeq: 0, lastHash: GENESIS_HASH })
    .onConflictDoUpdate({ target: auditChainHeads.chainId, set: { chainId: sql`excluded.chain_id` } })
    .returning({ lastSeq: auditChainHeads.lastSeq, lastHash: auditChainHeads.lastHash });
  if (!row) throw new Error('audit head upsert returned no row');
  return row;
}

export async function insertEvents(ex: Executor, rows: (typeof auditEvents.$inferInsert)[]): Promise<void> {
  await ex.insert(auditEvents).values(rows);
}

export async function moveHead(
  ex: Executor,
  chainId: string,
  lastSeq: number,
  lastHash: string,
): Promise<void> {
  await ex.update(auditChainHeads).set({ lastSeq, lastHash }).where(eq(auditChainHeads.chainId, chainId));
}

export async function findHead(ex: Executor, chainId: string) {
  const [row] = await ex.select().from(auditChainHeads).where(eq(auditChainHeads.chainId, chainId));
  return row;
}

export async function eventsAfter(
  ex: Executor,
  chainId: string,
  afterSeq: number,
  limit: number,
): Promise<AuditEventRow[]> {
  return ex
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.chainId, chainId), gt(auditEvents.seq, afterSeq)))
    .orderBy(asc(auditEvents.seq))
    .limit(limit);
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: Date;
  to?: Date;
}

/** Newest first; keyset on seq. */
export async function listEvents(
  ex: Executor,
  chainId: string,
  filter: AuditFilter,
  limit: number,
  beforeSeq?: number,
): Promise<AuditEventRow[]> {
  const t = auditEvents;
  return ex
    .select()
    .from(t)
    .where(
      and(
        eq(t.chainId, chainId),
        filter.entityType ? eq(t.entityType, filter.entityType) : undefined,
        filter.entityId ? eq(t.entityId, filter.entityId) : undefined,
        filter.actorId ? eq(t.actorId, filter.actorId) : undefined,
        filter.action ? eq(t.action, filter.action) : undefined,
        filter.from ? gte(t.occurredAt, filter.from) : undefined,
        filter.to ? lte(t.occurredAt, filter.to) : undefined,
        beforeSeq !== undefined ? lt(t.seq, beforeSeq) : undefined,
      ),
    )
    .orderBy(desc(t.seq))
    .limit(limit + 1);
}

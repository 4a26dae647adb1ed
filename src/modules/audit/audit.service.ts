/**
 * The audit trail (审计日志): every write appends its events in the writer's own transaction, so a
 * failed write leaves none and a committed one always has them; each chain is hash-linked and
 * verifiable end to end.
 */
import type { Executor } from '../../db/client';
import {
  type ChainBreak,
  type ChainedEventContent,
  eventHash,
  findChainBreak,
  GENESIS_HASH,
  type HashAlgorithm,
} from '../../domain/audit/hash-chain';
import { decodeCursor, toPage } from '../../http/pagination';
import { DEFAULT_PAGE_LIMIT } from '../../http/schemas';
import { sqlState } from '../../plugins/problem-handler';
import * as repo from './audit.repository';

/** The chain of records that belong to no agency (the national calendar, the agency registry). */
export const PLATFORM_CHAIN = 'platform';

export interface AuditEventInput {
  /** The agency whose chain records it (its id), or PLATFORM_CHAIN. */
  chainId: string;
  /** What happened, e.g. `agency.created`, `officer.retired`, `personal_data.read`. */
  action: string;
  entityType: string;
  entityId: string;
  /** `{ field: { before, after } }`, or what was read. */
  changes: unknown;
}

export interface AuditContext {
  actorType: 'officer' | 'api_key' | 'system';
  actorId: string;
  requestId: string;
  clientAddress: string | null;
  occurredAt: Date;
  algorithm: HashAlgorithm;
}

/** Appends events, chain by chain in a fixed order (so two writers never wait on each other in a cycle). */
export async function appendAuditEvents(
  tx: Executor,
  context: AuditContext,
  events: AuditEventInput[],
): Promise<void> {
  const chains = [...new Set(events.map((e) => e.chainId))].sort();
  for (const chainId of chains) {
    const head = await repo.lockHead(tx, chainId);
    let seq = head.lastSeq;
    let prevHash = head.lastHash;
    const rows = events
      .filter((e) => e.chainId === chainId)
      .map((event) => {
        seq += 1;
        const content: ChainedEventContent = {
          chainId,
          seq,
          occurredAt: context.occurredAt.toISOString(),
          actorType: context.actorType,
          actorId: context.actorId,
          action: event.action,
          entityType: event.entityType,
          entityId: event.entityId,
          // Stored as jsonb: normalise through JSON first so the hash covers exactly what is stored.
          changes: JSON.parse(JSON.stringify(event.changes ?? null)),
          requestId: context.requestId,
          clientAddress: context.clientAddress,
        };
        const hash = eventHash(context.algorithm, prevHash, content);
        const row = {
          ...content,
          actorType: context.actorType,
          occurredAt: context.occurredAt,
          hashAlgorithm: context.algorithm,
          prevHash,
          hash,
        };
        prevHash = hash;
        return row;
      });
    try {
      await repo.insertEvents(tx, rows);
    } catch (err) {
      // The head is locked, so a taken seq means rows were added behind the chain's back: a server
      // fault (500) for the operators, never a client-side conflict.
      if (sqlState(err) === '23505') {
        throw Object.assign(
          new Error(`audit chain ${chainId} is out of step with its head`, { cause: err }),
          {
            code: 'AUDIT_CHAIN_OUT_OF_STEP',
          },
        );
      }
      throw err;
    }
    await repo.moveHead(tx, chainId, seq, prevHash);
  }
}

function toStored(row: repo.AuditEventRow) {
  return {
    chainId: row.chainId,
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actorType: row.actorType,
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    changes: row.changes,
    requestId: row.requestId,
    clientAddress: row.clientAddress,
    hashAlgorithm: row.hashAlgorithm,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

export interface ChainVerification {
  chainId: string;
  eventsChecked: number;
  intact: boolean;
  /** The first event that does not verify, and why. */
  firstBreak: ChainBreak | { seq: number; problem: 'HEAD_MISMATCH' } | null;
}

const VERIFY_BATCH = 1000;

/**
 * Recomputes a whole chain, batch by batch, and checks that its head points at its last event: a
 * chain with events but no head, a head short of the last event (one added behind the chain's back)
 * or past it (events removed from the end) is broken. Run it in one snapshot (REPEATABLE READ) so
 * writes committing meanwhile are not mistaken for tampering.
 */
export async function verifyChain(ex: Executor, chainId: string): Promise<ChainVerification> {
  const head = await repo.findHead(ex, chainId);
  let previous = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const batch = (await repo.eventsAfter(ex, chainId, previous.seq, VERIFY_BATCH)).map(toStored);
    const broken = findChainBreak(batch, previous);
    if (broken) {
      const index = batch.findIndex((e) => e.seq === broken.seq);
      return { chainId, eventsChecked: checked + index, intact: false, firstBreak: broken };
    }
    checked += batch.length;
    const last = batch[batch.length - 1];
    if (last) previous = { seq: last.seq, hash: last.hash };
    if (batch.length < VERIFY_BATCH) break;
  }
  const headMatches = head
    ? head.lastSeq === previous.seq && head.lastHash === previous.hash
    : previous.seq === 0;
  if (!headMatches) {
    // Events past the head were added behind the chain's back: the first of them is the break.
    // Otherwise events the head counted are missing from the end.
    const seq = head && previous.seq > head.lastSeq ? head.lastSeq + 1 : previous.seq + 1;
    return { chainId, eventsChecked: checked, intact: false, firstBreak: { seq, problem: 'HEAD_MISMATCH' } };
  }
  return { chainId, eventsChecked: checked, intact: true, firstBreak: null };
}

export async function listAuditEvents(
  ex: Executor,
  chainId: string,
  query: repo.AuditFilter & { limit?: number; cursor?: string },
) {
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const before = query.cursor ? decodeCursor(query.cursor, { seq: 'int' }).seq : undefined;
  const rows = await repo.listEvents(ex, chainId, query, limit, before);
  const page = toPage(rows, limit, (r) => ({ seq: r.seq }));
  return { items: page.items.map(toStored), nextCursor: page.nextCursor };
}

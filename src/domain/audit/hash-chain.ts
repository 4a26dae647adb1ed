/**
 * The audit trail's hash chain. Each event's hash covers its content and its predecessor's hash,
 * so editing, removing or reordering any event breaks every hash after it. SM3 (GB/T 32905-2016,
 * the national standard hash) by default; SHA-256 where an agency's systems require it.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json';

export type HashAlgorithm = 'sm3' | 'sha256';

/** The hash that precedes the first event of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEventContent {
  chainId: string;
  seq: number;
  occurredAt: string;
  actorType: string;
  actorId: string;
  action: string;
  entityType: string;
  entityId: string;
  changes: unknown;
  requestId: string;
  clientAddress: string | null;
}

export function eventHash(algorithm: HashAlgorithm, prevHash: string, content: ChainedEventContent): string {
  return createHash(algorithm).update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

export interface StoredEvent extends ChainedEventContent {
  hashAlgorithm: HashAlgorithm;
  prevHash: string;
  hash: string;
}

export type ChainBreak =
  | { seq: number; problem: 'SEQUENCE_GAP'; expectedSeq: number }
  | { seq: number; problem: 'PREVIOUS_HASH_MISMATCH' }
  | { seq: number; problem: 'HASH_MISMATCH' };

/**
 * Recomputes a chain given in seq order, starting after `previous` (GENESIS for the first event).
 * Returns the first break, or null when every event is intact.
 */
export function findChainBreak(
  events: readonly StoredEvent[],
  previous: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): ChainBreak | null {
  let expectedSeq = previous.seq + 1;
  let prevHash = previous.hash;
  for (const event of events) {
    if (event.seq !== expectedSeq) return { seq: event.seq, problem: 'SEQUENCE_GAP', expectedSeq };
    if (event.prevHash !== prevHash) return { seq: event.seq, problem: 'PREVIOUS_HASH_MISMATCH' };
    const { hashAlgorithm, prevHash: _prev, hash, ...content } = event;
    if (eventHash(hashAlgorithm, prevHash, content) !== hash)
      return { seq: event.seq, problem: 'HASH_MISMATCH' };
    prevHash = hash;
    expectedSeq += 1;
  }
  return null;
}

/** Bookkeeping columns every record has; their change says nothing the event does not. */
const BOOKKEEPING = new Set(['createdAt', 'updatedAt', 'version']);

/**
 * `{ field: { before, after } }` for the fields whose values differ (deep, by canonical JSON),
 * leaving out bookkeeping (createdAt, updatedAt, version). `before` null: a creation.
 */
export function changedFields(
  before: object | null,
  after: object | null,
): Record<string, { before: unknown; after: unknown }> {
  const b0 = (before ?? {}) as Record<string, unknown>;
  const a0 = (after ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(b0), ...Object.keys(a0)].filter((k) => !BOOKKEEPING.has(k)));
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of [...keys].sort()) {
    const b = b0[key] ?? null;
    const a = a0[key] ?? null;
    if (canonicalJson(b) !== canonicalJson(a)) out[key] = { before: b, after: a };
  }
  return out;
}

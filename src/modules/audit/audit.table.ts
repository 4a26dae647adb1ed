import { bigint, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The audit trail: one append-only event per write, hash-chained per chain (an agency's id, or
 * `platform` for agency-independent data such as the national calendar). The database refuses
 * UPDATE, DELETE and TRUNCATE on it (trigger in migration 0004).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    /** The agency's id, or `platform`. Leads every key, like agency_id elsewhere. */
    chainId: text('chain_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    actorType: text('actor_type', { enum: ['officer', 'api_key', 'system'] }).notNull(),
    actorId: text('actor_id').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** Changed fields: `{ field: { before, after } }`; for reads of personal data, what was read. */
    changes: jsonb('changes').notNull(),
    requestId: text('request_id').notNull(),
    clientAddress: text('client_address'),
    hashAlgorithm: text('hash_algorithm', { enum: ['sm3', 'sha256'] }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ name: 'audit_events_pkey', columns: [t.chainId, t.seq] })],
);

/** The last event of each chain, locked by every append so a chain grows one event at a time. */
export const auditChainHeads = pgTable('audit_chain_heads', {
  chainId: text('chain_id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});

import { foreignKey, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { agencyIdColumn, createdAtColumn, idColumn } from '../../db/columns';
import { agencies } from '../agencies/agencies.table';

/**
 * API keys for system clients (the provincial supervision platform, integrations). The secret is
 * shown once at creation and stored only as a SHA-256 hash; scopes name the operations allowed.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    agencyId: agencyIdColumn(),
    id: idColumn(),
    name: text('name').notNull(),
    /** SHA-256 (hex) of the secret part of the key. */
    secretHash: text('secret_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAtColumn(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    revokedBy: text('revoked_by'),
  },
  (t) => [
    primaryKey({ name: 'api_keys_pkey', columns: [t.agencyId, t.id] }),
    foreignKey({ name: 'api_keys_agency_fk', columns: [t.agencyId], foreignColumns: [agencies.id] }),
    // A presented key names only its id: look it up without knowing the agency.
    index('api_keys_id_idx').on(t.id),
  ],
);

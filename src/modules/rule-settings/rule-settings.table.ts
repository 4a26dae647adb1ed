import { date, foreignKey, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { agencyIdColumn, createdAtColumn } from '../../db/columns';
import { agencies } from '../agencies/agencies.table';

/** An agency's value for a rule setting from a date on. Append-only: history is the record. */
export const ruleSettings = pgTable(
  'rule_settings',
  {
    agencyId: agencyIdColumn(),
    key: text('key').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    value: jsonb('value').notNull(),
    /** Why: the document or decision that set it (e.g. 东市监发〔2024〕3号). */
    basis: text('basis').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'rule_settings_pkey', columns: [t.agencyId, t.key, t.effectiveFrom] }),
    foreignKey({ name: 'rule_settings_agency_fk', columns: [t.agencyId], foreignColumns: [agencies.id] }),
  ],
);

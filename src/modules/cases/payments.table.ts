import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  foreignKey,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencyIdColumn, createdAtColumn, idColumn } from '../../db/columns';
import { cases } from './cases.table';

/**
 * Payments of a fine (缴纳罚款) and its late surcharge (加处罚款), APL arts. 67, 72: one row per payment,
 * partial payments allowed. Written with the case's `record-payment` timeline event in one transaction;
 * what is owed is computed on read (domain/cases/after-decision.ts).
 */
export const casePayments = pgTable(
  'case_payments',
  {
    agencyId: agencyIdColumn(),
    caseId: uuid('case_id').notNull(),
    id: idColumn(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    /** Fen (分), so that no rounding happens. */
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** The bank's or payment system's receipt number (缴款凭证号): one payment each. */
    bankReference: text('bank_reference').notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'case_payments_pkey', columns: [t.agencyId, t.caseId, t.id] }),
    foreignKey({
      name: 'case_payments_case_fk',
      columns: [t.agencyId, t.caseId],
      foreignColumns: [cases.agencyId, cases.id],
    }),
    uniqueIndex('case_payments_reference_idx').on(t.agencyId, t.bankReference),
    check('case_payments_amount', sql`${t.amountFen} > 0`),
  ],
);

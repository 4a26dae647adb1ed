import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencyIdColumn, createdAtColumn, idColumn, updatedAtColumn, versionColumn } from '../../db/columns';
import type { FollowUp } from '../../domain/cases/correction-orders';
import { cases } from './cases.table';

/**
 * Correction orders (责令改正通知书, APL art. 28) of a case: numbered, with the deadline to correct and
 * the follow-up checks (复查). last_checked_on and corrected_on summarise follow_ups for the overdue
 * filter.
 */
export const correctionOrders = pgTable(
  'correction_orders',
  {
    agencyId: agencyIdColumn(),
    caseId: uuid('case_id').notNull(),
    id: idColumn(),
    documentNumber: text('document_number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    requirements: text('requirements').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    legalBasis: text('legal_basis').notNull(),
    followUps: jsonb('follow_ups').$type<FollowUp[]>().notNull().default([]),
    lastCheckedOn: date('last_checked_on', { mode: 'string' }),
    correctedOn: date('corrected_on', { mode: 'string' }),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'correction_orders_pkey', columns: [t.agencyId, t.id] }),
    foreignKey({
      name: 'correction_orders_case_fk',
      columns: [t.agencyId, t.caseId],
      foreignColumns: [cases.agencyId, cases.id],
    }),
    index('correction_orders_case_idx').on(t.agencyId, t.caseId),
    index('correction_orders_deadline_idx').on(t.agencyId, t.deadline),
    check('correction_orders_deadline', sql`${t.deadline} >= ${t.issuedOn}`),
  ],
);

/** Administrative interview records (行政约谈记录) of a case. */
export const caseInterviews = pgTable(
  'case_interviews',
  {
    agencyId: agencyIdColumn(),
    caseId: uuid('case_id').notNull(),
    id: idColumn(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    attendeeIds: uuid('attendee_ids').array().notNull(),
    counterpartName: text('counterpart_name').notNull(),
    counterpartRole: text('counterpart_role').notNull(),
    subject: text('subject').notNull(),
    summary: text('summary').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'case_interviews_pkey', columns: [t.agencyId, t.id] }),
    foreignKey({
      name: 'case_interviews_case_fk',
      columns: [t.agencyId, t.caseId],
      foreignColumns: [cases.agencyId, cases.id],
    }),
    index('case_interviews_case_idx').on(t.agencyId, t.caseId),
  ],
);

/**
 * Supervision spot checks (抽查) of correction orders and interview records: who checked, when, and
 * the problems found. document_year is the year of the document checked (issued / held), which is
 * how supervision reports them ("2024 年的通知书和约谈记录抽查 78 份").
 */
export const documentSpotChecks = pgTable(
  'document_spot_checks',
  {
    agencyId: agencyIdColumn(),
    id: idColumn(),
    documentKind: text('document_kind', { enum: ['correction_order', 'interview'] }).notNull(),
    documentId: uuid('document_id').notNull(),
    caseId: uuid('case_id').notNull(),
    documentYear: integer('document_year').notNull(),
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    checkerId: uuid('checker_id').notNull(),
    problems: text('problems').array().notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'document_spot_checks_pkey', columns: [t.agencyId, t.id] }),
    foreignKey({
      name: 'document_spot_checks_case_fk',
      columns: [t.agencyId, t.caseId],
      foreignColumns: [cases.agencyId, cases.id],
    }),
    index('document_spot_checks_document_idx').on(t.agencyId, t.documentKind, t.documentId),
    index('document_spot_checks_year_idx').on(t.agencyId, t.documentYear),
  ],
);

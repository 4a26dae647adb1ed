import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencyIdColumn, createdAtColumn, idColumn, updatedAtColumn, versionColumn } from '../../db/columns';
import { cases } from '../cases/cases.table';

/**
 * A criminal transfer (行刑衔接, TR) of a lead or case to public security: the report, the head's
 * decision, the transfer with its numbered 涉嫌犯罪案件移送书, the police's receipt and decision, a review
 * request, the hand-over of seized items and the return (退回). One row per transfer, its steps as
 * columns, so statistics by year are plain queries.
 */
export const criminalTransfers = pgTable(
  'criminal_transfers',
  {
    agencyId: agencyIdColumn(),
    id: idColumn(),
    caseId: uuid('case_id').notNull(),
    /** The stage of the case when reported: a lead (线索) or a filed case (案件), for the statistics. */
    fromLead: boolean('from_lead').notNull(),
    status: text('status').notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    teamOfficerIds: uuid('team_officer_ids').array().notNull(),
    suspectedOffence: text('suspected_offence').notNull(),
    facts: text('facts').notNull(),
    /** The seized items (涉案物品) to hand over after the police file; null when there are none. */
    seizedItems: text('seized_items'),
    decisionResult: text('decision_result', { enum: ['approved', 'refused'] }),
    approverId: uuid('approver_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decisionOpinion: text('decision_opinion'),
    transferredAt: timestamp('transferred_at', { withTimezone: true, mode: 'date' }),
    /** The year of the transfer in China time, for the statistics. */
    transferredOn: date('transferred_on', { mode: 'string' }),
    policeAgency: text('police_agency'),
    documentNumber: text('document_number'),
    policeReceivedOn: date('police_received_on', { mode: 'string' }),
    receiptRef: text('receipt_ref'),
    policeDecision: text('police_decision', { enum: ['filed', 'not_filed'] }),
    policeDecidedOn: date('police_decided_on', { mode: 'string' }),
    policeNotifiedOn: date('police_notified_on', { mode: 'string' }),
    policeLetterRef: text('police_letter_ref'),
    policeReason: text('police_reason'),
    reviewRequestedOn: date('review_requested_on', { mode: 'string' }),
    reviewReason: text('review_reason'),
    reviewResult: text('review_result', { enum: ['filed', 'upheld'] }),
    reviewResultOn: date('review_result_on', { mode: 'string' }),
    reviewLetterRef: text('review_letter_ref'),
    /** The police filing date (立案), by decision or after review. */
    policeFiledOn: date('police_filed_on', { mode: 'string' }),
    handedOverOn: date('handed_over_on', { mode: 'string' }),
    handoverNote: text('handover_note'),
    returnedOn: date('returned_on', { mode: 'string' }),
    returnLetterRef: text('return_letter_ref'),
    returnReason: text('return_reason'),
    returnOutcome: text('return_outcome', { enum: ['case_continues', 'new_lead'] }),
    /** The lead the returned matter re-entered as, when the case had ended. */
    newLeadId: uuid('new_lead_id'),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'criminal_transfers_pkey', columns: [t.agencyId, t.id] }),
    foreignKey({
      name: 'criminal_transfers_case_fk',
      columns: [t.agencyId, t.caseId],
      foreignColumns: [cases.agencyId, cases.id],
    }),
    index('criminal_transfers_case_idx').on(t.agencyId, t.caseId),
    index('criminal_transfers_status_idx').on(t.agencyId, t.status),
    index('criminal_transfers_transferred_idx').on(t.agencyId, t.transferredOn),
    check('criminal_transfers_team', sql`cardinality(${t.teamOfficerIds}) >= 1`),
  ],
);

/**
 * A case investigated jointly with public security (联合公安机关查处), e.g. the seed bureau's 2024 case
 * of street vendors selling harmful food: not a transfer, counted beside them.
 */
export const policeJointCases = pgTable(
  'police_joint_cases',
  {
    agencyId: agencyIdColumn(),
    id: idColumn(),
    caseId: uuid('case_id').notNull(),
    policeAgency: text('police_agency').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    summary: text('summary').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'police_joint_cases_pkey', columns: [t.agencyId, t.id] }),
    foreignKey({
      name: 'police_joint_cases_case_fk',
      columns: [t.agencyId, t.caseId],
      foreignColumns: [cases.agencyId, cases.id],
    }),
    index('police_joint_cases_started_idx').on(t.agencyId, t.startedOn),
  ],
);

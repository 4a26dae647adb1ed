import { sql } from 'drizzle-orm';
import {
  boolean,
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
import type { ProposedPenalty } from '../../domain/cases/case-model';
import { cases } from '../cases/cases.table';
import { onTheSpotPenalties } from '../on-the-spot/on-the-spot.table';

/** An item of evidence or law submitted with the written reply (答复书所附证据、依据). */
export interface ReplyItem {
  title: string;
  kind: 'evidence' | 'legal_basis' | 'other';
  /** A file reference (e.g. the evidence register's id or an archive number). */
  reference?: string;
}

/** A hearing (听证) or mediation (调解) session of the reviewing body. */
export interface ReviewSession {
  kind: 'hearing' | 'mediation';
  on: string;
  note: string;
}

/** A suspension (中止, ARL art. 39): its days are not counted in the decision period. */
export interface ReviewSuspension {
  from: string;
  to: string | null;
  reason: string;
}

/**
 * An application for administrative reconsideration (行政复议, RULES.md §6) against one of the bureau's
 * decisions: the application, the reviewing body's acceptance, the bureau's written reply with its evidence,
 * sessions, suspensions, the extension, and the outcome with what it did to the decision
 * (decision_status_changes). One row per application, its steps as columns, so statistics are plain queries.
 */
export const reconsiderations = pgTable(
  'reconsiderations',
  {
    agencyId: agencyIdColumn(),
    id: idColumn(),
    /** The challenged decision: a case's or an on-the-spot penalty's; exactly one. */
    caseId: uuid('case_id'),
    onTheSpotPenaltyId: uuid('on_the_spot_penalty_id'),
    decisionNumber: text('decision_number').notNull(),
    applicantKind: text('applicant_kind').notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantCreditCode: text('applicant_credit_code'),
    applicantResidentId: text('applicant_resident_id'),
    reviewingBody: text('reviewing_body').notNull(),
    /** The reviewing body's reference of the application (e.g. 城府复〔2024〕12号). */
    reference: text('reference').notNull(),
    procedure: text('procedure', { enum: ['ordinary', 'simple'] }).notNull(),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    /** The day the bureau received the application copy (申请书副本): the reply clock's start. */
    copyReceivedOn: date('copy_received_on', { mode: 'string' }),
    claims: text('claims').notNull(),
    status: text('status').notNull(),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    replySubmittedOn: date('reply_submitted_on', { mode: 'string' }),
    replyReference: text('reply_reference'),
    replyItems: jsonb('reply_items').$type<ReplyItem[]>(),
    sessions: jsonb('sessions').$type<ReviewSession[]>().notNull().default([]),
    suspensions: jsonb('suspensions').$type<ReviewSuspension[]>().notNull().default([]),
    extensionDays: integer('extension_days'),
    extendedOn: date('extended_on', { mode: 'string' }),
    outcome: text('outcome'),
    /** The date of the outcome: the decision (复议决定), the refusal to accept, the withdrawal or the termination. */
    decidedOn: date('decided_on', { mode: 'string' }),
    outcomeReference: text('outcome_reference'),
    outcomeReason: text('outcome_reason'),
    revocationScope: text('revocation_scope', { enum: ['whole', 'part'] }),
    redo: boolean('redo'),
    /** Varied or remaining penalties, when the outcome sets them. */
    outcomePenalties: jsonb('outcome_penalties').$type<ProposedPenalty[]>(),
    /** Whether registering the application froze the case's late surcharge (APL art. 73(3)). */
    surchargeFrozen: boolean('surcharge_frozen').notNull().default(false),
    recordedBy: text('recorded_by').notNull(),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'reconsiderations_pkey', columns: [t.agencyId, t.id] }),
    foreignKey({
      name: 'reconsiderations_case_fk',
      columns: [t.agencyId, t.caseId],
      foreignColumns: [cases.agencyId, cases.id],
    }),
    foreignKey({
      name: 'reconsiderations_spot_fk',
      columns: [t.agencyId, t.onTheSpotPenaltyId],
      foreignColumns: [onTheSpotPenalties.agencyId, onTheSpotPenalties.id],
    }),
    index('reconsiderations_case_idx').on(t.agencyId, t.caseId),
    index('reconsiderations_spot_idx').on(t.agencyId, t.onTheSpotPenaltyId),
    index('reconsiderations_applied_idx').on(t.agencyId, t.appliedOn),
    index('reconsiderations_status_idx').on(t.agencyId, t.status),
    check('reconsiderations_one_decision', sql`(${t.caseId} is null) <> (${t.onTheSpotPenaltyId} is null)`),
  ],
);

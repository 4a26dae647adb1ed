import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
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
import { reconsiderations } from '../reconsiderations/reconsiderations.table';

/** An item of evidence or law filed with the defence (答辩状所附证据、依据). */
export interface DefenceItem {
  title: string;
  kind: 'evidence' | 'legal_basis' | 'other';
  reference?: string;
}

/** The first-instance judgment or ruling, kept when it was appealed. */
export interface FirstInstanceRecord {
  court: string;
  courtCaseNumber: string;
  kind: 'judgment' | 'ruling' | 'mediation';
  outcome: string;
  on: string;
  servedOn: string;
  reference: string;
  appealedBy: 'plaintiff' | 'bureau' | 'both';
  appealedOn: string;
  /** The outcome's details (revoked: scope and redo; varied: penalties), applied if the appeal is withdrawn. */
  scope?: 'whole' | 'part' | null;
  redo?: boolean | null;
  penalties?: ProposedPenalty[] | null;
}

/**
 * An administrative lawsuit (行政诉讼, RULES.md §7) against one of the bureau's decisions: the court and its
 * case number, the plaintiff, the defence and evidence due 15 d after the complaint copy was received, the
 * judgment or ruling, an appeal and when the outcome took effect (with what it did to the decision,
 * decision_status_changes). Hearings are in litigation_hearings.
 */
export const litigations = pgTable(
  'litigations',
  {
    agencyId: agencyIdColumn(),
    id: idColumn(),
    caseId: uuid('case_id'),
    onTheSpotPenaltyId: uuid('on_the_spot_penalty_id'),
    decisionNumber: text('decision_number').notNull(),
    /** The reconsideration the suit follows; then the reviewing body is co-defendant when it upheld (ALL art. 26(2)). */
    reconsiderationId: uuid('reconsideration_id'),
    coDefendant: text('co_defendant'),
    court: text('court').notNull(),
    courtCaseNumber: text('court_case_number').notNull(),
    plaintiffKind: text('plaintiff_kind').notNull(),
    plaintiffName: text('plaintiff_name').notNull(),
    plaintiffCreditCode: text('plaintiff_credit_code'),
    plaintiffResidentId: text('plaintiff_resident_id'),
    claims: text('claims').notNull(),
    /** When the court filed the suit (立案). */
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    /** The day the bureau received the complaint copy (起诉状副本): the defence clock's start. */
    complaintReceivedOn: date('complaint_received_on', { mode: 'string' }).notNull(),
    instance: text('instance', { enum: ['first', 'second'] }).notNull(),
    status: text('status').notNull(),
    defenceFiledOn: date('defence_filed_on', { mode: 'string' }),
    defenceReference: text('defence_reference'),
    defenceItems: jsonb('defence_items').$type<DefenceItem[]>(),
    judgmentKind: text('judgment_kind', { enum: ['judgment', 'ruling', 'mediation'] }),
    outcome: text('outcome'),
    judgmentOn: date('judgment_on', { mode: 'string' }),
    /** When the judgment or ruling was served on the bureau: the appeal period runs from it. */
    judgmentServedOn: date('judgment_served_on', { mode: 'string' }),
    judgmentReference: text('judgment_reference'),
    revocationScope: text('revocation_scope', { enum: ['whole', 'part'] }),
    redo: boolean('redo'),
    outcomePenalties: jsonb('outcome_penalties').$type<ProposedPenalty[]>(),
    firstInstance: jsonb('first_instance').$type<FirstInstanceRecord>(),
    /** When the judgment, ruling or mediation took effect (生效): its effect on the decision applies then. */
    effectiveOn: date('effective_on', { mode: 'string' }),
    surchargeFrozen: boolean('surcharge_frozen').notNull().default(false),
    recordedBy: text('recorded_by').notNull(),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'litigations_pkey', columns: [t.agencyId, t.id] }),
    foreignKey({
      name: 'litigations_case_fk',
      columns: [t.agencyId, t.caseId],
      foreignColumns: [cases.agencyId, cases.id],
    }),
    foreignKey({
      name: 'litigations_spot_fk',
      columns: [t.agencyId, t.onTheSpotPenaltyId],
      foreignColumns: [onTheSpotPenalties.agencyId, onTheSpotPenalties.id],
    }),
    foreignKey({
      name: 'litigations_reconsideration_fk',
      columns: [t.agencyId, t.reconsiderationId],
      foreignColumns: [reconsiderations.agencyId, reconsiderations.id],
    }),
    index('litigations_case_idx').on(t.agencyId, t.caseId),
    index('litigations_spot_idx').on(t.agencyId, t.onTheSpotPenaltyId),
    index('litigations_filed_idx').on(t.agencyId, t.filedOn),
    index('litigations_status_idx').on(t.agencyId, t.status),
    check('litigations_one_decision', sql`(${t.caseId} is null) <> (${t.onTheSpotPenaltyId} is null)`),
  ],
);

/** A court hearing (庭审) and who appeared for the bureau, recording whether its head did (负责人出庭应诉, ALL art. 3). */
export const litigationHearings = pgTable(
  'litigation_hearings',
  {
    agencyId: agencyIdColumn(),
    litigationId: uuid('litigation_id').notNull(),
    id: idColumn(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    instance: text('instance', { enum: ['first', 'second'] }).notNull(),
    /** Who appeared for the bureau: officers of the agency, or an agent (e.g. the legal adviser) by name. */
    attendees: jsonb('attendees')
      .$type<{ officerId: string | null; name: string; role: 'head' | 'officer' | 'agent' }[]>()
      .notNull(),
    headAppeared: boolean('head_appeared').notNull(),
    /** Why the head did not appear (e.g. entrusted another person, ALL art. 3(3)); required when not. */
    headAbsenceReason: text('head_absence_reason'),
    note: text('note'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'litigation_hearings_pkey', columns: [t.agencyId, t.litigationId, t.id] }),
    foreignKey({
      name: 'litigation_hearings_litigation_fk',
      columns: [t.agencyId, t.litigationId],
      foreignColumns: [litigations.agencyId, litigations.id],
    }),
    index('litigation_hearings_held_idx').on(t.agencyId, t.heldOn),
    check('litigation_hearings_attendees', sql`jsonb_array_length(${t.attendees}) >= 1`),
  ],
);

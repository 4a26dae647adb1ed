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
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencyIdColumn, createdAtColumn, idColumn, updatedAtColumn, versionColumn } from '../../db/columns';
import type { ProposedPenalty } from '../../domain/cases/case-model';
import { agencies } from '../agencies/agencies.table';
import { officers } from '../officers/officers.table';

/**
 * An enforcement case (行政处罚案件), from lead (线索) to decision. The row holds the current state;
 * case_events holds every step, which is the timeline and the source of the guards' facts.
 */
export const cases = pgTable(
  'cases',
  {
    agencyId: agencyIdColumn(),
    id: idColumn(),
    stage: text('stage').notNull(),
    suspended: boolean('suspended').notNull().default(false),
    /** Manually flagged major (重大) or complex (复杂): a collective discussion is then required. */
    major: boolean('major').notNull().default(false),
    complex: boolean('complex').notNull().default(false),
    source: text('source').notNull(),
    /** The 12315 / 12345 ticket or referral letter number. */
    sourceRef: text('source_ref'),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    summary: text('summary').notNull(),
    violationOn: date('violation_on', { mode: 'string' }),
    powerItemId: uuid('power_item_id'),
    unitId: uuid('unit_id'),
    filedOn: date('filed_on', { mode: 'string' }),
    filingNumber: text('filing_number'),
    limitationBasis: text('limitation_basis'),
    limitationReason: text('limitation_reason'),
    concludedOn: date('concluded_on', { mode: 'string' }),
    proposal: jsonb('proposal').$type<ProposedPenalty[]>(),
    proposalVersion: integer('proposal_version').notNull().default(0),
    decidedOn: date('decided_on', { mode: 'string' }),
    decisionNumber: text('decision_number'),
    decision: jsonb('decision'),
    /**
     * After a reconsideration or judgment (appeals/outcomes.ts DECISION_STATUSES); null while the decision is
     * as made (in force) or there is none.
     */
    decisionStatus: text('decision_status'),
    /** Why the case ended without a decision (declined, transferred, terminated). */
    closingReason: text('closing_reason'),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'cases_pkey', columns: [t.agencyId, t.id] }),
    foreignKey({ name: 'cases_agency_fk', columns: [t.agencyId], foreignColumns: [agencies.id] }),
    index('cases_stage_idx').on(t.agencyId, t.stage),
    index('cases_filed_idx').on(t.agencyId, t.filedOn),
  ],
);

/** A party (当事人) of a case. */
export const caseParties = pgTable(
  'case_parties',
  {
    agencyId: agencyIdColumn(),
    caseId: uuid('case_id').notNull(),
    id: idColumn(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    residentId: text('resident_id'),
    creditCode: text('credit_code'),
    legalRepresentative: text('legal_representative'),
    address: text('address'),
    phone: text('phone'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'case_parties_pkey', columns: [t.agencyId, t.caseId, t.id] }),
    foreignKey({
      name: 'case_parties_case_fk',
      columns: [t.agencyId, t.caseId],
      foreignColumns: [cases.agencyId, cases.id],
    }),
    index('case_parties_name_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('case_parties_credit_code_idx').on(t.agencyId, t.creditCode),
  ],
);

/** Officers assigned to a case (承办人员). */
export const caseOfficers = pgTable(
  'case_officers',
  {
    agencyId: agencyIdColumn(),
    caseId: uuid('case_id').notNull(),
    officerId: uuid('officer_id').notNull(),
    assignedOn: date('assigned_on', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'case_officers_pkey', columns: [t.agencyId, t.caseId, t.officerId] }),
    foreignKey({
      name: 'case_officers_case_fk',
      columns: [t.agencyId, t.caseId],
      foreignColumns: [cases.agencyId, cases.id],
    }),
    foreignKey({
      name: 'case_officers_officer_fk',
      columns: [t.agencyId, t.officerId],
      foreignColumns: [officers.agencyId, officers.id],
    }),
    index('case_officers_officer_idx').on(t.agencyId, t.officerId),
  ],
);

/** Every step of a case, in order: the timeline (办案记录). */
export const caseEvents = pgTable(
  'case_events',
  {
    agencyId: agencyIdColumn(),
    caseId: uuid('case_id').notNull(),
    seq: integer('seq').notNull(),
    action: text('action').notNull(),
    /** The date of the act itself (not when it was recorded). */
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    documentNumber: text('document_number'),
  },
  (t) => [
    primaryKey({ name: 'case_events_pkey', columns: [t.agencyId, t.caseId, t.seq] }),
    foreignKey({
      name: 'case_events_case_fk',
      columns: [t.agencyId, t.caseId],
      foreignColumns: [cases.agencyId, cases.id],
    }),
  ],
);

/** Periods the decision clock does not count (中止, 听证, 检测检验鉴定, 公告), APL art. 60. */
export const casePauses = pgTable(
  'case_pauses',
  {
    agencyId: agencyIdColumn(),
    caseId: uuid('case_id').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: ['suspension', 'hearing', 'testing', 'public_notice'] }).notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    reason: text('reason').notNull(),
  },
  (t) => [
    primaryKey({ name: 'case_pauses_pkey', columns: [t.agencyId, t.caseId, t.seq] }),
    foreignKey({
      name: 'case_pauses_case_fk',
      columns: [t.agencyId, t.caseId],
      foreignColumns: [cases.agencyId, cases.id],
    }),
    check('case_pauses_interval', sql`${t.toDate} is null or ${t.toDate} >= ${t.fromDate}`),
  ],
);

/** The evidence register (证据登记): the eight legal kinds, APL art. 46. */
export const caseEvidence = pgTable(
  'case_evidence',
  {
    agencyId: agencyIdColumn(),
    caseId: uuid('case_id').notNull(),
    id: idColumn(),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    collectedOn: date('collected_on', { mode: 'string' }).notNull(),
    collectedBy: uuid('collected_by').array().notNull(),
    fileRef: text('file_ref'),
    contentHash: text('content_hash'),
    hashAlgorithm: text('hash_algorithm'),
    /** Recorded on audio-video (全过程记录), APL art. 47. */
    avRecorded: boolean('av_recorded').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'case_evidence_pkey', columns: [t.agencyId, t.caseId, t.id] }),
    foreignKey({
      name: 'case_evidence_case_fk',
      columns: [t.agencyId, t.caseId],
      foreignColumns: [cases.agencyId, cases.id],
    }),
    // A digest is meaningless without its algorithm (SHA-256 or SM3), and the reverse.
    check('case_evidence_hash_pair', sql`(${t.contentHash} is null) = (${t.hashAlgorithm} is null)`),
  ],
);

/**
 * Seal-up and seizure (查封、扣押), ACL arts. 18–19, 25, and advance preservation (先行登记保存), APL art. 56.
 * Flags (no audio-video record, late emergency approval) are derived on read: see domain/cases/measures.ts.
 */
export const caseMeasures = pgTable(
  'case_measures',
  {
    agencyId: agencyIdColumn(),
    caseId: uuid('case_id').notNull(),
    id: idColumn(),
    kind: text('kind', { enum: ['seal_up', 'seizure', 'advance_preservation'] }).notNull(),
    items: text('items').notNull(),
    /** Prior approval, or in an emergency approval within 24 hours after the act (ACL art. 19). */
    approval: text('approval', { enum: ['prior', 'emergency'] }).notNull(),
    /** The bureau head who decided on the approval, and when; null while an emergency approval is pending. */
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    /** approved, or refused (the measure must then be released at once, ACL art. 19). */
    approvalResult: text('approval_result', { enum: ['approved', 'refused'] }),
    approvalOpinion: text('approval_opinion'),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    officerIds: uuid('officer_ids').array().notNull(),
    /** The one extension of a seal-up or seizure (ACL art. 25). */
    extendedDays: integer('extended_days').notNull().default(0),
    extensionApprovedBy: uuid('extension_approved_by'),
    extensionApprovedOn: date('extension_approved_on', { mode: 'string' }),
    extensionReason: text('extension_reason'),
    endedOn: date('ended_on', { mode: 'string' }),
    /** How it ended: released, confiscated, transferred, or for preservation the handling decided. */
    outcome: text('outcome'),
    /** Why it was released (ACL art. 28), and what was decided, in words. */
    endReason: text('end_reason'),
    endNote: text('end_note'),
    avRecorded: boolean('av_recorded').notNull(),
    /** The 实施行政强制措施决定书 of a seal-up or seizure (ACL art. 24), numbered gap-free. */
    documentNumber: text('document_number'),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'case_measures_pkey', columns: [t.agencyId, t.caseId, t.id] }),
    foreignKey({
      name: 'case_measures_case_fk',
      columns: [t.agencyId, t.caseId],
      foreignColumns: [cases.agencyId, cases.id],
    }),
    // The agency-wide list for supervision pages by id.
    index('case_measures_agency_idx').on(t.agencyId, t.id),
    check('case_measures_extension', sql`${t.extendedDays} >= 0`),
    check('case_measures_ended', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
);

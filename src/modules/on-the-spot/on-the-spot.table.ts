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
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencyIdColumn, createdAtColumn, idColumn, updatedAtColumn, versionColumn } from '../../db/columns';
import type { ProposedPenalty } from '../../domain/cases/case-model';
import type {
  CollectionGround,
  PaymentMethod,
  ReviewProblemCode,
} from '../../domain/on-the-spot/on-the-spot';
import { agencies } from '../agencies/agencies.table';
import { officers } from '../officers/officers.table';

export interface PaymentRecord {
  method: PaymentMethod;
  collectionGround?: CollectionGround;
  /** The official receipt (专用票据) handed over for a fine collected on the spot (APL art. 70). */
  receiptNumber?: string;
}

/**
 * An on-the-spot penalty decision (当场行政处罚决定书, APL arts. 51–52): decided and handed over on the
 * spot by the officers, then filed with the bureau (备案). One party per decision, kept on the row.
 */
export const onTheSpotPenalties = pgTable(
  'on_the_spot_penalties',
  {
    agencyId: agencyIdColumn(),
    id: idColumn(),
    decisionNumber: text('decision_number').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** decidedAt as a China date: the number's year, the filing clock's start, the list filters. */
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    officerIds: uuid('officer_ids').array().notNull(),
    partyKind: text('party_kind').notNull(),
    partyName: text('party_name').notNull(),
    partyResidentId: text('party_resident_id'),
    partyCreditCode: text('party_credit_code'),
    partyLegalRepresentative: text('party_legal_representative'),
    partyAddress: text('party_address'),
    partyPhone: text('party_phone'),
    facts: text('facts').notNull(),
    legalBasis: text('legal_basis').notNull(),
    powerItemId: uuid('power_item_id').notNull(),
    penalties: jsonb('penalties').$type<ProposedPenalty[]>().notNull(),
    /** After a reconsideration or judgment (appeals/outcomes.ts DECISION_STATUSES). */
    decisionStatus: text('decision_status').notNull().default('in_force'),
    /** The penalties in force after a variation or partial revocation; null while `penalties` stand. */
    penaltiesInForce: jsonb('penalties_in_force').$type<ProposedPenalty[]>(),
    payment: jsonb('payment').$type<PaymentRecord>(),
    /** The remedies statement as printed on the decision (the setting's text on that day). */
    remediesNotice: text('remedies_notice').notNull(),
    /** The filing period in working days as set on the decision date (on_the_spot.filing_working_days). */
    filingWorkingDays: integer('filing_working_days').notNull(),
    filedOn: date('filed_on', { mode: 'string' }),
    filedRecordedBy: text('filed_recorded_by'),
    filingNote: text('filing_note'),
    recordedBy: text('recorded_by').notNull(),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'on_the_spot_penalties_pkey', columns: [t.agencyId, t.id] }),
    foreignKey({
      name: 'on_the_spot_penalties_agency_fk',
      columns: [t.agencyId],
      foreignColumns: [agencies.id],
    }),
    unique('on_the_spot_penalties_number_key').on(t.agencyId, t.decisionNumber),
    index('on_the_spot_penalties_decided_idx').on(t.agencyId, t.decidedOn),
    index('on_the_spot_penalties_credit_code_idx').on(t.agencyId, t.partyCreditCode),
    index('on_the_spot_penalties_party_name_idx').using('gin', sql`${t.partyName} gin_trgm_ops`),
    check('on_the_spot_penalties_filed', sql`${t.filedOn} is null or ${t.filedOn} >= ${t.decidedOn}`),
    check('on_the_spot_penalties_filing_days', sql`${t.filingWorkingDays} > 0`),
  ],
);

/** A form review (文书审查) of an on-the-spot decision, with the problems it found. */
export const onTheSpotReviews = pgTable(
  'on_the_spot_reviews',
  {
    agencyId: agencyIdColumn(),
    penaltyId: uuid('penalty_id').notNull(),
    id: idColumn(),
    reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
    reviewerId: uuid('reviewer_id').notNull(),
    problems: jsonb('problems').$type<{ code: ReviewProblemCode; note: string | null }[]>().notNull(),
    problemCount: integer('problem_count').notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'on_the_spot_reviews_pkey', columns: [t.agencyId, t.penaltyId, t.id] }),
    foreignKey({
      name: 'on_the_spot_reviews_penalty_fk',
      columns: [t.agencyId, t.penaltyId],
      foreignColumns: [onTheSpotPenalties.agencyId, onTheSpotPenalties.id],
    }),
    foreignKey({
      name: 'on_the_spot_reviews_reviewer_fk',
      columns: [t.agencyId, t.reviewerId],
      foreignColumns: [officers.agencyId, officers.id],
    }),
    check('on_the_spot_reviews_problem_count', sql`${t.problemCount} >= 0`),
  ],
);

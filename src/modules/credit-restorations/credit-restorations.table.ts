import { boolean, date, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { agencyIdColumn, createdAtColumn, idColumn, updatedAtColumn, versionColumn } from '../../db/columns';

/** A material of a restoration application: a file reference and its SHA-256 (tamper evidence). */
export interface RestorationMaterial {
  kind: 'application' | 'pledge' | 'proof_of_performance' | 'proof_of_correction' | 'other';
  title: string;
  fileRef: string;
  sha256: string;
}

/** One eligibility condition as checked, with its reason (explained condition by condition). */
export interface EligibilityCheck {
  code: string;
  met: boolean;
  rule: string;
  detail: string;
}

/**
 * The abnormal-operation list (经营异常名录) and the serious-violation list (严重违法失信名单): who is listed,
 * why, by whom and when, and the removal — enough for restoration eligibility and removal (CRM arts. 5, 7).
 */
export const creditListEntries = pgTable(
  'credit_list_entries',
  {
    agencyId: agencyIdColumn(),
    id: idColumn(),
    list: text('list', { enum: ['abnormal_operation', 'serious_violation'] }).notNull(),
    entityName: text('entity_name').notNull(),
    creditCode: text('credit_code').notNull(),
    reason: text('reason').notNull(),
    listedOn: date('listed_on', { mode: 'string' }).notNull(),
    /** The authority that listed (e.g. the bureau itself, or the provincial bureau for the serious-violation list). */
    listedBy: text('listed_by').notNull(),
    /** Listed by this agency: only then may it remove the entry (谁列入、谁移出, CRM art. 4). */
    ownListing: boolean('own_listing').notNull(),
    decisionRef: text('decision_ref').notNull(),
    removedOn: date('removed_on', { mode: 'string' }),
    removalReason: text('removal_reason'),
    removalRestorationId: uuid('removal_restoration_id'),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'credit_list_entries_pkey', columns: [t.agencyId, t.id] }),
    index('credit_list_entries_code_idx').on(t.creditCode, t.list),
  ],
);

/**
 * A credit restoration application (信用修复, RULES.md §5): stop a penalty publication early, remove an entity
 * from the abnormal-operation list, or remove it early from the serious-violation list. Processed only by the
 * agency that made the decision or listed the entity (谁处罚、谁修复).
 */
export const creditRestorations = pgTable(
  'credit_restorations',
  {
    agencyId: agencyIdColumn(),
    id: idColumn(),
    kind: text('kind', {
      enum: ['stop_publicity', 'abnormal_list_removal', 'serious_list_early_removal'],
    }).notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantCreditCode: text('applicant_credit_code').notNull(),
    publicationId: uuid('publication_id'),
    listEntryId: uuid('list_entry_id'),
    materials: jsonb('materials').$type<RestorationMaterial[]>().notNull(),
    status: text('status').notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    verifiedOn: date('verified_on', { mode: 'string' }),
    decidedOn: date('decided_on', { mode: 'string' }),
    reasons: text('reasons'),
    /** The eligibility as checked at the last step, condition by condition. */
    eligibility: jsonb('eligibility').$type<EligibilityCheck[]>(),
    revokedOn: date('revoked_on', { mode: 'string' }),
    revocationReason: text('revocation_reason'),
    recordedBy: text('recorded_by').notNull(),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'credit_restorations_pkey', columns: [t.agencyId, t.id] }),
    index('credit_restorations_status_idx').on(t.agencyId, t.status),
    index('credit_restorations_decided_idx').on(t.agencyId, t.decidedOn),
    index('credit_restorations_publication_idx').on(t.agencyId, t.publicationId),
  ],
);

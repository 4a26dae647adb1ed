import {
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencyIdColumn, createdAtColumn, idColumn, updatedAtColumn, versionColumn } from '../../db/columns';
import type { ProposedPenalty } from '../../domain/cases/case-model';
import { decisionStatusChanges } from '../appeals/decision-effects.table';
import { cases } from '../cases/cases.table';

/** The masked summary published (公示内容), PDR arts. 6–7. */
export interface PublicationSummary {
  decisionNumber: string;
  partyName: string;
  /** The unified social credit code of an organisation or business; never a person's ID number. */
  partyCreditCode: string | null;
  legalRepresentative: string | null;
  violationType: string;
  penalties: ProposedPenalty[];
  penaltyText: string;
  bureau: string;
  decidedOn: string;
}

/**
 * A penalty publication (行政处罚信息公示, RULES.md §4): created with a publishable general-procedure decision,
 * published on the credit system by its deadline, public until it expires, withdrawn when the decision is varied,
 * revoked, confirmed illegal or void, or stopped early by credit restoration (信用修复).
 */
export const publications = pgTable(
  'publications',
  {
    agencyId: agencyIdColumn(),
    id: idColumn(),
    caseId: uuid('case_id').notNull(),
    decisionNumber: text('decision_number').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    partyName: text('party_name').notNull(),
    partyCreditCode: text('party_credit_code'),
    summary: jsonb('summary').$type<PublicationSummary>().notNull(),
    /** The decision text with personal information masked (PDR art. 7). */
    maskedText: text('masked_text').notNull(),
    state: text('state').notNull(),
    /** Publish by this day (publication.working_days WD after the decision, PDR art. 9). */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    dueWorkingDays: integer('due_working_days').notNull(),
    publishedOn: date('published_on', { mode: 'string' }),
    externalRef: text('external_ref'),
    /** 3 months, 3 years, or the restriction's length (PDR art. 13). */
    periodMonths: integer('period_months').notNull(),
    periodBasis: text('period_basis').notNull(),
    expiresOn: date('expires_on', { mode: 'string' }),
    expiredAt: timestamp('expired_at', { withTimezone: true, mode: 'date' }),
    /** The earliest day the party may apply to stop the publicity early (CRM art. 6). */
    earliestRestorationOn: date('earliest_restoration_on', { mode: 'string' }),
    withdrawalDueOn: date('withdrawal_due_on', { mode: 'string' }),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawalReason: text('withdrawal_reason'),
    statusChangeId: uuid('status_change_id'),
    restoredOn: date('restored_on', { mode: 'string' }),
    restorationId: uuid('restoration_id'),
    correctedOn: date('corrected_on', { mode: 'string' }),
    correctionNote: text('correction_note'),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'publications_pkey', columns: [t.agencyId, t.id] }),
    foreignKey({
      name: 'publications_case_fk',
      columns: [t.agencyId, t.caseId],
      foreignColumns: [cases.agencyId, cases.id],
    }),
    foreignKey({
      name: 'publications_status_change_fk',
      columns: [t.agencyId, t.statusChangeId],
      foreignColumns: [decisionStatusChanges.agencyId, decisionStatusChanges.id],
    }),
    uniqueIndex('publications_decision_key').on(t.agencyId, t.decisionNumber),
    index('publications_state_idx').on(t.agencyId, t.state),
    index('publications_case_idx').on(t.agencyId, t.caseId),
    index('publications_credit_code_idx').on(t.agencyId, t.partyCreditCode),
    index('publications_expires_idx').on(t.state, t.expiresOn),
  ],
);

/**
 * What the provincial and national credit systems are told (published, withdrawn, restored, expired,
 * list entries removed): an outbox a delivery job reads, in order, until `deliveredAt` is set.
 */
export const creditEvents = pgTable(
  'credit_events',
  {
    agencyId: agencyIdColumn(),
    id: idColumn(),
    kind: text('kind').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'credit_events_pkey', columns: [t.agencyId, t.id] }),
    index('credit_events_entity_idx').on(t.agencyId, t.entityId),
    index('credit_events_undelivered_idx').on(t.agencyId, t.deliveredAt),
  ],
);

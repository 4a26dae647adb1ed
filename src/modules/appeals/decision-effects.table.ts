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
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencyIdColumn, createdAtColumn, idColumn } from '../../db/columns';
import type { ProposedPenalty } from '../../domain/cases/case-model';
import { cases } from '../cases/cases.table';
import { onTheSpotPenalties } from '../on-the-spot/on-the-spot.table';

/**
 * Every change a reconsideration decision (复议决定) or an effective judgment (生效判决) made to one of the
 * bureau's decisions: the decision's status history, and the event the publicity module consumes to
 * withdraw the decision's publication within 3 WD (PDR art. 11; `withdrawalDueOn`, `withdrawnAt` once done).
 * Written in the same transaction as the outcome.
 */
export const decisionStatusChanges = pgTable(
  'decision_status_changes',
  {
    agencyId: agencyIdColumn(),
    id: idColumn(),
    /** The challenged decision: a case's (案件) or an on-the-spot penalty's (当场处罚); exactly one. */
    caseId: uuid('case_id'),
    onTheSpotPenaltyId: uuid('on_the_spot_penalty_id'),
    decisionNumber: text('decision_number').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    /** The penalties in force afterwards; null when they did not change (confirmed illegal). */
    penalties: jsonb('penalties').$type<ProposedPenalty[]>(),
    /** The case reopened for a new decision (撤销并责令重新作出). */
    reopened: boolean('reopened').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    sourceKind: text('source_kind', { enum: ['reconsideration', 'litigation'] }).notNull(),
    sourceId: uuid('source_id').notNull(),
    /** The outcome document (复议决定书 / 判决书) reference. */
    sourceReference: text('source_reference').notNull(),
    /** PDR art. 11: the publication is withdrawn within 3 WD; null when nothing is to be withdrawn. */
    withdrawalDueOn: date('withdrawal_due_on', { mode: 'string' }),
    /** Set by the publicity module once it withdrew the publication. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'decision_status_changes_pkey', columns: [t.agencyId, t.id] }),
    foreignKey({
      name: 'decision_status_changes_case_fk',
      columns: [t.agencyId, t.caseId],
      foreignColumns: [cases.agencyId, cases.id],
    }),
    foreignKey({
      name: 'decision_status_changes_spot_fk',
      columns: [t.agencyId, t.onTheSpotPenaltyId],
      foreignColumns: [onTheSpotPenalties.agencyId, onTheSpotPenalties.id],
    }),
    index('decision_status_changes_case_idx').on(t.agencyId, t.caseId),
    index('decision_status_changes_spot_idx').on(t.agencyId, t.onTheSpotPenaltyId),
    index('decision_status_changes_withdrawal_idx').on(t.agencyId, t.withdrawalDueOn),
    check(
      'decision_status_changes_one_decision',
      sql`(${t.caseId} is null) <> (${t.onTheSpotPenaltyId} is null)`,
    ),
  ],
);

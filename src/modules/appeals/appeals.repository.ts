import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { PENDING_LITIGATION_STATUSES } from '../../domain/appeals/litigation';
import { PENDING_RECONSIDERATION } from '../../domain/appeals/reconsideration';
import { litigations } from '../litigations/litigations.table';
import { reconsiderations } from '../reconsiderations/reconsiderations.table';

/** The challenged decision: a case's or an on-the-spot penalty's. */
export interface DecisionKey {
  caseId: string | null;
  onTheSpotPenaltyId: string | null;
}

function sameDecision(table: typeof litigations | typeof reconsiderations, ref: DecisionKey) {
  return ref.caseId
    ? eq(table.caseId, ref.caseId)
    : eq(table.onTheSpotPenaltyId, ref.onTheSpotPenaltyId as string);
}

/**
 * The pending suits and reconsiderations of the decision, one line each (ARL art. 29, ALL art. 44: 复议与诉讼
 * 不得同时进行); empty when none is.
 */
export async function reviewsUnderWay(ex: Executor, agencyId: string, ref: DecisionKey): Promise<string[]> {
  const suits = await ex
    .select({ id: litigations.id, court: litigations.court, courtCaseNumber: litigations.courtCaseNumber })
    .from(litigations)
    .where(
      and(
        eq(litigations.agencyId, agencyId),
        sameDecision(litigations, ref),
        inArray(litigations.status, [...PENDING_LITIGATION_STATUSES]),
      ),
    );
  const reviews = await ex
    .select({
      id: reconsiderations.id,
      reference: reconsiderations.reference,
      status: reconsiderations.status,
    })
    .from(reconsiderations)
    .where(
      and(
        eq(reconsiderations.agencyId, agencyId),
        sameDecision(reconsiderations, ref),
        inArray(reconsiderations.status, [...PENDING_RECONSIDERATION]),
      ),
    );
  return [
    ...suits.map((s) => `lawsuit ${s.courtCaseNumber} before ${s.court} (${s.id}) is pending`),
    ...reviews.map((r) => `reconsideration ${r.reference} (${r.id}) is ${r.status}`),
  ];
}

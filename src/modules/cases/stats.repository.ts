import { and, asc, between, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { caseEvents, cases } from './cases.table';

/** The agency's cases decided between two dates (inclusive), with their decisions. */
export async function decidedBetween(ex: Executor, agencyId: string, from: string, to: string) {
  return ex
    .select({ id: cases.id, decidedOn: cases.decidedOn, decision: cases.decision })
    .from(cases)
    .where(and(eq(cases.agencyId, agencyId), isNotNull(cases.decidedOn), between(cases.decidedOn, from, to)))
    .orderBy(asc(cases.id));
}

/** The events with the given actions of the agency's cases decided between two dates (inclusive). */
export async function eventsOfDecidedBetween(
  ex: Executor,
  agencyId: string,
  actions: readonly string[],
  from: string,
  to: string,
) {
  return ex
    .select({
      caseId: caseEvents.caseId,
      seq: caseEvents.seq,
      action: caseEvents.action,
      occurredOn: caseEvents.occurredOn,
      data: caseEvents.data,
    })
    .from(caseEvents)
    .innerJoin(cases, and(eq(cases.agencyId, caseEvents.agencyId), eq(cases.id, caseEvents.caseId)))
    .where(
      and(
        eq(caseEvents.agencyId, agencyId),
        inArray(caseEvents.action, [...actions]),
        isNotNull(cases.decidedOn),
        between(cases.decidedOn, from, to),
      ),
    )
    .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq));
}

/** The agency's events with the given actions dated between two dates (inclusive). */
export async function eventsBetween(
  ex: Executor,
  agencyId: string,
  actions: readonly string[],
  from: string,
  to: string,
) {
  return ex
    .select({ action: caseEvents.action, data: caseEvents.data })
    .from(caseEvents)
    .where(
      and(
        eq(caseEvents.agencyId, agencyId),
        inArray(caseEvents.action, [...actions]),
        between(caseEvents.occurredOn, from, to),
      ),
    );
}

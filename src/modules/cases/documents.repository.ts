import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { documentNumbers } from '../document-numbers/document-numbers.table';
import { caseEvents } from './cases.table';

/**
 * Every numbered step of a case (case_events with a document number), joined with the agency's
 * register of issued numbers (发文登记), which knows each number's document type. A numbered step
 * added by any module appears here without a change: it only has to record its number on the timeline.
 */
export async function listNumberedEvents(ex: Executor, agencyId: string, caseId: string) {
  return ex
    .select({
      seq: caseEvents.seq,
      action: caseEvents.action,
      occurredOn: caseEvents.occurredOn,
      recordedAt: caseEvents.recordedAt,
      actorType: caseEvents.actorType,
      actorId: caseEvents.actorId,
      data: caseEvents.data,
      documentNumber: caseEvents.documentNumber,
      documentType: documentNumbers.documentType,
      year: documentNumbers.year,
      serial: documentNumbers.serial,
      issuedOn: documentNumbers.issuedOn,
      purpose: documentNumbers.purpose,
    })
    .from(caseEvents)
    .leftJoin(
      documentNumbers,
      and(
        eq(documentNumbers.agencyId, caseEvents.agencyId),
        eq(documentNumbers.number, caseEvents.documentNumber),
      ),
    )
    .where(
      and(
        eq(caseEvents.agencyId, agencyId),
        eq(caseEvents.caseId, caseId),
        isNotNull(caseEvents.documentNumber),
      ),
    )
    .orderBy(asc(caseEvents.seq));
}

export type NumberedEventRow = Awaited<ReturnType<typeof listNumberedEvents>>[number];

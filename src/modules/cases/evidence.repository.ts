import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { one } from '../../db/sql';
import { caseEvidence } from './cases.table';

export type EvidenceRow = typeof caseEvidence.$inferSelect;

export async function insertEvidence(
  ex: Executor,
  values: typeof caseEvidence.$inferInsert,
): Promise<EvidenceRow> {
  return one(await ex.insert(caseEvidence).values(values).returning());
}

/** The case's evidence register, oldest first: by collection date, then by registration. */
export async function listEvidence(ex: Executor, agencyId: string, caseId: string): Promise<EvidenceRow[]> {
  return ex
    .select()
    .from(caseEvidence)
    .where(and(eq(caseEvidence.agencyId, agencyId), eq(caseEvidence.caseId, caseId)))
    .orderBy(asc(caseEvidence.collectedOn), asc(caseEvidence.id));
}

export async function findEvidence(ex: Executor, agencyId: string, caseId: string, id: string) {
  const [row] = await ex
    .select()
    .from(caseEvidence)
    .where(
      and(eq(caseEvidence.agencyId, agencyId), eq(caseEvidence.caseId, caseId), eq(caseEvidence.id, id)),
    );
  return row;
}

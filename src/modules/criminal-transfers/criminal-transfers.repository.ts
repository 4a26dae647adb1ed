import { and, asc, count, eq, gt, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { one } from '../../db/sql';
import { PENDING_STATUSES } from '../../domain/criminal-transfer/transfer-guards';
import { criminalTransfers, policeJointCases } from './criminal-transfers.table';

export type TransferRow = typeof criminalTransfers.$inferSelect;
export type JointCaseRow = typeof policeJointCases.$inferSelect;

export async function insertTransfer(
  ex: Executor,
  values: typeof criminalTransfers.$inferInsert,
): Promise<TransferRow> {
  return one(await ex.insert(criminalTransfers).values(values).returning());
}

/** One transfer of the agency; `lock` holds it until the transaction ends. */
export async function findTransfer(
  ex: Executor,
  agencyId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<TransferRow | undefined> {
  const query = ex
    .select()
    .from(criminalTransfers)
    .where(and(eq(criminalTransfers.agencyId, agencyId), eq(criminalTransfers.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function updateTransfer(
  ex: Executor,
  row: Pick<TransferRow, 'agencyId' | 'id'>,
  changes: Partial<typeof criminalTransfers.$inferInsert>,
  now: Date,
): Promise<TransferRow> {
  return one(
    await ex
      .update(criminalTransfers)
      .set({ ...changes, version: sql`${criminalTransfers.version} + 1`, updatedAt: now })
      .where(and(eq(criminalTransfers.agencyId, row.agencyId), eq(criminalTransfers.id, row.id)))
      .returning(),
  );
}

/**
 * Whether a criminal transfer of the case is under way (reported, approved, with the police, not sent
 * back): the case guards' `criminalTransferPending` fact (以罚代刑, TR art. 11).
 */
export async function criminalTransferPending(ex: Executor, agencyId: string, caseId: string) {
  const [row] = await ex
    .select({ id: criminalTransfers.id })
    .from(criminalTransfers)
    .where(
      and(
        eq(criminalTransfers.agencyId, agencyId),
        eq(criminalTransfers.caseId, caseId),
        inArray(criminalTransfers.status, [...PENDING_STATUSES]),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export interface TransferFilter {
  statuses?: readonly string[];
  /** The year of the report (移送报告). */
  year?: number;
  caseId?: string;
}

function filterCondition(agencyId: string, filter: TransferFilter) {
  return and(
    eq(criminalTransfers.agencyId, agencyId),
    filter.statuses ? inArray(criminalTransfers.status, [...filter.statuses]) : undefined,
    filter.caseId ? eq(criminalTransfers.caseId, filter.caseId) : undefined,
    filter.year !== undefined
      ? sql`extract(year from ${criminalTransfers.reportedOn}) = ${filter.year}`
      : undefined,
  );
}

/** Up to `limit` transfers after `afterId`, by id (UUIDv7: the order they were reported). */
export async function listTransfers(
  ex: Executor,
  agencyId: string,
  filter: TransferFilter,
  limit: number,
  afterId?: string,
): Promise<TransferRow[]> {
  return ex
    .select()
    .from(criminalTransfers)
    .where(and(filterCondition(agencyId, filter), afterId ? gt(criminalTransfers.id, afterId) : undefined))
    .orderBy(asc(criminalTransfers.id))
    .limit(limit);
}

/**
 * The year's figures (行刑衔接): transfers counted by the year they were sent to the police, outcomes by
 * the year of the police's decision or the return, joint cases by the year they started.
 */
export async function transferStats(ex: Executor, agencyId: string, year: number) {
  const inYear = (column: AnyPgColumn) =>
    sql<number>`count(*) filter (where extract(year from ${column}) = ${year})`;
  const [row] = await ex
    .select({
      leadsTransferred: sql<number>`count(*) filter (where ${criminalTransfers.fromLead} and extract(year from ${criminalTransfers.transferredOn}) = ${year})`,
      casesTransferred: sql<number>`count(*) filter (where not ${criminalTransfers.fromLead} and extract(year from ${criminalTransfers.transferredOn}) = ${year})`,
      reported: inYear(criminalTransfers.reportedOn),
      refused: sql<number>`count(*) filter (where ${criminalTransfers.decisionResult} = 'refused' and extract(year from ${criminalTransfers.reportedOn}) = ${year})`,
      filedByPolice: inYear(criminalTransfers.policeFiledOn),
      notFiled: sql<number>`count(*) filter (where ${criminalTransfers.policeDecision} = 'not_filed' and extract(year from ${criminalTransfers.policeDecidedOn}) = ${year})`,
      reviewsRequested: inYear(criminalTransfers.reviewRequestedOn),
      returned: inYear(criminalTransfers.returnedOn),
      lateTransfers: sql<number>`count(*) filter (where extract(year from ${criminalTransfers.transferredOn}) = ${year} and ${criminalTransfers.transferredAt} > ${criminalTransfers.decidedAt} + interval '24 hours')`,
    })
    .from(criminalTransfers)
    .where(eq(criminalTransfers.agencyId, agencyId));
  const [joint] = await ex
    .select({ n: count() })
    .from(policeJointCases)
    .where(
      and(
        eq(policeJointCases.agencyId, agencyId),
        sql`extract(year from ${policeJointCases.startedOn}) = ${year}`,
      ),
    );
  const n = (v: unknown) => Number(v ?? 0);
  return {
    leadsTransferred: n(row?.leadsTransferred),
    casesTransferred: n(row?.casesTransferred),
    reported: n(row?.reported),
    refused: n(row?.refused),
    filedByPolice: n(row?.filedByPolice),
    notFiled: n(row?.notFiled),
    reviewsRequested: n(row?.reviewsRequested),
    returned: n(row?.returned),
    lateTransfers: n(row?.lateTransfers),
    jointCases: n(joint?.n),
  };
}

export async function insertJointCase(
  ex: Executor,
  values: typeof policeJointCases.$inferInsert,
): Promise<JointCaseRow> {
  return one(await ex.insert(policeJointCases).values(values).returning());
}

export async function findJointCase(ex: Executor, agencyId: string, id: string) {
  const [row] = await ex
    .select()
    .from(policeJointCases)
    .where(and(eq(policeJointCases.agencyId, agencyId), eq(policeJointCases.id, id)));
  return row;
}

export async function listJointCases(
  ex: Executor,
  agencyId: string,
  year: number | undefined,
  limit: number,
  afterId?: string,
): Promise<JointCaseRow[]> {
  return ex
    .select()
    .from(policeJointCases)
    .where(
      and(
        eq(policeJointCases.agencyId, agencyId),
        year !== undefined ? sql`extract(year from ${policeJointCases.startedOn}) = ${year}` : undefined,
        afterId ? gt(policeJointCases.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(policeJointCases.id))
    .limit(limit);
}

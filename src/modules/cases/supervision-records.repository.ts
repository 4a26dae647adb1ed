/** Queries for correction orders (责令改正通知书), interview records (行政约谈记录) and their spot checks (抽查). */
import { and, asc, countDistinct, eq, gt, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { one } from '../../db/sql';
import { caseInterviews, correctionOrders, documentSpotChecks } from './supervision-records.table';

export type CorrectionOrderRow = typeof correctionOrders.$inferSelect;
export type InterviewRow = typeof caseInterviews.$inferSelect;
export type SpotCheckRow = typeof documentSpotChecks.$inferSelect;
export type DocumentKind = SpotCheckRow['documentKind'];

export async function insertCorrectionOrder(ex: Executor, values: typeof correctionOrders.$inferInsert) {
  return one(await ex.insert(correctionOrders).values(values).returning());
}

export async function findCorrectionOrder(
  ex: Executor,
  agencyId: string,
  caseId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CorrectionOrderRow | undefined> {
  const query = ex
    .select()
    .from(correctionOrders)
    .where(
      and(
        eq(correctionOrders.agencyId, agencyId),
        eq(correctionOrders.caseId, caseId),
        eq(correctionOrders.id, id),
      ),
    );
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function updateCorrectionOrder(
  ex: Executor,
  row: Pick<CorrectionOrderRow, 'agencyId' | 'id'>,
  changes: Partial<typeof correctionOrders.$inferInsert>,
  now: Date,
): Promise<CorrectionOrderRow> {
  return one(
    await ex
      .update(correctionOrders)
      .set({ ...changes, version: sql`${correctionOrders.version} + 1`, updatedAt: now })
      .where(and(eq(correctionOrders.agencyId, row.agencyId), eq(correctionOrders.id, row.id)))
      .returning(),
  );
}

export interface CorrectionOrderFilter {
  caseId?: string;
  /** The year the order was issued. */
  year?: number;
  /**
   * true: past the deadline on `today` with no follow-up on or after it and none finding it corrected;
   * false: not so. The SQL twin of correctionClock() in domain/cases/correction-orders.ts.
   */
  overdue?: { value: boolean; today: string };
}

function orderCondition(agencyId: string, filter: CorrectionOrderFilter) {
  const t = correctionOrders;
  const overdue = filter.overdue
    ? and(
        lt(t.deadline, filter.overdue.today),
        isNull(t.correctedOn),
        or(isNull(t.lastCheckedOn), lt(t.lastCheckedOn, t.deadline)),
      )
    : undefined;
  return and(
    eq(t.agencyId, agencyId),
    filter.caseId ? eq(t.caseId, filter.caseId) : undefined,
    filter.year !== undefined ? sql`extract(year from ${t.issuedOn}) = ${filter.year}` : undefined,
    overdue ? (filter.overdue?.value ? overdue : sql`not (${overdue})`) : undefined,
  );
}

/** Orders matching the filter, a keyset page by id (UUIDv7: the order issued). */
export async function listCorrectionOrders(
  ex: Executor,
  agencyId: string,
  filter: CorrectionOrderFilter,
  limit: number,
  afterId?: string,
): Promise<CorrectionOrderRow[]> {
  return ex
    .select()
    .from(correctionOrders)
    .where(and(orderCondition(agencyId, filter), afterId ? gt(correctionOrders.id, afterId) : undefined))
    .orderBy(asc(correctionOrders.id))
    .limit(limit);
}

export async function insertInterview(ex: Executor, values: typeof caseInterviews.$inferInsert) {
  return one(await ex.insert(caseInterviews).values(values).returning());
}

export async function findInterview(ex: Executor, agencyId: string, caseId: string, id: string) {
  const [row] = await ex
    .select()
    .from(caseInterviews)
    .where(
      and(
        eq(caseInterviews.agencyId, agencyId),
        eq(caseInterviews.caseId, caseId),
        eq(caseInterviews.id, id),
      ),
    );
  return row;
}

export async function listInterviews(ex: Executor, agencyId: string, caseId: string) {
  return ex
    .select()
    .from(caseInterviews)
    .where(and(eq(caseInterviews.agencyId, agencyId), eq(caseInterviews.caseId, caseId)))
    .orderBy(asc(caseInterviews.heldOn), asc(caseInterviews.id));
}

export async function insertSpotCheck(ex: Executor, values: typeof documentSpotChecks.$inferInsert) {
  return one(await ex.insert(documentSpotChecks).values(values).returning());
}

/** The spot checks of documents, oldest first. */
export async function listSpotChecks(
  ex: Executor,
  agencyId: string,
  kind: DocumentKind,
  documentIds: string[],
) {
  if (documentIds.length === 0) return [];
  return ex
    .select()
    .from(documentSpotChecks)
    .where(
      and(
        eq(documentSpotChecks.agencyId, agencyId),
        eq(documentSpotChecks.documentKind, kind),
        inArray(documentSpotChecks.documentId, documentIds),
      ),
    )
    .orderBy(asc(documentSpotChecks.checkedOn), asc(documentSpotChecks.id));
}

/** Per kind of document of the year: how many were sampled, how many checks, and the problems found. */
export async function spotCheckStats(ex: Executor, agencyId: string, year: number) {
  const rows = await ex
    .select({
      kind: documentSpotChecks.documentKind,
      sampled: countDistinct(documentSpotChecks.documentId),
      checks: sql<number>`count(*)`,
      problems: sql<number>`coalesce(sum(cardinality(${documentSpotChecks.problems})), 0)`,
      withProblems: sql<number>`count(distinct ${documentSpotChecks.documentId}) filter (where cardinality(${documentSpotChecks.problems}) > 0)`,
    })
    .from(documentSpotChecks)
    .where(and(eq(documentSpotChecks.agencyId, agencyId), eq(documentSpotChecks.documentYear, year)))
    .groupBy(documentSpotChecks.documentKind);
  const issued = async (table: typeof correctionOrders | typeof caseInterviews) => {
    const column = table === correctionOrders ? correctionOrders.issuedOn : caseInterviews.heldOn;
    const [row] = await ex
      .select({ n: sql<number>`count(*)` })
      .from(table)
      .where(
        and(eq(table.agencyId, agencyId), gte(column, `${year}-01-01`), lt(column, `${year + 1}-01-01`)),
      );
    return Number(row?.n ?? 0);
  };
  const of = (kind: DocumentKind) => {
    const r = rows.find((x) => x.kind === kind);
    return {
      sampled: Number(r?.sampled ?? 0),
      checks: Number(r?.checks ?? 0),
      withProblems: Number(r?.withProblems ?? 0),
      problems: Number(r?.problems ?? 0),
    };
  };
  return {
    correctionOrders: { issued: await issued(correctionOrders), ...of('correction_order') },
    interviews: { held: await issued(caseInterviews), ...of('interview') },
  };
}

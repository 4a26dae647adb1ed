import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { one } from '../../db/sql';
import { reconsiderations } from './reconsiderations.table';

export type ReconsiderationRow = typeof reconsiderations.$inferSelect;

export async function insertReconsideration(
  ex: Executor,
  values: typeof reconsiderations.$inferInsert,
): Promise<ReconsiderationRow> {
  return one(await ex.insert(reconsiderations).values(values).returning());
}

/** One application of the agency; `lock` holds it until the transaction ends. */
export async function findReconsideration(
  ex: Executor,
  agencyId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ReconsiderationRow | undefined> {
  const query = ex
    .select()
    .from(reconsiderations)
    .where(and(eq(reconsiderations.agencyId, agencyId), eq(reconsiderations.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function updateReconsideration(
  ex: Executor,
  row: Pick<ReconsiderationRow, 'agencyId' | 'id'>,
  changes: Partial<typeof reconsiderations.$inferInsert>,
  now: Date,
): Promise<ReconsiderationRow> {
  return one(
    await ex
      .update(reconsiderations)
      .set({ ...changes, version: sql`${reconsiderations.version} + 1`, updatedAt: now })
      .where(and(eq(reconsiderations.agencyId, row.agencyId), eq(reconsiderations.id, row.id)))
      .returning(),
  );
}

export interface ReconsiderationFilter {
  statuses?: readonly string[];
  /** The year of the application. */
  year?: number;
  caseId?: string;
  onTheSpotPenaltyId?: string;
}

/** Up to `limit` applications after `afterId`, by id (UUIDv7: the order they were recorded). */
export async function listReconsiderations(
  ex: Executor,
  agencyId: string,
  filter: ReconsiderationFilter,
  limit: number,
  afterId?: string,
): Promise<ReconsiderationRow[]> {
  return ex
    .select()
    .from(reconsiderations)
    .where(
      and(
        eq(reconsiderations.agencyId, agencyId),
        filter.statuses ? inArray(reconsiderations.status, [...filter.statuses]) : undefined,
        filter.caseId ? eq(reconsiderations.caseId, filter.caseId) : undefined,
        filter.onTheSpotPenaltyId
          ? eq(reconsiderations.onTheSpotPenaltyId, filter.onTheSpotPenaltyId)
          : undefined,
        filter.year !== undefined
          ? sql`extract(year from ${reconsiderations.appliedOn}) = ${filter.year}`
          : undefined,
        afterId ? gt(reconsiderations.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(reconsiderations.id))
    .limit(limit);
}

import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { one } from '../../db/sql';
import { reconsiderations } from '../reconsiderations/reconsiderations.table';
import { litigationHearings, litigations } from './litigations.table';

export type LitigationRow = typeof litigations.$inferSelect;
export type HearingRow = typeof litigationHearings.$inferSelect;
export type ReconsiderationRow = typeof reconsiderations.$inferSelect;

export async function insertLitigation(
  ex: Executor,
  values: typeof litigations.$inferInsert,
): Promise<LitigationRow> {
  return one(await ex.insert(litigations).values(values).returning());
}

/** One suit of the agency; `lock` holds it until the transaction ends. */
export async function findLitigation(
  ex: Executor,
  agencyId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<LitigationRow | undefined> {
  const query = ex
    .select()
    .from(litigations)
    .where(and(eq(litigations.agencyId, agencyId), eq(litigations.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function updateLitigation(
  ex: Executor,
  row: Pick<LitigationRow, 'agencyId' | 'id'>,
  changes: Partial<typeof litigations.$inferInsert>,
  now: Date,
): Promise<LitigationRow> {
  return one(
    await ex
      .update(litigations)
      .set({ ...changes, version: sql`${litigations.version} + 1`, updatedAt: now })
      .where(and(eq(litigations.agencyId, row.agencyId), eq(litigations.id, row.id)))
      .returning(),
  );
}

export async function findReconsideration(
  ex: Executor,
  agencyId: string,
  id: string,
): Promise<ReconsiderationRow | undefined> {
  const [row] = await ex
    .select()
    .from(reconsiderations)
    .where(and(eq(reconsiderations.agencyId, agencyId), eq(reconsiderations.id, id)));
  return row;
}

export async function insertHearing(
  ex: Executor,
  values: typeof litigationHearings.$inferInsert,
): Promise<HearingRow> {
  return one(await ex.insert(litigationHearings).values(values).returning());
}

export async function hearingsOf(
  ex: Executor,
  agencyId: string,
  litigationId: string,
): Promise<HearingRow[]> {
  return ex
    .select()
    .from(litigationHearings)
    .where(and(eq(litigationHearings.agencyId, agencyId), eq(litigationHearings.litigationId, litigationId)))
    .orderBy(asc(litigationHearings.heldOn), asc(litigationHearings.id));
}

export interface LitigationFilter {
  statuses?: readonly string[];
  /** The year the court filed the suit (立案). */
  year?: number;
  caseId?: string;
}

/** Up to `limit` suits after `afterId`, by id (UUIDv7: the order they were registered). */
export async function listLitigations(
  ex: Executor,
  agencyId: string,
  filter: LitigationFilter,
  limit: number,
  afterId?: string,
): Promise<LitigationRow[]> {
  return ex
    .select()
    .from(litigations)
    .where(
      and(
        eq(litigations.agencyId, agencyId),
        filter.statuses ? inArray(litigations.status, [...filter.statuses]) : undefined,
        filter.caseId ? eq(litigations.caseId, filter.caseId) : undefined,
        filter.year !== undefined
          ? sql`extract(year from ${litigations.filedOn}) = ${filter.year}`
          : undefined,
        afterId ? gt(litigations.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(litigations.id))
    .limit(limit);
}

/** Every suit filed in the year: the statistics' cohort (a bureau has a handful a year). */
export async function litigationsFiledIn(
  ex: Executor,
  agencyId: string,
  year: number,
): Promise<LitigationRow[]> {
  return ex
    .select()
    .from(litigations)
    .where(and(eq(litigations.agencyId, agencyId), sql`extract(year from ${litigations.filedOn}) = ${year}`))
    .orderBy(asc(litigations.id));
}

/** The hearings' figures of the year (庭审), by the day they were held. */
export async function hearingStats(ex: Executor, agencyId: string, year: number) {
  const [row] = await ex
    .select({
      hearings: sql<number>`count(*)`,
      attended: sql<number>`count(*) filter (where exists (select 1 from jsonb_array_elements(${litigationHearings.attendees}) a where a->>'role' in ('head', 'officer')))`,
      headAppearances: sql<number>`count(*) filter (where ${litigationHearings.headAppeared})`,
    })
    .from(litigationHearings)
    .where(
      and(
        eq(litigationHearings.agencyId, agencyId),
        sql`extract(year from ${litigationHearings.heldOn}) = ${year}`,
      ),
    );
  const n = (v: unknown) => Number(v ?? 0);
  return {
    hearings: n(row?.hearings),
    hearingsAttended: n(row?.attended),
    headAppearances: n(row?.headAppearances),
    hearingsWithoutHead: n(row?.hearings) - n(row?.headAppearances),
  };
}

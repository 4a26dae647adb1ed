import { and, asc, count, eq, gt, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { one } from '../../db/sql';
import { COMPULSORY_KINDS, EMERGENCY_APPROVAL_HOURS, type MeasureFlag } from '../../domain/cases/measures';
import { caseMeasures } from './cases.table';

export type MeasureRow = typeof caseMeasures.$inferSelect;

export async function insertMeasure(
  ex: Executor,
  values: typeof caseMeasures.$inferInsert,
): Promise<MeasureRow> {
  return one(await ex.insert(caseMeasures).values(values).returning());
}

/** One measure of the case; `lock` holds it until the transaction ends. */
export async function findMeasure(
  ex: Executor,
  agencyId: string,
  caseId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<MeasureRow | undefined> {
  const query = ex
    .select()
    .from(caseMeasures)
    .where(
      and(eq(caseMeasures.agencyId, agencyId), eq(caseMeasures.caseId, caseId), eq(caseMeasures.id, id)),
    );
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function updateMeasure(
  ex: Executor,
  row: Pick<MeasureRow, 'agencyId' | 'caseId' | 'id'>,
  changes: Partial<typeof caseMeasures.$inferInsert>,
  now: Date,
): Promise<MeasureRow> {
  return one(
    await ex
      .update(caseMeasures)
      .set({ ...changes, version: sql`${caseMeasures.version} + 1`, updatedAt: now })
      .where(
        and(
          eq(caseMeasures.agencyId, row.agencyId),
          eq(caseMeasures.caseId, row.caseId),
          eq(caseMeasures.id, row.id),
        ),
      )
      .returning(),
  );
}

/** The measures of a case, in the order they were taken. */
export async function listCaseMeasures(
  ex: Executor,
  agencyId: string,
  caseId: string,
): Promise<MeasureRow[]> {
  return ex
    .select()
    .from(caseMeasures)
    .where(and(eq(caseMeasures.agencyId, agencyId), eq(caseMeasures.caseId, caseId)))
    .orderBy(asc(caseMeasures.startedAt), asc(caseMeasures.id));
}

/**
 * A flag as SQL, at the instant `now`: the same test as measureFlags() in domain/cases/measures.ts
 * (the unit and API tests hold the two together).
 */
function flagCondition(flag: MeasureFlag, now: Date): SQL | undefined {
  switch (flag) {
    case 'NO_AUDIO_VIDEO_RECORD':
      return and(inArray(caseMeasures.kind, [...COMPULSORY_KINDS]), eq(caseMeasures.avRecorded, false));
    case 'EMERGENCY_APPROVAL_OVERDUE':
      return and(
        eq(caseMeasures.approval, 'emergency'),
        sql`coalesce(${caseMeasures.approvedAt}, ${now.toISOString()}::timestamptz) > ${caseMeasures.startedAt} + make_interval(hours => ${EMERGENCY_APPROVAL_HOURS})`,
      );
    case 'APPROVAL_REFUSED_NOT_RELEASED':
      return and(eq(caseMeasures.approvalResult, 'refused'), isNull(caseMeasures.endedOn));
  }
}

export interface MeasureFilter {
  kind?: MeasureRow['kind'];
  flag?: MeasureFlag;
  /** true: not yet released or handled; false: ended. */
  open?: boolean;
  caseId?: string;
}

function filterCondition(agencyId: string, filter: MeasureFilter, now: Date) {
  return and(
    eq(caseMeasures.agencyId, agencyId),
    filter.caseId ? eq(caseMeasures.caseId, filter.caseId) : undefined,
    filter.kind ? eq(caseMeasures.kind, filter.kind) : undefined,
    filter.flag ? flagCondition(filter.flag, now) : undefined,
    filter.open === undefined
      ? undefined
      : filter.open
        ? isNull(caseMeasures.endedOn)
        : isNotNull(caseMeasures.endedOn),
  );
}

/** The agency's measures matching the filter, a keyset page by id (UUIDv7: the order they were recorded). */
export async function listMeasures(
  ex: Executor,
  agencyId: string,
  filter: MeasureFilter,
  now: Date,
  limit: number,
  afterId?: string,
): Promise<MeasureRow[]> {
  return ex
    .select()
    .from(caseMeasures)
    .where(and(filterCondition(agencyId, filter, now), afterId ? gt(caseMeasures.id, afterId) : undefined))
    .orderBy(asc(caseMeasures.id))
    .limit(limit + 1);
}

export async function countMeasures(ex: Executor, agencyId: string, filter: MeasureFilter, now: Date) {
  const [row] = await ex
    .select({ n: count() })
    .from(caseMeasures)
    .where(filterCondition(agencyId, filter, now));
  return Number(row?.n ?? 0);
}

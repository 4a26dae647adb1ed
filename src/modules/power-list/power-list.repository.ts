/**
 * Queries of the power list (权责清单). An item's content lives in versions [validFrom, validTo);
 * the list "as of" a date is the versions whose interval covers it. Codes sort with the C collation,
 * so keyset pages come out the same on PostgreSQL and PGlite whatever the database locale.
 */
import {
  and,
  arrayContains,
  asc,
  count,
  countDistinct,
  desc,
  eq,
  getTableColumns,
  gt,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Executor } from '../../db/client';
import type { IsoDate } from '../../domain/calendar/dates';
import { containsPattern } from '../../domain/power-list/versions';
import { agencies, units } from '../agencies/agencies.table';
import { powerItems, powerItemVersions, powerListAdjustments, powerListChanges } from './power-list.table';

export type VersionRow = typeof powerItemVersions.$inferSelect;
export type AdjustmentRow = typeof powerListAdjustments.$inferSelect;
export type ChangeRow = typeof powerListChanges.$inferSelect;

/** A version with the dates its item came into force and (if it did) was cancelled or delegated. */
export type DatedVersionRow = VersionRow & { effectiveFrom: IsoDate; effectiveTo: IsoDate | null };

export type ItemStatusFilter = 'in_force' | 'cancelled' | 'all';

export interface ItemFilter {
  /** Chinese substring of name, sub-items or legal basis. */
  q?: string;
  category?: string;
  status?: ItemStatusFilter;
  unitId?: string;
  /** Exact law name. */
  law?: string;
  codes?: string[];
  itemIds?: string[];
}

/** Inserts in slices, keeping each statement well under PostgreSQL's 65,535 bind parameters. */
const SLICE = 500;
function slices<T>(rows: T[], size = SLICE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

const v = powerItemVersions;
const codeOrder = sql`${v.code} collate "C"`;

function coversDate(asOf: IsoDate): SQL | undefined {
  return and(lte(v.validFrom, asOf), or(isNull(v.validTo), gt(v.validTo, asOf)));
}

function filterConditions(filter: ItemFilter): (SQL | undefined)[] {
  const status = filter.status ?? 'in_force';
  return [
    status === 'all' ? undefined : eq(v.status, status),
    filter.category ? eq(v.category, filter.category) : undefined,
    filter.q ? sql`${v.searchText} ilike ${containsPattern(filter.q)} escape '\\'` : undefined,
    filter.law ? arrayContains(v.laws, [filter.law]) : undefined,
    filter.unitId ? sql`${v.unitIds} @> array[${filter.unitId}]::uuid[]` : undefined,
    filter.codes ? inArray(v.code, filter.codes) : undefined,
    filter.itemIds ? inArray(v.itemId, filter.itemIds) : undefined,
  ];
}

/**
 * The versions covering `asOf` that match the filter, by code; with `page`, one keyset page
 * (limit + 1 rows, after the given code).
 */
export async function versionsAsOf(
  ex: Executor,
  agencyId: string,
  asOf: IsoDate,
  filter: ItemFilter,
  page?: { limit: number; afterCode?: string },
): Promise<DatedVersionRow[]> {
  if (filter.codes?.length === 0 || filter.itemIds?.length === 0) return [];
  const query = ex
    .select()
    .from(v)
    .where(
      and(
        eq(v.agencyId, agencyId),
        coversDate(asOf),
        ...filterConditions(filter),
        page?.afterCode !== undefined ? sql`${codeOrder} > ${page.afterCode}` : undefined,
      ),
    )
    .orderBy(codeOrder);
  const rows = await (page ? query.limit(page.limit + 1) : query);
  const dates = await effectiveDates(
    ex,
    agencyId,
    rows.map((r) => r.itemId),
  );
  return rows.map((row) => ({
    ...row,
    ...(dates.get(row.itemId) ?? { effectiveFrom: row.validFrom, effectiveTo: null }),
  }));
}

/** Per item: the first day in force, and the first day of a cancelled version (取消 / 下放) if any. */
async function effectiveDates(ex: Executor, agencyId: string, itemIds: string[]) {
  const out = new Map<string, { effectiveFrom: IsoDate; effectiveTo: IsoDate | null }>();
  for (const slice of slices(itemIds, 5000)) {
    const rows = await ex
      .select({
        itemId: v.itemId,
        effectiveFrom: sql<IsoDate>`min(${v.validFrom})::text`,
        effectiveTo: sql<IsoDate | null>`(min(${v.validFrom}) filter (where ${v.status} = 'cancelled'))::text`,
      })
      .from(v)
      .where(and(eq(v.agencyId, agencyId), inArray(v.itemId, slice)))
      .groupBy(v.itemId);
    for (const { itemId, ...dates } of rows) out.set(itemId, dates);
  }
  return out;
}

/** Items in force on `asOf`, per category. */
export async function countsAsOf(ex: Executor, agencyId: string, asOf: IsoDate) {
  return ex
    .select({ category: v.category, count: count() })
    .from(v)
    .where(and(eq(v.agencyId, agencyId), coversDate(asOf), eq(v.status, 'in_force')))
    .groupBy(v.category);
}

export async function findItem(ex: Executor, agencyId: string, itemId: string) {
  const [row] = await ex
    .select()
    .from(powerItems)
    .where(and(eq(powerItems.agencyId, agencyId), eq(powerItems.id, itemId)));
  return row;
}

/** Every version of an item, oldest first, with the adjustment and change that made it. */
export async function itemHistory(ex: Executor, agencyId: string, itemId: string) {
  return ex
    .select({ version: v, adjustment: powerListAdjustments, change: powerListChanges })
    .from(v)
    .innerJoin(
      powerListAdjustments,
      and(eq(powerListAdjustments.agencyId, v.agencyId), eq(powerListAdjustments.id, v.adjustmentId)),
    )
    .innerJoin(
      powerListChanges,
      and(
        eq(powerListChanges.agencyId, v.agencyId),
        eq(powerListChanges.adjustmentId, v.adjustmentId),
        eq(powerListChanges.itemId, v.itemId),
      ),
    )
    .where(and(eq(v.agencyId, agencyId), eq(v.itemId, itemId)))
    .orderBy(asc(v.versionNo));
}

// ---------------------------------------------------------------------------------------------------
// What an adjustment needs to know, and what it writes

export async function listUnitFacts(ex: Executor, agencyId: string) {
  return ex
    .select({ id: units.id, name: units.name, status: units.status, dissolvedOn: units.dissolvedOn })
    .from(units)
    .where(eq(units.agencyId, agencyId));
}

export async function itemsWithCodes(ex: Executor, agencyId: string, codes: string[]) {
  if (codes.length === 0) return [];
  return ex
    .select({ id: powerItems.id, code: powerItems.code })
    .from(powerItems)
    .where(and(eq(powerItems.agencyId, agencyId), inArray(powerItems.code, codes)));
}

/**
 * Locks the items an adjustment changes, in id order (so two adjustments never wait on each other
 * in a cycle). Read their versions only after this: a concurrent adjustment's new versions are
 * then committed and visible.
 */
export async function lockItems(ex: Executor, agencyId: string, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return ex
    .select({ id: powerItems.id, code: powerItems.code })
    .from(powerItems)
    .where(and(eq(powerItems.agencyId, agencyId), inArray(powerItems.id, itemIds)))
    .orderBy(asc(powerItems.id))
    .for('update');
}

/** The latest version of each item. */
export async function latestVersions(
  ex: Executor,
  agencyId: string,
  itemIds: string[],
): Promise<VersionRow[]> {
  if (itemIds.length === 0) return [];
  return ex
    .selectDistinctOn([v.itemId])
    .from(v)
    .where(and(eq(v.agencyId, agencyId), inArray(v.itemId, itemIds)))
    .orderBy(v.itemId, desc(v.versionNo));
}

export async function insertAdjustment(ex: Executor, values: typeof powerListAdjustments.$inferInsert) {
  const [row] = await ex.insert(powerListAdjustments).values(values).returning();
  if (!row) throw new Error('adjustment insert returned no row');
  return row;
}

export async function insertItems(ex: Executor, rows: (typeof powerItems.$inferInsert)[]) {
  for (const slice of slices(rows)) await ex.insert(powerItems).values(slice);
}

/** Ends the open versions of the items at `effectiveOn` (exclusive). */
export async function closeVersions(ex: Executor, agencyId: string, itemIds: string[], effectiveOn: IsoDate) {
  for (const slice of slices(itemIds)) {
    await ex
      .update(v)
      .set({ validTo: effectiveOn })
      .where(and(eq(v.agencyId, agencyId), inArray(v.itemId, slice), isNull(v.validTo)));
  }
}

export async function insertVersions(ex: Executor, rows: (typeof powerItemVersions.$inferInsert)[]) {
  for (const slice of slices(rows)) await ex.insert(v).values(slice);
}

export async function insertChanges(ex: Executor, rows: (typeof powerListChanges.$inferInsert)[]) {
  for (const slice of slices(rows)) await ex.insert(powerListChanges).values(slice);
}

// ---------------------------------------------------------------------------------------------------
// Adjustments

const a = powerListAdjustments;
const changeCount = sql<number>`count(${powerListChanges.seq})::int`.mapWith(Number);

/** Adjustments with the number of their changes. */
function adjustmentsWithCounts(ex: Executor) {
  return ex
    .select({ ...getTableColumns(a), changeCount })
    .from(a)
    .leftJoin(
      powerListChanges,
      and(eq(powerListChanges.agencyId, a.agencyId), eq(powerListChanges.adjustmentId, a.id)),
    )
    .groupBy(a.agencyId, a.id)
    .$dynamic();
}

function inYear(year: number | undefined): SQL | undefined {
  if (year === undefined) return undefined;
  return and(gte(a.effectiveOn, `${year}-01-01`), lt(a.effectiveOn, `${year + 1}-01-01`));
}

/** Keyset page by (effectiveOn, id): the adjustments in the order they took effect. */
export async function listAdjustments(
  ex: Executor,
  agencyId: string,
  filter: { year?: number },
  limit: number,
  after?: { effectiveOn: IsoDate; id: string },
) {
  return adjustmentsWithCounts(ex)
    .where(
      and(
        eq(a.agencyId, agencyId),
        inYear(filter.year),
        after
          ? or(
              gt(a.effectiveOn, after.effectiveOn),
              and(eq(a.effectiveOn, after.effectiveOn), gt(a.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(a.effectiveOn), asc(a.id))
    .limit(limit + 1);
}

export async function findAdjustment(ex: Executor, agencyId: string, id: string) {
  const [row] = await adjustmentsWithCounts(ex).where(and(eq(a.agencyId, agencyId), eq(a.id, id)));
  return row;
}

/** The changes of an adjustment in order, with the code and name of the version each made. */
export async function adjustmentChanges(ex: Executor, agencyId: string, adjustmentId: string) {
  return ex
    .select({ change: powerListChanges, code: v.code, name: v.name })
    .from(powerListChanges)
    .innerJoin(
      v,
      and(
        eq(v.agencyId, powerListChanges.agencyId),
        eq(v.adjustmentId, powerListChanges.adjustmentId),
        eq(v.itemId, powerListChanges.itemId),
      ),
    )
    .where(and(eq(powerListChanges.agencyId, agencyId), eq(powerListChanges.adjustmentId, adjustmentId)))
    .orderBy(asc(powerListChanges.seq));
}

/** A year's adjustments other than those of the given triggers: their laws and changes. */
export async function adjustmentYear(ex: Executor, agencyId: string, year: number, excludeTrigger: string) {
  const scope = and(eq(a.agencyId, agencyId), inYear(year), ne(a.trigger, excludeTrigger));
  const adjustments = await ex.select({ id: a.id, laws: a.laws }).from(a).where(scope);
  const changes = await ex
    .select({ changeType: powerListChanges.changeType, changes: count() })
    .from(powerListChanges)
    .innerJoin(a, and(eq(a.agencyId, powerListChanges.agencyId), eq(a.id, powerListChanges.adjustmentId)))
    .where(scope)
    .groupBy(powerListChanges.changeType);
  const [items] = await ex
    .select({ items: countDistinct(powerListChanges.itemId) })
    .from(powerListChanges)
    .innerJoin(a, and(eq(a.agencyId, powerListChanges.agencyId), eq(a.id, powerListChanges.adjustmentId)))
    .where(scope);
  const contents = await ex
    .select({ before: powerListChanges.before, after: powerListChanges.after })
    .from(powerListChanges)
    .innerJoin(a, and(eq(a.agencyId, powerListChanges.agencyId), eq(a.id, powerListChanges.adjustmentId)))
    .where(scope);
  return { adjustments, changes, itemsChanged: items?.items ?? 0, contents };
}

/**
 * Whether the agency already has an adjustment. Locks the agency row first, so two first imports
 * cannot both believe they are the first.
 */
export async function hasAdjustments(ex: Executor, agencyId: string): Promise<boolean> {
  await ex.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId)).for('update');
  const [any] = await ex
    .select({ id: powerListAdjustments.id })
    .from(powerListAdjustments)
    .where(eq(powerListAdjustments.agencyId, agencyId))
    .limit(1);
  return any !== undefined;
}

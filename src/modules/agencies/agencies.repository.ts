import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { one } from '../../db/sql';
import { agencies, units } from './agencies.table';

export type AgencyRow = typeof agencies.$inferSelect;
export type UnitRow = typeof units.$inferSelect;

export async function insertAgency(ex: Executor, values: typeof agencies.$inferInsert): Promise<AgencyRow> {
  return one(await ex.insert(agencies).values(values).returning());
}

export async function findAgency(ex: Executor, id: string): Promise<AgencyRow | undefined> {
  const [row] = await ex.select().from(agencies).where(eq(agencies.id, id));
  return row;
}

export async function findAgencyByRegionAndName(ex: Executor, regionCode: string, name: string) {
  const [row] = await ex
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.regionCode, regionCode), eq(agencies.name, name)));
  return row;
}

/** Keyset page ordered by id (UUIDv7, so creation order). */
export async function listAgencies(
  ex: Executor,
  limit: number,
  afterId?: string,
  onlyId?: string,
): Promise<AgencyRow[]> {
  return ex
    .select()
    .from(agencies)
    .where(and(afterId ? gt(agencies.id, afterId) : undefined, onlyId ? eq(agencies.id, onlyId) : undefined))
    .orderBy(asc(agencies.id))
    .limit(limit + 1);
}

/** Applies the change only when the stored version is one the caller saw; undefined otherwise. */
export async function updateAgency(
  ex: Executor,
  id: string,
  versions: number[],
  changes: Partial<Pick<AgencyRow, 'name' | 'code' | 'regionCode' | 'province'>>,
  now: Date,
): Promise<AgencyRow | undefined> {
  const [row] = await ex
    .update(agencies)
    .set({ ...changes, version: sql`${agencies.version} + 1`, updatedAt: now })
    .where(and(eq(agencies.id, id), inArray(agencies.version, versions)))
    .returning();
  return row;
}

export async function insertUnit(ex: Executor, values: typeof units.$inferInsert): Promise<UnitRow> {
  return one(await ex.insert(units).values(values).returning());
}

export async function findUnit(ex: Executor, agencyId: string, id: string): Promise<UnitRow | undefined> {
  const [row] = await ex
    .select()
    .from(units)
    .where(and(eq(units.agencyId, agencyId), eq(units.id, id)));
  return row;
}

export async function findUnitByName(ex: Executor, agencyId: string, name: string) {
  const [row] = await ex
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.agencyId, agencyId), eq(units.name, name)));
  return row;
}

export async function listUnits(
  ex: Executor,
  agencyId: string,
  filter: { status?: UnitRow['status'] },
  limit: number,
  afterId?: string,
): Promise<UnitRow[]> {
  return ex
    .select()
    .from(units)
    .where(
      and(
        eq(units.agencyId, agencyId),
        filter.status ? eq(units.status, filter.status) : undefined,
        afterId ? gt(units.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(units.id))
    .limit(limit + 1);
}

export async function updateUnit(
  ex: Executor,
  agencyId: string,
  id: string,
  versions: number[],
  changes: Partial<Pick<UnitRow, 'name' | 'kind' | 'status' | 'dissolvedOn'>>,
  now: Date,
): Promise<UnitRow | undefined> {
  const [row] = await ex
    .update(units)
    .set({ ...changes, version: sql`${units.version} + 1`, updatedAt: now })
    .where(and(eq(units.agencyId, agencyId), eq(units.id, id), inArray(units.version, versions)))
    .returning();
  return row;
}

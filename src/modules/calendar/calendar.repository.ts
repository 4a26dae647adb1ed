import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { one } from '../../db/sql';
import type { CalendarEntry } from '../../domain/calendar/working-calendar';
import { calendarChanges, calendarDays, calendarNotices, calendarState } from './calendar.table';

export type NoticeRow = typeof calendarNotices.$inferSelect;
export type CalendarDayRow = typeof calendarDays.$inferSelect;

export async function currentVersion(ex: Executor): Promise<number> {
  const [row] = await ex.select({ version: calendarState.version }).from(calendarState);
  return row?.version ?? 0;
}

export async function allEntries(ex: Executor): Promise<CalendarEntry[]> {
  return ex
    .select({
      scope: calendarDays.scope,
      date: calendarDays.date,
      kind: calendarDays.kind,
      name: calendarDays.name,
      source: calendarDays.source,
    })
    .from(calendarDays);
}

export async function listNotices(ex: Executor): Promise<NoticeRow[]> {
  return ex.select().from(calendarNotices).orderBy(asc(calendarNotices.year), asc(calendarNotices.scope));
}

export async function findNotice(ex: Executor, scope: string, year: number): Promise<NoticeRow | undefined> {
  const [row] = await ex
    .select()
    .from(calendarNotices)
    .where(and(eq(calendarNotices.scope, scope), eq(calendarNotices.year, year)));
  return row;
}

export async function insertNotice(
  ex: Executor,
  values: typeof calendarNotices.$inferInsert,
): Promise<NoticeRow> {
  return one(await ex.insert(calendarNotices).values(values).returning());
}

export async function findDays(ex: Executor, scope: string, dates: string[]): Promise<CalendarDayRow[]> {
  if (dates.length === 0) return [];
  return ex
    .select()
    .from(calendarDays)
    .where(and(eq(calendarDays.scope, scope), inArray(calendarDays.date, dates)));
}

export async function insertDays(
  ex: Executor,
  rows: (typeof calendarDays.$inferInsert)[],
): Promise<CalendarDayRow[]> {
  if (rows.length === 0) return [];
  return ex.insert(calendarDays).values(rows).returning();
}

export async function deleteDay(
  ex: Executor,
  scope: string,
  date: string,
): Promise<CalendarDayRow | undefined> {
  const [row] = await ex
    .delete(calendarDays)
    .where(and(eq(calendarDays.scope, scope), eq(calendarDays.date, date)))
    .returning();
  return row;
}

/** The current version, locked until the transaction ends: edits queue behind each other. */
export async function lockVersion(ex: Executor): Promise<number> {
  const [row] = await ex.select({ version: calendarState.version }).from(calendarState).for('update');
  return row?.version ?? 0;
}

/**
 * Takes the next calendar version (locking the version row until the transaction ends) and
 * records the edit under it.
 */
export async function recordChange(
  ex: Executor,
  change: (typeof calendarChanges.$inferInsert)['change'],
  scope: string,
  detail: Record<string, unknown>,
  now: Date,
): Promise<number> {
  const [state] = await ex
    .insert(calendarState)
    .values({ singleton: true, version: 1 })
    .onConflictDoUpdate({
      target: calendarState.singleton,
      set: { version: sql`${calendarState.version} + 1` },
    })
    .returning({ version: calendarState.version });
  if (!state) throw new Error('calendar version upsert returned no row');
  await ex.insert(calendarChanges).values({ version: state.version, change, scope, detail, changedAt: now });
  return state.version;
}

/** Newest first; keyset on version. */
export async function listChanges(ex: Executor, limit: number, beforeVersion?: number) {
  return ex
    .select()
    .from(calendarChanges)
    .where(beforeVersion !== undefined ? lt(calendarChanges.version, beforeVersion) : undefined)
    .orderBy(desc(calendarChanges.version))
    .limit(limit + 1);
}

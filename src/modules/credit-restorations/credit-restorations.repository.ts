import { and, asc, eq, gt, gte, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { one } from '../../db/sql';
import type { IsoDate } from '../../domain/calendar/dates';
import { caseParties, cases } from '../cases/cases.table';
import { powerItemVersions } from '../power-list/power-list.table';
import { publications } from '../publications/publications.table';
import { creditListEntries, creditRestorations } from './credit-restorations.table';

export type ListEntryRow = typeof creditListEntries.$inferSelect;
export type RestorationRow = typeof creditRestorations.$inferSelect;
export type PublicationRow = typeof publications.$inferSelect;

// ---------------------------------------------------------------------------------------------------
// The registers (经营异常名录, 严重违法失信名单)

export async function insertListEntry(
  ex: Executor,
  values: typeof creditListEntries.$inferInsert,
): Promise<ListEntryRow> {
  return one(await ex.insert(creditListEntries).values(values).returning());
}

export async function findListEntry(
  ex: Executor,
  agencyId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ListEntryRow | undefined> {
  const query = ex
    .select()
    .from(creditListEntries)
    .where(and(eq(creditListEntries.agencyId, agencyId), eq(creditListEntries.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function updateListEntry(
  ex: Executor,
  row: Pick<ListEntryRow, 'agencyId' | 'id'>,
  changes: Partial<typeof creditListEntries.$inferInsert>,
  now: Date,
): Promise<ListEntryRow> {
  return one(
    await ex
      .update(creditListEntries)
      .set({ ...changes, version: sql`${creditListEntries.version} + 1`, updatedAt: now })
      .where(and(eq(creditListEntries.agencyId, row.agencyId), eq(creditListEntries.id, row.id)))
      .returning(),
  );
}

export interface ListEntryFilter {
  list?: 'abnormal_operation' | 'serious_violation';
  creditCode?: string;
  /** true: not removed; false: removed. */
  active?: boolean;
}

export async function listListEntries(
  ex: Executor,
  agencyId: string,
  filter: ListEntryFilter,
  limit: number,
  afterId?: string,
): Promise<ListEntryRow[]> {
  return ex
    .select()
    .from(creditListEntries)
    .where(
      and(
        eq(creditListEntries.agencyId, agencyId),
        filter.list ? eq(creditListEntries.list, filter.list) : undefined,
        filter.creditCode ? eq(creditListEntries.creditCode, filter.creditCode) : undefined,
        filter.active === undefined
          ? undefined
          : filter.active
            ? isNull(creditListEntries.removedOn)
            : sql`${creditListEntries.removedOn} is not null`,
        afterId ? gt(creditListEntries.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(creditListEntries.id))
    .limit(limit);
}

/**
 * The lists the entity is on, on a date, whoever listed it: the registers are national (an entity on another
 * bureau's abnormal-operation list is on the list), so this reads every agency's entries, and tells only which
 * lists.
 */
export async function listsOn(ex: Executor, creditCode: string, on: IsoDate): Promise<Set<string>> {
  const rows = await ex
    .select({ list: creditListEntries.list })
    .from(creditListEntries)
    .where(
      and(
        eq(creditListEntries.creditCode, creditCode),
        lte(creditListEntries.listedOn, on),
        sql`(${creditListEntries.removedOn} is null or ${creditListEntries.removedOn} > ${on})`,
      ),
    );
  return new Set(rows.map((r) => r.list));
}

// ---------------------------------------------------------------------------------------------------
// Publications (read and updated for the restoration's effect; the publicity module owns them)

export async function findPublication(
  ex: Executor,
  agencyId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<PublicationRow | undefined> {
  const query = ex
    .select()
    .from(publications)
    .where(and(eq(publications.agencyId, agencyId), eq(publications.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function updatePublication(
  ex: Executor,
  row: Pick<PublicationRow, 'agencyId' | 'id'>,
  changes: Partial<typeof publications.$inferInsert>,
  now: Date,
): Promise<PublicationRow> {
  return one(
    await ex
      .update(publications)
      .set({ ...changes, version: sql`${publications.version} + 1`, updatedAt: now })
      .where(and(eq(publications.agencyId, row.agencyId), eq(publications.id, row.id)))
      .returning(),
  );
}

/** The laws of the power item's version in force on the date (power_item_versions.laws). */
export async function powerItemLaws(
  ex: Executor,
  agencyId: string,
  itemId: string,
  on: IsoDate,
): Promise<string[]> {
  const [row] = await ex
    .select({ laws: powerItemVersions.laws })
    .from(powerItemVersions)
    .where(
      and(
        eq(powerItemVersions.agencyId, agencyId),
        eq(powerItemVersions.itemId, itemId),
        lte(powerItemVersions.validFrom, on),
        sql`(${powerItemVersions.validTo} is null or ${powerItemVersions.validTo} > ${on})`,
      ),
    )
    .limit(1);
  return row?.laws ?? [];
}

/**
 * Penalty decisions of the agency against a party with the credit code, decided after `after` and not after
 * `until` (the decision numbers), optionally for the same power item and other than one case.
 */
export async function penaltiesAgainst(
  ex: Executor,
  agencyId: string,
  creditCode: string,
  range: { after: IsoDate; until: IsoDate },
  options: { powerItemId?: string | null; exceptCaseId?: string } = {},
): Promise<string[]> {
  const rows = await ex
    .selectDistinct({ number: cases.decisionNumber, decidedOn: cases.decidedOn })
    .from(cases)
    .innerJoin(caseParties, and(eq(caseParties.agencyId, cases.agencyId), eq(caseParties.caseId, cases.id)))
    .where(
      and(
        eq(cases.agencyId, agencyId),
        eq(caseParties.creditCode, creditCode),
        gt(cases.decidedOn, range.after),
        lte(cases.decidedOn, range.until),
        sql`${cases.decision}->>'kind' = 'penalty'`,
        options.powerItemId ? eq(cases.powerItemId, options.powerItemId) : undefined,
        options.exceptCaseId ? ne(cases.id, options.exceptCaseId) : undefined,
      ),
    )
    .orderBy(asc(cases.decidedOn));
  return rows.map((r) => r.number ?? '(no number)');
}

// ---------------------------------------------------------------------------------------------------
// Restoration applications

export async function insertRestoration(
  ex: Executor,
  values: typeof creditRestorations.$inferInsert,
): Promise<RestorationRow> {
  return one(await ex.insert(creditRestorations).values(values).returning());
}

export async function findRestoration(
  ex: Executor,
  agencyId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<RestorationRow | undefined> {
  const query = ex
    .select()
    .from(creditRestorations)
    .where(and(eq(creditRestorations.agencyId, agencyId), eq(creditRestorations.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function updateRestoration(
  ex: Executor,
  row: Pick<RestorationRow, 'agencyId' | 'id'>,
  changes: Partial<typeof creditRestorations.$inferInsert>,
  now: Date,
): Promise<RestorationRow> {
  return one(
    await ex
      .update(creditRestorations)
      .set({ ...changes, version: sql`${creditRestorations.version} + 1`, updatedAt: now })
      .where(and(eq(creditRestorations.agencyId, row.agencyId), eq(creditRestorations.id, row.id)))
      .returning(),
  );
}

export interface RestorationFilter {
  kinds?: readonly string[];
  statuses?: readonly string[];
  /** The year of submission. */
  year?: number;
}

export async function listRestorations(
  ex: Executor,
  agencyId: string,
  filter: RestorationFilter,
  limit: number,
  afterId?: string,
): Promise<RestorationRow[]> {
  return ex
    .select()
    .from(creditRestorations)
    .where(
      and(
        eq(creditRestorations.agencyId, agencyId),
        filter.kinds
          ? inArray(creditRestorations.kind, [...filter.kinds] as RestorationRow['kind'][])
          : undefined,
        filter.statuses ? inArray(creditRestorations.status, [...filter.statuses]) : undefined,
        filter.year !== undefined
          ? and(
              gte(creditRestorations.submittedOn, `${filter.year}-01-01`),
              lte(creditRestorations.submittedOn, `${filter.year}-12-31`),
            )
          : undefined,
        afterId ? gt(creditRestorations.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(creditRestorations.id))
    .limit(limit);
}

/** The year's counts, in SQL (thousands of completed restorations a year). */
export async function restorationCounts(ex: Executor, agencyId: string, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const r = creditRestorations;
  const inYear = (column: typeof r.decidedOn | typeof r.submittedOn | typeof r.revokedOn) =>
    sql`${column} between ${from} and ${to}`;
  const [row] = await ex
    .select({
      stopPublicity:
        sql<number>`count(*) filter (where ${r.status} = 'approved' and ${r.kind} = 'stop_publicity' and ${inYear(r.decidedOn)})`.mapWith(
          Number,
        ),
      abnormalListRemoval:
        sql<number>`count(*) filter (where ${r.status} = 'approved' and ${r.kind} = 'abnormal_list_removal' and ${inYear(r.decidedOn)})`.mapWith(
          Number,
        ),
      seriousListEarlyRemoval:
        sql<number>`count(*) filter (where ${r.status} = 'approved' and ${r.kind} = 'serious_list_early_removal' and ${inYear(r.decidedOn)})`.mapWith(
          Number,
        ),
      submitted: sql<number>`count(*) filter (where ${inYear(r.submittedOn)})`.mapWith(Number),
      notAccepted:
        sql<number>`count(*) filter (where ${r.status} = 'not_accepted' and ${inYear(r.decidedOn)})`.mapWith(
          Number,
        ),
      refused:
        sql<number>`count(*) filter (where ${r.status} = 'refused' and ${inYear(r.decidedOn)})`.mapWith(
          Number,
        ),
      revoked:
        sql<number>`count(*) filter (where ${r.status} = 'revoked' and ${inYear(r.revokedOn)})`.mapWith(
          Number,
        ),
    })
    .from(r)
    .where(eq(r.agencyId, agencyId));
  return (
    row ?? {
      stopPublicity: 0,
      abnormalListRemoval: 0,
      seriousListEarlyRemoval: 0,
      submitted: 0,
      notAccepted: 0,
      refused: 0,
      revoked: 0,
    }
  );
}

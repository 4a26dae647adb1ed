import { and, asc, count, eq, gt, gte, inArray, isNull, lte, max, notInArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { one } from '../../db/sql';
import { FINAL_STAGES } from '../../domain/cases/case-model';
import { containsPattern } from '../../domain/power-list/versions';
import { officers } from '../officers/officers.table';
import {
  caseEvents,
  caseEvidence,
  caseMeasures,
  caseOfficers,
  caseParties,
  casePauses,
  cases,
} from './cases.table';

export type CaseRow = typeof cases.$inferSelect;
export type PartyRow = typeof caseParties.$inferSelect;
export type EventRow = typeof caseEvents.$inferSelect;
export type PauseRow = typeof casePauses.$inferSelect;

export async function insertCase(ex: Executor, values: typeof cases.$inferInsert): Promise<CaseRow> {
  return one(await ex.insert(cases).values(values).returning());
}

/** One case of the agency; `lock` holds it until the transaction ends, so its steps happen one at a time. */
export async function findCase(ex: Executor, agencyId: string, id: string, options: { lock?: boolean } = {}) {
  const query = ex
    .select()
    .from(cases)
    .where(and(eq(cases.agencyId, agencyId), eq(cases.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function updateCase(
  ex: Executor,
  agencyId: string,
  id: string,
  changes: Partial<typeof cases.$inferInsert>,
  now: Date,
): Promise<CaseRow> {
  return one(
    await ex
      .update(cases)
      .set({ ...changes, version: sql`${cases.version} + 1`, updatedAt: now })
      .where(and(eq(cases.agencyId, agencyId), eq(cases.id, id)))
      .returning(),
  );
}

/** What GET /v1/cases filters on in SQL (the overdue filter is computed on read, in the service). */
export interface CaseFilter {
  stages?: readonly string[];
  unitId?: string;
  /** An officer assigned to the case (承办人员). */
  officerId?: string;
  /** A substring of a party's name: ILIKE, served by the pg_trgm index on case_parties.name. */
  partyName?: string;
  /** A party's exact unified social credit code. */
  partyCreditCode?: string;
  powerItemId?: string;
  /** Filing date range, inclusive; leads (not filed) never match. */
  filedFrom?: string;
  filedTo?: string;
  major?: boolean;
  /**
   * Only cases that can have a clock running past its due date: open ones (a final stage completes
   * every clock of the case), and any with a compulsory measure still in force (its own clock runs on).
   */
  mayBeOverdue?: boolean;
}

/**
 * Up to `count` cases of the agency matching the filter, by id (UUIDv7: oldest first), after
 * `afterId`. Party and officer filters are semi-joins, so a case with two matching parties is
 * still one row and keyset pagination on id stays exact.
 */
export async function listCases(
  ex: Executor,
  agencyId: string,
  filter: CaseFilter,
  count: number,
  afterId?: string,
): Promise<CaseRow[]> {
  if (filter.stages?.length === 0) return [];
  const party =
    filter.partyName !== undefined || filter.partyCreditCode !== undefined
      ? inArray(
          cases.id,
          ex
            .select({ id: caseParties.caseId })
            .from(caseParties)
            .where(
              and(
                eq(caseParties.agencyId, agencyId),
                filter.partyName !== undefined
                  ? sql`${caseParties.name} ilike ${containsPattern(filter.partyName)} escape '\\'`
                  : undefined,
                filter.partyCreditCode !== undefined
                  ? eq(caseParties.creditCode, filter.partyCreditCode)
                  : undefined,
              ),
            ),
        )
      : undefined;
  const officer = filter.officerId
    ? inArray(
        cases.id,
        ex
          .select({ id: caseOfficers.caseId })
          .from(caseOfficers)
          .where(and(eq(caseOfficers.agencyId, agencyId), eq(caseOfficers.officerId, filter.officerId))),
      )
    : undefined;
  return ex
    .select()
    .from(cases)
    .where(
      and(
        eq(cases.agencyId, agencyId),
        filter.stages ? inArray(cases.stage, [...filter.stages]) : undefined,
        filter.unitId ? eq(cases.unitId, filter.unitId) : undefined,
        filter.powerItemId ? eq(cases.powerItemId, filter.powerItemId) : undefined,
        filter.filedFrom ? gte(cases.filedOn, filter.filedFrom) : undefined,
        filter.filedTo ? lte(cases.filedOn, filter.filedTo) : undefined,
        filter.major !== undefined ? eq(cases.major, filter.major) : undefined,
        filter.mayBeOverdue
          ? or(
              notInArray(cases.stage, [...FINAL_STAGES]),
              inArray(
                cases.id,
                ex
                  .select({ id: caseMeasures.caseId })
                  .from(caseMeasures)
                  .where(and(eq(caseMeasures.agencyId, agencyId), isNull(caseMeasures.endedOn))),
              ),
            )
          : undefined,
        party,
        officer,
        afterId ? gt(cases.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(cases.id))
    .limit(count);
}

// Bulk reads for a page of cases (GET /v1/cases), one query per table instead of one per case.

export async function listPartiesOf(ex: Executor, agencyId: string, caseIds: string[]): Promise<PartyRow[]> {
  if (caseIds.length === 0) return [];
  return ex
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.agencyId, agencyId), inArray(caseParties.caseId, caseIds)))
    .orderBy(asc(caseParties.caseId), asc(caseParties.id));
}

export async function listCaseOfficersOf(ex: Executor, agencyId: string, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return ex
    .select({
      caseId: caseOfficers.caseId,
      id: caseOfficers.officerId,
      name: officers.name,
      assignedOn: caseOfficers.assignedOn,
    })
    .from(caseOfficers)
    .innerJoin(
      officers,
      and(eq(officers.agencyId, caseOfficers.agencyId), eq(officers.id, caseOfficers.officerId)),
    )
    .where(and(eq(caseOfficers.agencyId, agencyId), inArray(caseOfficers.caseId, caseIds)))
    .orderBy(asc(caseOfficers.caseId), asc(caseOfficers.assignedOn), asc(caseOfficers.officerId));
}

export async function countEvidenceOf(
  ex: Executor,
  agencyId: string,
  caseIds: string[],
): Promise<Map<string, number>> {
  if (caseIds.length === 0) return new Map();
  const rows = await ex
    .select({ caseId: caseEvidence.caseId, n: count() })
    .from(caseEvidence)
    .where(and(eq(caseEvidence.agencyId, agencyId), inArray(caseEvidence.caseId, caseIds)))
    .groupBy(caseEvidence.caseId);
  return new Map(rows.map((r) => [r.caseId, Number(r.n)]));
}

/** Of these cases, those with a compulsory measure still in force (not ended). */
export async function casesWithOpenMeasures(
  ex: Executor,
  agencyId: string,
  caseIds: string[],
): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await ex
    .selectDistinct({ caseId: caseMeasures.caseId })
    .from(caseMeasures)
    .where(
      and(
        eq(caseMeasures.agencyId, agencyId),
        inArray(caseMeasures.caseId, caseIds),
        isNull(caseMeasures.endedOn),
      ),
    );
  return new Set(rows.map((r) => r.caseId));
}

export async function listEventsOf(ex: Executor, agencyId: string, caseIds: string[]): Promise<EventRow[]> {
  if (caseIds.length === 0) return [];
  return ex
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.agencyId, agencyId), inArray(caseEvents.caseId, caseIds)))
    .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq));
}

export async function listPausesOf(ex: Executor, agencyId: string, caseIds: string[]): Promise<PauseRow[]> {
  if (caseIds.length === 0) return [];
  return ex
    .select()
    .from(casePauses)
    .where(and(eq(casePauses.agencyId, agencyId), inArray(casePauses.caseId, caseIds)))
    .orderBy(asc(casePauses.caseId), asc(casePauses.seq));
}

export async function insertParties(
  ex: Executor,
  rows: (typeof caseParties.$inferInsert)[],
): Promise<PartyRow[]> {
  if (rows.length === 0) return [];
  return ex.insert(caseParties).values(rows).returning();
}

export async function listParties(ex: Executor, agencyId: string, caseId: string): Promise<PartyRow[]> {
  return ex
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.agencyId, agencyId), eq(caseParties.caseId, caseId)))
    .orderBy(asc(caseParties.id));
}

export async function assignOfficers(
  ex: Executor,
  agencyId: string,
  caseId: string,
  officerIds: string[],
  on: string,
) {
  if (officerIds.length === 0) return;
  await ex
    .insert(caseOfficers)
    .values(officerIds.map((officerId) => ({ agencyId, caseId, officerId, assignedOn: on })))
    .onConflictDoNothing();
}

export async function listCaseOfficers(ex: Executor, agencyId: string, caseId: string) {
  return ex
    .select({ id: caseOfficers.officerId, name: officers.name, assignedOn: caseOfficers.assignedOn })
    .from(caseOfficers)
    .innerJoin(
      officers,
      and(eq(officers.agencyId, caseOfficers.agencyId), eq(officers.id, caseOfficers.officerId)),
    )
    .where(and(eq(caseOfficers.agencyId, agencyId), eq(caseOfficers.caseId, caseId)))
    .orderBy(asc(caseOfficers.assignedOn), asc(caseOfficers.officerId));
}

export async function countEvidence(ex: Executor, agencyId: string, caseId: string): Promise<number> {
  const [row] = await ex
    .select({ n: count() })
    .from(caseEvidence)
    .where(and(eq(caseEvidence.agencyId, agencyId), eq(caseEvidence.caseId, caseId)));
  return Number(row?.n ?? 0);
}

export async function listEvents(ex: Executor, agencyId: string, caseId: string): Promise<EventRow[]> {
  return ex
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.agencyId, agencyId), eq(caseEvents.caseId, caseId)))
    .orderBy(asc(caseEvents.seq));
}

/** Appends a step; the caller holds the case lock, so sequence numbers cannot collide. */
export async function appendEvent(
  ex: Executor,
  values: Omit<typeof caseEvents.$inferInsert, 'seq'>,
): Promise<EventRow> {
  const [last] = await ex
    .select({ seq: max(caseEvents.seq) })
    .from(caseEvents)
    .where(and(eq(caseEvents.agencyId, values.agencyId), eq(caseEvents.caseId, values.caseId)));
  return one(
    await ex
      .insert(caseEvents)
      .values({ ...values, seq: (last?.seq ?? 0) + 1 })
      .returning(),
  );
}

export async function listPauses(ex: Executor, agencyId: string, caseId: string): Promise<PauseRow[]> {
  return ex
    .select()
    .from(casePauses)
    .where(and(eq(casePauses.agencyId, agencyId), eq(casePauses.caseId, caseId)))
    .orderBy(asc(casePauses.seq));
}

export async function openPause(
  ex: Executor,
  values: { agencyId: string; caseId: string; kind: PauseRow['kind']; fromDate: string; reason: string },
) {
  const [last] = await ex
    .select({ seq: max(casePauses.seq) })
    .from(casePauses)
    .where(and(eq(casePauses.agencyId, values.agencyId), eq(casePauses.caseId, values.caseId)));
  await ex.insert(casePauses).values({ ...values, seq: (last?.seq ?? 0) + 1 });
}

/** Ends the open pauses of a kind (or all kinds) on `toDate` (inclusive). */
export async function closePauses(
  ex: Executor,
  agencyId: string,
  caseId: string,
  toDate: string,
  kind?: PauseRow['kind'],
) {
  await ex
    .update(casePauses)
    .set({ toDate: sql`greatest(${casePauses.fromDate}, ${toDate}::date)` })
    .where(
      and(
        eq(casePauses.agencyId, agencyId),
        eq(casePauses.caseId, caseId),
        isNull(casePauses.toDate),
        kind ? eq(casePauses.kind, kind) : undefined,
      ),
    );
}

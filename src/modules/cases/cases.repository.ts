import { and, asc, count, eq, gt, isNull, max, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { one } from '../../db/sql';
import { officers } from '../officers/officers.table';
import { caseEvents, caseEvidence, caseOfficers, caseParties, casePauses, cases } from './cases.table';

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

export async function listCases(
  ex: Executor,
  agencyId: string,
  filter: { stage?: string },
  limit: number,
  afterId?: string,
): Promise<CaseRow[]> {
  return ex
    .select()
    .from(cases)
    .where(
      and(
        eq(cases.agencyId, agencyId),
        filter.stage ? eq(cases.stage, filter.stage) : undefined,
        afterId ? gt(cases.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(cases.id))
    .limit(limit + 1);
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

import { and, asc, desc, eq, gt, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { one } from '../../db/sql';
import { PUBLIC_STATES, type PublicationState } from '../../domain/publicity/publicity';
import { caseEvents } from '../cases/cases.table';
import { creditEvents, publications } from './publications.table';

export type PublicationRow = typeof publications.$inferSelect;

export async function insertPublication(
  ex: Executor,
  values: typeof publications.$inferInsert,
): Promise<PublicationRow> {
  return one(await ex.insert(publications).values(values).returning());
}

/** One publication of the agency; `lock` holds it until the transaction ends. */
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

/** The publication of a decision (its number is unique in the agency). */
export async function findByDecision(
  ex: Executor,
  agencyId: string,
  caseId: string,
  decisionNumber: string,
): Promise<PublicationRow | undefined> {
  const [row] = await ex
    .select()
    .from(publications)
    .where(
      and(
        eq(publications.agencyId, agencyId),
        eq(publications.caseId, caseId),
        eq(publications.decisionNumber, decisionNumber),
      ),
    )
    .for('update');
  return row;
}

/** The case's latest publication (a case decided again after a revocation has a newer one). */
export async function latestOfCase(
  ex: Executor,
  agencyId: string,
  caseId: string,
): Promise<PublicationRow | undefined> {
  const [row] = await ex
    .select()
    .from(publications)
    .where(and(eq(publications.agencyId, agencyId), eq(publications.caseId, caseId)))
    .orderBy(desc(publications.id))
    .limit(1);
  return row;
}

export async function caseHasPublication(ex: Executor, agencyId: string, caseId: string): Promise<boolean> {
  return (await latestOfCase(ex, agencyId, caseId)) !== undefined;
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

export async function insertCreditEvent(ex: Executor, values: typeof creditEvents.$inferInsert) {
  await ex.insert(creditEvents).values(values);
}

/** The day the decision and the restoration notice were served together (两书同达), if they were. */
export async function noticeServedOn(
  ex: Executor,
  agencyId: string,
  caseId: string,
  decidedOn: string,
): Promise<string | null> {
  const [row] = await ex
    .select({ on: caseEvents.occurredOn })
    .from(caseEvents)
    .where(
      and(
        eq(caseEvents.agencyId, agencyId),
        eq(caseEvents.caseId, caseId),
        eq(caseEvents.action, 'serve-decision'),
        gte(caseEvents.occurredOn, decidedOn),
        sql`${caseEvents.data} ->> 'restorationNotice' = 'true'`,
      ),
    )
    .orderBy(desc(caseEvents.seq))
    .limit(1);
  return row?.on ?? null;
}

export interface PublicationFilter {
  /** States as read: `expired` includes public ones past their last day, the public states exclude them. */
  states?: readonly PublicationState[];
  caseId?: string;
  year?: number;
  /** A credit code (exact) or part of the party's name. */
  party?: string;
  partyIsCreditCode?: boolean;
}

/** The SQL of the states as read on `today` (see effectiveState). */
function statesAsRead(states: readonly PublicationState[], today: string): SQL | undefined {
  const publicStates = [...PUBLIC_STATES];
  const parts: (SQL | undefined)[] = [];
  const stored = states.filter((s) => s !== 'expired' && !publicStates.includes(s));
  if (stored.length > 0) parts.push(inArray(publications.state, stored));
  const asPublic = states.filter((s) => publicStates.includes(s));
  if (asPublic.length > 0)
    parts.push(
      and(
        inArray(publications.state, asPublic),
        or(sql`${publications.expiresOn} is null`, gte(publications.expiresOn, today)),
      ),
    );
  if (states.includes('expired'))
    parts.push(
      or(
        eq(publications.state, 'expired'),
        and(inArray(publications.state, publicStates), lt(publications.expiresOn, today)),
      ),
    );
  return or(...parts);
}

/** Up to `limit` publications after `afterId`, by id (UUIDv7: the order they were created). */
export async function listPublications(
  ex: Executor,
  agencyId: string,
  filter: PublicationFilter,
  today: string,
  limit: number,
  afterId?: string,
): Promise<PublicationRow[]> {
  return ex
    .select()
    .from(publications)
    .where(
      and(
        eq(publications.agencyId, agencyId),
        filter.states ? statesAsRead(filter.states, today) : undefined,
        filter.caseId ? eq(publications.caseId, filter.caseId) : undefined,
        filter.year !== undefined
          ? sql`extract(year from ${publications.decidedOn}) = ${filter.year}`
          : undefined,
        filter.party
          ? filter.partyIsCreditCode
            ? eq(publications.partyCreditCode, filter.party)
            : ilike(publications.partyName, `%${filter.party.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
          : undefined,
        afterId ? gt(publications.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(publications.id))
    .limit(limit);
}

/** What the public sees: published (or corrected), not past the last day. */
export async function listPublic(
  ex: Executor,
  agencyId: string,
  today: string,
  limit: number,
  afterId?: string,
  id?: string,
): Promise<PublicationRow[]> {
  return ex
    .select()
    .from(publications)
    .where(
      and(
        eq(publications.agencyId, agencyId),
        inArray(publications.state, [...PUBLIC_STATES]),
        gte(publications.expiresOn, today),
        id ? eq(publications.id, id) : undefined,
        afterId ? gt(publications.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(publications.id))
    .limit(limit);
}

/** Public publications past their last day, every agency or one (the expiry job). */
export async function dueToExpire(ex: Executor, today: string, agencyId?: string): Promise<PublicationRow[]> {
  return ex
    .select()
    .from(publications)
    .where(
      and(
        agencyId ? eq(publications.agencyId, agencyId) : undefined,
        inArray(publications.state, [...PUBLIC_STATES]),
        lt(publications.expiresOn, today),
      ),
    )
    .orderBy(asc(publications.agencyId), asc(publications.id))
    .for('update', { skipLocked: true });
}

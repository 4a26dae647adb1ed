import {
  and,
  asc,
  eq,
  exists,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  not,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { one } from '../../db/sql';
import { containsPattern } from '../../domain/power-list/versions';
import { onTheSpotPenalties, onTheSpotReviews } from './on-the-spot.table';

export type PenaltyRow = typeof onTheSpotPenalties.$inferSelect;
export type ReviewRow = typeof onTheSpotReviews.$inferSelect;

export async function insertPenalty(
  ex: Executor,
  values: typeof onTheSpotPenalties.$inferInsert,
): Promise<PenaltyRow> {
  return one(await ex.insert(onTheSpotPenalties).values(values).returning());
}

export async function findPenalty(
  ex: Executor,
  agencyId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<PenaltyRow | undefined> {
  const query = ex
    .select()
    .from(onTheSpotPenalties)
    .where(and(eq(onTheSpotPenalties.agencyId, agencyId), eq(onTheSpotPenalties.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function recordFiling(
  ex: Executor,
  agencyId: string,
  id: string,
  filing: { filedOn: string; filedRecordedBy: string; filingNote: string | null },
  now: Date,
): Promise<PenaltyRow> {
  return one(
    await ex
      .update(onTheSpotPenalties)
      .set({ ...filing, version: sql`${onTheSpotPenalties.version} + 1`, updatedAt: now })
      .where(and(eq(onTheSpotPenalties.agencyId, agencyId), eq(onTheSpotPenalties.id, id)))
      .returning(),
  );
}

export async function insertReview(
  ex: Executor,
  values: typeof onTheSpotReviews.$inferInsert,
): Promise<ReviewRow> {
  return one(await ex.insert(onTheSpotReviews).values(values).returning());
}

/** Bumps the decision's version: what it shows (its reviews) changed. */
export async function touchPenalty(ex: Executor, agencyId: string, id: string, now: Date): Promise<void> {
  await ex
    .update(onTheSpotPenalties)
    .set({ version: sql`${onTheSpotPenalties.version} + 1`, updatedAt: now })
    .where(and(eq(onTheSpotPenalties.agencyId, agencyId), eq(onTheSpotPenalties.id, id)));
}

/** The reviews of these decisions, oldest first. */
export async function listReviewsOf(
  ex: Executor,
  agencyId: string,
  penaltyIds: string[],
): Promise<ReviewRow[]> {
  if (penaltyIds.length === 0) return [];
  return ex
    .select()
    .from(onTheSpotReviews)
    .where(and(eq(onTheSpotReviews.agencyId, agencyId), inArray(onTheSpotReviews.penaltyId, penaltyIds)))
    .orderBy(asc(onTheSpotReviews.reviewedOn), asc(onTheSpotReviews.id));
}

/** The distinct filing periods (working days) the agency's decisions were made with. */
export async function filingPeriods(ex: Executor, agencyId: string): Promise<number[]> {
  const rows = await ex
    .selectDistinct({ days: onTheSpotPenalties.filingWorkingDays })
    .from(onTheSpotPenalties)
    .where(eq(onTheSpotPenalties.agencyId, agencyId));
  return rows.map((r) => r.days);
}

export interface PenaltyFilter {
  officerId?: string;
  /** A substring of the party's name: ILIKE, served by the pg_trgm index. */
  partyName?: string;
  partyCreditCode?: string;
  decidedFrom?: string;
  decidedTo?: string;
  filed?: boolean;
  reviewed?: boolean;
  /**
   * Overdue filings: not filed, and decided on or before the cutoff for the decision's filing period
   * (see overdueCutoff in domain/on-the-spot). `overdue: false` negates it.
   */
  overdue?: { overdue: boolean; cutoffs: { days: number; decidedOnOrBefore: string }[] };
}

function overduePredicate(cutoffs: { days: number; decidedOnOrBefore: string }[]): SQL {
  const t = onTheSpotPenalties;
  if (cutoffs.length === 0) return sql`false`;
  return and(
    isNull(t.filedOn),
    or(...cutoffs.map((c) => and(eq(t.filingWorkingDays, c.days), lte(t.decidedOn, c.decidedOnOrBefore)))),
  ) as SQL;
}

/** Up to `count` decisions matching the filter, by id (UUIDv7: oldest first), after `afterId`. */
export async function listPenalties(
  ex: Executor,
  agencyId: string,
  filter: PenaltyFilter,
  count: number,
  afterId?: string,
): Promise<PenaltyRow[]> {
  const t = onTheSpotPenalties;
  const reviewed = exists(
    ex
      .select({ one: sql`1` })
      .from(onTheSpotReviews)
      .where(and(eq(onTheSpotReviews.agencyId, t.agencyId), eq(onTheSpotReviews.penaltyId, t.id))),
  );
  const overdue = filter.overdue ? overduePredicate(filter.overdue.cutoffs) : undefined;
  return ex
    .select()
    .from(t)
    .where(
      and(
        eq(t.agencyId, agencyId),
        filter.officerId ? sql`${t.officerIds} @> array[${filter.officerId}]::uuid[]` : undefined,
        filter.partyName !== undefined
          ? sql`${t.partyName} ilike ${containsPattern(filter.partyName)} escape '\\'`
          : undefined,
        filter.partyCreditCode !== undefined ? eq(t.partyCreditCode, filter.partyCreditCode) : undefined,
        filter.decidedFrom ? gte(t.decidedOn, filter.decidedFrom) : undefined,
        filter.decidedTo ? lte(t.decidedOn, filter.decidedTo) : undefined,
        filter.filed === undefined ? undefined : filter.filed ? isNotNull(t.filedOn) : isNull(t.filedOn),
        filter.reviewed === undefined ? undefined : filter.reviewed ? reviewed : not(reviewed),
        overdue === undefined ? undefined : filter.overdue?.overdue ? overdue : not(overdue),
        afterId ? gt(t.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(t.id))
    .limit(count);
}

/** The decisions made in the period, with what the statistics need. */
export async function penaltiesDecidedBetween(ex: Executor, agencyId: string, from: string, to: string) {
  const t = onTheSpotPenalties;
  return ex
    .select({
      id: t.id,
      decidedOn: t.decidedOn,
      filedOn: t.filedOn,
      filingWorkingDays: t.filingWorkingDays,
      penalties: t.penalties,
      payment: t.payment,
    })
    .from(t)
    .where(and(eq(t.agencyId, agencyId), gte(t.decidedOn, from), lte(t.decidedOn, to)));
}

/** The reviews of the decisions made in the period (whenever the reviews were made). */
export async function reviewsOfDecisionsBetween(ex: Executor, agencyId: string, from: string, to: string) {
  const t = onTheSpotPenalties;
  return ex
    .select({ penaltyId: onTheSpotReviews.penaltyId, problems: onTheSpotReviews.problems })
    .from(onTheSpotReviews)
    .innerJoin(t, and(eq(t.agencyId, onTheSpotReviews.agencyId), eq(t.id, onTheSpotReviews.penaltyId)))
    .where(and(eq(onTheSpotReviews.agencyId, agencyId), gte(t.decidedOn, from), lte(t.decidedOn, to)));
}

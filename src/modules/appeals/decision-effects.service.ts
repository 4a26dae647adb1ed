/**
 * What reconsideration (行政复议) and litigation (行政诉讼) do to the bureau's decisions, shared by both
 * modules: finding the challenged decision (a case's or an on-the-spot penalty's), freezing the late
 * surcharge while the review is pending (APL art. 73(3)), and applying an outcome's effect
 * (appeals/outcomes.ts) in the caller's transaction: the decision's status and penalties in force, the
 * case reopened for a new decision, the status change recorded with the publication's withdrawal due
 * within 3 WD (PDR art. 11) for the publicity module, the case's timeline and the audit trail.
 */
import { and, asc, desc, eq, isNotNull, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { type AppealUnmet, appealUnmet } from '../../domain/appeals/conditions';
import {
  type DecisionStatus,
  effectOf,
  type OutcomeEffect,
  type OutcomeInput,
} from '../../domain/appeals/outcomes';
import { chinaDate, type IsoDate } from '../../domain/calendar/dates';
import { computeDeadline } from '../../domain/calendar/deadlines';
import { REVIEW_OUTCOME_ACTION } from '../../domain/cases/after-decision';
import type { ProposedPenalty } from '../../domain/cases/case-model';
import { PERIOD_RULES } from '../../domain/rules/period-rules';
import { validationFailed } from '../../http/problems';
import type { WriteContext } from '../../plugins/writes';
import type { CalendarService } from '../calendar/calendar.service';
import * as cases from '../cases/cases.repository';
import type { CasesService } from '../cases/cases.service';
import { ruleViolation } from '../cases/investigation.shared';
import * as spots from '../on-the-spot/on-the-spot.repository';
import { onTheSpotPenalties } from '../on-the-spot/on-the-spot.table';
import { markWithdrawalDue } from '../publications/publications.service';
import { decisionStatusChanges } from './decision-effects.table';

/** How a request names the challenged decision: exactly one of the two. */
export interface DecisionRef {
  caseId?: string;
  onTheSpotPenaltyId?: string;
}

/** The challenged decision as both modules see it. */
export interface ChallengedDecision {
  kind: 'case' | 'on_the_spot';
  caseId: string | null;
  onTheSpotPenaltyId: string | null;
  decisionNumber: string;
  decidedOn: IsoDate;
  /** The penalties in force now (as decided, or as varied on an earlier review). */
  penalties: ProposedPenalty[];
  status: DecisionStatus;
  partyNames: string[];
}

export type StatusChangeRow = typeof decisionStatusChanges.$inferSelect;

/**
 * The challenged decision of the caller's agency, for a new application or complaint; 400 when the ref
 * names none, both, or something not of the agency (another agency's records look like missing ones),
 * 422 DECISION_NOT_CHALLENGEABLE when the case has no decision to challenge. `lock` holds the row.
 */
export async function challengedDecision(
  ex: Executor,
  agencyId: string,
  ref: DecisionRef,
  pointer: string,
  options: { lock?: boolean; action?: string } = {},
): Promise<ChallengedDecision> {
  if ((ref.caseId === undefined) === (ref.onTheSpotPenaltyId === undefined))
    throw validationFailed([
      { in: 'body', pointer, message: 'names exactly one of caseId or onTheSpotPenaltyId' },
    ]);
  if (ref.caseId !== undefined) {
    const row = await cases.findCase(ex, agencyId, ref.caseId, { lock: options.lock ?? false });
    if (!row)
      throw validationFailed([
        { in: 'body', pointer: `${pointer}/caseId`, message: 'is not a case of your agency' },
      ]);
    const decision = row.decision as { kind?: string; penalties?: ProposedPenalty[] } | null;
    if (!row.decidedOn || !row.decisionNumber || !decision || decision.kind === 'transfer')
      throw ruleViolation(options.action ?? 'challenge', [
        appealUnmet(
          'DECISION_NOT_CHALLENGEABLE',
          row.decidedOn
            ? 'the case was decided as a transfer (移送)'
            : `the case is at stage ${row.stage}, undecided`,
        ),
      ]);
    const parties = await cases.listParties(ex, agencyId, row.id);
    return {
      kind: 'case',
      caseId: row.id,
      onTheSpotPenaltyId: null,
      decisionNumber: row.decisionNumber,
      decidedOn: row.decidedOn,
      penalties: await casePenaltiesInForce(
        ex,
        agencyId,
        row.id,
        decision.penalties ?? [],
        row.decisionNumber,
      ),
      status: (row.decisionStatus ?? 'in_force') as DecisionStatus,
      partyNames: parties.map((p) => p.name),
    };
  }
  const spot = await spots.findPenalty(ex, agencyId, ref.onTheSpotPenaltyId as string, {
    lock: options.lock ?? false,
  });
  if (!spot)
    throw validationFailed([
      {
        in: 'body',
        pointer: `${pointer}/onTheSpotPenaltyId`,
        message: 'is not an on-the-spot penalty of your agency',
      },
    ]);
  return {
    kind: 'on_the_spot',
    caseId: null,
    onTheSpotPenaltyId: spot.id,
    decisionNumber: spot.decisionNumber,
    decidedOn: spot.decidedOn,
    penalties: spot.penaltiesInForce ?? spot.penalties,
    status: spot.decisionStatus as DecisionStatus,
    partyNames: [spot.partyName],
  };
}

/** The case's penalties as last varied on review, or as decided. */
async function casePenaltiesInForce(
  ex: Executor,
  agencyId: string,
  caseId: string,
  decided: ProposedPenalty[],
  decisionNumber: string,
): Promise<ProposedPenalty[]> {
  const [latest] = await ex
    .select({ penalties: decisionStatusChanges.penalties })
    .from(decisionStatusChanges)
    .where(
      and(
        eq(decisionStatusChanges.agencyId, agencyId),
        eq(decisionStatusChanges.caseId, caseId),
        eq(decisionStatusChanges.decisionNumber, decisionNumber),
        isNotNull(decisionStatusChanges.penalties),
      ),
    )
    .orderBy(desc(decisionStatusChanges.createdAt), desc(decisionStatusChanges.id))
    .limit(1);
  return latest?.penalties ?? decided;
}

/** The status changes of a decision, oldest first. */
export async function statusChangesOf(
  ex: Executor,
  agencyId: string,
  ref: { caseId: string | null; onTheSpotPenaltyId: string | null },
): Promise<StatusChangeRow[]> {
  return ex
    .select()
    .from(decisionStatusChanges)
    .where(
      and(
        eq(decisionStatusChanges.agencyId, agencyId),
        or(
          ref.caseId ? eq(decisionStatusChanges.caseId, ref.caseId) : undefined,
          ref.onTheSpotPenaltyId
            ? eq(decisionStatusChanges.onTheSpotPenaltyId, ref.onTheSpotPenaltyId)
            : undefined,
        ),
      ),
    )
    .orderBy(asc(decisionStatusChanges.createdAt), asc(decisionStatusChanges.id));
}

/** The status changes one review made (its outcome's effect). */
export async function statusChangesBy(
  ex: Executor,
  agencyId: string,
  sourceId: string,
): Promise<StatusChangeRow[]> {
  return ex
    .select()
    .from(decisionStatusChanges)
    .where(and(eq(decisionStatusChanges.agencyId, agencyId), eq(decisionStatusChanges.sourceId, sourceId)))
    .orderBy(asc(decisionStatusChanges.createdAt));
}

/** The API view of a status change. */
export function statusChangeView(row: StatusChangeRow) {
  return {
    id: row.id,
    caseId: row.caseId,
    onTheSpotPenaltyId: row.onTheSpotPenaltyId,
    decisionNumber: row.decisionNumber,
    fromStatus: row.fromStatus as DecisionStatus,
    toStatus: row.toStatus as DecisionStatus,
    penalties: row.penalties,
    reopened: row.reopened,
    effectiveOn: row.effectiveOn,
    sourceKind: row.sourceKind,
    sourceId: row.sourceId,
    sourceReference: row.sourceReference,
    withdrawalDueOn: row.withdrawalDueOn,
    withdrawnAt: row.withdrawnAt ? row.withdrawnAt.toISOString() : null,
  };
}

export interface AppliedOutcome {
  effect: OutcomeEffect;
  change: StatusChangeRow | null;
}

export function createDecisionEffects({
  calendar,
  cases: casesService,
}: {
  calendar: CalendarService;
  cases: CasesService;
}) {
  /**
   * The effect of an outcome on the challenged decision, or 422 CASE_RULE_VIOLATION with what makes it
   * impossible (a heavier variation, …). Checked before anything is written.
   */
  function checkOutcome(action: string, decision: ChallengedDecision, input: OutcomeInput): OutcomeEffect {
    const { effect, problems } = effectOf(input, decision.penalties, decision.kind === 'case');
    if (problems.length > 0)
      throw ruleViolation(
        action,
        problems.map((p): AppealUnmet => appealUnmet(p.code, p.detail)),
      );
    return effect;
  }

  /**
   * Applies a checked effect on `on` in the caller's transaction; the caller recorded its own step. Nothing
   * is written for an outcome that changes nothing.
   */
  async function applyOutcome(
    ctx: WriteContext,
    action: string,
    decision: ChallengedDecision,
    effect: OutcomeEffect,
    source: {
      kind: 'reconsideration' | 'litigation';
      id: string;
      reference: string;
      on: IsoDate;
      outcome: string;
    },
  ): Promise<AppliedOutcome> {
    if (!effect.status) return { effect, change: null };
    const agencyId = ctx.actor.agencyId;
    const withdrawalDueOn = effect.withdrawPublication
      ? (computeDeadline(await calendar.calendarFor(ctx.tx), {
          start: source.on,
          days: PERIOD_RULES.PUBLICATION_WITHDRAWAL.days,
          unit: PERIOD_RULES.PUBLICATION_WITHDRAWAL.unit,
        }).dueDate as IsoDate)
      : null;
    const [change] = await ctx.tx
      .insert(decisionStatusChanges)
      .values({
        agencyId,
        caseId: decision.caseId,
        onTheSpotPenaltyId: decision.onTheSpotPenaltyId,
        decisionNumber: decision.decisionNumber,
        fromStatus: decision.status,
        toStatus: effect.status,
        penalties: effect.penalties,
        reopened: effect.reopen,
        effectiveOn: source.on,
        sourceKind: source.kind,
        sourceId: source.id,
        sourceReference: source.reference,
        withdrawalDueOn,
        createdAt: ctx.now,
      })
      .returning();
    if (change?.withdrawalDueOn && decision.caseId) await markWithdrawalDue(ctx, change);
    if (decision.caseId) {
      const caseId = decision.caseId;
      const row = await cases.findCase(ctx.tx, agencyId, caseId, { lock: true });
      const changes: Parameters<typeof cases.updateCase>[3] = effect.reopen
        ? {
            // Revoked with an order to decide again (责令重新作出): back to investigation for a new decision.
            stage: 'investigation',
            suspended: false,
            concludedOn: null,
            decidedOn: null,
            decisionNumber: null,
            decision: null,
            decisionStatus: null,
            closingReason: null,
          }
        : { decisionStatus: effect.status };
      await cases.updateCase(ctx.tx, agencyId, caseId, changes, ctx.now);
      await cases.appendEvent(ctx.tx, {
        agencyId,
        caseId,
        action: REVIEW_OUTCOME_ACTION,
        occurredOn: source.on,
        recordedAt: ctx.now,
        actorType: ctx.actor.kind,
        actorId: ctx.actor.id,
        data: {
          decisionNumber: decision.decisionNumber,
          status: effect.status,
          penalties: effect.penalties,
          reopen: effect.reopen,
          outcome: source.outcome,
          step: action,
          [`${source.kind}Id`]: source.id,
          reference: source.reference,
          withdrawalDueOn,
        },
        documentNumber: null,
      });
      ctx.audit({
        action: `case.${REVIEW_OUTCOME_ACTION}`,
        entityType: 'case',
        entityId: caseId,
        changes: {
          decisionStatus: { before: decision.status, after: effect.status },
          ...(effect.penalties ? { penalties: { before: decision.penalties, after: effect.penalties } } : {}),
          ...(effect.reopen ? { stage: { before: row?.stage ?? null, after: 'investigation' } } : {}),
        },
      });
    } else {
      const id = decision.onTheSpotPenaltyId as string;
      await ctx.tx
        .update(onTheSpotPenalties)
        .set({
          decisionStatus: effect.status,
          ...(effect.penalties ? { penaltiesInForce: effect.penalties } : {}),
        })
        .where(and(eq(onTheSpotPenalties.agencyId, agencyId), eq(onTheSpotPenalties.id, id)));
      await spots.touchPenalty(ctx.tx, agencyId, id, ctx.now);
      ctx.audit({
        action: 'on_the_spot_penalty.review_outcome',
        entityType: 'on_the_spot_penalty',
        entityId: id,
        changes: {
          decisionStatus: { before: decision.status, after: effect.status },
          ...(effect.penalties ? { penalties: { before: decision.penalties, after: effect.penalties } } : {}),
        },
      });
    }
    return { effect, change: change ?? null };
  }

  /**
   * APL art. 73(3): while a reconsideration or lawsuit is pending the late surcharge is not counted. Freezes
   * it from `on` when the case's fine is served and open (the case's freeze-surcharge action is available);
   * true when it froze.
   */
  async function freezeSurcharge(
    ctx: WriteContext,
    decision: ChallengedDecision,
    reason: 'reconsideration' | 'litigation',
    reference: string,
    on: IsoDate,
  ): Promise<boolean> {
    if (!decision.caseId) return false;
    const today = chinaDate(ctx.now);
    const available = await casesService.actions(ctx.tx, ctx.actor.agencyId, decision.caseId, today);
    if (!available.actions.some((a) => a.action === 'freeze-surcharge' && a.possible)) return false;
    await casesService.perform(ctx, decision.caseId, 'freeze-surcharge', { on, reason, reference });
    return true;
  }

  /** Ends the freeze this review started (the surcharge accrues again from the next day); true when it did. */
  async function unfreezeSurcharge(
    ctx: WriteContext,
    caseId: string | null,
    reason: 'reconsideration' | 'litigation',
    reference: string,
    on: IsoDate,
  ): Promise<boolean> {
    if (!caseId) return false;
    const today = chinaDate(ctx.now);
    const view = await casesService.get(ctx.tx, ctx.actor.agencyId, caseId, today);
    const open = view.performance?.frozen.find((f) => f.to === null && f.reference === reference);
    if (!open) return false;
    await casesService.perform(ctx, caseId, 'unfreeze-surcharge', { on, reason, reference });
    return true;
  }

  return { checkOutcome, applyOutcome, freezeSurcharge, unfreezeSurcharge };
}

export type DecisionEffects = ReturnType<typeof createDecisionEffects>;

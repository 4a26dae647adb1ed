/**
 * Administrative litigation (行政诉讼, RULES.md §7): a suit against one of the bureau's decisions (a case's or
 * an on-the-spot penalty's), its defence (答辩), hearings (庭审, recording whether the head appeared), the
 * judgment, ruling or mediation, an appeal, and the outcome taking effect.
 *
 * Like the criminal transfers, every step locks the challenged decision's record and the suit, runs a pure
 * guard (domain/appeals/litigation.ts) and either refuses with every unmet condition (422
 * CASE_RULE_VIOLATION, nothing written) or records the step on the suit, on the case's timeline and in the
 * audit trail, in one transaction. Registering the suit freezes the case's late surcharge (APL art. 73(3));
 * when the outcome takes effect the freeze ends and the outcome's effect on the decision is applied
 * (appeals/decision-effects.service.ts) in the same transaction.
 */
import type { Executor } from '../../db/client';
import { type AppealUnmet, appealUnmet } from '../../domain/appeals/conditions';
import {
  appealDueOn,
  checkAppeal,
  checkDefence,
  checkFiling,
  checkHearing,
  checkJudgment,
  checkTakeEffect,
  isPendingLitigation,
  type JudgmentKind,
  LITIGATION_OUTCOME_CODES,
  type LitigationOutcome,
  type LitigationSnapshot,
  type LitigationStatus,
  litigationClocks,
  outcomeFitsKind,
  takesEffectAtOnce,
} from '../../domain/appeals/litigation';
import { CORRECTING_OUTCOMES, type OutcomeEffect, type OutcomeInput } from '../../domain/appeals/outcomes';
import { chinaDate, type IsoDate, yearOf } from '../../domain/calendar/dates';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import { maskResidentId } from '../../domain/identifiers';
import { staleVersion } from '../../http/etag';
import { decodeCursor, scanPage, toPage } from '../../http/pagination';
import { type FieldError, notFound, validationFailed } from '../../http/problems';
import { DEFAULT_PAGE_LIMIT } from '../../http/schemas';
import type { WriteContext } from '../../plugins/writes';
import { reviewsUnderWay } from '../appeals/appeals.repository';
import {
  type ChallengedDecision,
  challengedDecision,
  type DecisionEffects,
  statusChangesBy,
  statusChangeView,
} from '../appeals/decision-effects.service';
import type { CalendarService } from '../calendar/calendar.service';
import * as cases from '../cases/cases.repository';
import { recordCaseStep, ruleViolation } from '../cases/investigation.shared';
import { findOfficer } from '../officers/officers.repository';
import { activeOfficerHasRole } from '../officers/officers.service';
import * as spots from '../on-the-spot/on-the-spot.repository';
import * as repo from './litigations.repository';
import type {
  LitigationCreate,
  LitigationListQuery,
  LitigationStats,
  LitigationStep,
  LitigationStepBody,
  LitigationView,
} from './litigations.schemas';
import type { FirstInstanceRecord } from './litigations.table';

export type LitigationsDeps = { calendar: CalendarService; decisionEffects: DecisionEffects };

function snapshotOf(row: repo.LitigationRow, hearings: readonly repo.HearingRow[]): LitigationSnapshot {
  const current = hearings.filter((h) => h.instance === row.instance).map((h) => h.heldOn);
  return {
    status: row.status as LitigationStatus,
    instance: row.instance,
    filedOn: row.filedOn,
    complaintReceivedOn: row.complaintReceivedOn,
    instanceStartedOn: row.firstInstance?.appealedOn ?? row.filedOn,
    defenceFiledOn: row.defenceFiledOn,
    lastHearingOn: current.length > 0 ? (current.sort().at(-1) as IsoDate) : null,
    judgmentKind: row.judgmentKind,
    judgmentOn: row.judgmentOn,
    judgmentServedOn: row.judgmentServedOn,
  };
}

function clocksOf(row: repo.LitigationRow, cal: WorkingCalendar, now: Date) {
  return litigationClocks(
    cal,
    {
      complaintReceivedOn: row.complaintReceivedOn,
      defenceFiledOn: row.defenceFiledOn,
      instance: row.instance,
      judgmentKind: row.judgmentKind,
      outcome: row.outcome,
      judgmentServedOn: row.judgmentServedOn,
      effectiveOn: row.status === 'effective' ? row.effectiveOn : null,
      firstInstance: row.firstInstance
        ? {
            kind: row.firstInstance.kind,
            servedOn: row.firstInstance.servedOn,
            appealedOn: row.firstInstance.appealedOn,
          }
        : null,
    },
    now,
  );
}

/**
 * The outcome whose effect the suit has on the decision: the recorded one, except for an appeal withdrawn
 * (准许撤回上诉), which leaves the first-instance judgment to take effect.
 */
function effectiveOutcome(row: {
  instance: 'first' | 'second';
  judgmentKind: JudgmentKind | null;
  outcome: string | null;
  revocationScope: 'whole' | 'part' | null;
  redo: boolean | null;
  outcomePenalties: OutcomeInput['penalties'] | null;
  firstInstance: FirstInstanceRecord | null;
}): OutcomeInput {
  const fi = row.firstInstance;
  if (row.instance === 'second' && row.judgmentKind === 'ruling' && row.outcome === 'withdrawn' && fi)
    return {
      outcome: fi.outcome,
      ...(fi.scope ? { scope: fi.scope } : {}),
      ...(fi.redo !== undefined && fi.redo !== null ? { redo: fi.redo } : {}),
      ...(fi.penalties ? { penalties: fi.penalties } : {}),
    };
  return {
    outcome: row.outcome ?? '',
    ...(row.revocationScope ? { scope: row.revocationScope } : {}),
    ...(row.redo !== null ? { redo: row.redo } : {}),
    ...(row.outcomePenalties ? { penalties: row.outcomePenalties } : {}),
  };
}

function hearingView(h: repo.HearingRow) {
  return {
    id: h.id,
    heldOn: h.heldOn,
    instance: h.instance,
    attendees: h.attendees,
    headAppeared: h.headAppeared,
    headAbsent: !h.headAppeared,
    headAbsenceReason: h.headAbsenceReason,
    note: h.note,
    createdAt: h.createdAt.toISOString(),
  };
}

/** The audit trail's before/after of the columns a step changed. */
function auditChanges(row: repo.LitigationRow, changes: Partial<repo.LitigationRow>) {
  return Object.fromEntries(
    Object.entries(changes).map(([k, v]) => [
      k,
      { before: (row as Record<string, unknown>)[k] ?? null, after: v ?? null },
    ]),
  );
}

/** The reference the surcharge was frozen under: the first instance's case number. */
const freezeReference = (row: repo.LitigationRow) =>
  row.firstInstance?.courtCaseNumber ?? row.courtCaseNumber;

/** Reconsideration outcomes that uphold the decision (ALL art. 26(2); SPC interpretation of the ALL, art. 22). */
const UPHOLDING_OUTCOMES = ['upheld', 'claim_rejected'];
/** Outcomes after which the reviewing body, not the bureau, is the defendant (ALL art. 26(2): 复议机关改变原行政行为). */
const REVIEWING_BODY_SOLE_DEFENDANT = ['varied', 'revoked', 'confirmed_void', 'mediated'];

export function createLitigationsService({ calendar, decisionEffects }: LitigationsDeps) {
  async function toView(
    ex: Executor,
    row: repo.LitigationRow,
    cal: WorkingCalendar,
    now: Date,
  ): Promise<LitigationView> {
    const [hearings, changes] = await Promise.all([
      repo.hearingsOf(ex, row.agencyId, row.id),
      statusChangesBy(ex, row.agencyId, row.id),
    ]);
    const clocks = clocksOf(row, cal, now);
    return {
      id: row.id,
      decision: {
        kind: row.caseId ? 'case' : 'on_the_spot',
        caseId: row.caseId,
        onTheSpotPenaltyId: row.onTheSpotPenaltyId,
        decisionNumber: row.decisionNumber,
      },
      reconsiderationId: row.reconsiderationId,
      coDefendant: row.coDefendant,
      court: row.court,
      courtCaseNumber: row.courtCaseNumber,
      instance: row.instance,
      plaintiff: {
        kind: row.plaintiffKind,
        name: row.plaintiffName,
        creditCode: row.plaintiffCreditCode,
        residentId: row.plaintiffResidentId ? maskResidentId(row.plaintiffResidentId) : null,
      },
      claims: row.claims,
      filedOn: row.filedOn,
      complaintReceivedOn: row.complaintReceivedOn,
      status: row.status as LitigationStatus,
      pending: isPendingLitigation(row.status),
      defence:
        row.defenceFiledOn && row.defenceReference
          ? { filedOn: row.defenceFiledOn, reference: row.defenceReference, items: row.defenceItems ?? [] }
          : null,
      judgment:
        row.judgmentKind && row.outcome && row.judgmentOn && row.judgmentServedOn && row.judgmentReference
          ? {
              kind: row.judgmentKind,
              outcome: row.outcome as LitigationOutcome,
              on: row.judgmentOn,
              servedOn: row.judgmentServedOn,
              reference: row.judgmentReference,
              scope: row.revocationScope,
              redo: row.redo,
              penalties: row.outcomePenalties,
            }
          : null,
      firstInstance: row.firstInstance
        ? {
            court: row.firstInstance.court,
            courtCaseNumber: row.firstInstance.courtCaseNumber,
            kind: row.firstInstance.kind,
            outcome: row.firstInstance.outcome as LitigationOutcome,
            on: row.firstInstance.on,
            servedOn: row.firstInstance.servedOn,
            reference: row.firstInstance.reference,
            appealedBy: row.firstInstance.appealedBy,
            appealedOn: row.firstInstance.appealedOn,
          }
        : null,
      effectiveOn: row.effectiveOn,
      surchargeFrozen: row.surchargeFrozen,
      hearings: hearings.map(hearingView),
      headAbsentHearings: hearings.filter((h) => !h.headAppeared).length,
      clocks,
      overdue: clocks.some((c) => c.state === 'overdue'),
      atRisk: clocks.some((c) => c.atRisk),
      effect: changes.map(statusChangeView),
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async function viewOne(ex: Executor, row: repo.LitigationRow, now: Date) {
    return toView(ex, row, await calendar.calendarFor(ex), now);
  }

  /** Locks the challenged decision's record (the case or the on-the-spot penalty): every writer's first lock. */
  async function lockDecisionRecord(ctx: WriteContext, row: repo.LitigationRow) {
    const agencyId = ctx.actor.agencyId;
    if (row.caseId) await cases.findCase(ctx.tx, agencyId, row.caseId, { lock: true });
    else if (row.onTheSpotPenaltyId)
      await spots.findPenalty(ctx.tx, agencyId, row.onTheSpotPenaltyId, { lock: true });
  }

  /** The reconsideration a suit follows: of the agency, about the same decision, decided. */
  async function priorReconsideration(ctx: WriteContext, id: string, decision: ChallengedDecision) {
    const found = await repo.findReconsideration(ctx.tx, ctx.actor.agencyId, id);
    const pointer = '/reconsiderationId';
    if (!found)
      throw validationFailed([{ in: 'body', pointer, message: 'is not a reconsideration of your agency' }]);
    if (found.caseId !== decision.caseId || found.onTheSpotPenaltyId !== decision.onTheSpotPenaltyId)
      throw validationFailed([
        { in: 'body', pointer, message: `is about another decision than ${decision.decisionNumber}` },
      ]);
    if (!found.outcome || !found.decidedOn)
      throw validationFailed([{ in: 'body', pointer, message: `is not decided (status ${found.status})` }]);
    return found;
  }

  async function create(ctx: WriteContext, input: LitigationCreate): Promise<LitigationView> {
    const agencyId = ctx.actor.agencyId;
    const today = chinaDate(ctx.now);
    const decision = await challengedDecision(ctx.tx, agencyId, input.decision, '/decision', {
      lock: true,
      action: 'litigation-file',
    });
    const prior = input.reconsiderationId
      ? await priorReconsideration(ctx, input.reconsiderationId, decision)
      : null;
    const problems = checkFiling(
      {
        filedOn: input.filedOn,
        complaintReceivedOn: input.complaintReceivedOn,
        decidedOn: decision.decidedOn,
        alreadyUnderReview: await reviewsUnderWay(ctx.tx, agencyId, decision),
      },
      today,
    );
    // ALL art. 26(2): after a reconsideration that changed the decision, the reviewing body alone is sued.
    if (prior && REVIEWING_BODY_SOLE_DEFENDANT.includes(prior.outcome ?? ''))
      problems.push(
        appealUnmet(
          'REVIEWING_BODY_IS_DEFENDANT',
          `reconsideration ${prior.reference} decided ${prior.outcome}`,
        ),
      );
    if (problems.length > 0) throw ruleViolation('litigation-file', problems);

    // ALL art. 26(2): a reconsideration that upheld the decision — rejecting the claims counts as upholding it
    // (SPC interpretation of the ALL, art. 22) — makes the reviewing body co-defendant.
    const coDefendant =
      prior && UPHOLDING_OUTCOMES.includes(prior.outcome ?? '') ? prior.reviewingBody : null;
    const row = await repo.insertLitigation(ctx.tx, {
      agencyId,
      caseId: decision.caseId,
      onTheSpotPenaltyId: decision.onTheSpotPenaltyId,
      decisionNumber: decision.decisionNumber,
      reconsiderationId: prior?.id ?? null,
      coDefendant,
      court: input.court,
      courtCaseNumber: input.courtCaseNumber,
      plaintiffKind: input.plaintiff.kind,
      plaintiffName: input.plaintiff.name,
      plaintiffCreditCode: input.plaintiff.creditCode ?? null,
      plaintiffResidentId: input.plaintiff.residentId ?? null,
      claims: input.claims,
      filedOn: input.filedOn,
      complaintReceivedOn: input.complaintReceivedOn,
      instance: 'first',
      status: 'pending',
      recordedBy: ctx.actor.id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    if (decision.caseId)
      await recordCaseStep(ctx, decision.caseId, {
        action: 'litigation-filed',
        on: input.filedOn,
        data: {
          litigationId: row.id,
          court: input.court,
          courtCaseNumber: input.courtCaseNumber,
          decisionNumber: decision.decisionNumber,
          coDefendant,
        },
      });
    const frozen = await decisionEffects.freezeSurcharge(
      ctx,
      decision,
      'litigation',
      input.courtCaseNumber,
      input.filedOn,
    );
    const saved = frozen ? await repo.updateLitigation(ctx.tx, row, { surchargeFrozen: true }, ctx.now) : row;
    ctx.audit({
      action: 'litigation.filed',
      entityType: 'litigation',
      entityId: row.id,
      changes: {
        decisionNumber: { before: null, after: decision.decisionNumber },
        court: { before: null, after: input.court },
        courtCaseNumber: { before: null, after: input.courtCaseNumber },
        filedOn: { before: null, after: input.filedOn },
        status: { before: null, after: 'pending' },
        coDefendant: { before: null, after: coDefendant },
        surchargeFrozen: { before: null, after: frozen },
      },
    });
    return viewOne(ctx.tx, saved, ctx.now);
  }

  /** 400s of a hearing's attendees: a head must be an active bureau head, an officer an officer of the agency. */
  async function hearingErrors(ctx: WriteContext, body: LitigationStepBody<'record-hearing'>) {
    const errors: FieldError[] = [];
    for (const [i, a] of body.attendees.entries()) {
      const pointer = `/attendees/${i}/officerId`;
      if (a.role !== 'agent' && !a.officerId)
        errors.push({ in: 'body', pointer, message: `is required for an attendee with role ${a.role}` });
      else if (
        a.role === 'head' &&
        !(await activeOfficerHasRole(ctx.tx, ctx.actor.agencyId, a.officerId, 'bureau_head'))
      )
        errors.push({
          in: 'body',
          pointer,
          message: 'is not an active bureau head (bureau_head) of your agency',
        });
      else if (a.officerId && !(await findOfficer(ctx.tx, ctx.actor.agencyId, a.officerId)))
        errors.push({ in: 'body', pointer, message: 'is not an officer of your agency' });
    }
    const headPresent = body.attendees.some((a) => a.role === 'head');
    if (body.headAppeared !== headPresent)
      errors.push({
        in: 'body',
        pointer: '/headAppeared',
        message: headPresent
          ? 'is false but an attendee has role head'
          : 'is true but no attendee has role head',
      });
    if (!body.headAppeared && !body.headAbsenceReason)
      errors.push({
        in: 'body',
        pointer: '/headAbsenceReason',
        message: 'is required when the head did not appear (ALL art. 3)',
      });
    if (body.headAppeared && body.headAbsenceReason)
      errors.push({
        in: 'body',
        pointer: '/headAbsenceReason',
        message: 'is only for a hearing without the head',
      });
    return errors;
  }

  /** 400s of a judgment's details: the outcome fits the kind, scope/redo/penalties only where they apply. */
  function judgmentErrors(body: LitigationStepBody<'record-judgment'>): FieldError[] {
    const errors: FieldError[] = [];
    const at = (pointer: string, message: string) => errors.push({ in: 'body', pointer, message });
    if (!outcomeFitsKind(body.kind, body.outcome)) at('/outcome', `is not an outcome of a ${body.kind}`);
    if (body.outcome !== 'revoked') {
      if (body.scope !== undefined) at('/scope', 'applies only to revoked');
      if (body.redo !== undefined) at('/redo', 'applies only to revoked');
    }
    const takesPenalties =
      body.outcome === 'varied' ||
      body.outcome === 'mediated' ||
      (body.outcome === 'revoked' && body.scope === 'part');
    if (body.penalties !== undefined && !takesPenalties)
      at('/penalties', 'applies only to varied, mediated, or revoked with scope part');
    if (
      body.penalties === undefined &&
      (body.outcome === 'varied' || (body.outcome === 'revoked' && body.scope === 'part'))
    )
      at('/penalties', `is required for ${body.outcome === 'varied' ? 'varied' : 'a part revoked'}`);
    return errors;
  }

  /** Ends the surcharge freeze and applies the outcome's effect on the decision (checked before). */
  async function takeEffect(
    ctx: WriteContext,
    row: repo.LitigationRow,
    action: string,
    decision: ChallengedDecision,
    input: OutcomeInput,
    effect: OutcomeEffect,
    reference: string,
    on: IsoDate,
  ) {
    // Unfreeze first: a case reopened for a new decision sets aside what followed the old one.
    if (row.surchargeFrozen)
      await decisionEffects.unfreezeSurcharge(ctx, row.caseId, 'litigation', freezeReference(row), on);
    await decisionEffects.applyOutcome(ctx, action, decision, effect, {
      kind: 'litigation',
      id: row.id,
      reference,
      on,
      outcome: input.outcome,
    });
  }

  async function step<S extends LitigationStep>(
    ctx: WriteContext,
    litigationId: string,
    name: S,
    body: LitigationStepBody<S>,
    /** From an optional If-Match: the versions the caller saw. */
    versions: number[] | null = null,
  ): Promise<LitigationView> {
    const agencyId = ctx.actor.agencyId;
    const today = chinaDate(ctx.now);
    const action = `litigation-${name}`;
    // The decision's record first, then the suit: the order every writer of the case takes its locks in.
    const unlocked = await repo.findLitigation(ctx.tx, agencyId, litigationId);
    if (!unlocked) throw notFound('Litigation', litigationId);
    await lockDecisionRecord(ctx, unlocked);
    const row = (await repo.findLitigation(ctx.tx, agencyId, litigationId, {
      lock: true,
    })) as repo.LitigationRow;
    if (versions && !versions.includes(row.version)) throw staleVersion(row.version);
    const hearings = await repo.hearingsOf(ctx.tx, agencyId, row.id);
    const l = snapshotOf(row, hearings);
    const decisionRef = {
      ...(row.caseId ? { caseId: row.caseId } : {}),
      ...(row.onTheSpotPenaltyId ? { onTheSpotPenaltyId: row.onTheSpotPenaltyId } : {}),
    };

    let problems: AppealUnmet[];
    let changes: Partial<typeof row> = {};
    let data: Record<string, unknown> = {};
    let on: IsoDate;
    /** Runs after the guard passed: what else the step writes. */
    let then: (() => Promise<void>) | null = null;
    switch (name as LitigationStep) {
      case 'file-defence': {
        const b = body as LitigationStepBody<'file-defence'>;
        on = b.on;
        problems = checkDefence(l, { on }, today);
        changes = { defenceFiledOn: on, defenceReference: b.reference, defenceItems: b.items };
        data = { reference: b.reference, items: b.items.length };
        break;
      }
      case 'record-hearing': {
        const b = body as LitigationStepBody<'record-hearing'>;
        const errors = await hearingErrors(ctx, b);
        if (errors.length > 0) throw validationFailed(errors);
        on = b.on;
        problems = checkHearing(l, { on }, today);
        data = { headAppeared: b.headAppeared, attendees: b.attendees.length, instance: row.instance };
        then = async () => {
          const hearing = await repo.insertHearing(ctx.tx, {
            agencyId,
            litigationId: row.id,
            heldOn: b.on,
            instance: row.instance,
            attendees: b.attendees.map((a) => ({
              officerId: a.officerId ?? null,
              name: a.name,
              role: a.role,
            })),
            headAppeared: b.headAppeared,
            headAbsenceReason: b.headAbsenceReason ?? null,
            note: b.note ?? null,
            createdAt: ctx.now,
          });
          data.hearingId = hearing.id;
        };
        break;
      }
      case 'record-judgment': {
        const b = body as LitigationStepBody<'record-judgment'>;
        const errors = judgmentErrors(b);
        if (errors.length > 0) throw validationFailed(errors);
        on = b.on;
        problems = checkJudgment(l, { on, servedOn: b.servedOn }, today);
        changes = {
          judgmentKind: b.kind,
          outcome: b.outcome,
          judgmentOn: b.on,
          judgmentServedOn: b.servedOn,
          judgmentReference: b.reference,
          revocationScope: b.outcome === 'revoked' ? (b.scope ?? 'whole') : null,
          redo: b.outcome === 'revoked' ? (b.redo ?? false) : null,
          outcomePenalties: b.penalties ?? null,
        };
        const immediate = takesEffectAtOnce(row.instance, b.kind, b.outcome);
        changes.status = immediate ? 'effective' : 'judged';
        changes.effectiveOn = immediate ? b.servedOn : null;
        data = { kind: b.kind, outcome: b.outcome, reference: b.reference, servedOn: b.servedOn, immediate };
        if (problems.length === 0) {
          // The effect is checked before anything is written (a heavier variation: 422 VARIATION_HEAVIER).
          const decision = await challengedDecision(ctx.tx, agencyId, decisionRef, '/decision', {
            lock: true,
            action,
          });
          const input = effectiveOutcome({ ...row, ...changes } as repo.LitigationRow);
          const effect = decisionEffects.checkOutcome(action, decision, input);
          if (immediate)
            then = () => takeEffect(ctx, row, action, decision, input, effect, b.reference, b.servedOn);
        }
        break;
      }
      case 'appeal': {
        const b = body as LitigationStepBody<'appeal'>;
        on = b.on;
        const dueOn =
          row.judgmentKind && row.judgmentServedOn
            ? appealDueOn(await calendar.calendarFor(ctx.tx), row.judgmentKind, row.judgmentServedOn)
            : null;
        problems = checkAppeal(l, { on, dueOn }, today);
        if (problems.length === 0) {
          const firstInstance: FirstInstanceRecord = {
            court: row.court,
            courtCaseNumber: row.courtCaseNumber,
            kind: row.judgmentKind as JudgmentKind,
            outcome: row.outcome as string,
            on: row.judgmentOn as IsoDate,
            servedOn: row.judgmentServedOn as IsoDate,
            reference: row.judgmentReference as string,
            appealedBy: b.by,
            appealedOn: b.on,
            scope: row.revocationScope,
            redo: row.redo,
            penalties: row.outcomePenalties,
          };
          changes = {
            firstInstance,
            instance: 'second',
            status: 'pending',
            court: b.court,
            courtCaseNumber: b.courtCaseNumber,
            judgmentKind: null,
            outcome: null,
            judgmentOn: null,
            judgmentServedOn: null,
            judgmentReference: null,
            revocationScope: null,
            redo: null,
            outcomePenalties: null,
          };
        }
        data = { by: b.by, court: b.court, courtCaseNumber: b.courtCaseNumber, dueOn };
        break;
      }
      case 'take-effect': {
        const b = body as LitigationStepBody<'take-effect'>;
        on = b.on;
        const dueOn =
          row.judgmentKind && row.judgmentServedOn
            ? appealDueOn(await calendar.calendarFor(ctx.tx), row.judgmentKind, row.judgmentServedOn)
            : null;
        problems = checkTakeEffect(l, { on, dueOn }, today);
        changes = { status: 'effective', effectiveOn: on };
        data = { outcome: row.outcome, appealPeriodEnded: dueOn };
        if (problems.length === 0) {
          const decision = await challengedDecision(ctx.tx, agencyId, decisionRef, '/decision', {
            lock: true,
            action,
          });
          const input = effectiveOutcome(row);
          const effect = decisionEffects.checkOutcome(action, decision, input);
          const reference = row.judgmentReference ?? row.courtCaseNumber;
          then = () => takeEffect(ctx, row, action, decision, input, effect, reference, on);
        }
        break;
      }
      default:
        throw notFound('Step', name);
    }
    if (problems.length > 0) throw ruleViolation(action, problems);

    // The suit's own step on the timeline comes before the effect it causes.
    if (row.caseId)
      await recordCaseStep(ctx, row.caseId, {
        action,
        on,
        data: {
          litigationId: row.id,
          courtCaseNumber: changes.courtCaseNumber ?? row.courtCaseNumber,
          ...data,
        },
      });
    const hadThen = then !== null;
    if (then) await (then as () => Promise<void>)();
    const updated = await repo.updateLitigation(ctx.tx, row, changes, ctx.now);
    ctx.audit({
      action: `litigation.${name.replaceAll('-', '_')}`,
      entityType: 'litigation',
      entityId: row.id,
      changes: {
        ...auditChanges(row, changes),
        ...(name === 'record-hearing' && hadThen
          ? { hearingId: { before: null, after: data.hearingId } }
          : {}),
      },
    });
    return viewOne(ctx.tx, updated, ctx.now);
  }

  async function get(ex: Executor, agencyId: string, id: string, now: Date) {
    const row = await repo.findLitigation(ex, agencyId, id);
    if (!row) throw notFound('Litigation', id);
    return viewOne(ex, row, now);
  }

  async function list(ex: Executor, agencyId: string, query: LitigationListQuery, now: Date) {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const after = query.cursor ? decodeCursor(query.cursor, { id: 'uuid' }).id : undefined;
    const filter: repo.LitigationFilter = {
      ...(query.status ? { statuses: query.status } : {}),
      ...(query.year !== undefined ? { year: query.year } : {}),
      ...(query.caseId ? { caseId: query.caseId } : {}),
    };
    const cal = await calendar.calendarFor(ex);
    if (query.overdue === undefined) {
      const rows = await repo.listLitigations(ex, agencyId, filter, limit + 1, after);
      const page = toPage(rows, limit, (r) => ({ id: r.id }));
      const items = [];
      for (const r of page.items) items.push(await toView(ex, r, cal, now));
      return { items, nextCursor: page.nextCursor };
    }
    // Overdue is computed on read, from the same clocks a suit shows: scan in batches.
    const page = await scanPage({
      fetch: (n, afterId) => repo.listLitigations(ex, agencyId, filter, n, afterId),
      matches: (r) => clocksOf(r, cal, now).some((c) => c.state === 'overdue') === query.overdue,
      limit,
      ...(after ? { after } : {}),
    });
    const items = [];
    for (const r of page.rows) items.push(await toView(ex, r, cal, now));
    return { items, nextCursor: page.nextCursor };
  }

  /**
   * The year's figures: the suits filed (立案) in the year, how many are pending or effective, the effective
   * ones by outcome and the correction rate (纠错率); the defences overdue or late; the hearings held in the
   * year, those an officer of the bureau attended, and whether the head appeared (负责人出庭应诉).
   */
  async function stats(
    ex: Executor,
    agencyId: string,
    year: number | undefined,
    now: Date,
  ): Promise<LitigationStats> {
    const y = year ?? yearOf(chinaDate(now));
    const cal = await calendar.calendarFor(ex);
    const rows = await repo.litigationsFiledIn(ex, agencyId, y);
    const byOutcome = Object.fromEntries(LITIGATION_OUTCOME_CODES.map((o) => [o, 0])) as Record<
      string,
      number
    >;
    let decided = 0;
    let corrected = 0;
    let defencesOverdue = 0;
    let defencesLate = 0;
    for (const r of rows) {
      const defence = clocksOf(r, cal, now).find((c) => c.name === 'defence');
      // Overdue now, or missed: the suit ended after the due date without a defence.
      if (defence?.state === 'overdue' || (defence?.state === 'lapsed' && defence.overdue))
        defencesOverdue += 1;
      if (defence?.state === 'completed_late') defencesLate += 1;
      if (r.status !== 'effective') continue;
      decided += 1;
      if (r.outcome) byOutcome[r.outcome] = (byOutcome[r.outcome] ?? 0) + 1;
      const effective = effectiveOutcome(r).outcome;
      if ((CORRECTING_OUTCOMES as readonly string[]).includes(effective)) corrected += 1;
    }
    return {
      year: y,
      filed: rows.length,
      pending: rows.filter((r) => isPendingLitigation(r.status)).length,
      decided,
      byOutcome,
      corrected,
      correctionRate: decided === 0 ? null : Math.round((corrected / decided) * 10_000) / 10_000,
      defencesOverdue,
      defencesLate,
      ...(await repo.hearingStats(ex, agencyId, y)),
    };
  }

  return { create, step, get, list, stats };
}

export type LitigationsService = ReturnType<typeof createLitigationsService>;

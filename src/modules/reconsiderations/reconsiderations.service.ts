import type { Executor } from '../../db/client';
import { appealUnmet } from '../../domain/appeals/conditions';
import { CORRECTING_OUTCOMES, type DecisionStatus } from '../../domain/appeals/outcomes';
import {
  checkReconsiderationStep,
  DECISION_OUTCOMES,
  PENDING_RECONSIDERATION,
  RECONSIDERATION_OUTCOME_CODES,
  type ReconsiderationOutcome,
  type ReconsiderationStatus,
  reconsiderationClocks,
  suspensionEndsOn,
} from '../../domain/appeals/reconsideration';
import { chinaDate, type IsoDate, yearOf } from '../../domain/calendar/dates';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import type { ProposedPenalty } from '../../domain/cases/case-model';
import { unmet } from '../../domain/cases/conditions';
import { localBodyName } from '../../domain/documents/decision-document';
import { maskResidentId } from '../../domain/identifiers';
import { staleVersion } from '../../http/etag';
import { decodeCursor, scanPage, toPage } from '../../http/pagination';
import { type FieldError, notFound, validationFailed } from '../../http/problems';
import { DEFAULT_PAGE_LIMIT } from '../../http/schemas';
import type { WriteContext } from '../../plugins/writes';
import { findAgency } from '../agencies/agencies.repository';
import { reviewsUnderWay } from '../appeals/appeals.repository';
import {
  challengedDecision,
  type DecisionEffects,
  type StatusChangeRow,
  statusChangesBy,
  statusChangesOf,
  statusChangeView,
} from '../appeals/decision-effects.service';
import type { CalendarService } from '../calendar/calendar.service';
import * as cases from '../cases/cases.repository';
import { recordCaseStep, ruleViolation } from '../cases/investigation.shared';
import { ruleSetting } from '../rule-settings/rule-settings.service';
import * as repo from './reconsiderations.repository';
import type {
  ReconsiderationCreate,
  ReconsiderationListQuery,
  ReconsiderationStats,
  ReconsiderationStepBody,
  ReconsiderationStepName,
  ReconsiderationView,
} from './reconsiderations.schemas';

export type ReconsiderationsDeps = { calendar: CalendarService; effects: DecisionEffects };

function clocksOf(row: repo.ReconsiderationRow, cal: WorkingCalendar, today: IsoDate) {
  return reconsiderationClocks(
    cal,
    {
      procedure: row.procedure,
      appliedOn: row.appliedOn,
      copyReceivedOn: row.copyReceivedOn,
      acceptedOn: row.acceptedOn,
      replySubmittedOn: row.replySubmittedOn,
      suspensions: row.suspensions.map((s) => ({ from: s.from, to: s.to })),
      extendedOn: row.extendedOn,
      extensionDays: row.extensionDays,
      endedOn: row.decidedOn,
      decided: row.status === 'decided',
    },
    today,
  );
}

function toView(
  row: repo.ReconsiderationRow,
  cal: WorkingCalendar,
  today: IsoDate,
  effect: StatusChangeRow[],
  decisionStatus: DecisionStatus,
): ReconsiderationView {
  const clocks = clocksOf(row, cal, today);
  return {
    id: row.id,
    decision: {
      kind: row.caseId ? 'case' : 'on_the_spot',
      caseId: row.caseId,
      onTheSpotPenaltyId: row.onTheSpotPenaltyId,
      decisionNumber: row.decisionNumber,
    },
    decisionStatus,
    applicant: {
      kind: row.applicantKind,
      name: row.applicantName,
      residentId: row.applicantResidentId ? maskResidentId(row.applicantResidentId) : null,
      creditCode: row.applicantCreditCode,
    },
    reviewingBody: row.reviewingBody,
    reference: row.reference,
    procedure: row.procedure,
    appliedOn: row.appliedOn,
    copyReceivedOn: row.copyReceivedOn,
    claims: row.claims,
    status: row.status as ReconsiderationStatus,
    pending: PENDING_RECONSIDERATION.includes(row.status as ReconsiderationStatus),
    acceptedOn: row.acceptedOn,
    reply: row.replySubmittedOn
      ? {
          submittedOn: row.replySubmittedOn,
          reference: row.replyReference ?? '',
          items: row.replyItems ?? [],
        }
      : null,
    sessions: row.sessions,
    suspensions: row.suspensions,
    extension: row.extendedOn && row.extensionDays ? { on: row.extendedOn, days: row.extensionDays } : null,
    outcome:
      row.outcome && row.decidedOn
        ? {
            outcome: row.outcome as ReconsiderationOutcome,
            on: row.decidedOn,
            reference: row.outcomeReference,
            reason: row.outcomeReason,
            scope: row.revocationScope,
            redo: row.redo,
            penalties: row.outcomePenalties,
          }
        : null,
    effect: effect.map(statusChangeView),
    surchargeFrozen: row.surchargeFrozen,
    clocks,
    overdue: clocks.some((c) => c.state === 'overdue'),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The audit trail's before/after of the columns a step changed. */
function auditChanges(row: repo.ReconsiderationRow, changes: Partial<repo.ReconsiderationRow>) {
  return Object.fromEntries(
    Object.entries(changes).map(([k, v]) => [
      k,
      { before: (row as Record<string, unknown>)[k] ?? null, after: v ?? null },
    ]),
  );
}

/** 400s of the outcome's details: what each outcome needs, and nothing it does not. */
function outcomeFieldErrors(b: ReconsiderationStepBody<'decide'>): FieldError[] {
  const errors: FieldError[] = [];
  const field = (pointer: string, message: string) => errors.push({ in: 'body', pointer, message });
  if (b.outcome === 'revoked' && !b.scope) field('/scope', 'is required for revoked (whole or part)');
  if (b.outcome !== 'revoked' && b.scope !== undefined) field('/scope', 'applies to revoked only');
  if (b.outcome !== 'revoked' && b.redo !== undefined) field('/redo', 'applies to revoked only');
  if (b.outcome === 'varied' && !b.penalties)
    field('/penalties', 'is required for varied: the penalties as varied');
  if (b.outcome === 'revoked' && b.scope === 'part' && !b.penalties)
    field('/penalties', 'is required for a part revoked: the penalties that remain');
  if (
    b.penalties &&
    !['varied', 'mediated'].includes(b.outcome) &&
    !(b.outcome === 'revoked' && b.scope === 'part')
  )
    field('/penalties', 'applies to varied, a part revoked, or mediated only');
  return errors;
}

export function createReconsiderationsService({ calendar, effects }: ReconsiderationsDeps) {
  async function decisionStatusOf(ex: Executor, agencyId: string, row: repo.ReconsiderationRow) {
    const changes = await statusChangesOf(ex, agencyId, row);
    const last = changes.filter((c) => c.decisionNumber === row.decisionNumber).at(-1);
    return (last?.toStatus ?? 'in_force') as DecisionStatus;
  }

  async function viewOne(ex: Executor, agencyId: string, row: repo.ReconsiderationRow, now: Date) {
    return toView(
      row,
      await calendar.calendarFor(ex),
      chinaDate(now),
      await statusChangesBy(ex, agencyId, row.id),
      await decisionStatusOf(ex, agencyId, row),
    );
  }

  async function create(ctx: WriteContext, input: ReconsiderationCreate): Promise<ReconsiderationView> {
    const agencyId = ctx.actor.agencyId;
    const today = chinaDate(ctx.now);
    const action = 'reconsideration-apply';
    const decision = await challengedDecision(ctx.tx, agencyId, input.decision, '/decision', {
      lock: true,
      action,
    });
    if (input.copyReceivedOn && input.copyReceivedOn < input.appliedOn)
      throw validationFailed([{ in: 'body', pointer: '/copyReceivedOn', message: 'is before appliedOn' }]);
    const problems = [];
    for (const [name, on] of [
      ['appliedOn', input.appliedOn],
      ['copyReceivedOn', input.copyReceivedOn],
    ] as const)
      if (on && on > today) problems.push(unmet('DATE_IN_FUTURE', `${name} ${on} is after today (${today})`));
    if (input.appliedOn < decision.decidedOn)
      problems.push(
        unmet(
          'DATE_BEFORE_PREVIOUS_STEP',
          `applied ${input.appliedOn}, before the decision (${decision.decidedOn})`,
        ),
      );
    for (const busy of await reviewsUnderWay(ctx.tx, agencyId, decision))
      problems.push(appealUnmet('ALREADY_UNDER_REVIEW', busy));
    if (problems.length > 0) throw ruleViolation(action, problems);

    const setting = await ruleSetting(ctx.tx, agencyId, 'decision.reconsideration_body', input.appliedOn);
    const agency = await findAgency(ctx.tx, agencyId);
    const reviewingBody =
      input.reviewingBody ?? setting.value ?? localBodyName(agency?.name ?? '', '人民政府') ?? '本级人民政府';
    const row = await repo.insertReconsideration(ctx.tx, {
      agencyId,
      caseId: decision.caseId,
      onTheSpotPenaltyId: decision.onTheSpotPenaltyId,
      decisionNumber: decision.decisionNumber,
      applicantKind: input.applicant.kind,
      applicantName: input.applicant.name,
      applicantCreditCode: input.applicant.creditCode ?? null,
      applicantResidentId: input.applicant.residentId ?? null,
      reviewingBody,
      reference: input.reference,
      procedure: input.procedure ?? 'ordinary',
      appliedOn: input.appliedOn,
      copyReceivedOn: input.copyReceivedOn ?? null,
      claims: input.claims,
      status: 'received',
      recordedBy: ctx.actor.id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    const frozen = await effects.freezeSurcharge(
      ctx,
      decision,
      'reconsideration',
      input.reference,
      input.appliedOn,
    );
    const saved = frozen
      ? await repo.updateReconsideration(ctx.tx, row, { surchargeFrozen: true }, ctx.now)
      : row;
    if (decision.caseId)
      await recordCaseStep(ctx, decision.caseId, {
        action: 'reconsideration-applied',
        on: input.appliedOn,
        data: {
          reconsiderationId: row.id,
          reference: input.reference,
          reviewingBody,
          decisionNumber: decision.decisionNumber,
          surchargeFrozen: frozen,
        },
      });
    ctx.audit({
      action: 'reconsideration.applied',
      entityType: 'reconsideration',
      entityId: row.id,
      changes: {
        decisionNumber: { before: null, after: decision.decisionNumber },
        reference: { before: null, after: input.reference },
        reviewingBody: { before: null, after: reviewingBody },
        appliedOn: { before: null, after: input.appliedOn },
        status: { before: null, after: 'received' },
      },
    });
    return viewOne(ctx.tx, agencyId, saved, ctx.now);
  }

  async function step<S extends ReconsiderationStepName>(
    ctx: WriteContext,
    id: string,
    name: S,
    body: ReconsiderationStepBody<S>,
    versions: number[] | null = null,
  ): Promise<ReconsiderationView> {
    const agencyId = ctx.actor.agencyId;
    const today = chinaDate(ctx.now);
    const unlocked = await repo.findReconsideration(ctx.tx, agencyId, id);
    if (!unlocked) throw notFound('Reconsideration', id);
    // The case first, then the application: the order every writer of the case takes its locks in.
    if (unlocked.caseId) await cases.findCase(ctx.tx, agencyId, unlocked.caseId, { lock: true });
    const row = (await repo.findReconsideration(ctx.tx, agencyId, id, {
      lock: true,
    })) as repo.ReconsiderationRow;
    if (versions && !versions.includes(row.version)) throw staleVersion(row.version);
    const b = body as Record<string, unknown>;
    const on = b.on as IsoDate;
    const action = `reconsideration-${name}`;
    if (name === 'decide') {
      const errors = outcomeFieldErrors(body as ReconsiderationStepBody<'decide'>);
      if (errors.length > 0) throw validationFailed(errors);
    }

    const lastStepOn = [
      row.appliedOn,
      row.copyReceivedOn,
      row.acceptedOn,
      row.replySubmittedOn,
      row.extendedOn,
      ...row.sessions.map((s) => s.on),
      ...row.suspensions.flatMap((s) => [s.from, s.to]),
    ]
      .filter((d): d is string => typeof d === 'string')
      .sort()
      .at(-1) as IsoDate;
    const problems = checkReconsiderationStep(
      {
        status: row.status as ReconsiderationStatus,
        procedure: row.procedure,
        appliedOn: row.appliedOn,
        copyReceivedOn: row.copyReceivedOn,
        acceptedOn: row.acceptedOn,
        replySubmittedOn: row.replySubmittedOn,
        suspensions: row.suspensions,
        extendedOn: row.extendedOn,
        // The copy and the reply may come before or after the acceptance: they follow the application only.
        lastStepOn: ['accept', 'not-accept', 'receive-copy'].includes(name)
          ? row.appliedOn
          : name === 'submit-reply'
            ? (row.copyReceivedOn ?? row.appliedOn)
            : lastStepOn,
      },
      name,
      on,
      today,
    );
    if (problems.length > 0) throw ruleViolation(action, problems);

    const closeSuspension = () =>
      row.suspensions.map((s) =>
        s.to === null ? { ...s, to: on < s.from ? s.from : suspensionEndsOn(on) } : s,
      );
    let changes: Partial<repo.ReconsiderationRow>;
    let data: Record<string, unknown> = {};
    let ending: { outcome: ReconsiderationOutcome; reference: string } | null = null;
    let effect: ReturnType<DecisionEffects['checkOutcome']> | null = null;
    let decision: Awaited<ReturnType<typeof challengedDecision>> | null = null;
    switch (name as ReconsiderationStepName) {
      case 'receive-copy':
        changes = { copyReceivedOn: on };
        break;
      case 'accept':
        changes = { status: 'accepted', acceptedOn: on };
        break;
      case 'not-accept':
        changes = {
          status: 'not_accepted',
          outcome: 'not_accepted',
          decidedOn: on,
          outcomeReference: b.reference as string,
          outcomeReason: b.reason as string,
        };
        ending = { outcome: 'not_accepted', reference: b.reference as string };
        break;
      case 'submit-reply':
        changes = {
          replySubmittedOn: on,
          replyReference: b.reference as string,
          replyItems: b.items as repo.ReconsiderationRow['replyItems'],
        };
        data = { reference: b.reference, items: (b.items as unknown[]).length };
        break;
      case 'record-session':
        changes = {
          sessions: [
            ...row.sessions,
            { kind: b.kind as 'hearing' | 'mediation', on, note: b.note as string },
          ],
        };
        data = { kind: b.kind };
        break;
      case 'suspend':
        changes = {
          status: 'suspended',
          suspensions: [...row.suspensions, { from: on, to: null, reason: b.reason as string }],
        };
        data = { reason: b.reason };
        break;
      case 'resume':
        changes = { status: 'accepted', suspensions: closeSuspension() };
        break;
      case 'extend':
        changes = { extendedOn: on, extensionDays: b.days as number };
        data = { days: b.days };
        break;
      case 'decide': {
        const d = body as ReconsiderationStepBody<'decide'>;
        decision = await challengedDecision(
          ctx.tx,
          agencyId,
          row.caseId ? { caseId: row.caseId } : { onTheSpotPenaltyId: row.onTheSpotPenaltyId as string },
          '/decision',
          { lock: true, action },
        );
        effect = effects.checkOutcome(action, decision, {
          outcome: d.outcome,
          ...(d.scope ? { scope: d.scope } : {}),
          ...(d.redo !== undefined ? { redo: d.redo } : {}),
          ...(d.penalties ? { penalties: d.penalties as ProposedPenalty[] } : {}),
        });
        changes = {
          status: 'decided',
          outcome: d.outcome,
          decidedOn: on,
          outcomeReference: d.reference,
          outcomeReason: d.reason ?? null,
          revocationScope: d.scope ?? null,
          redo: d.outcome === 'revoked' ? (d.redo ?? false) : null,
          outcomePenalties: (d.penalties as ProposedPenalty[] | undefined) ?? null,
          suspensions: closeSuspension(),
        };
        data = { outcome: d.outcome, reference: d.reference, status: effect.status };
        ending = { outcome: d.outcome, reference: d.reference };
        break;
      }
      case 'withdraw':
        changes = {
          status: 'withdrawn',
          outcome: 'withdrawn',
          decidedOn: on,
          outcomeReason: `${b.settled ? '和解后撤回: ' : ''}${b.reason as string}`,
          suspensions: closeSuspension(),
        };
        data = { settled: b.settled };
        ending = { outcome: 'withdrawn', reference: row.reference };
        break;
      case 'terminate':
        changes = {
          status: 'terminated',
          outcome: 'terminated',
          decidedOn: on,
          outcomeReason: b.reason as string,
          suspensions: closeSuspension(),
        };
        ending = { outcome: 'terminated', reference: row.reference };
        break;
      default:
        throw notFound('Step', name);
    }

    const updated = await repo.updateReconsideration(ctx.tx, row, changes, ctx.now);
    if (ending) {
      // The surcharge accrues again from the day after the review ended (APL art. 73(3)); then the effect.
      await effects.unfreezeSurcharge(ctx, row.caseId, 'reconsideration', row.reference, on);
      if (decision && effect)
        await effects.applyOutcome(ctx, action, decision, effect, {
          kind: 'reconsideration',
          id: row.id,
          reference: ending.reference,
          on,
          outcome: ending.outcome,
        });
    }
    if (row.caseId)
      await recordCaseStep(ctx, row.caseId, {
        action,
        on,
        data: { reconsiderationId: row.id, reference: row.reference, ...data },
      });
    ctx.audit({
      action: `reconsideration.${name}`,
      entityType: 'reconsideration',
      entityId: row.id,
      changes: auditChanges(row, changes),
    });
    return viewOne(ctx.tx, agencyId, updated, ctx.now);
  }

  async function get(ex: Executor, agencyId: string, id: string, now: Date) {
    const row = await repo.findReconsideration(ex, agencyId, id);
    if (!row) throw notFound('Reconsideration', id);
    return viewOne(ex, agencyId, row, now);
  }

  async function list(ex: Executor, agencyId: string, query: ReconsiderationListQuery, now: Date) {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const after = query.cursor ? decodeCursor(query.cursor, { id: 'uuid' }).id : undefined;
    const filter: repo.ReconsiderationFilter = {
      ...(query.status ? { statuses: query.status } : {}),
      ...(query.year !== undefined ? { year: query.year } : {}),
      ...(query.caseId ? { caseId: query.caseId } : {}),
      ...(query.onTheSpotPenaltyId ? { onTheSpotPenaltyId: query.onTheSpotPenaltyId } : {}),
    };
    if (query.overdue === undefined) {
      const rows = await repo.listReconsiderations(ex, agencyId, filter, limit + 1, after);
      const page = toPage(rows, limit, (r) => ({ id: r.id }));
      const items: ReconsiderationView[] = [];
      for (const r of page.items) items.push(await viewOne(ex, agencyId, r, now));
      return { items, nextCursor: page.nextCursor };
    }
    // Overdue is computed on read, from the same clocks an application shows: scan in batches.
    const cal = await calendar.calendarFor(ex);
    const today = chinaDate(now);
    const page = await scanPage({
      fetch: (n, afterId) => repo.listReconsiderations(ex, agencyId, filter, n, afterId),
      matches: (r) => clocksOf(r, cal, today).some((c) => c.state === 'overdue') === query.overdue,
      limit,
      ...(after ? { after } : {}),
    });
    const items: ReconsiderationView[] = [];
    for (const r of page.rows) items.push(await viewOne(ex, agencyId, r, now));
    return { items, nextCursor: page.nextCursor };
  }

  /** The year's figures, over the applications made in the year (a district's dozens; read whole). */
  async function stats(ex: Executor, agencyId: string, year: number | undefined, now: Date) {
    const y = year ?? yearOf(chinaDate(now));
    const cal = await calendar.calendarFor(ex);
    const today = chinaDate(now);
    const rows: repo.ReconsiderationRow[] = [];
    let cursor: string | undefined;
    for (;;) {
      const batch = await repo.listReconsiderations(ex, agencyId, { year: y }, 500, cursor);
      rows.push(...batch);
      if (batch.length < 500) break;
      cursor = batch[batch.length - 1]?.id;
    }
    const byOutcome = Object.fromEntries(RECONSIDERATION_OUTCOME_CODES.map((o) => [o, 0])) as Record<
      ReconsiderationOutcome,
      number
    >;
    let repliesOverdue = 0;
    let repliesLate = 0;
    for (const r of rows) {
      if (r.outcome) byOutcome[r.outcome as ReconsiderationOutcome] += 1;
      const reply = clocksOf(r, cal, today).find((c) => c.name === 'reply');
      if (reply?.state === 'overdue' && !r.decidedOn) repliesOverdue += 1;
      if (reply?.state === 'completed_late') repliesLate += 1;
    }
    const decided = DECISION_OUTCOMES.reduce((n, o) => n + byOutcome[o], 0);
    const corrected = CORRECTING_OUTCOMES.reduce((n, o) => n + byOutcome[o], 0);
    const result: ReconsiderationStats = {
      year: y,
      applications: rows.length,
      accepted: rows.filter((r) => r.acceptedOn !== null).length,
      byOutcome,
      pending: rows.filter((r) => PENDING_RECONSIDERATION.includes(r.status as ReconsiderationStatus)).length,
      decided,
      corrected,
      correctionRate: decided === 0 ? null : Math.round((corrected / decided) * 10_000) / 10_000,
      repliesOverdue,
      repliesLate,
    };
    return result;
  }

  return { create, step, get, list, stats };
}

export type ReconsiderationsService = ReturnType<typeof createReconsiderationsService>;

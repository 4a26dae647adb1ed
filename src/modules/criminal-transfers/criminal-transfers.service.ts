/**
 * Criminal transfer (行刑衔接, RULES.md §3): a lead or case suspected of a crime goes to public security.
 *
 * Like the case actions, every step locks the case and the transfer, runs a pure guard
 * (domain/criminal-transfer) and either refuses with every unmet condition (422 CASE_RULE_VIOLATION,
 * nothing written) or records the step on the transfer, on the case's timeline and in the audit trail,
 * in one transaction. While a transfer is under way the case may not be decided with a fine (以罚代刑,
 * TR art. 11): the cases service reads criminalTransferPending() into its guard facts. A lead is closed
 * (transferred) when it is sent; when the police send a matter back (退回), an open case continues and
 * anything else re-enters as a new lead (source referral).
 */
import type { Executor } from '../../db/client';
import { chinaDate, type IsoDate, yearOf } from '../../domain/calendar/dates';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import type { TransferUnmet } from '../../domain/criminal-transfer/conditions';
import { reviewRequestDueOn, transferClocks } from '../../domain/criminal-transfer/transfer-clocks';
import {
  checkDecision,
  checkHandover,
  checkPoliceDecision,
  checkReceipt,
  checkReport,
  checkReturn,
  checkReviewRequest,
  checkReviewResult,
  checkSend,
  isPending,
  type PoliceDecision,
  returnOutcome,
  type TransferSnapshot,
  type TransferStatus,
} from '../../domain/criminal-transfer/transfer-guards';
import { staleVersion } from '../../http/etag';
import { decodeCursor, scanPage, toPage } from '../../http/pagination';
import { notFound, validationFailed } from '../../http/problems';
import { DEFAULT_PAGE_LIMIT } from '../../http/schemas';
import type { WriteContext } from '../../plugins/writes';
import type { CalendarService } from '../calendar/calendar.service';
import * as cases from '../cases/cases.repository';
import { recordCaseStep, ruleViolation, unknownOfficers } from '../cases/investigation.shared';
import { allocateDocumentNumber } from '../document-numbers/document-numbers.service';
import { findOfficer } from '../officers/officers.repository';
import { certificatesValidOn } from '../officers/officers.service';
import * as repo from './criminal-transfers.repository';
import type {
  JointCaseCreate,
  JointCaseView,
  TransferCreate,
  TransferListQuery,
  TransferStep,
  TransferStepBody,
  TransferView,
} from './criminal-transfers.schemas';

export type CriminalTransfersDeps = { calendar: CalendarService };

function snapshotOf(row: repo.TransferRow): TransferSnapshot {
  return {
    status: row.status as TransferStatus,
    reportedOn: row.reportedOn,
    decidedAt: row.decidedAt,
    transferredAt: row.transferredAt,
    policeReceivedOn: row.policeReceivedOn,
    policeDecision: row.policeDecision,
    policeDecidedOn: row.policeDecidedOn,
    policeNotifiedOn: row.policeNotifiedOn,
    reviewRequestedOn: row.reviewRequestedOn,
    reviewResultOn: row.reviewResultOn,
    policeFiledOn: row.policeFiledOn,
    hasSeizedItems: row.seizedItems !== null,
    handedOverOn: row.handedOverOn,
  };
}

function clocksOf(row: repo.TransferRow, cal: WorkingCalendar, now: Date) {
  return transferClocks(
    cal,
    { ...snapshotOf(row), decisionResult: row.decisionResult, returnedOn: row.returnedOn },
    now,
  );
}

function toView(row: repo.TransferRow, cal: WorkingCalendar, now: Date): TransferView {
  const clocks = clocksOf(row, cal, now);
  return {
    id: row.id,
    caseId: row.caseId,
    fromLead: row.fromLead,
    status: row.status as TransferStatus,
    pending: isPending(row.status as TransferStatus),
    report: {
      on: row.reportedOn,
      teamOfficerIds: row.teamOfficerIds,
      suspectedOffence: row.suspectedOffence,
      facts: row.facts,
      seizedItems: row.seizedItems,
    },
    decision:
      row.decisionResult && row.approverId && row.decidedAt
        ? {
            result: row.decisionResult,
            approverId: row.approverId,
            decidedAt: row.decidedAt.toISOString(),
            opinion: row.decisionOpinion,
          }
        : null,
    transfer:
      row.transferredAt && row.documentNumber
        ? {
            transferredAt: row.transferredAt.toISOString(),
            policeAgency: row.policeAgency ?? '',
            documentNumber: row.documentNumber,
          }
        : null,
    police: {
      receivedOn: row.policeReceivedOn,
      receiptRef: row.receiptRef,
      decision: row.policeDecision,
      decidedOn: row.policeDecidedOn,
      notifiedOn: row.policeNotifiedOn,
      letterRef: row.policeLetterRef,
      reason: row.policeReason,
      filedOn: row.policeFiledOn,
    },
    review: row.reviewRequestedOn
      ? {
          requestedOn: row.reviewRequestedOn,
          reason: row.reviewReason ?? '',
          result: row.reviewResult,
          resultOn: row.reviewResultOn,
          letterRef: row.reviewLetterRef,
        }
      : null,
    handover: row.handedOverOn ? { on: row.handedOverOn, note: row.handoverNote } : null,
    return:
      row.returnedOn && row.returnOutcome
        ? {
            on: row.returnedOn,
            letterRef: row.returnLetterRef ?? '',
            reason: row.returnReason ?? '',
            outcome: row.returnOutcome,
            newLeadId: row.newLeadId,
          }
        : null,
    clocks,
    overdue: clocks.some((c) => c.overdue && c.state === 'overdue'),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toJointCase(row: repo.JointCaseRow): JointCaseView {
  return {
    id: row.id,
    caseId: row.caseId,
    policeAgency: row.policeAgency,
    startedOn: row.startedOn,
    summary: row.summary,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The audit trail's before/after of the columns a step changed. */
function auditChanges(row: repo.TransferRow, changes: Partial<repo.TransferRow>) {
  return Object.fromEntries(
    Object.entries(changes).map(([k, v]) => {
      const before = (row as Record<string, unknown>)[k];
      const show = (x: unknown) => (x instanceof Date ? x.toISOString() : (x ?? null));
      return [k, { before: show(before), after: show(v) }];
    }),
  );
}

export function createCriminalTransfersService({ calendar }: CriminalTransfersDeps) {
  async function viewOne(ex: Executor, row: repo.TransferRow, now: Date) {
    return toView(row, await calendar.calendarFor(ex), now);
  }

  async function lockedCase(ctx: WriteContext, caseId: string, pointer?: string) {
    const found = await cases.findCase(ctx.tx, ctx.actor.agencyId, caseId, { lock: true });
    if (!found) {
      if (pointer)
        throw validationFailed([{ in: 'body', pointer, message: 'is not a lead or case of your agency' }]);
      throw notFound('Case', caseId);
    }
    return found;
  }

  async function report(ctx: WriteContext, input: TransferCreate): Promise<TransferView> {
    const agencyId = ctx.actor.agencyId;
    const today = chinaDate(ctx.now);
    const source = await lockedCase(ctx, input.caseId, '/caseId');
    const unknown = await unknownOfficers(ctx.tx, agencyId, input.teamOfficerIds, '/teamOfficerIds');
    if (unknown.length > 0) throw validationFailed(unknown);

    const validity = await certificatesValidOn(ctx.tx, agencyId, input.teamOfficerIds, input.reportedOn);
    const problems = checkReport(
      {
        stage: source.stage,
        receivedOn: source.receivedOn,
        transferPending: await repo.criminalTransferPending(ctx.tx, agencyId, source.id),
      },
      {
        on: input.reportedOn,
        teamOfficerIds: input.teamOfficerIds,
        certifiedOfficerIds: validity.filter((v) => v.valid).map((v) => v.officerId),
      },
      today,
    );
    if (problems.length > 0) throw ruleViolation('criminal-transfer-report', problems);

    const row = await repo.insertTransfer(ctx.tx, {
      agencyId,
      caseId: source.id,
      fromLead: source.stage === 'lead',
      status: 'reported',
      reportedOn: input.reportedOn,
      teamOfficerIds: input.teamOfficerIds,
      suspectedOffence: input.suspectedOffence,
      facts: input.facts,
      seizedItems: input.seizedItems ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordCaseStep(ctx, source.id, {
      action: 'criminal-transfer-report',
      on: input.reportedOn,
      data: {
        criminalTransferId: row.id,
        teamOfficerIds: input.teamOfficerIds,
        suspectedOffence: input.suspectedOffence,
      },
    });
    ctx.audit({
      action: 'criminal_transfer.reported',
      entityType: 'criminal_transfer',
      entityId: row.id,
      changes: {
        caseId: { before: null, after: source.id },
        status: { before: null, after: 'reported' },
        reportedOn: { before: null, after: input.reportedOn },
        suspectedOffence: { before: null, after: input.suspectedOffence },
      },
    });
    return viewOne(ctx.tx, row, ctx.now);
  }

  /** A returned matter whose case has ended re-enters as a new lead (线索, source referral). */
  async function newLeadFromReturn(
    ctx: WriteContext,
    source: cases.CaseRow,
    row: repo.TransferRow,
    body: TransferStepBody<'return'>,
  ) {
    const agencyId = ctx.actor.agencyId;
    const lead = await cases.insertCase(ctx.tx, {
      agencyId,
      stage: 'lead',
      source: 'referral',
      sourceRef: body.letterRef,
      receivedOn: body.on,
      summary: `公安机关退回（${body.letterRef}）：${row.suspectedOffence}。${body.reason}`,
      violationOn: source.violationOn,
      powerItemId: source.powerItemId,
      unitId: source.unitId,
      major: source.major,
      complex: source.complex,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    const parties = await cases.listParties(ctx.tx, agencyId, source.id);
    await cases.insertParties(
      ctx.tx,
      parties.map(({ id: _id, caseId: _caseId, createdAt: _createdAt, ...p }) => ({
        ...p,
        caseId: lead.id,
        createdAt: ctx.now,
      })),
    );
    await cases.appendEvent(ctx.tx, {
      agencyId,
      caseId: lead.id,
      action: 'register-lead',
      occurredOn: body.on,
      recordedAt: ctx.now,
      actorType: ctx.actor.kind,
      actorId: ctx.actor.id,
      data: {
        source: 'referral',
        sourceRef: body.letterRef,
        parties: parties.length,
        criminalTransferId: row.id,
        returnedFromCaseId: source.id,
      },
      documentNumber: null,
    });
    ctx.audit({
      action: 'case.lead_registered',
      entityType: 'case',
      entityId: lead.id,
      changes: {
        source: { before: null, after: 'referral' },
        sourceRef: { before: null, after: body.letterRef },
        receivedOn: { before: null, after: body.on },
        criminalTransferId: { before: null, after: row.id },
      },
    });
    return lead.id;
  }

  async function step<S extends TransferStep>(
    ctx: WriteContext,
    transferId: string,
    name: S,
    body: TransferStepBody<S>,
    /** From an optional If-Match: the versions the caller saw. */
    versions: number[] | null = null,
  ): Promise<TransferView> {
    const agencyId = ctx.actor.agencyId;
    const today = chinaDate(ctx.now);
    // The case first, then the transfer: the order every writer of the case takes its locks in.
    const unlocked = await repo.findTransfer(ctx.tx, agencyId, transferId);
    if (!unlocked) throw notFound('Criminal transfer', transferId);
    const source = await lockedCase(ctx, unlocked.caseId);
    const row = (await repo.findTransfer(ctx.tx, agencyId, transferId, { lock: true })) as repo.TransferRow;
    if (versions && !versions.includes(row.version)) throw staleVersion(row.version);
    const t = snapshotOf(row);
    const b = body as Record<string, unknown>;

    let problems: TransferUnmet[];
    let changes: Partial<repo.TransferRow>;
    let on: IsoDate;
    let data: Record<string, unknown> = {};
    switch (name as TransferStep) {
      case 'decide': {
        const approverId = b.approverId as string;
        const unknown = await unknownOfficers(ctx.tx, agencyId, [approverId], '/approverId', { list: false });
        if (unknown.length > 0) throw validationFailed(unknown);
        const approver = await findOfficer(ctx.tx, agencyId, approverId);
        const at = new Date(b.decidedAt as string);
        on = chinaDate(at);
        problems = checkDecision(
          t,
          {
            at,
            atDay: on,
            approverIsBureauHead:
              approver?.employmentStatus === 'active' && approver.roles.includes('bureau_head'),
          },
          ctx.now,
        );
        const result = b.result as 'approved' | 'refused';
        changes = {
          status: result,
          decisionResult: result,
          approverId,
          decidedAt: at,
          decisionOpinion: (b.opinion as string | undefined) ?? null,
        };
        data = { result, approverId, decidedAt: b.decidedAt };
        break;
      }
      case 'send': {
        const at = new Date(b.transferredAt as string);
        on = chinaDate(at);
        problems = checkSend(t, { at }, ctx.now);
        changes = {
          status: 'transferred',
          transferredAt: at,
          transferredOn: on,
          policeAgency: b.policeAgency as string,
        };
        data = { policeAgency: b.policeAgency, transferredAt: b.transferredAt };
        break;
      }
      case 'receipt':
        on = b.on as IsoDate;
        problems = checkReceipt(t, { on, sentOn: row.transferredOn }, today);
        changes = {
          status: 'received',
          policeReceivedOn: on,
          receiptRef: (b.receiptRef as string | undefined) ?? null,
        };
        data = { receiptRef: b.receiptRef ?? null };
        break;
      case 'police-decision': {
        on = b.on as IsoDate;
        const notifiedOn = (b.notifiedOn as IsoDate | undefined) ?? on;
        const result = b.result as PoliceDecision;
        problems = checkPoliceDecision(t, { on, notifiedOn }, today);
        changes = {
          status: result,
          policeDecision: result,
          policeDecidedOn: on,
          policeNotifiedOn: notifiedOn,
          policeLetterRef: b.letterRef as string,
          policeReason: (b.reason as string | undefined) ?? null,
          ...(result === 'filed' ? { policeFiledOn: on } : {}),
        };
        data = { result, notifiedOn, letterRef: b.letterRef };
        break;
      }
      case 'request-review': {
        on = b.on as IsoDate;
        const dueOn = t.policeNotifiedOn
          ? reviewRequestDueOn(await calendar.calendarFor(ctx.tx), t.policeNotifiedOn)
          : null;
        problems = checkReviewRequest(t, { on, dueOn }, today);
        changes = { status: 'review_requested', reviewRequestedOn: on, reviewReason: b.reason as string };
        data = { dueOn };
        break;
      }
      case 'review-result': {
        on = b.on as IsoDate;
        const result = b.result as 'filed' | 'upheld';
        problems = checkReviewResult(t, { on }, today);
        changes = {
          status: result === 'filed' ? 'filed' : 'not_filed',
          reviewResult: result,
          reviewResultOn: on,
          reviewLetterRef: b.letterRef as string,
          ...(result === 'filed' ? { policeFiledOn: on } : {}),
        };
        data = { result, letterRef: b.letterRef };
        break;
      }
      case 'hand-over':
        on = b.on as IsoDate;
        problems = checkHandover(t, { on }, today);
        changes = { handedOverOn: on, handoverNote: (b.note as string | undefined) ?? null };
        data = { note: b.note ?? null };
        break;
      case 'return': {
        on = b.on as IsoDate;
        problems = checkReturn(t, { on }, today);
        const decision = source.decision as { kind?: string } | null;
        const outcome = returnOutcome(source.stage, decision?.kind ?? null);
        changes = {
          status: 'returned',
          returnedOn: on,
          returnLetterRef: b.letterRef as string,
          returnReason: b.reason as string,
          returnOutcome: outcome,
        };
        data = { outcome, letterRef: b.letterRef };
        break;
      }
      default:
        throw notFound('Step', name);
    }
    if (problems.length > 0) throw ruleViolation(`criminal-transfer-${name}`, problems);

    let documentNumber: string | null = null;
    if (name === 'send') {
      // The 涉嫌犯罪案件移送书 (TR art. 6), numbered gap-free; a lead sent to the police is closed as transferred.
      const document = await allocateDocumentNumber(ctx, {
        agencyId,
        documentType: 'criminal_transfer',
        issuedOn: on,
        purpose: `criminal transfer ${transferId} of case ${source.id}`,
      });
      documentNumber = document.number;
      changes.documentNumber = documentNumber;
      if (source.stage === 'lead') {
        await cases.updateCase(
          ctx.tx,
          agencyId,
          source.id,
          {
            stage: 'transferred',
            closingReason: `移送公安机关（涉嫌${row.suspectedOffence}）— ${String(b.policeAgency)}`,
          },
          ctx.now,
        );
        ctx.audit({
          action: 'case.criminal_transfer_sent',
          entityType: 'case',
          entityId: source.id,
          changes: { stage: { before: 'lead', after: 'transferred' } },
        });
      }
    }
    if (name === 'return' && changes.returnOutcome === 'new_lead')
      changes.newLeadId = await newLeadFromReturn(ctx, source, row, body as TransferStepBody<'return'>);

    const updated = await repo.updateTransfer(ctx.tx, row, changes, ctx.now);
    await recordCaseStep(ctx, source.id, {
      action: `criminal-transfer-${name}`,
      on,
      documentNumber,
      data: {
        criminalTransferId: transferId,
        ...data,
        ...(changes.newLeadId ? { newLeadId: changes.newLeadId } : {}),
      },
    });
    ctx.audit({
      action: `criminal_transfer.${name}`,
      entityType: 'criminal_transfer',
      entityId: transferId,
      changes: auditChanges(row, changes),
    });
    return viewOne(ctx.tx, updated, ctx.now);
  }

  async function get(ex: Executor, agencyId: string, id: string, now: Date) {
    const row = await repo.findTransfer(ex, agencyId, id);
    if (!row) throw notFound('Criminal transfer', id);
    return viewOne(ex, row, now);
  }

  async function list(ex: Executor, agencyId: string, query: TransferListQuery, now: Date) {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const after = query.cursor ? decodeCursor(query.cursor, { id: 'uuid' }).id : undefined;
    const filter: repo.TransferFilter = {
      ...(query.status ? { statuses: query.status } : {}),
      ...(query.year !== undefined ? { year: query.year } : {}),
      ...(query.caseId ? { caseId: query.caseId } : {}),
    };
    const cal = await calendar.calendarFor(ex);
    if (query.overdue === undefined) {
      const rows = await repo.listTransfers(ex, agencyId, filter, limit + 1, after);
      const page = toPage(rows, limit, (r) => ({ id: r.id }));
      return { items: page.items.map((r) => toView(r, cal, now)), nextCursor: page.nextCursor };
    }
    // Overdue is computed on read, from the same clocks a transfer shows: scan in batches.
    const page = await scanPage({
      fetch: (n, afterId) => repo.listTransfers(ex, agencyId, filter, n, afterId),
      matches: (r) => toView(r, cal, now).overdue === query.overdue,
      limit,
      ...(after ? { after } : {}),
    });
    return { items: page.rows.map((r) => toView(r, cal, now)), nextCursor: page.nextCursor };
  }

  async function stats(ex: Executor, agencyId: string, year: number | undefined, now: Date) {
    const y = year ?? yearOf(chinaDate(now));
    return { year: y, ...(await repo.transferStats(ex, agencyId, y)) };
  }

  async function addJointCase(ctx: WriteContext, input: JointCaseCreate): Promise<JointCaseView> {
    const agencyId = ctx.actor.agencyId;
    const source = await lockedCase(ctx, input.caseId, '/caseId');
    if (input.startedOn > chinaDate(ctx.now))
      throw validationFailed([{ in: 'body', pointer: '/startedOn', message: 'is in the future' }]);
    const row = await repo.insertJointCase(ctx.tx, {
      agencyId,
      caseId: source.id,
      policeAgency: input.policeAgency,
      startedOn: input.startedOn,
      summary: input.summary,
      createdAt: ctx.now,
    });
    await recordCaseStep(ctx, source.id, {
      action: 'police-joint-investigation',
      on: input.startedOn,
      data: { jointCaseId: row.id, policeAgency: input.policeAgency },
    });
    ctx.audit({
      action: 'criminal_transfer.joint_case_recorded',
      entityType: 'police_joint_case',
      entityId: row.id,
      changes: {
        caseId: { before: null, after: source.id },
        policeAgency: { before: null, after: input.policeAgency },
        startedOn: { before: null, after: input.startedOn },
      },
    });
    return toJointCase(row);
  }

  async function getJointCase(ex: Executor, agencyId: string, id: string) {
    const row = await repo.findJointCase(ex, agencyId, id);
    if (!row) throw notFound('Joint case', id);
    return toJointCase(row);
  }

  async function listJointCases(
    ex: Executor,
    agencyId: string,
    query: { limit?: number; cursor?: string; year?: number },
  ) {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const after = query.cursor ? decodeCursor(query.cursor, { id: 'uuid' }).id : undefined;
    const rows = await repo.listJointCases(ex, agencyId, query.year, limit + 1, after);
    const page = toPage(rows, limit, (r) => ({ id: r.id }));
    return { items: page.items.map(toJointCase), nextCursor: page.nextCursor };
  }

  return { report, step, get, list, stats, addJointCase, getJointCase, listJointCases };
}

export type CriminalTransfersService = ReturnType<typeof createCriminalTransfersService>;

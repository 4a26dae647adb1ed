/**
 * Measures on property during an investigation: seal-up and seizure (查封、扣押, ACL arts. 18–19,
 * 25, 28) and advance preservation of evidence (先行登记保存, APL art. 56).
 *
 * Like the case actions, every step locks the case, runs a pure guard (domain/cases/measures.ts)
 * and either refuses with every unmet condition (422 CASE_RULE_VIOLATION, nothing written) or
 * records the step, a timeline event and an audit event in one transaction. Clocks and flags are
 * computed on read, so the 24-hour emergency flag appears without anyone writing.
 */
import type { Executor } from '../../db/client';
import { chinaDate, type IsoDate } from '../../domain/calendar/dates';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import { closedCaseLock } from '../../domain/cases/after-decision';
import type { CaseClock } from '../../domain/cases/case-clocks';
import type { Unmet } from '../../domain/cases/conditions';
import {
  checkApproval,
  checkExtension,
  checkHandling,
  checkRelease,
  checkTakeMeasure,
  emergencyApprovalDueAt,
  isCompulsory,
  type Measure,
  type MeasureKind,
  measureClock,
  measureFlags,
  testingPauses,
} from '../../domain/cases/measures';
import { staleVersion } from '../../http/etag';
import { decodeCursor, toPage } from '../../http/pagination';
import { type FieldError, notFound, validationFailed } from '../../http/problems';
import { DEFAULT_PAGE_LIMIT } from '../../http/schemas';
import type { WriteContext } from '../../plugins/writes';
import type { CalendarService } from '../calendar/calendar.service';
import { allocateDocumentNumber } from '../document-numbers/document-numbers.service';
import { activeOfficerHasRole, certificatesValidOn } from '../officers/officers.service';
import * as cases from './cases.repository';
import { recordCaseStep, ruleViolation, unknownOfficers } from './investigation.shared';
import * as repo from './measures.repository';
import type {
  MeasureCreate,
  MeasureListQuery,
  MeasureStep,
  MeasureStepBody,
  MeasureView,
} from './measures.schemas';

export type MeasuresDeps = { calendar: CalendarService };

/** The measure as the pure rules see it. */
function asMeasure(row: repo.MeasureRow): Measure {
  return {
    id: row.id,
    kind: row.kind,
    approval: row.approval,
    decidedAt: row.approvedAt,
    result: row.approvalResult,
    startedAt: row.startedAt,
    startedOn: row.startedOn,
    avRecorded: row.avRecorded,
    extendedDays: row.extendedDays,
    endedOn: row.endedOn,
  };
}

function clockPauses(pauses: readonly cases.PauseRow[]) {
  return testingPauses(
    pauses.map((p) => ({
      from: p.fromDate,
      ...(p.toDate ? { to: p.toDate } : {}),
      reason: p.reason,
      kind: p.kind,
    })),
  );
}

/**
 * The clocks of a case's measures still in force, for GET /v1/cases/{id} (a released or handled
 * measure's clock is on the measure itself).
 */
export async function openMeasureClocks(
  ex: Executor,
  agencyId: string,
  caseId: string,
  calendar: WorkingCalendar,
  pauses: readonly cases.PauseRow[],
  today: IsoDate,
): Promise<CaseClock[]> {
  const rows = await repo.listCaseMeasures(ex, agencyId, caseId);
  const testing = clockPauses(pauses);
  return rows
    .filter((r) => r.endedOn === null)
    .map((r) => measureClock(calendar, asMeasure(r), testing, today));
}

export function createMeasuresService({ calendar }: MeasuresDeps) {
  function view(
    row: repo.MeasureRow,
    cal: WorkingCalendar,
    pauses: readonly cases.PauseRow[],
    now: Date,
  ): MeasureView {
    const m = asMeasure(row);
    const due = emergencyApprovalDueAt(m);
    return {
      id: row.id,
      caseId: row.caseId,
      kind: row.kind,
      items: row.items,
      startedAt: row.startedAt.toISOString(),
      startedOn: row.startedOn,
      officerIds: row.officerIds,
      avRecorded: row.avRecorded,
      documentNumber: row.documentNumber,
      approval: {
        mode: row.approval,
        result: row.approvalResult,
        approverId: row.approvedBy,
        decidedAt: row.approvedAt?.toISOString() ?? null,
        opinion: row.approvalOpinion,
        dueBy: due?.toISOString() ?? null,
      },
      extension:
        row.extendedDays > 0
          ? {
              days: row.extendedDays,
              approverId: row.extensionApprovedBy,
              approvedOn: row.extensionApprovedOn,
              reason: row.extensionReason,
            }
          : null,
      end: row.endedOn
        ? { on: row.endedOn, outcome: row.outcome ?? '', reason: row.endReason, note: row.endNote }
        : null,
      clock: measureClock(cal, m, clockPauses(pauses), chinaDate(now)),
      flags: measureFlags(m, now),
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async function viewOne(ex: Executor, row: repo.MeasureRow, now: Date) {
    const pauses = await cases.listPauses(ex, row.agencyId, row.caseId);
    return view(row, await calendar.calendarFor(ex), pauses, now);
  }

  async function lockedCase(ctx: WriteContext, caseId: string) {
    const found = await cases.findCase(ctx.tx, ctx.actor.agencyId, caseId, { lock: true });
    if (!found) throw notFound('Case', caseId);
    return found;
  }

  async function take(ctx: WriteContext, caseId: string, input: MeasureCreate): Promise<MeasureView> {
    const agencyId = ctx.actor.agencyId;
    const today = chinaDate(ctx.now);
    const found = await lockedCase(ctx, caseId);

    const errors: FieldError[] = [];
    if (input.approverId !== undefined && input.approvedAt === undefined)
      errors.push({ in: 'body', pointer: '/approvedAt', message: 'is required with approverId' });
    if (input.approvedAt !== undefined && input.approverId === undefined)
      errors.push({ in: 'body', pointer: '/approverId', message: 'is required with approvedAt' });
    if (input.approval === 'prior' && input.approverId === undefined && input.approvedAt === undefined) {
      errors.push({ in: 'body', pointer: '/approverId', message: 'is required for a prior approval' });
      errors.push({ in: 'body', pointer: '/approvedAt', message: 'is required for a prior approval' });
    }
    errors.push(...(await unknownOfficers(ctx.tx, agencyId, input.officerIds, '/officerIds')));
    if (input.approverId !== undefined)
      errors.push(
        ...(await unknownOfficers(ctx.tx, agencyId, [input.approverId], '/approverId', { list: false })),
      );
    if (errors.length > 0) throw validationFailed(errors);

    const startedAt = new Date(input.startedAt);
    const startedOn = chinaDate(startedAt);
    const approvedAt = input.approvedAt !== undefined ? new Date(input.approvedAt) : undefined;
    const validity = await certificatesValidOn(ctx.tx, agencyId, input.officerIds, startedOn);
    const problems = checkTakeMeasure(
      found,
      {
        kind: input.kind,
        startedAt,
        startedOn,
        officerIds: input.officerIds,
        certifiedOfficerIds: validity.filter((v) => v.valid).map((v) => v.officerId),
        approval: input.approval,
        ...(input.approverId && approvedAt
          ? {
              approver: {
                isBureauHead: await activeOfficerHasRole(ctx.tx, agencyId, input.approverId, 'bureau_head'),
                at: approvedAt,
              },
            }
          : {}),
      },
      ctx.now,
      today,
    );
    if (problems.length > 0) throw ruleViolation('take-measure', problems);

    // A seal-up or seizure is decided in writing (查封 / 扣押决定书, ACL art. 24): a numbered document.
    const document = isCompulsory(input.kind)
      ? await allocateDocumentNumber(ctx, {
          agencyId,
          documentType: 'compulsory_measure',
          issuedOn: startedOn,
          purpose: `case ${caseId}: ${input.kind}`,
        })
      : null;
    const row = await repo.insertMeasure(ctx.tx, {
      agencyId,
      caseId,
      documentNumber: document?.number ?? null,
      kind: input.kind,
      items: input.items,
      approval: input.approval,
      approvedBy: input.approverId ?? null,
      approvedAt: approvedAt ?? null,
      approvalResult: approvedAt ? 'approved' : null,
      startedAt,
      startedOn,
      officerIds: input.officerIds,
      avRecorded: input.avRecorded,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordCaseStep(ctx, caseId, {
      action: 'take-measure',
      on: startedOn,
      documentNumber: row.documentNumber,
      data: {
        measureId: row.id,
        kind: row.kind,
        approval: row.approval,
        approverId: row.approvedBy,
        officerIds: row.officerIds,
        avRecorded: row.avRecorded,
      },
    });
    ctx.audit({
      action: 'case.measure_taken',
      entityType: 'case',
      entityId: caseId,
      changes: {
        measure: {
          before: null,
          after: { id: row.id, kind: row.kind, approval: row.approval, startedAt: input.startedAt },
        },
      },
    });
    return viewOne(ctx.tx, row, ctx.now);
  }

  /** One step on a measure: approve, extend, release or handle. */
  async function step<S extends MeasureStep>(
    ctx: WriteContext,
    caseId: string,
    measureId: string,
    name: S,
    body: MeasureStepBody<S>,
    /** From an optional If-Match: the versions the caller saw. */
    versions: number[] | null = null,
  ): Promise<MeasureView> {
    const agencyId = ctx.actor.agencyId;
    const today = chinaDate(ctx.now);
    // A closed or archived case is read-only (after-decision.ts).
    const locked = closedCaseLock(await lockedCase(ctx, caseId), `${name}-measure`);
    if (locked.length > 0) throw ruleViolation(`${name}-measure`, locked);
    const row = await repo.findMeasure(ctx.tx, agencyId, caseId, measureId, { lock: true });
    if (!row) throw notFound('Measure', measureId);
    if (versions && !versions.includes(row.version)) throw staleVersion(row.version);
    const m = asMeasure(row);
    const b = body as Record<string, unknown>;
    if (typeof b.approverId === 'string') {
      const unknown = await unknownOfficers(ctx.tx, agencyId, [b.approverId], '/approverId', { list: false });
      if (unknown.length > 0) throw validationFailed(unknown);
    }
    const head = await activeOfficerHasRole(ctx.tx, agencyId, b.approverId, 'bureau_head');

    let problems: Unmet[];
    let changes: Partial<repo.MeasureRow>;
    let on: IsoDate;
    let data: Record<string, unknown>;
    switch (name) {
      case 'approve': {
        const at = new Date(b.decidedAt as string);
        const result = b.result as 'approved' | 'refused';
        problems = checkApproval(m, { isBureauHead: head, at }, ctx.now);
        changes = {
          approvedBy: b.approverId as string,
          approvedAt: at,
          approvalResult: result,
          approvalOpinion: (b.opinion as string | undefined) ?? null,
        };
        on = chinaDate(at);
        data = { result, approverId: b.approverId, decidedAt: b.decidedAt };
        break;
      }
      case 'extend': {
        on = b.on as IsoDate;
        const pauses = await cases.listPauses(ctx.tx, agencyId, caseId);
        const current = measureClock(await calendar.calendarFor(ctx.tx), m, clockPauses(pauses), today);
        problems = checkExtension(
          m,
          { on, days: b.days as number, isBureauHead: head, dueDate: current.dueDate },
          today,
        );
        changes = {
          extendedDays: b.days as number,
          extensionApprovedBy: b.approverId as string,
          extensionApprovedOn: on,
          extensionReason: b.reason as string,
        };
        data = { days: b.days, approverId: b.approverId, reason: b.reason, dueDateBefore: current.dueDate };
        break;
      }
      case 'release':
        on = b.on as IsoDate;
        problems = checkRelease(m, { on }, today);
        changes = {
          endedOn: on,
          outcome: 'released',
          endReason: b.reason as string,
          endNote: (b.note as string) ?? null,
        };
        data = { reason: b.reason, note: b.note ?? null };
        break;
      case 'handle':
        on = b.on as IsoDate;
        problems = checkHandling(m, { on }, today);
        changes = {
          endedOn: on,
          outcome: b.decision as string,
          endReason: null,
          endNote: (b.note as string) ?? null,
        };
        data = { decision: b.decision, note: b.note ?? null };
        break;
      default:
        throw notFound('Step', name);
    }
    if (problems.length > 0) throw ruleViolation(`${name}-measure`, problems);

    const updated = await repo.updateMeasure(ctx.tx, row, changes, ctx.now);
    await recordCaseStep(ctx, caseId, {
      action: `${name}-measure`,
      on,
      data: { measureId, kind: row.kind, ...data },
    });
    ctx.audit({
      action: `case.measure_${name}`,
      entityType: 'case',
      entityId: caseId,
      changes: {
        measureId: { before: null, after: measureId },
        ...Object.fromEntries(
          Object.entries(changes).map(([k, v]) => [
            k,
            {
              before: (row as Record<string, unknown>)[k] ?? null,
              after: v instanceof Date ? v.toISOString() : v,
            },
          ]),
        ),
      },
    });
    return viewOne(ctx.tx, updated, ctx.now);
  }

  async function listForCase(ex: Executor, agencyId: string, caseId: string, now: Date) {
    if (!(await cases.findCase(ex, agencyId, caseId))) throw notFound('Case', caseId);
    const rows = await repo.listCaseMeasures(ex, agencyId, caseId);
    const pauses = await cases.listPauses(ex, agencyId, caseId);
    const cal = await calendar.calendarFor(ex);
    return { caseId, items: rows.map((r) => view(r, cal, pauses, now)) };
  }

  async function get(ex: Executor, agencyId: string, caseId: string, measureId: string, now: Date) {
    const row = await repo.findMeasure(ex, agencyId, caseId, measureId);
    if (!row) throw notFound('Measure', measureId);
    return viewOne(ex, row, now);
  }

  /** The agency's measures, for supervision: e.g. every seal-up or seizure without an audio-video record. */
  async function list(ex: Executor, agencyId: string, query: MeasureListQuery, now: Date) {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const after = query.cursor ? decodeCursor(query.cursor, { id: 'uuid' }).id : undefined;
    const filter: repo.MeasureFilter = {
      ...(query.kind ? { kind: query.kind as MeasureKind } : {}),
      ...(query.flag ? { flag: query.flag } : {}),
      ...(query.open !== undefined ? { open: query.open } : {}),
    };
    const rows = await repo.listMeasures(ex, agencyId, filter, now, limit, after);
    const page = toPage(rows, limit, (r) => ({ id: r.id }));
    const cal = await calendar.calendarFor(ex);
    const pausesOf = new Map<string, cases.PauseRow[]>();
    const items: MeasureView[] = [];
    for (const row of page.items) {
      if (!pausesOf.has(row.caseId))
        pausesOf.set(row.caseId, await cases.listPauses(ex, agencyId, row.caseId));
      items.push(view(row, cal, pausesOf.get(row.caseId) ?? [], now));
    }
    return { items, nextCursor: page.nextCursor, total: await repo.countMeasures(ex, agencyId, filter, now) };
  }

  return { take, step, listForCase, get, list };
}

export type MeasuresService = ReturnType<typeof createMeasuresService>;

/**
 * Administrative interview records (行政约谈记录): the bureau's officers meet the party's representative
 * about a case; supervision spot-checks the records (抽查) like the correction orders.
 */
import type { Executor } from '../../db/client';
import { chinaDate } from '../../domain/calendar/dates';
import { dated } from '../../domain/cases/case-guards';
import { notFound, validationFailed } from '../../http/problems';
import type { WriteContext } from '../../plugins/writes';
import * as cases from './cases.repository';
import type { InterviewCreate, InterviewView } from './interviews.schemas';
import { recordCaseStep, ruleViolation, unknownOfficers } from './investigation.shared';
import type { SpotCheckCreate } from './spot-checks.schemas';
import { recordSpotCheck, spotChecksOf } from './spot-checks.service';
import * as repo from './supervision-records.repository';

function toView(row: repo.InterviewRow, spotChecks: InterviewView['spotChecks']): InterviewView {
  return {
    id: row.id,
    caseId: row.caseId,
    heldOn: row.heldOn,
    attendeeIds: row.attendeeIds,
    counterpart: { name: row.counterpartName, role: row.counterpartRole },
    subject: row.subject,
    summary: row.summary,
    spotChecks,
    createdAt: row.createdAt.toISOString(),
  };
}

export function createInterviewsService() {
  async function views(ex: Executor, agencyId: string, rows: repo.InterviewRow[]) {
    const checks = await spotChecksOf(
      ex,
      agencyId,
      'interview',
      rows.map((r) => r.id),
    );
    return rows.map((r) => toView(r, checks(r.id)));
  }

  async function record(ctx: WriteContext, caseId: string, input: InterviewCreate): Promise<InterviewView> {
    const agencyId = ctx.actor.agencyId;
    const found = await cases.findCase(ctx.tx, agencyId, caseId, { lock: true });
    if (!found) throw notFound('Case', caseId);
    const unknown = await unknownOfficers(ctx.tx, agencyId, input.attendeeIds, '/attendeeIds');
    if (unknown.length > 0) throw validationFailed(unknown);
    const problems = dated(input.heldOn, found.receivedOn, chinaDate(ctx.now), 'the lead’s receipt');
    if (problems.length > 0) throw ruleViolation('record-interview', problems);

    const row = await repo.insertInterview(ctx.tx, {
      agencyId,
      caseId,
      heldOn: input.heldOn,
      attendeeIds: input.attendeeIds,
      counterpartName: input.counterpart.name,
      counterpartRole: input.counterpart.role,
      subject: input.subject,
      summary: input.summary,
      createdAt: ctx.now,
    });
    await recordCaseStep(ctx, caseId, {
      action: 'record-interview',
      on: input.heldOn,
      data: { interviewId: row.id, attendeeIds: input.attendeeIds, subject: input.subject },
    });
    ctx.audit({
      action: 'interview.recorded',
      entityType: 'interview',
      entityId: row.id,
      changes: {
        caseId: { before: null, after: caseId },
        heldOn: { before: null, after: input.heldOn },
        subject: { before: null, after: input.subject },
      },
    });
    return toView(row, []);
  }

  async function spotCheck(ctx: WriteContext, caseId: string, interviewId: string, input: SpotCheckCreate) {
    const row = await repo.findInterview(ctx.tx, ctx.actor.agencyId, caseId, interviewId);
    if (!row) throw notFound('Interview', interviewId);
    return recordSpotCheck(ctx, { kind: 'interview', id: row.id, caseId, on: row.heldOn }, input);
  }

  async function get(ex: Executor, agencyId: string, caseId: string, interviewId: string) {
    const row = await repo.findInterview(ex, agencyId, caseId, interviewId);
    if (!row) throw notFound('Interview', interviewId);
    return (await views(ex, agencyId, [row]))[0] as InterviewView;
  }

  async function list(ex: Executor, agencyId: string, caseId: string) {
    if (!(await cases.findCase(ex, agencyId, caseId))) throw notFound('Case', caseId);
    return { caseId, items: await views(ex, agencyId, await repo.listInterviews(ex, agencyId, caseId)) };
  }

  return { record, spotCheck, get, list };
}

export type InterviewsService = ReturnType<typeof createInterviewsService>;

/**
 * Correction orders (责令改正通知书, APL art. 28): issued on a case with a numbered document and a
 * deadline; followed up (复查) after it; overdue when the deadline passed without a follow-up. Spot
 * checks (抽查) by supervision are recorded against each order.
 */
import type { Executor } from '../../db/client';
import { chinaDate } from '../../domain/calendar/dates';
import { dated } from '../../domain/cases/case-guards';
import { checkFollowUp, correctionClock, type FollowUp } from '../../domain/cases/correction-orders';
import { staleVersion } from '../../http/etag';
import { decodeCursor, toPage } from '../../http/pagination';
import { notFound, validationFailed } from '../../http/problems';
import { DEFAULT_PAGE_LIMIT } from '../../http/schemas';
import type { WriteContext } from '../../plugins/writes';
import { allocateDocumentNumber } from '../document-numbers/document-numbers.service';
import * as cases from './cases.repository';
import type {
  CorrectionOrderCreate,
  CorrectionOrderListQuery,
  CorrectionOrderView,
  FollowUpCreate,
} from './correction-orders.schemas';
import { recordCaseStep, ruleViolation } from './investigation.shared';
import type { SpotCheckCreate } from './spot-checks.schemas';
import { recordSpotCheck, spotChecksOf } from './spot-checks.service';
import * as repo from './supervision-records.repository';

function toView(
  row: repo.CorrectionOrderRow,
  spotChecks: CorrectionOrderView['spotChecks'],
  now: Date,
): CorrectionOrderView {
  return {
    id: row.id,
    caseId: row.caseId,
    documentNumber: row.documentNumber,
    issuedOn: row.issuedOn,
    requirements: row.requirements,
    deadline: row.deadline,
    legalBasis: row.legalBasis,
    followUps: row.followUps,
    clock: correctionClock(row, chinaDate(now)),
    spotChecks,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function createCorrectionOrdersService() {
  async function views(ex: Executor, agencyId: string, rows: repo.CorrectionOrderRow[], now: Date) {
    const checks = await spotChecksOf(
      ex,
      agencyId,
      'correction_order',
      rows.map((r) => r.id),
    );
    return rows.map((r) => toView(r, checks(r.id), now));
  }

  async function viewOne(ex: Executor, row: repo.CorrectionOrderRow, now: Date) {
    return (await views(ex, row.agencyId, [row], now))[0] as CorrectionOrderView;
  }

  async function lockedCase(ctx: WriteContext, caseId: string) {
    const found = await cases.findCase(ctx.tx, ctx.actor.agencyId, caseId, { lock: true });
    if (!found) throw notFound('Case', caseId);
    return found;
  }

  async function issue(ctx: WriteContext, caseId: string, input: CorrectionOrderCreate) {
    const agencyId = ctx.actor.agencyId;
    const found = await lockedCase(ctx, caseId);
    if (input.deadline < input.issuedOn)
      throw validationFailed([{ in: 'body', pointer: '/deadline', message: 'is before issuedOn' }]);
    const problems = dated(input.issuedOn, found.receivedOn, chinaDate(ctx.now), 'the lead’s receipt');
    if (problems.length > 0) throw ruleViolation('issue-correction-order', problems);

    const document = await allocateDocumentNumber(ctx, {
      agencyId,
      documentType: 'correction_order',
      issuedOn: input.issuedOn,
      purpose: `case ${caseId}: correction order`,
    });
    const row = await repo.insertCorrectionOrder(ctx.tx, {
      agencyId,
      caseId,
      documentNumber: document.number,
      issuedOn: input.issuedOn,
      requirements: input.requirements,
      deadline: input.deadline,
      legalBasis: input.legalBasis,
      followUps: [],
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordCaseStep(ctx, caseId, {
      action: 'issue-correction-order',
      on: input.issuedOn,
      documentNumber: document.number,
      data: { correctionOrderId: row.id, deadline: input.deadline },
    });
    ctx.audit({
      action: 'correction_order.issued',
      entityType: 'correction_order',
      entityId: row.id,
      changes: {
        caseId: { before: null, after: caseId },
        documentNumber: { before: null, after: document.number },
        deadline: { before: null, after: input.deadline },
      },
    });
    return viewOne(ctx.tx, row, ctx.now);
  }

  async function followUp(
    ctx: WriteContext,
    caseId: string,
    orderId: string,
    input: FollowUpCreate,
    versions: number[] | null,
  ) {
    const agencyId = ctx.actor.agencyId;
    await lockedCase(ctx, caseId);
    const row = await repo.findCorrectionOrder(ctx.tx, agencyId, caseId, orderId, { lock: true });
    if (!row) throw notFound('Correction order', orderId);
    if (versions && !versions.includes(row.version)) throw staleVersion(row.version);
    const problems = checkFollowUp(row, input.checkedOn, chinaDate(ctx.now));
    if (problems.length > 0) throw ruleViolation('correction-follow-up', problems);
    const entry: FollowUp = {
      checkedOn: input.checkedOn,
      result: input.result,
      note: input.note ?? null,
      recordedBy: ctx.actor.id,
      recordedAt: ctx.now.toISOString(),
    };
    const followUps = [...row.followUps, entry];
    const last =
      followUps
        .map((f) => f.checkedOn)
        .sort()
        .at(-1) ?? null;
    const updated = await repo.updateCorrectionOrder(
      ctx.tx,
      row,
      {
        followUps,
        lastCheckedOn: last,
        correctedOn: row.correctedOn ?? (input.result === 'corrected' ? input.checkedOn : null),
      },
      ctx.now,
    );
    await recordCaseStep(ctx, caseId, {
      action: 'correction-follow-up',
      on: input.checkedOn,
      data: { correctionOrderId: orderId, result: input.result },
    });
    ctx.audit({
      action: 'correction_order.followed_up',
      entityType: 'correction_order',
      entityId: orderId,
      changes: { followUp: { before: null, after: { checkedOn: input.checkedOn, result: input.result } } },
    });
    return viewOne(ctx.tx, updated, ctx.now);
  }

  async function spotCheck(ctx: WriteContext, caseId: string, orderId: string, input: SpotCheckCreate) {
    const row = await repo.findCorrectionOrder(ctx.tx, ctx.actor.agencyId, caseId, orderId, { lock: true });
    if (!row) throw notFound('Correction order', orderId);
    return recordSpotCheck(ctx, { kind: 'correction_order', id: row.id, caseId, on: row.issuedOn }, input);
  }

  async function get(ex: Executor, agencyId: string, caseId: string, orderId: string, now: Date) {
    const row = await repo.findCorrectionOrder(ex, agencyId, caseId, orderId);
    if (!row) throw notFound('Correction order', orderId);
    return viewOne(ex, row, now);
  }

  async function listForCase(ex: Executor, agencyId: string, caseId: string, now: Date) {
    if (!(await cases.findCase(ex, agencyId, caseId))) throw notFound('Case', caseId);
    const rows = await repo.listCorrectionOrders(ex, agencyId, { caseId }, 1000);
    return { caseId, items: await views(ex, agencyId, rows, now) };
  }

  async function list(ex: Executor, agencyId: string, query: CorrectionOrderListQuery, now: Date) {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const after = query.cursor ? decodeCursor(query.cursor, { id: 'uuid' }).id : undefined;
    const rows = await repo.listCorrectionOrders(
      ex,
      agencyId,
      {
        ...(query.year !== undefined ? { year: query.year } : {}),
        ...(query.overdue !== undefined ? { overdue: { value: query.overdue, today: chinaDate(now) } } : {}),
      },
      limit + 1,
      after,
    );
    const page = toPage(rows, limit, (r) => ({ id: r.id }));
    return { items: await views(ex, agencyId, page.items, now), nextCursor: page.nextCursor };
  }

  return { issue, followUp, spotCheck, get, listForCase, list };
}

export type CorrectionOrdersService = ReturnType<typeof createCorrectionOrdersService>;

/**
 * On-the-spot penalties (当场处罚, 简易程序), RULES.md §2. The officers decide on the spot and hand
 * over a numbered decision; the record keeps it with the remedies statement printed on it, then the
 * filing with the bureau (备案) against its working-day clock, and the form reviews (文书审查) that
 * supervision runs over these decisions. The rules are pure functions in domain/on-the-spot; a
 * refused request answers 422 with every unmet condition and writes nothing (no number consumed).
 */

import type { Executor } from '../../db/client';
import type { DecisionStatus } from '../../domain/appeals/outcomes';
import { changedFields } from '../../domain/audit/hash-chain';
import { chinaDate, type IsoDate, yearOf } from '../../domain/calendar/dates';
import { computeDeadline } from '../../domain/calendar/deadlines';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import type { PartyKind, ProposedPenalty } from '../../domain/cases/case-model';
import {
  isUnifiedSocialCreditCode,
  maskResidentId,
  normalizeUnifiedSocialCreditCode,
} from '../../domain/identifiers';
import {
  checkDecision,
  checkFiling,
  checkReview,
  filingClock,
  fineOf,
  NOT_PUBLISHABLE,
  type OnTheSpotCondition,
  overdueCutoff,
  RECONSIDERATION_FIRST_RULE,
  REVIEW_PROBLEM_CODES,
  type ReviewProblemCode,
} from '../../domain/on-the-spot/on-the-spot';
import { PERIOD_RULES } from '../../domain/rules/period-rules';
import { decodeCursor, toPage } from '../../http/pagination';
import { type FieldError, HttpProblem, notFound, validationFailed } from '../../http/problems';
import { DEFAULT_PAGE_LIMIT } from '../../http/schemas';
import type { WriteContext } from '../../plugins/writes';
import type { CalendarService } from '../calendar/calendar.service';
import { partyProblems } from '../cases/cases.service';
import { allocateDocumentNumber } from '../document-numbers/document-numbers.service';
import { findOfficer } from '../officers/officers.repository';
import { certificatesValidOn, maskPhone } from '../officers/officers.service';
import { findItemAsOf } from '../power-list/power-list.service';
import { ruleSetting } from '../rule-settings/rule-settings.service';
import * as repo from './on-the-spot.repository';
import type {
  OnTheSpotCreate,
  OnTheSpotFiling,
  OnTheSpotListQuery,
  OnTheSpotReviewCreate,
  OnTheSpotReviewView,
  OnTheSpotStats,
  OnTheSpotStatsQuery,
  OnTheSpotView,
} from './on-the-spot.schemas';
import type { PaymentRecord } from './on-the-spot.table';

export type OnTheSpotDeps = { calendar: CalendarService };

function violation(action: string, unmet: OnTheSpotCondition[]): HttpProblem {
  return new HttpProblem(
    'ON_THE_SPOT_RULE_VIOLATION',
    `${action} is not allowed: ${unmet.map((p) => p.code).join(', ')}`,
    { extensions: { action, unmet } },
  );
}

/** What a fine's payment must carry (400 with pointers): the form of the record, not the law's limits. */
function paymentProblems(input: OnTheSpotCreate, fine: number | null): FieldError[] {
  const p = input.payment;
  const at = (field: string, message: string): FieldError => ({
    in: 'body',
    pointer: `/payment${field}`,
    message,
  });
  if (fine === null) return p ? [at('', 'is only for a decision with a fine')] : [];
  if (!p) return [at('', 'is required for a fine: on the spot (with its receipt) or later')];
  if (p.method === 'on_the_spot') {
    return [
      ...(p.collectionGround
        ? []
        : [at('/collectionGround', 'is required for a fine collected on the spot')]),
      ...(p.receiptNumber ? [] : [at('/receiptNumber', 'is required: the official receipt (APL art. 70)')]),
    ];
  }
  return [
    ...(p.collectionGround ? [at('/collectionGround', 'is only for a fine collected on the spot')] : []),
    ...(p.receiptNumber ? [at('/receiptNumber', 'is only for a fine collected on the spot')] : []),
  ];
}

function toReview(row: repo.ReviewRow): OnTheSpotReviewView {
  return {
    id: row.id,
    penaltyId: row.penaltyId,
    reviewedOn: row.reviewedOn,
    reviewerId: row.reviewerId,
    problems: row.problems,
    recordedBy: row.recordedBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export function createOnTheSpotService({ calendar }: OnTheSpotDeps) {
  /** Reads a page of records needs once: officer names and item names, cached per call. */
  function lookups(ex: Executor, agencyId: string) {
    const officerNames = new Map<string, string>();
    const items = new Map<string, { id: string; code: string; name: string }>();
    return {
      async officer(id: string) {
        if (!officerNames.has(id)) officerNames.set(id, (await findOfficer(ex, agencyId, id))?.name ?? '');
        return { id, name: officerNames.get(id) ?? '' };
      },
      async item(id: string, on: IsoDate) {
        const key = `${id}@${on}`;
        if (!items.has(key)) {
          const item = await findItemAsOf(ex, agencyId, id, on);
          items.set(key, { id, code: item?.code ?? '', name: item?.name ?? '' });
        }
        return items.get(key) as { id: string; code: string; name: string };
      },
    };
  }

  async function view(
    row: repo.PenaltyRow,
    reviews: repo.ReviewRow[],
    cal: WorkingCalendar,
    look: ReturnType<typeof lookups>,
    today: IsoDate,
  ): Promise<OnTheSpotView> {
    const officers = [];
    for (const id of row.officerIds) officers.push(await look.officer(id));
    const payment = row.payment;
    return {
      id: row.id,
      decisionNumber: row.decisionNumber,
      decidedAt: row.decidedAt.toISOString(),
      decidedOn: row.decidedOn,
      place: row.place,
      officers,
      party: {
        kind: row.partyKind,
        name: row.partyName,
        residentId: row.partyResidentId ? maskResidentId(row.partyResidentId) : null,
        creditCode: row.partyCreditCode,
        legalRepresentative: row.partyLegalRepresentative,
        address: row.partyAddress,
        phone: row.partyPhone ? maskPhone(row.partyPhone) : null,
      },
      facts: row.facts,
      legalBasis: row.legalBasis,
      powerItem: await look.item(row.powerItemId, row.decidedOn),
      penalties: row.penalties,
      decisionStatus: row.decisionStatus as DecisionStatus,
      penaltiesInForce: row.penaltiesInForce,
      fine: fineOf(row.penalties),
      payment: payment
        ? {
            method: payment.method,
            collectionGround: payment.collectionGround ?? null,
            receiptNumber: payment.receiptNumber ?? null,
            dueDate:
              payment.method === 'later'
                ? computeDeadline(cal, {
                    start: row.decidedOn,
                    days: PERIOD_RULES.PAYMENT.days,
                    unit: PERIOD_RULES.PAYMENT.unit,
                  }).dueDate
                : null,
          }
        : null,
      remedies: { reconsiderationFirst: true, rule: RECONSIDERATION_FIRST_RULE, notice: row.remediesNotice },
      filing: {
        filedOn: row.filedOn,
        recordedBy: row.filedRecordedBy,
        note: row.filingNote,
        clock: filingClock(cal, row.decidedOn, row.filingWorkingDays, row.filedOn, today),
      },
      publishable: false,
      publicationExclusion: { ...NOT_PUBLISHABLE },
      reviews: reviews.map(toReview),
      recordedBy: row.recordedBy,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async function views(ex: Executor, agencyId: string, rows: repo.PenaltyRow[], today: IsoDate) {
    const cal = await calendar.calendarFor(ex);
    const look = lookups(ex, agencyId);
    const reviews = await repo.listReviewsOf(
      ex,
      agencyId,
      rows.map((r) => r.id),
    );
    const out: OnTheSpotView[] = [];
    for (const row of rows) {
      out.push(
        await view(
          row,
          reviews.filter((r) => r.penaltyId === row.id),
          cal,
          look,
          today,
        ),
      );
    }
    return out;
  }

  async function get(ex: Executor, agencyId: string, id: string, today: IsoDate): Promise<OnTheSpotView> {
    const row = await repo.findPenalty(ex, agencyId, id);
    if (!row) throw notFound('On-the-spot penalty', id);
    const [found] = await views(ex, agencyId, [row], today);
    return found as OnTheSpotView;
  }

  async function decide(ctx: WriteContext, input: OnTheSpotCreate): Promise<OnTheSpotView> {
    const agencyId = ctx.actor.agencyId;
    const today = chinaDate(ctx.now);
    const decidedOn = chinaDate(new Date(input.decidedAt));
    const penalties = input.penalties as ProposedPenalty[];
    const fine = fineOf(penalties);

    const errors = [...partyProblems(input.party, '/party'), ...paymentProblems(input, fine)];
    for (const [i, id] of input.officerIds.entries()) {
      if (!(await findOfficer(ctx.tx, agencyId, id))) {
        errors.push({ in: 'body', pointer: `/officerIds/${i}`, message: 'is not an officer of your agency' });
      }
    }
    if (errors.length > 0) throw validationFailed(errors);

    const validity = await certificatesValidOn(ctx.tx, agencyId, input.officerIds, decidedOn);
    const item = await findItemAsOf(ctx.tx, agencyId, input.powerItemId, decidedOn);
    const check = checkDecision({
      partyKind: input.party.kind as PartyKind,
      penalties,
      decidedOn,
      today,
      officerIds: input.officerIds,
      certifiedOfficerIds: validity.filter((v) => v.valid).map((v) => v.officerId),
      powerItem: item ? { category: item.category, inForce: item.status === 'in_force' } : null,
      payment: input.payment
        ? {
            method: input.payment.method,
            ...(input.payment.collectionGround ? { collectionGround: input.payment.collectionGround } : {}),
          }
        : null,
    });
    if (check.limits.length > 0) {
      throw new HttpProblem(
        'ON_THE_SPOT_LIMIT_EXCEEDED',
        `Not an on-the-spot penalty: ${check.limits.map((p) => p.message).join('; ')}`,
        { extensions: { action: 'decide', unmet: [...check.limits, ...check.conditions] } },
      );
    }
    if (check.conditions.length > 0) throw violation('decide', check.conditions);

    const [filingDays, remedies] = [
      await ruleSetting(ctx.tx, agencyId, 'on_the_spot.filing_working_days', decidedOn),
      await ruleSetting(ctx.tx, agencyId, 'on_the_spot.remedies_notice', decidedOn),
    ];
    const number = await allocateDocumentNumber(ctx, {
      agencyId,
      documentType: 'on_the_spot_decision',
      issuedOn: decidedOn,
      purpose: `on-the-spot penalty: ${input.party.name}`,
    });
    const payment: PaymentRecord | null = input.payment
      ? {
          method: input.payment.method,
          ...(input.payment.collectionGround ? { collectionGround: input.payment.collectionGround } : {}),
          ...(input.payment.receiptNumber ? { receiptNumber: input.payment.receiptNumber } : {}),
        }
      : null;
    const row = await repo.insertPenalty(ctx.tx, {
      agencyId,
      decisionNumber: number.number,
      decidedAt: new Date(input.decidedAt),
      decidedOn,
      place: input.place,
      officerIds: input.officerIds,
      partyKind: input.party.kind,
      partyName: input.party.name,
      partyResidentId: input.party.residentId ?? null,
      partyCreditCode: input.party.creditCode
        ? normalizeUnifiedSocialCreditCode(input.party.creditCode)
        : null,
      partyLegalRepresentative: input.party.legalRepresentative ?? null,
      partyAddress: input.party.address ?? null,
      partyPhone: input.party.phone ?? null,
      facts: input.facts,
      legalBasis: input.legalBasis,
      powerItemId: input.powerItemId,
      penalties,
      payment,
      remediesNotice: remedies.value,
      filingWorkingDays: filingDays.value,
      recordedBy: ctx.actor.id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    ctx.audit({
      action: 'on_the_spot.decided',
      entityType: 'on_the_spot_penalty',
      entityId: row.id,
      changes: changedFields(null, {
        decisionNumber: row.decisionNumber,
        decidedOn,
        partyName: row.partyName,
        penalties,
        officerIds: row.officerIds,
      }),
    });
    return get(ctx.tx, agencyId, row.id, today);
  }

  async function file(ctx: WriteContext, id: string, input: OnTheSpotFiling): Promise<OnTheSpotView> {
    const agencyId = ctx.actor.agencyId;
    const today = chinaDate(ctx.now);
    const row = await repo.findPenalty(ctx.tx, agencyId, id, { lock: true });
    if (!row) throw notFound('On-the-spot penalty', id);
    const problems = checkFiling({
      filedOn: input.filedOn,
      decidedOn: row.decidedOn,
      today,
      alreadyFiledOn: row.filedOn,
    });
    if (problems.length > 0) throw violation('file', problems);
    const updated = await repo.recordFiling(
      ctx.tx,
      agencyId,
      id,
      { filedOn: input.filedOn, filedRecordedBy: ctx.actor.id, filingNote: input.note ?? null },
      ctx.now,
    );
    ctx.audit({
      action: 'on_the_spot.filed',
      entityType: 'on_the_spot_penalty',
      entityId: id,
      changes: changedFields(row, updated),
    });
    return get(ctx.tx, agencyId, id, today);
  }

  async function review(
    ctx: WriteContext,
    id: string,
    input: OnTheSpotReviewCreate,
  ): Promise<OnTheSpotReviewView> {
    const agencyId = ctx.actor.agencyId;
    const today = chinaDate(ctx.now);
    const row = await repo.findPenalty(ctx.tx, agencyId, id, { lock: true });
    if (!row) throw notFound('On-the-spot penalty', id);
    const errors: FieldError[] = [];
    if (!(await findOfficer(ctx.tx, agencyId, input.reviewerId))) {
      errors.push({ in: 'body', pointer: '/reviewerId', message: 'is not an officer of your agency' });
    }
    input.problems.forEach((p, i) => {
      if (p.code === 'other' && !p.note) {
        errors.push({ in: 'body', pointer: `/problems/${i}/note`, message: 'is required for other' });
      }
    });
    if (errors.length > 0) throw validationFailed(errors);
    const problems = checkReview({
      reviewerId: input.reviewerId,
      officerIds: row.officerIds,
      reviewedOn: input.reviewedOn,
      decidedOn: row.decidedOn,
      today,
    });
    if (problems.length > 0) throw violation('review', problems);

    const found = input.problems.map((p) => ({ code: p.code as ReviewProblemCode, note: p.note ?? null }));
    const created = await repo.insertReview(ctx.tx, {
      agencyId,
      penaltyId: id,
      reviewedOn: input.reviewedOn,
      reviewerId: input.reviewerId,
      problems: found,
      problemCount: found.length,
      recordedBy: ctx.actor.id,
      createdAt: ctx.now,
    });
    await repo.touchPenalty(ctx.tx, agencyId, id, ctx.now);
    ctx.audit({
      action: 'on_the_spot.reviewed',
      entityType: 'on_the_spot_penalty',
      entityId: id,
      changes: {
        review: {
          before: null,
          after: {
            id: created.id,
            reviewedOn: created.reviewedOn,
            reviewerId: created.reviewerId,
            problems: found,
          },
        },
      },
    });
    return toReview(created);
  }

  /** Filing cutoffs for today, one per filing period in use (see overdueCutoff). */
  async function cutoffs(ex: Executor, agencyId: string, today: IsoDate) {
    const cal = await calendar.calendarFor(ex);
    return (await repo.filingPeriods(ex, agencyId)).map((days) => ({
      days,
      decidedOnOrBefore: overdueCutoff(cal, days, today),
    }));
  }

  async function list(ex: Executor, agencyId: string, query: OnTheSpotListQuery, today: IsoDate) {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const after = query.cursor ? decodeCursor(query.cursor, { id: 'uuid' }).id : undefined;
    if (query.decidedFrom && query.decidedTo && query.decidedFrom > query.decidedTo) {
      throw validationFailed([
        { in: 'querystring', pointer: '/decidedFrom', message: `is after decidedTo (${query.decidedTo})` },
      ]);
    }
    const party = query.party;
    const code = party === undefined ? '' : normalizeUnifiedSocialCreditCode(party);
    const filter: repo.PenaltyFilter = {
      ...(query.officerId ? { officerId: query.officerId } : {}),
      ...(party === undefined
        ? {}
        : isUnifiedSocialCreditCode(code)
          ? { partyCreditCode: code }
          : { partyName: party }),
      ...(query.decidedFrom ? { decidedFrom: query.decidedFrom } : {}),
      ...(query.decidedTo ? { decidedTo: query.decidedTo } : {}),
      ...(query.filed !== undefined ? { filed: query.filed } : {}),
      ...(query.reviewed !== undefined ? { reviewed: query.reviewed } : {}),
      ...(query.overdue !== undefined
        ? { overdue: { overdue: query.overdue, cutoffs: await cutoffs(ex, agencyId, today) } }
        : {}),
    };
    const rows = await repo.listPenalties(ex, agencyId, filter, limit + 1, after);
    const page = toPage(rows, limit, (r) => ({ id: r.id }));
    return { items: await views(ex, agencyId, page.items, today), nextCursor: page.nextCursor };
  }

  /** The period of GET /stats: a year, or from–to; neither: the current year. */
  function period(query: OnTheSpotStatsQuery, today: IsoDate): { from: IsoDate; to: IsoDate } {
    const errors: FieldError[] = [];
    const q = (pointer: string, message: string): FieldError => ({ in: 'querystring', pointer, message });
    if (query.year !== undefined && (query.from || query.to))
      errors.push(q('/year', 'cannot be combined with from/to'));
    if ((query.from === undefined) !== (query.to === undefined)) {
      errors.push(q(query.from ? '/to' : '/from', 'is required with the other end of the period'));
    }
    if (query.from && query.to && query.from > query.to) errors.push(q('/from', `is after to (${query.to})`));
    if (errors.length > 0) throw validationFailed(errors);
    if (query.from && query.to) return { from: query.from, to: query.to };
    const year = query.year ?? yearOf(today);
    return { from: `${year}-01-01`, to: `${year}-12-31` };
  }

  async function stats(ex: Executor, agencyId: string, query: OnTheSpotStatsQuery, today: IsoDate) {
    const { from, to } = period(query, today);
    const cal = await calendar.calendarFor(ex);
    const rows = await repo.penaltiesDecidedBetween(ex, agencyId, from, to);
    const reviews = await repo.reviewsOfDecisionsBetween(ex, agencyId, from, to);
    const filing = { onTime: 0, late: 0, pending: 0, overdue: 0 };
    let warnings = 0;
    let fines = 0;
    let fineTotal = 0;
    let collected = 0;
    for (const r of rows) {
      const fine = fineOf(r.penalties);
      if (r.penalties.some((p) => p.type === 'warning')) warnings += 1;
      if (fine !== null) {
        fines += 1;
        fineTotal += fine;
      }
      if (r.payment?.method === 'on_the_spot') collected += 1;
      const state = filingClock(cal, r.decidedOn, r.filingWorkingDays, r.filedOn, today).state;
      if (state === 'completed') filing.onTime += 1;
      else if (state === 'completed_late') filing.late += 1;
      else if (state === 'overdue') filing.overdue += 1;
      else filing.pending += 1;
    }
    const byCode = new Map<ReviewProblemCode, number>(
      (Object.keys(REVIEW_PROBLEM_CODES) as ReviewProblemCode[]).map((c) => [c, 0]),
    );
    const withProblems = new Set<string>();
    let problemsFound = 0;
    for (const r of reviews) {
      for (const p of r.problems) byCode.set(p.code, (byCode.get(p.code) ?? 0) + 1);
      problemsFound += r.problems.length;
      if (r.problems.length > 0) withProblems.add(r.penaltyId);
    }
    const result: OnTheSpotStats = {
      from,
      to,
      decisions: rows.length,
      warnings,
      fines,
      // Cents are exact in decimal; sums of binary floats are not.
      fineTotal: Math.round(fineTotal * 100) / 100,
      collectedOnTheSpot: collected,
      filing,
      review: {
        reviewedDecisions: new Set(reviews.map((r) => r.penaltyId)).size,
        reviews: reviews.length,
        problemsFound,
        decisionsWithProblems: withProblems.size,
        byCode: [...byCode].map(([code, count]) => ({ code, name: REVIEW_PROBLEM_CODES[code], count })),
      },
    };
    return result;
  }

  return { decide, get, list, file, review, stats };
}

export type OnTheSpotService = ReturnType<typeof createOnTheSpotService>;

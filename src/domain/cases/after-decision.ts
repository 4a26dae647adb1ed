/**
 * A decided case's life after the decision (RULES.md §1, rows Service … Closure): service (送达),
 * performance (履行) with payments, approved deferral or instalments and the late surcharge
 * (加处罚款), the written demand (催告) and the application to the court for enforcement (申请法院强制
 * 执行), filing a major case for the record (重大行政处罚备案), closure (结案) and archiving (归档).
 *
 * Pure: the state is read from the case's timeline (case_events), every amount is in fen, and what
 * depends on the working calendar (due dates, the surcharge) is computed on read with the calendar
 * passed in. The guards of the after-decision actions live here; case-guards.ts adds them to GUARDS.
 */

import { ANNULLED_STATUSES, type DecisionStatus } from '../appeals/outcomes';
import { addDays, daysBetween, daysInMonth, type IsoDate, isoDate } from '../calendar/dates';
import { clockStatus, computeDeadline, type Deadline } from '../calendar/deadlines';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { PERIOD_RULES } from '../rules/period-rules';
import type { CaseClock } from './case-clocks';
import { clock } from './case-clocks';
import type { CaseSnapshot, CaseStage, PartyKind, PenaltyType, ProposedPenalty } from './case-model';
import { type Thresholds, thresholdFor } from './case-rules';
import { type Unmet, unmet } from './conditions';
import {
  computeSurcharge,
  type FrozenPeriod,
  type Instalment,
  type Surcharge,
  toCny,
  toFen,
} from './late-surcharge';

// ---------------------------------------------------------------------------------------------------
// Vocabulary

/** How the decision was served (送达方式), APL art. 61 and the Civil Procedure Law it refers to. */
export const SERVICE_METHODS = {
  direct: '直接送达',
  lien: '留置送达',
  post: '邮寄送达',
  electronic: '电子送达 (only with the party’s consent, APL art. 61(2))',
  public_notice: '公告送达 (deemed served 30 days after publication)',
} as const;
export type ServiceMethod = keyof typeof SERVICE_METHODS;

/** Why the surcharge stops accruing (APL art. 73(3)): a reconsideration or a lawsuit is pending. */
export const FREEZE_REASONS = { reconsideration: '行政复议', litigation: '行政诉讼' } as const;
export type FreezeReason = keyof typeof FREEZE_REASONS;

export const SCHEDULE_KINDS = { deferral: '延期缴纳', instalments: '分期缴纳' } as const;
export type ScheduleKind = keyof typeof SCHEDULE_KINDS;

export const CLOSURE_REASONS = {
  performed: '执行完毕 (the decision was performed)',
  enforcement_applied: '已申请人民法院强制执行',
  terminated: '终止调查',
  no_penalty: '不予行政处罚',
  other: '其他 (e.g. a transfer decision)',
} as const;
export type ClosureReason = keyof typeof CLOSURE_REASONS;

export const COURT_ENFORCEMENT_RESULTS = {
  enforced: '执行完毕',
  partially_enforced: '部分执行',
  not_enforced: '裁定不予执行',
  terminated: '终结执行',
} as const;

export const ARCHIVE_RETENTION = { permanent: '永久', thirty_years: '30年', ten_years: '10年' } as const;

/**
 * The timeline event recording what a reconsideration decision (复议决定) or an effective judgment (生效判决)
 * did to the case's decision (appeals/outcomes.ts). Written by the reconsideration and litigation modules,
 * also on a closed or archived case: `data` holds `status`, `penalties` (in force afterwards, or null when
 * unchanged) and `reopen` (revoked with an order to decide again: everything after the old decision is set
 * aside and the case goes back to investigation).
 */
export const REVIEW_OUTCOME_ACTION = 'record-review-outcome';

/** Stages in which the case record is closed: read-only. */
export const READ_ONLY_STAGES: readonly CaseStage[] = ['closed', 'archived'];

/**
 * Actions still allowed on a closed or archived case. Empty for now: the reconsideration and litigation
 * issue adds its steps here (e.g. recording a court's or reviewing body's outcome), and calls the
 * after-decision service functions that accept a closed case (see after-decision.service.ts).
 */
export const CLOSED_CASE_ACTIONS: readonly string[] = [REVIEW_OUTCOME_ACTION];

/** ALL art. 46: a lawsuit may be filed within 6 months of knowing of the act. */
export const LITIGATION_PERIOD_MONTHS = 6;
/** ACL art. 53: the court is asked to enforce within 3 months after the period to appeal ended. */
export const ENFORCEMENT_APPLICATION_MONTHS = 3;

// ---------------------------------------------------------------------------------------------------
// The state after the decision, read from the timeline

export interface Payment {
  on: IsoDate;
  /** Fen. */
  amount: number;
  bankReference: string;
}

export interface AfterDecision {
  decision: {
    on: IsoDate;
    kind: 'penalty' | 'no_penalty' | 'transfer';
    /** In force now: the decided ones, or as varied or partly revoked on review. */
    penalties: ProposedPenalty[];
    /** After a reconsideration or judgment (appeals/outcomes.ts); `in_force` until then. */
    status: DecisionStatus;
    /** When a review last changed the status or penalties. */
    statusChangedOn: IsoDate | null;
  } | null;
  terminatedOn: IsoDate | null;
  service: {
    on: IsoDate;
    /** When service takes effect: public notice 30 days after publication, otherwise `on`. */
    effectiveOn: IsoDate;
    method: ServiceMethod;
    partyPresentAtAnnouncement: boolean;
  } | null;
  schedule: { on: IsoDate; kind: ScheduleKind; instalments: Instalment[] } | null;
  payments: Payment[];
  frozen: (FrozenPeriod & { reference: string })[];
  demandServedOn: IsoDate | null;
  courtEnforcement: {
    appliedOn: IsoDate;
    court: string;
    result: string | null;
    recordedOn: IsoDate | null;
  } | null;
  /** The decision meets the major-case filing criteria (重大行政处罚备案). */
  majorCaseFilingRequired: boolean;
  majorCaseFiledOn: IsoDate | null;
  closure: { on: IsoDate; reason: ClosureReason } | null;
  archivedOn: IsoDate | null;
}

export const NOTHING_AFTER_DECISION: AfterDecision = {
  decision: null,
  terminatedOn: null,
  service: null,
  schedule: null,
  payments: [],
  frozen: [],
  demandServedOn: null,
  courtEnforcement: null,
  majorCaseFilingRequired: false,
  majorCaseFiledOn: null,
  closure: null,
  archivedOn: null,
};

interface TimelineEvent {
  seq: number;
  action: string;
  occurredOn: string;
  data: Record<string, unknown>;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** Public notice (公告送达) counts as served 30 days after publication (Civil Procedure Law art. 95). */
export function serviceEffectiveOn(method: ServiceMethod, on: IsoDate): IsoDate {
  return method === 'public_notice' ? addDays(on, PERIOD_RULES.PUBLIC_NOTICE_SERVICE.days) : on;
}

/** The fines (罚款) of a decision, fen. Only fines carry the late surcharge (APL art. 72). */
export function fineOf(penalties: readonly ProposedPenalty[]): number {
  return penalties.filter((p) => p.type === 'fine').reduce((sum, p) => sum + toFen(p.amount ?? 0), 0);
}

export interface MajorCaseCriteria {
  fineThresholds: Thresholds;
  penaltyTypes: readonly PenaltyType[];
  /** Cases flagged major (重大案件) by the bureau qualify as well. */
  flaggedMajor: boolean;
}

/** Whether a decision meets the major-case filing criteria (a rule setting, local practice). */
export function majorCaseFilingRequired(
  decision: { kind: string; penalties: readonly ProposedPenalty[] } | null,
  partyKinds: readonly PartyKind[],
  flaggedMajor: boolean,
  criteria: MajorCaseCriteria,
): boolean {
  if (decision?.kind !== 'penalty') return false;
  if (criteria.flaggedMajor && flaggedMajor) return true;
  if (decision.penalties.some((p) => criteria.penaltyTypes.includes(p.type))) return true;
  const fine = fineOf(decision.penalties);
  return fine > 0 && fine >= toFen(thresholdFor(partyKinds, criteria.fineThresholds));
}

/** The after-decision state from the stored decision and the timeline, oldest event first. */
export function afterDecisionOf(
  row: { decidedOn: string | null; decision: unknown; decisionNumber?: string | null },
  events: readonly TimelineEvent[],
  majorRequired = false,
): AfterDecision {
  const d = (row.decision ?? null) as { kind?: string; penalties?: ProposedPenalty[] } | null;
  const state: AfterDecision = {
    ...NOTHING_AFTER_DECISION,
    payments: [],
    frozen: [],
    decision:
      row.decidedOn && d
        ? {
            on: row.decidedOn,
            kind: (d.kind ?? 'penalty') as 'penalty' | 'no_penalty' | 'transfer',
            penalties: d.penalties ?? [],
            status: 'in_force',
            statusChangedOn: null,
          }
        : null,
    majorCaseFilingRequired: majorRequired,
  };
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    const x = e.data;
    switch (e.action) {
      case 'terminate':
        state.terminatedOn = e.occurredOn;
        break;
      case 'serve-decision': {
        const method = (str(x.method) ?? 'direct') as ServiceMethod;
        state.service = {
          on: e.occurredOn,
          effectiveOn: serviceEffectiveOn(method, e.occurredOn),
          method,
          partyPresentAtAnnouncement: x.partyPresentAtAnnouncement === true,
        };
        break;
      }
      case 'approve-payment-schedule':
        state.schedule = {
          on: e.occurredOn,
          kind: (str(x.kind) ?? 'deferral') as ScheduleKind,
          instalments: ((x.instalments as { dueOn: string; amountFen: number }[] | undefined) ?? []).map(
            (i) => ({
              dueOn: i.dueOn,
              amount: i.amountFen,
            }),
          ),
        };
        break;
      case 'record-payment':
        state.payments.push({
          on: e.occurredOn,
          amount: num(x.amountFen),
          bankReference: str(x.bankReference) ?? '',
        });
        break;
      case 'freeze-surcharge':
        state.frozen.push({
          from: e.occurredOn,
          reason: str(x.reason) ?? 'reconsideration',
          reference: str(x.reference) ?? '',
        });
        break;
      case 'unfreeze-surcharge': {
        const open = state.frozen.find((f) => f.to === undefined);
        if (open) open.to = e.occurredOn;
        break;
      }
      case 'serve-demand':
        state.demandServedOn = e.occurredOn;
        break;
      case 'apply-court-enforcement':
        state.courtEnforcement = {
          appliedOn: e.occurredOn,
          court: str(x.court) ?? '',
          result: null,
          recordedOn: null,
        };
        break;
      case 'record-court-enforcement':
        if (state.courtEnforcement) {
          state.courtEnforcement.result = str(x.result);
          state.courtEnforcement.recordedOn = e.occurredOn;
        }
        break;
      case 'file-for-record':
        state.majorCaseFiledOn = e.occurredOn;
        break;
      case 'close':
        state.closure = { on: e.occurredOn, reason: (str(x.reason) ?? 'other') as ClosureReason };
        break;
      case 'archive':
        state.archivedOn = e.occurredOn;
        break;
      case REVIEW_OUTCOME_ACTION: {
        // Only outcomes about the decision the case holds now (a reopened case decides again, under a new number).
        const current = state.decision && x.decisionNumber === (row.decisionNumber ?? null);
        if (x.reopen === true) {
          // The decision was revoked with an order to decide again: what followed it no longer applies.
          Object.assign(
            state,
            { ...NOTHING_AFTER_DECISION, payments: [], frozen: [] },
            {
              decision: current ? null : state.decision,
              majorCaseFilingRequired: state.majorCaseFilingRequired,
            },
          );
          break;
        }
        if (!state.decision || !current) break;
        if (typeof x.status === 'string') state.decision.status = x.status as DecisionStatus;
        if (Array.isArray(x.penalties)) state.decision.penalties = x.penalties as ProposedPenalty[];
        state.decision.statusChangedOn = e.occurredOn;
        break;
      }
      default:
        break;
    }
  }
  return state;
}

// ---------------------------------------------------------------------------------------------------
// Performance (履行), computed on read

/** The same day `months` later, or the month's last day when that month has no such day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const [year, month] = [Math.floor(total / 12), (total % 12) + 1];
  return isoDate(year, month, Math.min(Number(date.slice(8, 10)), daysInMonth(year, month)));
}

/** The payment due date: 15 days after service takes effect, rolled past a holiday (APL art. 67). */
export function paymentDueOn(calendar: WorkingCalendar, effectiveOn: IsoDate): IsoDate {
  const d = computeDeadline(calendar, {
    start: effectiveOn,
    days: PERIOD_RULES.PAYMENT.days,
    unit: PERIOD_RULES.PAYMENT.unit,
  });
  return d.dueDate as IsoDate;
}

export type PerformanceStatus =
  | 'not_served'
  | 'due'
  | 'overdue'
  | 'frozen'
  | 'paid'
  | 'enforcement_applied'
  | 'performed';

export interface Performance {
  /** Fen, as everything below. */
  fine: number;
  schedule: { kind: 'single' | ScheduleKind; instalments: Instalment[] } | null;
  /** The last due date (the single date, or the last instalment's). */
  dueOn: IsoDate | null;
  /** The earliest instalment not yet fully paid. */
  nextDueOn: IsoDate | null;
  paid: number;
  unpaidFine: number;
  surcharge: Surcharge | null;
  /** Fine plus surcharge not yet paid. */
  outstanding: number;
  payments: Payment[];
  frozen: AfterDecision['frozen'];
  status: PerformanceStatus;
  /** When the decision counts as performed: fine and surcharge paid, or on service without a fine. */
  completedOn: IsoDate | null;
}

function scheduleOf(state: AfterDecision, calendar: WorkingCalendar, fine: number): Instalment[] | null {
  if (!state.service || fine === 0) return null;
  if (state.schedule) return state.schedule.instalments;
  return [{ dueOn: paymentDueOn(calendar, state.service.effectiveOn), amount: fine }];
}

function surchargeAsOf(fine: number, schedule: Instalment[], state: AfterDecision, asOf: IsoDate): Surcharge {
  return computeSurcharge({
    fine,
    schedule,
    payments: state.payments.map((p) => ({ on: p.on, amount: p.amount })),
    frozen: state.frozen,
    asOf,
  });
}

/** Performance of a penalty decision as of `today`; null for a decision without penalty or none yet. */
export function performanceOf(
  state: AfterDecision,
  calendar: WorkingCalendar,
  today: IsoDate,
): Performance | null {
  if (state.decision?.kind !== 'penalty' || ANNULLED_STATUSES.includes(state.decision.status)) return null;
  const fine = fineOf(state.decision.penalties);
  const schedule = scheduleOf(state, calendar, fine);
  const paid = state.payments.reduce((sum, p) => sum + p.amount, 0);
  const base = {
    fine,
    schedule: schedule ? { kind: state.schedule?.kind ?? ('single' as const), instalments: schedule } : null,
    dueOn: schedule ? (schedule[schedule.length - 1] as Instalment).dueOn : null,
    paid,
    unpaidFine: Math.max(0, fine - paid),
    payments: [...state.payments].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)),
    frozen: state.frozen,
  };
  if (!state.service) {
    return {
      ...base,
      nextDueOn: null,
      surcharge: null,
      outstanding: fine - Math.min(paid, fine),
      status: 'not_served',
      completedOn: null,
    };
  }
  if (!schedule) {
    // Without a fine the decision is performed once served (a warning, 通报批评, a licence revoked…).
    return {
      ...base,
      nextDueOn: null,
      surcharge: null,
      outstanding: 0,
      status: 'performed',
      completedOn: state.service.on,
    };
  }
  // Performed on the payment that covers the fine and the surcharge owed on its day.
  let completedOn: IsoDate | null = null;
  let running = 0;
  for (const p of base.payments) {
    running += p.amount;
    if (running >= fine + surchargeAsOf(fine, schedule, state, p.on).amount) {
      completedOn = p.on;
      break;
    }
  }
  const surcharge = surchargeAsOf(fine, schedule, state, completedOn ?? today);
  let covered = 0;
  const next = schedule.find((i) => {
    covered += i.amount;
    return covered > paid;
  });
  const open = state.frozen.some((f) => f.to === undefined);
  const status: PerformanceStatus = completedOn
    ? 'paid'
    : state.courtEnforcement
      ? 'enforcement_applied'
      : open
        ? 'frozen'
        : today > (next?.dueOn ?? (base.dueOn as IsoDate))
          ? 'overdue'
          : 'due';
  return {
    ...base,
    nextDueOn: completedOn ? null : (next?.dueOn ?? null),
    surcharge,
    outstanding: Math.max(0, fine + surcharge.amount - paid),
    status,
    completedOn,
  };
}

/** What remains owed on `on` (fine plus the surcharge accrued by then, less every payment), fen. */
export function owedOn(state: AfterDecision, calendar: WorkingCalendar, on: IsoDate): number {
  if (state.decision?.kind !== 'penalty' || ANNULLED_STATUSES.includes(state.decision.status)) return 0;
  const fine = fineOf(state.decision.penalties);
  const schedule = scheduleOf(state, calendar, fine);
  const paid = state.payments.reduce((sum, p) => sum + p.amount, 0);
  if (!schedule) return Math.max(0, fine - paid);
  // The surcharge as of the latest day recorded: a back-dated payment does not hide later late days.
  const last = [on, ...state.payments.map((p) => p.on)].sort().at(-1) as IsoDate;
  return Math.max(0, fine + surchargeAsOf(fine, schedule, state, last).amount - paid);
}

/** From when the case can and should be closed (结案): the decision performed or otherwise settled. */
export function closableFrom(state: AfterDecision, performance: Performance | null): IsoDate | null {
  if (state.terminatedOn && !state.decision) return state.terminatedOn;
  if (!state.decision) return null;
  if (state.decision.kind === 'transfer') return state.decision.on;
  // Revoked or void on review: nothing is left to perform.
  if (ANNULLED_STATUSES.includes(state.decision.status)) return state.decision.statusChangedOn;
  if (state.decision.kind === 'no_penalty') return state.service?.on ?? null;
  return performance?.completedOn ?? state.courtEnforcement?.appliedOn ?? null;
}

/** The period to appeal and, after it, the 3 months to ask the court for enforcement (ACL art. 53). */
export function enforcementWindow(effectiveOn: IsoDate): {
  appealEndsOn: IsoDate;
  applicationEndsOn: IsoDate;
} {
  const appealEndsOn = addMonths(effectiveOn, LITIGATION_PERIOD_MONTHS);
  return { appealEndsOn, applicationEndsOn: addMonths(appealEndsOn, ENFORCEMENT_APPLICATION_MONTHS) };
}

/** The day after which the court may be asked: 10 WD after the demand was served (ACL arts. 54, 69). */
export function demandMaturesOn(calendar: WorkingCalendar, servedOn: IsoDate): IsoDate {
  return computeDeadline(calendar, {
    start: servedOn,
    days: PERIOD_RULES.ENFORCEMENT_DEMAND.days,
    unit: PERIOD_RULES.ENFORCEMENT_DEMAND.unit,
  }).dueDate as IsoDate;
}

// ---------------------------------------------------------------------------------------------------
// Clocks

export interface AfterDecisionSettings {
  closureWorkingDays: number;
  majorCaseFilingWorkingDays: number;
}

/** A clock with a due date fixed by an approval (deferral, instalments), not counted from a period. */
function fixedClock(
  calendar: WorkingCalendar,
  name: CaseClock['name'],
  rule: CaseClock['rule'],
  start: IsoDate,
  dueDate: IsoDate,
  today: IsoDate,
  completedOn: IsoDate | null,
): CaseClock {
  const days = Math.max(0, daysBetween(start, dueDate));
  const deadline: Deadline = {
    start,
    unit: 'calendar',
    days,
    totalDays: days,
    dueDate,
    paused: false,
    countedDays: days,
    skipped: [],
    provisional: false,
    calendarVersion: 0,
  };
  const status = clockStatus(calendar, deadline, today, completedOn ?? undefined);
  return {
    name,
    rule,
    start,
    days,
    totalDays: days,
    unit: 'calendar',
    dueDate,
    ...status,
    provisional: false,
  };
}

/**
 * The clocks after the decision: service when the party was absent (or service not yet recorded), payment,
 * the major-case filing, and closure once the decision is performed or the case otherwise settled.
 */
export function afterDecisionClocks(
  calendar: WorkingCalendar,
  state: AfterDecision,
  settings: AfterDecisionSettings,
  today: IsoDate,
): CaseClock[] {
  const clocks: CaseClock[] = [];
  const d = state.decision;
  const performance = performanceOf(state, calendar, today);
  if (d && d.kind !== 'transfer' && !state.service?.partyPresentAtAnnouncement) {
    // Unknown until service is recorded whether the party heard the announcement: the 7 WD run meanwhile.
    clocks.push(
      clock(
        calendar,
        'service',
        PERIOD_RULES.SERVICE_ABSENT_PARTY,
        d.on,
        today,
        state.service?.on ?? state.closure?.on ?? null,
      ),
    );
  }
  if (performance?.schedule && state.service) {
    const completed = performance.completedOn ?? state.courtEnforcement?.appliedOn ?? null;
    if (state.schedule) {
      clocks.push(
        fixedClock(
          calendar,
          'payment',
          {
            code: 'PAYMENT_SCHEDULE',
            citation: 'APL art. 66',
            description: `Pay the fine by the approved ${state.schedule.kind === 'deferral' ? 'deferral (延期缴纳)' : 'instalments (分期缴纳)'}`,
          },
          state.service.effectiveOn,
          performance.dueOn as IsoDate,
          today,
          completed,
        ),
      );
    } else {
      clocks.push(
        clock(calendar, 'payment', PERIOD_RULES.PAYMENT, state.service.effectiveOn, today, completed),
      );
    }
  }
  if (d && state.majorCaseFilingRequired) {
    clocks.push(
      clock(
        calendar,
        'major_case_filing',
        PERIOD_RULES.MAJOR_CASE_FILING,
        d.on,
        today,
        state.majorCaseFiledOn,
        {
          days: settings.majorCaseFilingWorkingDays,
        },
      ),
    );
  }
  const from = closableFrom(state, performance);
  if (from) {
    clocks.push(
      clock(calendar, 'case_closure', PERIOD_RULES.CASE_CLOSURE, from, today, state.closure?.on ?? null, {
        days: settings.closureWorkingDays,
      }),
    );
  }
  return clocks;
}

// ---------------------------------------------------------------------------------------------------
// Guards

export interface ServeInput {
  on: IsoDate;
  method: ServiceMethod;
  partyPresentAtAnnouncement: boolean;
  /** The date of the party's consent to electronic service (确认书), if recorded. */
  consentOn: IsoDate | null;
}
export interface PaymentScheduleInput {
  on: IsoDate;
  approverIsBureauHead: boolean;
  kind: ScheduleKind;
  /** Fen. */
  instalments: readonly Instalment[];
  /** The due date without the approval (15 days after service). */
  originalDueOn: IsoDate;
}
export interface PaymentInput {
  on: IsoDate;
  /** Fen. */
  amount: number;
  /** Fine and surcharge still owed before this payment, fen. */
  owed: number;
  duplicateReference: boolean;
}
export interface DemandInput {
  on: IsoDate;
  /** The next unpaid due date, null when nothing is due. */
  nextDueOn: IsoDate | null;
  /** Fen. */
  owed: number;
}
export interface CourtEnforcementInput {
  on: IsoDate;
  /** Fen. */
  owed: number;
  appealEndsOn: IsoDate;
  applicationEndsOn: IsoDate;
  demandMaturesOn: IsoDate | null;
}
export interface CloseInput {
  on: IsoDate;
  approverIsBureauHead: boolean;
  reason: ClosureReason;
  /** Fine and surcharge still owed, fen. */
  owed: number;
  /** When the decision was performed or the case settled (closableFrom). */
  settledOn: IsoDate | null;
}
interface Dated {
  on: IsoDate;
}

interface Facts {
  today: string;
  criminalTransferPending?: boolean;
  measuresInForce?: boolean;
}

const after = (s: CaseSnapshot): AfterDecision => s.afterDecision ?? NOTHING_AFTER_DECISION;

function stageIs(s: CaseSnapshot, ...stages: CaseStage[]): Unmet[] {
  return stages.includes(s.stage)
    ? []
    : [unmet('WRONG_STAGE', `the case is at ${s.stage}; needs ${stages.join(' or ')}`)];
}

/** Not in the future, not before the step it follows (as case-guards' `dated`). */
function datedAfter(on: string, notBefore: string | null | undefined, today: string, step: string): Unmet[] {
  if (on > today) return [unmet('DATE_IN_FUTURE', `${on} is after today (${today})`)];
  if (notBefore && on < notBefore)
    return [unmet('DATE_BEFORE_PREVIOUS_STEP', `${on} is before ${step} (${notBefore})`)];
  return [];
}

/** A decided penalty with a fine, served: what the payment steps need. */
function fineServed(s: CaseSnapshot): Unmet[] {
  const a = after(s);
  const out = stageIs(s, 'decided');
  if (out.length > 0) return out;
  if (a.decision?.kind !== 'penalty' || fineOf(a.decision.penalties) === 0) return [unmet('NO_FINE')];
  return a.service ? [] : [unmet('DECISION_NOT_SERVED')];
}

function money(fen: number): string {
  return `CNY ${toCny(fen).toFixed(2)}`;
}

interface AfterGuard<I> {
  when(s: CaseSnapshot, facts: Facts): Unmet[];
  with(s: CaseSnapshot, input: I, facts: Facts): Unmet[];
}
const guard = <I>(g: AfterGuard<I>) => g;

export const AFTER_DECISION_GUARDS = {
  'serve-decision': guard<ServeInput>({
    when: (s) => {
      const a = after(s);
      const out = stageIs(s, 'decided');
      if (out.length > 0) return out;
      if (a.decision?.kind === 'transfer')
        return [unmet('WRONG_STAGE', 'a transfer (移送) has no decision document to serve')];
      return a.service ? [unmet('DECISION_ALREADY_SERVED', `served on ${a.service.on}`)] : [];
    },
    with: (s, i, f) => {
      const decidedOn = after(s).decision?.on ?? null;
      const out = datedAfter(i.on, decidedOn, f.today, 'the decision');
      if (i.method === 'electronic' && (!i.consentOn || i.consentOn > i.on))
        out.push(
          unmet(
            'ELECTRONIC_SERVICE_WITHOUT_CONSENT',
            i.consentOn ? `consent given ${i.consentOn}, after service` : 'no consent recorded',
          ),
        );
      if (i.partyPresentAtAnnouncement && decidedOn && i.on !== decidedOn)
        out.push(unmet('SERVICE_NOT_ON_ANNOUNCEMENT', `announced ${decidedOn}, served ${i.on}`));
      return out;
    },
  }),

  'approve-payment-schedule': guard<PaymentScheduleInput>({
    when: (s) => {
      const out = fineServed(s);
      const a = after(s);
      if (out.length === 0 && a.schedule)
        out.push(unmet('PAYMENT_SCHEDULE_ALREADY_APPROVED', `approved on ${a.schedule.on}`));
      return out;
    },
    with: (s, i, f) => {
      const a = after(s);
      const out = datedAfter(i.on, a.service?.on, f.today, 'service');
      if (!i.approverIsBureauHead) out.push(unmet('APPROVER_NOT_BUREAU_HEAD'));
      const fine = a.decision ? fineOf(a.decision.penalties) : 0;
      const problems: string[] = [];
      const total = i.instalments.reduce((sum, x) => sum + x.amount, 0);
      if (total !== fine)
        problems.push(`the schedule adds up to ${money(total)}, not the fine ${money(fine)}`);
      if (i.instalments.some((x, n) => n > 0 && x.dueOn <= (i.instalments[n - 1] as Instalment).dueOn))
        problems.push('due dates must increase');
      if (i.instalments.some((x) => x.amount <= 0)) problems.push('every instalment needs an amount');
      if (i.kind === 'deferral' && i.instalments.length !== 1) problems.push('a deferral has one due date');
      if (i.kind === 'instalments' && i.instalments.length < 2)
        problems.push('instalments need at least two');
      const last = i.instalments[i.instalments.length - 1];
      if (i.kind === 'deferral' && last && last.dueOn <= i.originalDueOn)
        problems.push(`a deferral must end after ${i.originalDueOn}`);
      const first = i.instalments[0];
      if (first && first.dueOn < i.on) problems.push(`the first due date is before the approval (${i.on})`);
      if (problems.length > 0) out.push(unmet('PAYMENT_SCHEDULE_INVALID', problems.join('; ')));
      return out;
    },
  }),

  'record-payment': guard<PaymentInput>({
    when: fineServed,
    with: (s, i, f) => {
      const out = datedAfter(i.on, after(s).service?.on, f.today, 'service');
      if (fineServed(s).length === 0 && i.amount > i.owed)
        out.push(unmet('OVERPAYMENT', `${money(i.amount)} paid; ${money(i.owed)} owed (fine and surcharge)`));
      if (i.duplicateReference) out.push(unmet('DUPLICATE_PAYMENT_REFERENCE'));
      return out;
    },
  }),

  'freeze-surcharge': guard<Dated>({
    when: (s) => {
      const out = fineServed(s);
      const open = after(s).frozen.find((x) => x.to === undefined);
      if (out.length === 0 && open)
        out.push(unmet('SURCHARGE_ALREADY_FROZEN', `frozen since ${open.from} (${open.reason})`));
      return out;
    },
    with: (s, i, f) => {
      const a = after(s);
      const lastEnd = a.frozen.reduce<string | null>((m, x) => (x.to && (!m || x.to > m) ? x.to : m), null);
      return lastEnd && i.on <= lastEnd
        ? datedAfter(i.on, addDays(lastEnd, 1), f.today, 'the end of the last frozen period')
        : datedAfter(i.on, a.service?.on, f.today, 'service');
    },
  }),

  'unfreeze-surcharge': guard<Dated>({
    when: (s) => {
      const out = stageIs(s, 'decided');
      if (out.length > 0) return out;
      return after(s).frozen.some((x) => x.to === undefined) ? [] : [unmet('SURCHARGE_NOT_FROZEN')];
    },
    with: (s, i, f) =>
      datedAfter(i.on, after(s).frozen.find((x) => x.to === undefined)?.from, f.today, 'the freeze'),
  }),

  'serve-demand': guard<DemandInput>({
    when: (s) => {
      const out = fineServed(s);
      if (out.length === 0 && after(s).courtEnforcement) out.push(unmet('COURT_ENFORCEMENT_ALREADY_APPLIED'));
      return out;
    },
    with: (s, i, f) => {
      const out = datedAfter(i.on, after(s).service?.on, f.today, 'service');
      if (fineServed(s).length > 0) return out;
      if (i.owed === 0) out.push(unmet('NOTHING_TO_ENFORCE'));
      else if (!i.nextDueOn || i.on <= i.nextDueOn)
        out.push(unmet('PAYMENT_NOT_OVERDUE', i.nextDueOn ? `due ${i.nextDueOn}` : undefined));
      return out;
    },
  }),

  'apply-court-enforcement': guard<CourtEnforcementInput>({
    when: (s) => {
      const out = fineServed(s);
      if (out.length > 0) return out;
      const a = after(s);
      if (a.courtEnforcement)
        return [unmet('COURT_ENFORCEMENT_ALREADY_APPLIED', `applied ${a.courtEnforcement.appliedOn}`)];
      if (!a.demandServedOn) out.push(unmet('DEMAND_NOT_SERVED'));
      const open = a.frozen.find((x) => x.to === undefined);
      if (open) out.push(unmet('REVIEW_PENDING', `${open.reason} since ${open.from}`));
      return out;
    },
    with: (s, i, f) => {
      const out = datedAfter(i.on, after(s).demandServedOn ?? after(s).service?.on, f.today, 'the demand');
      if (fineServed(s).length > 0) return out;
      if (i.owed === 0) out.push(unmet('NOTHING_TO_ENFORCE'));
      if (i.on <= i.appealEndsOn)
        out.push(unmet('APPEAL_PERIOD_OPEN', `the party may sue until ${i.appealEndsOn}`));
      else if (i.on > i.applicationEndsOn)
        out.push(
          unmet('ENFORCEMENT_APPLICATION_LATE', `the court could be asked until ${i.applicationEndsOn}`),
        );
      if (i.demandMaturesOn && i.on <= i.demandMaturesOn)
        out.push(unmet('DEMAND_PERIOD_OPEN', `the demand’s 10 working days end ${i.demandMaturesOn}`));
      return out;
    },
  }),

  'record-court-enforcement': guard<Dated>({
    when: (s) => {
      const out = stageIs(s, 'decided');
      if (out.length > 0) return out;
      const c = after(s).courtEnforcement;
      if (!c) return [unmet('COURT_ENFORCEMENT_NOT_APPLIED')];
      return c.recordedOn ? [unmet('COURT_ENFORCEMENT_ALREADY_RECORDED', `recorded ${c.recordedOn}`)] : [];
    },
    with: (s, i, f) => datedAfter(i.on, after(s).courtEnforcement?.appliedOn, f.today, 'the application'),
  }),

  'file-for-record': guard<Dated>({
    when: (s) => {
      const out = stageIs(s, 'decided');
      if (out.length > 0) return out;
      const a = after(s);
      if (!a.majorCaseFilingRequired) return [unmet('NOT_MAJOR_CASE')];
      return a.majorCaseFiledOn ? [unmet('ALREADY_FILED_FOR_RECORD', `filed ${a.majorCaseFiledOn}`)] : [];
    },
    with: (s, i, f) => datedAfter(i.on, after(s).decision?.on, f.today, 'the decision'),
  }),

  close: guard<CloseInput>({
    when: (s, f) => {
      const out = stageIs(s, 'decided', 'terminated');
      if (out.length > 0) return out;
      const a = after(s);
      if (f.criminalTransferPending) out.push(unmet('CRIMINAL_TRANSFER_PENDING'));
      if (f.measuresInForce) out.push(unmet('MEASURES_IN_FORCE'));
      const d = a.decision;
      if (s.stage === 'decided' && d && d.kind !== 'transfer' && !a.service)
        out.push(unmet('DECISION_NOT_SERVED'));
      if (d?.kind === 'penalty' && a.service && !a.courtEnforcement) {
        const unpaid = fineOf(d.penalties) - a.payments.reduce((sum, p) => sum + p.amount, 0);
        if (unpaid > 0) out.push(unmet('FINE_UNPAID', `${money(unpaid)} of the fine unpaid`));
      }
      if (a.majorCaseFilingRequired && !a.majorCaseFiledOn) out.push(unmet('MAJOR_CASE_NOT_FILED'));
      return out;
    },
    with: (s, i, f) => {
      const a = after(s);
      const out = datedAfter(i.on, i.settledOn ?? a.decision?.on ?? a.terminatedOn, f.today, 'performance');
      if (!i.approverIsBureauHead) out.push(unmet('APPROVER_NOT_BUREAU_HEAD'));
      const d = a.decision;
      const unpaidFine =
        d?.kind === 'penalty' && fineOf(d.penalties) > a.payments.reduce((x, p) => x + p.amount, 0);
      // The surcharge still owed once the fine is paid (the `when` guard reports an unpaid fine).
      if (d?.kind === 'penalty' && a.service && !a.courtEnforcement && !unpaidFine && i.owed > 0)
        out.push(unmet('FINE_UNPAID', `${money(i.owed)} of the late surcharge unpaid`));
      const expected: ClosureReason | null =
        s.stage === 'terminated'
          ? 'terminated'
          : d?.kind === 'no_penalty'
            ? 'no_penalty'
            : d?.kind === 'transfer'
              ? 'other'
              : a.courtEnforcement && i.owed > 0
                ? 'enforcement_applied'
                : 'performed';
      if (i.reason !== expected && i.reason !== 'other')
        out.push(unmet('CLOSURE_REASON_MISMATCH', `the case calls for ${expected}`));
      return out;
    },
  }),

  archive: guard<Dated>({
    when: (s) => stageIs(s, 'closed'),
    with: (s, i, f) => datedAfter(i.on, after(s).closure?.on, f.today, 'closure'),
  }),
} as const;

export type AfterDecisionAction = keyof typeof AFTER_DECISION_GUARDS;

/**
 * A closed or archived case is read-only (案卷已结案): every action but archiving a closed case, and the
 * seam CLOSED_CASE_ACTIONS, is refused with CASE_CLOSED alone.
 */
export function closedCaseLock(s: { stage: string }, action: string): Unmet[] {
  if (!READ_ONLY_STAGES.includes(s.stage as CaseStage)) return [];
  if (action === 'archive' && s.stage === 'closed') return [];
  if (CLOSED_CASE_ACTIONS.includes(action)) return [];
  return [unmet('CASE_CLOSED', `the case is ${s.stage}`)];
}

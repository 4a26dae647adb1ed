/**
 * Administrative reconsideration (行政复议, ARL 2023, RULES.md §6) of the bureau's decisions, as the bureau
 * (the respondent, 被申请人) records it: the vocabulary, the guard of every step and the clocks. Pure: the
 * service reads the facts and the working calendar and passes them in.
 *
 * Clocks:
 * - reply (书面答复): the bureau's written reply with its evidence and legal basis is due 10 WD after it
 *   received the application copy, 5 WD in the simple procedure (ARL arts. 48, 54). Missing it means the act
 *   is treated as having no evidence (ARL art. 70). Shown running, at risk (≤ AT_RISK_WORKING_DAYS left),
 *   overdue, completed or completed late; an application that ended before a reply was due lapses it.
 * - decision (复议决定): the reviewing body decides within 60 days of acceptance, once extended by at most
 *   30 days; 30 days in the simple procedure (ARL art. 62). Suspensions (中止, ARL art. 39) are not counted.
 */
import { addDays, type IsoDate } from '../calendar/dates';
import { clockStatus, computeDeadline, type Pause } from '../calendar/deadlines';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { unmet } from '../cases/conditions';
import { citation, PERIOD_RULES, type PeriodRule } from '../rules/period-rules';
import { type AppealUnmet, appealUnmet } from './conditions';

export const RECONSIDERATION_PROCEDURES = {
  ordinary: '普通程序',
  simple:
    '简易程序 (ARL art. 53: e.g. an on-the-spot decision, a warning or 通报批评, an amount up to CNY 3,000)',
} as const;
export type ReconsiderationProcedure = keyof typeof RECONSIDERATION_PROCEDURES;

export const RECONSIDERATION_STATUSES = {
  received: '已申请 (the bureau knows of the application)',
  accepted: '已受理',
  suspended: '中止 (ARL art. 39)',
  decided: '已决定',
  not_accepted: '不予受理 (ARL art. 30)',
  withdrawn: '撤回 (ARL art. 74)',
  terminated: '终止 (ARL art. 41)',
} as const;
export type ReconsiderationStatus = keyof typeof RECONSIDERATION_STATUSES;
export const PENDING_RECONSIDERATION: readonly ReconsiderationStatus[] = [
  'received',
  'accepted',
  'suspended',
];

/** Outcomes of a reconsideration (ARL arts. 30, 33, 41, 63–74). */
export const RECONSIDERATION_OUTCOMES = {
  not_accepted: '不予受理 (ARL art. 30)',
  application_rejected: '驳回申请 (ARL art. 33)',
  claim_rejected: '驳回复议请求 (ARL art. 69)',
  upheld: '维持 (ARL art. 68)',
  varied: '变更 (ARL art. 63): never heavier for the applicant',
  revoked: '撤销 (ARL art. 64): whole or part, with or without an order to decide again',
  confirmed_illegal: '确认违法 (ARL art. 65)',
  ordered_to_perform: '责令履行 (ARL art. 66)',
  confirmed_void: '确认无效 (ARL art. 67)',
  mediated:
    '调解 (ARL art. 73): a mediation agreement (调解书), with lighter penalties when it varies the decision',
  withdrawn: '撤回 (ARL art. 74): withdrawn, e.g. after a settlement (和解)',
  terminated: '终止 (ARL art. 41)',
} as const;
export type ReconsiderationOutcome = keyof typeof RECONSIDERATION_OUTCOMES;
export const RECONSIDERATION_OUTCOME_CODES = Object.keys(
  RECONSIDERATION_OUTCOMES,
) as ReconsiderationOutcome[];

/** The outcomes the `decide` step records; the others have their own steps (not-accept, withdraw, terminate). */
export const DECISION_OUTCOMES = [
  'application_rejected',
  'claim_rejected',
  'upheld',
  'varied',
  'revoked',
  'confirmed_illegal',
  'ordered_to_perform',
  'confirmed_void',
  'mediated',
] as const satisfies readonly ReconsiderationOutcome[];

/**
 * A running reply clock with this many working days or fewer left is shown at risk (临期): local practice,
 * two working days leave time for the head's signature and delivery to the reviewing body.
 */
export const AT_RISK_WORKING_DAYS = 2;

export interface ReconsiderationFacts {
  status: ReconsiderationStatus;
  procedure: ReconsiderationProcedure;
  appliedOn: IsoDate;
  copyReceivedOn: IsoDate | null;
  acceptedOn: IsoDate | null;
  replySubmittedOn: IsoDate | null;
  suspensions: { from: IsoDate; to: IsoDate | null }[];
  extendedOn: IsoDate | null;
  /** The latest date any step was recorded on: a new step may not be dated before it. */
  lastStepOn: IsoDate;
}

export type ReconsiderationStep =
  | 'receive-copy'
  | 'accept'
  | 'not-accept'
  | 'submit-reply'
  | 'record-session'
  | 'suspend'
  | 'resume'
  | 'extend'
  | 'decide'
  | 'withdraw'
  | 'terminate';

/** The statuses each step applies in. */
const STEP_STATUSES: Record<ReconsiderationStep, readonly ReconsiderationStatus[]> = {
  'receive-copy': PENDING_RECONSIDERATION,
  accept: ['received'],
  'not-accept': ['received'],
  'submit-reply': PENDING_RECONSIDERATION,
  'record-session': ['accepted'],
  suspend: ['accepted'],
  resume: ['suspended'],
  extend: ['accepted', 'suspended'],
  decide: ['accepted', 'suspended'],
  withdraw: PENDING_RECONSIDERATION,
  terminate: PENDING_RECONSIDERATION,
};

/** Every unmet condition of a step on `on` (today: the app's China date). */
export function checkReconsiderationStep(
  r: ReconsiderationFacts,
  step: ReconsiderationStep,
  on: IsoDate,
  today: IsoDate,
): AppealUnmet[] {
  const out: AppealUnmet[] = [];
  if (!STEP_STATUSES[step].includes(r.status))
    out.push(appealUnmet('APPEAL_WRONG_STATUS', `${step} does not apply to a reconsideration ${r.status}`));
  if (on > today) out.push(unmet('DATE_IN_FUTURE', `${on} is after today (${today})`));
  const notBefore =
    step === 'submit-reply' && r.copyReceivedOn ? maxDate(r.lastStepOn, r.copyReceivedOn) : r.lastStepOn;
  if (on < notBefore) out.push(unmet('DATE_BEFORE_PREVIOUS_STEP', `${on} is before ${notBefore}`));
  switch (step) {
    case 'receive-copy':
      if (r.copyReceivedOn)
        out.push(
          appealUnmet('APPEAL_WRONG_STATUS', `the application copy was received on ${r.copyReceivedOn}`),
        );
      break;
    case 'submit-reply':
      if (!r.copyReceivedOn) out.push(appealUnmet('COPY_NOT_RECEIVED'));
      if (r.replySubmittedOn)
        out.push(appealUnmet('REPLY_ALREADY_SUBMITTED', `submitted on ${r.replySubmittedOn}`));
      break;
    case 'extend':
      if (r.procedure === 'simple') out.push(appealUnmet('EXTENSION_NOT_IN_SIMPLE_PROCEDURE'));
      if (r.extendedOn) out.push(appealUnmet('EXTENSION_ALREADY_APPROVED', `extended on ${r.extendedOn}`));
      break;
    default:
      break;
  }
  return out;
}

function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

export type AppealClockState = 'running' | 'paused' | 'overdue' | 'completed' | 'completed_late' | 'lapsed';

export interface AppealClock {
  name: 'reply' | 'decision' | 'defence' | 'appeal';
  rule: { code: string; citation: string; description: string };
  start: IsoDate;
  days: number;
  totalDays: number;
  unit: 'working' | 'calendar';
  dueDate: IsoDate | null;
  state: AppealClockState;
  daysLeft: number | null;
  /** Running with AT_RISK_WORKING_DAYS or fewer days left (临期). */
  atRisk: boolean;
  overdue: boolean;
  provisional: boolean;
}

/**
 * One clock: `completedOn` meets it; `endedOn` (the matter ended without the act) lapses it unless it was
 * already overdue then, which stays on record as overdue at that date.
 */
export function appealClock(
  calendar: WorkingCalendar,
  name: AppealClock['name'],
  rule: PeriodRule,
  start: IsoDate,
  today: IsoDate,
  done: { completedOn?: IsoDate | null; endedOn?: IsoDate | null },
  options: { pauses?: Pause[]; extensionDays?: number; atRiskDays?: number } = {},
): AppealClock {
  const deadline = computeDeadline(calendar, {
    start,
    days: rule.days,
    unit: rule.unit,
    ...(options.pauses ? { pauses: options.pauses } : {}),
    ...(options.extensionDays ? { extensions: [{ days: options.extensionDays, reason: 'extension' }] } : {}),
  });
  const base = {
    name,
    rule: { code: rule.code, citation: citation(rule), description: rule.description },
    start,
    days: rule.days,
    totalDays: deadline.totalDays,
    unit: rule.unit,
    dueDate: deadline.dueDate,
    provisional: deadline.provisional,
  };
  const ended = done.completedOn ? null : (done.endedOn ?? null);
  if (ended && (deadline.dueDate === null || ended <= deadline.dueDate))
    return { ...base, state: 'lapsed', daysLeft: null, atRisk: false, overdue: false };
  // An application that ended after the reply was overdue keeps it overdue as of the end.
  const status = clockStatus(calendar, deadline, ended ?? today, done.completedOn ?? undefined);
  const atRisk =
    status.state === 'running' && status.daysLeft !== null && status.daysLeft <= (options.atRiskDays ?? -1);
  return { ...base, state: status.state, daysLeft: status.daysLeft, atRisk, overdue: status.overdue };
}

export interface ReconsiderationClockFacts extends Omit<ReconsiderationFacts, 'lastStepOn' | 'status'> {
  extensionDays: number | null;
  /** When it was decided, not accepted, withdrawn or terminated. */
  endedOn: IsoDate | null;
  /** Decided (复议决定) rather than ended otherwise. */
  decided: boolean;
}

/** The reply clock once the copy was received, and the decision clock once accepted. */
export function reconsiderationClocks(
  calendar: WorkingCalendar,
  r: ReconsiderationClockFacts,
  today: IsoDate,
): AppealClock[] {
  const clocks: AppealClock[] = [];
  if (r.copyReceivedOn)
    clocks.push(
      appealClock(
        calendar,
        'reply',
        r.procedure === 'simple'
          ? PERIOD_RULES.RECONSIDERATION_REPLY_SIMPLE
          : PERIOD_RULES.RECONSIDERATION_REPLY,
        r.copyReceivedOn,
        today,
        { completedOn: r.replySubmittedOn, endedOn: r.endedOn },
        { atRiskDays: AT_RISK_WORKING_DAYS },
      ),
    );
  if (r.acceptedOn)
    clocks.push(
      appealClock(
        calendar,
        'decision',
        r.procedure === 'simple'
          ? PERIOD_RULES.RECONSIDERATION_DECISION_SIMPLE
          : PERIOD_RULES.RECONSIDERATION_DECISION,
        r.acceptedOn,
        today,
        r.decided ? { completedOn: r.endedOn } : { endedOn: r.endedOn },
        {
          // The suspension covers the days up to the one before it was resumed.
          pauses: r.suspensions.map((s) => ({
            from: s.from,
            ...(s.to ? { to: s.to } : {}),
            reason: 'suspended (中止, ARL art. 39)',
          })),
          ...(r.extensionDays ? { extensionDays: r.extensionDays } : {}),
        },
      ),
    );
  return clocks;
}

/** The last day a suspension covers when resumed on `on`. */
export function suspensionEndsOn(resumedOn: IsoDate): IsoDate {
  return addDays(resumedOn, -1);
}

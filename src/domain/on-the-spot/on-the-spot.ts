/**
 * On-the-spot penalties (当场处罚, 简易程序), RULES.md §2: the conditions a decision made on the spot
 * must meet, how a fine may be paid there, the filing clock (备案) and the form-review catalogue
 * (文书审查). Pure: the service looks up the facts (certificates, the power item, settings) and
 * these functions say what is wrong. The fine limits themselves are in ./limits.ts (APL art. 51).
 */

import { addDays, type IsoDate } from '../calendar/dates';
import { clockStatus, computeDeadline } from '../calendar/deadlines';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { PartyKind, ProposedPenalty } from '../cases/case-model';
import { MIN_ENFORCEMENT_OFFICERS } from '../officers/enforcement-team';
import { citation, PERIOD_RULES } from '../rules/period-rules';
import { type OnTheSpotProblem, onTheSpotProblems } from './limits';

/**
 * APL art. 42: 执法人员不得少于两人，法律另有规定的除外. Art. 52 (on-the-spot decisions) asks the
 * officers to show their certificates but makes no exception to art. 42, and no law does for market
 * supervision: an on-the-spot decision needs two certified officers like any other penalty.
 */
export const MIN_ON_THE_SPOT_OFFICERS = MIN_ENFORCEMENT_OFFICERS;

/** APL art. 68(1): a fine of CNY 100 or less may be collected on the spot (当场收缴). */
export const ON_THE_SPOT_COLLECTION_LIMIT = 100;

/** Why a fine was collected on the spot (当场收缴罚款), APL arts. 68–69. */
export const COLLECTION_GROUNDS = {
  small_fine: '依法给予一百元以下罚款 (APL art. 68(1))',
  hard_to_enforce: '不当场收缴事后难以执行 (APL art. 68(2))',
  remote_area: '边远、水上、交通不便地区，当事人到银行或通过电子支付缴纳确有困难并提出 (APL art. 69)',
} as const;
export type CollectionGround = keyof typeof COLLECTION_GROUNDS;

/** How a fine is paid: collected on the spot against a receipt, or later at the bank (APL art. 67). */
export const PAYMENT_METHODS = {
  on_the_spot: '当场收缴 (APL arts. 68–70: with the province’s official receipt, 专用票据)',
  later: '事后缴纳: at the designated bank or by electronic payment within 15 days (APL art. 67)',
} as const;
export type PaymentMethod = keyof typeof PAYMENT_METHODS;

/** Problems a form review (文书审查) finds in an on-the-spot decision. */
export const REVIEW_PROBLEM_CODES = {
  missing_element:
    '缺少必备要素 (APL art. 52: party, violation, basis, penalty, time, place, remedies, bureau)',
  wrong_legal_basis: '适用法律依据错误',
  amount_outside_limit: '罚款超出简易程序限额或裁量基准 (APL art. 51)',
  no_remedies_statement: '未告知救济途径或复议前置 (APL art. 52; ARL art. 23)',
  not_filed_in_time: '未按期备案 (APL art. 52)',
  other: '其他',
} as const;
export type ReviewProblemCode = keyof typeof REVIEW_PROBLEM_CODES;

/**
 * Never published: PDR art. 2 publishes decisions made in the general procedure (普通程序) only, so
 * the publicity module leaves these records out (RULES.md §2).
 */
export const NOT_PUBLISHABLE = {
  rule: 'PDR art. 2',
  reason:
    'On-the-spot (simple-procedure) decisions are not published on the enterprise credit information system (简易程序作出的行政处罚决定不予公示)',
} as const;

/** Reconsideration comes first for on-the-spot penalties (复议前置). */
export const RECONSIDERATION_FIRST_RULE = 'ARL art. 23';

export interface OnTheSpotCondition {
  code: string;
  rule: string;
  message: string;
  detail?: string;
}

const CONDITIONS = {
  TOO_FEW_CERTIFIED_OFFICERS: {
    rule: 'APL arts. 42, 52',
    message: `At least ${MIN_ON_THE_SPOT_OFFICERS} officers holding enforcement certificates valid on the date must make the decision and show their certificates`,
  },
  OFFICER_CERTIFICATE_INVALID: {
    rule: 'APL arts. 42, 52',
    message: 'Every officer named must hold an enforcement certificate (执法证) valid on the date',
  },
  NO_PENALTY_POWER_ITEM: {
    rule: 'APL art. 51; RULES.md §8',
    message: 'The decision must cite a penalty item (行政处罚事项) of the power list in force on the date',
  },
  DATE_IN_FUTURE: { rule: 'APL art. 52', message: 'The act cannot be dated in the future' },
  DATE_BEFORE_DECISION: { rule: 'APL art. 52', message: 'The act cannot be dated before the decision' },
  COLLECTION_NOT_ALLOWED: {
    rule: 'APL art. 68',
    message: `Only a fine of at most CNY ${ON_THE_SPOT_COLLECTION_LIMIT} may be collected on the spot as a small fine; otherwise state why payment later would be hard (art. 68(2), 69)`,
  },
  ALREADY_FILED: { rule: 'APL art. 52', message: 'The decision was already filed with the bureau (已备案)' },
  REVIEWER_DECIDED: {
    rule: 'RULES.md §11',
    message: 'The reviewer (审查人) must not be one of the officers who made the decision',
  },
} as const satisfies Record<string, Omit<OnTheSpotCondition, 'code'>>;
export type OnTheSpotConditionCode = keyof typeof CONDITIONS;
export const ON_THE_SPOT_CONDITIONS: Readonly<
  Record<OnTheSpotConditionCode, Omit<OnTheSpotCondition, 'code'>>
> = CONDITIONS;

function unmet(code: OnTheSpotConditionCode, detail?: string): OnTheSpotCondition {
  return { code, ...CONDITIONS[code], ...(detail ? { detail } : {}) };
}

export interface DecisionFacts {
  partyKind: PartyKind;
  penalties: readonly ProposedPenalty[];
  decidedOn: IsoDate;
  today: IsoDate;
  officerIds: readonly string[];
  /** Of officerIds: those whose certificate was valid on the decision date. */
  certifiedOfficerIds: readonly string[];
  /** The cited item as it stood on the decision date; null when it was not on the list. */
  powerItem: { category: string; inForce: boolean } | null;
  payment: { method: PaymentMethod; collectionGround?: CollectionGround } | null;
}

export interface DecisionCheck {
  /** APL art. 51: the penalty may not be imposed on the spot at all (ON_THE_SPOT_LIMIT_EXCEEDED). */
  limits: OnTheSpotProblem[];
  /** Every other unmet condition (ON_THE_SPOT_RULE_VIOLATION). */
  conditions: OnTheSpotCondition[];
}

/** The fine of the decision, if any (CNY). */
export function fineOf(penalties: readonly ProposedPenalty[]): number | null {
  const fines = penalties.filter((p) => p.type === 'fine');
  return fines.length === 0 ? null : fines.reduce((sum, p) => sum + (p.amount ?? 0), 0);
}

/**
 * What stands in the way of recording an on-the-spot decision. Several fines in one decision count
 * together against the limit: splitting one fine into two does not make it smaller.
 */
export function checkDecision(f: DecisionFacts): DecisionCheck {
  const total = fineOf(f.penalties);
  const others = f.penalties.filter((p) => p.type !== 'fine');
  const limits = onTheSpotProblems(f.partyKind, [
    ...others,
    ...(total === null ? [] : [{ type: 'fine' as const, amount: total }]),
  ]);

  const conditions: OnTheSpotCondition[] = [];
  if (f.decidedOn > f.today)
    conditions.push(unmet('DATE_IN_FUTURE', `decided ${f.decidedOn}, today is ${f.today}`));
  const invalid = f.officerIds.filter((id) => !f.certifiedOfficerIds.includes(id));
  if (invalid.length > 0) {
    conditions.push(
      unmet('OFFICER_CERTIFICATE_INVALID', `no certificate valid on ${f.decidedOn}: ${invalid.join(', ')}`),
    );
  }
  const certified = new Set(f.certifiedOfficerIds).size;
  if (certified < MIN_ON_THE_SPOT_OFFICERS) {
    conditions.push(unmet('TOO_FEW_CERTIFIED_OFFICERS', `${certified} certified officer(s) named`));
  }
  if (f.powerItem?.category !== 'penalty' || !f.powerItem.inForce) {
    const detail = !f.powerItem
      ? `the item was not on the list on ${f.decidedOn}`
      : f.powerItem.category !== 'penalty'
        ? `the item is a ${f.powerItem.category} item, not a penalty item`
        : `the item was not in force on ${f.decidedOn}`;
    conditions.push(unmet('NO_PENALTY_POWER_ITEM', detail));
  }
  if (
    f.payment?.method === 'on_the_spot' &&
    f.payment.collectionGround === 'small_fine' &&
    (total ?? 0) > ON_THE_SPOT_COLLECTION_LIMIT
  ) {
    conditions.push(
      unmet('COLLECTION_NOT_ALLOWED', `a fine of CNY ${total} is not a fine of CNY 100 or less`),
    );
  }
  return { limits, conditions };
}

/** Recording the filing (备案) of a decision with the bureau. */
export function checkFiling(f: {
  filedOn: IsoDate;
  decidedOn: IsoDate;
  today: IsoDate;
  alreadyFiledOn: IsoDate | null;
}): OnTheSpotCondition[] {
  const problems: OnTheSpotCondition[] = [];
  if (f.alreadyFiledOn) problems.push(unmet('ALREADY_FILED', `filed on ${f.alreadyFiledOn}`));
  if (f.filedOn > f.today) problems.push(unmet('DATE_IN_FUTURE', `filed ${f.filedOn}, today is ${f.today}`));
  if (f.filedOn < f.decidedOn) problems.push(unmet('DATE_BEFORE_DECISION', `decided ${f.decidedOn}`));
  return problems;
}

/** Recording a form review (文书审查) of a decision. */
export function checkReview(f: {
  reviewerId: string;
  officerIds: readonly string[];
  reviewedOn: IsoDate;
  decidedOn: IsoDate;
  today: IsoDate;
}): OnTheSpotCondition[] {
  const problems: OnTheSpotCondition[] = [];
  if (f.officerIds.includes(f.reviewerId)) problems.push(unmet('REVIEWER_DECIDED'));
  if (f.reviewedOn > f.today)
    problems.push(unmet('DATE_IN_FUTURE', `reviewed ${f.reviewedOn}, today is ${f.today}`));
  if (f.reviewedOn < f.decidedOn) problems.push(unmet('DATE_BEFORE_DECISION', `decided ${f.decidedOn}`));
  return problems;
}

export interface FilingClock {
  rule: { code: string; citation: string; description: string };
  start: IsoDate;
  days: number;
  unit: 'working';
  dueDate: IsoDate;
  state: 'running' | 'overdue' | 'completed' | 'completed_late';
  daysLeft: number | null;
  overdue: boolean;
  provisional: boolean;
  calendarVersion: number;
}

/** The filing clock (备案期限): `days` working days from the day after the decision (APL art. 52). */
export function filingClock(
  calendar: WorkingCalendar,
  decidedOn: IsoDate,
  days: number,
  filedOn: IsoDate | null,
  today: IsoDate,
): FilingClock {
  const rule = PERIOD_RULES.ON_THE_SPOT_FILING;
  const deadline = computeDeadline(calendar, { start: decidedOn, days, unit: 'working' });
  const status = clockStatus(calendar, deadline, today, filedOn ?? undefined);
  return {
    rule: { code: rule.code, citation: citation(rule), description: rule.description },
    start: decidedOn,
    days,
    unit: 'working',
    // Never null: the filing clock has no pauses.
    dueDate: deadline.dueDate as IsoDate,
    state: status.state as FilingClock['state'],
    daysLeft: status.daysLeft,
    overdue: status.overdue,
    provisional: deadline.provisional,
    calendarVersion: deadline.calendarVersion,
  };
}

/**
 * The latest decision date whose filing, `days` working days long and still not done, is overdue on
 * `today`: every decision on or before it is overdue, every later one is not (due dates never go
 * backwards as the decision date moves forward). Lets the list filter `overdue` be a date comparison
 * that agrees with the clock each record shows.
 */
export function overdueCutoff(calendar: WorkingCalendar, days: number, today: IsoDate): IsoDate {
  let start = addDays(today, -1);
  // Bounded: a period of `days` working days spans at most a few times as many calendar days.
  for (let i = 0; i < days * 7 + 60; i += 1) {
    const due = computeDeadline(calendar, { start, days, unit: 'working' }).dueDate as IsoDate;
    if (due < today) return start;
    start = addDays(start, -1);
  }
  return start;
}

/**
 * Processing a credit restoration application (信用修复, RULES.md §5): its statuses, the guard of every step,
 * the processing clocks and what approving and revoking do to the record. The eligibility itself is
 * `stopPublicityEligibility` / `listRemovalEligibility` in ./publicity.ts. Pure: the service reads the facts,
 * the settings and the working calendar and passes them in.
 *
 * Steps: submitted → accepted | not_accepted; accepted → verified; verified → approved (only when every
 * eligibility condition is met on the day); accepted | verified → refused; approved → revoked (restoration
 * obtained with false materials: the previous state is restored, CRM).
 *
 * Clocks (setting credit_restoration.working_days, local practice within the CRM):
 * - acceptance (受理): N WD after submission, met by the acceptance or the decision not to accept;
 * - decision (修复决定): N WD after acceptance (the abnormal-list removal has its own, usually shorter, period),
 *   met by the approval or the refusal.
 */
import type { IsoDate } from '../calendar/dates';
import { type ClockState, clockStatus, computeDeadline } from '../calendar/deadlines';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { type ConditionDefinition, type Unmet, unmet } from '../cases/conditions';
import { citation } from '../rules/period-rules';
import type { EligibilityResult, RestorationKind } from './publicity';

export const RESTORATION_STATUSES = {
  submitted: '已申请 (submitted, awaiting acceptance)',
  accepted: '已受理',
  not_accepted: '不予受理',
  verified: '已核查 (the materials and the eligibility verified)',
  approved: '准予修复',
  refused: '不予修复',
  revoked: '撤销修复 (obtained with false materials: the previous state restored)',
} as const;
export type RestorationStatus = keyof typeof RESTORATION_STATUSES;
export const RESTORATION_STATUS_CODES = Object.keys(RESTORATION_STATUSES) as RestorationStatus[];
export const PENDING_RESTORATION: readonly RestorationStatus[] = ['submitted', 'accepted', 'verified'];

export const RESTORATION_KINDS: Record<RestorationKind, string> = {
  stop_publicity: '提前停止公示 (stop the penalty publicity early, CRM art. 6)',
  abnormal_list_removal: '移出经营异常名录 (remove from the abnormal-operation list, CRM art. 5)',
  serious_list_early_removal:
    '提前移出严重违法失信名单 (remove early from the serious-violation list, CRM art. 7)',
};

export type RestorationStep = 'accept' | 'not-accept' | 'verify' | 'approve' | 'refuse' | 'revoke';

/** The conditions a restoration step (beyond the eligibility) can fail, with their source. */
export const RESTORATION_STEP_CONDITIONS = {
  RESTORATION_WRONG_STATUS: {
    rule: 'CRM arts. 9–12',
    message: 'The step does not apply to the application at this status',
  },
  APPLICANT_MISMATCH: {
    rule: 'CRM art. 8',
    message:
      'The applicant must be the party of the publication or the listed entity (same unified social credit code)',
  },
} as const satisfies Record<string, ConditionDefinition>;
export type RestorationStepConditionCode = keyof typeof RESTORATION_STEP_CONDITIONS;

export interface RestorationUnmet {
  code: RestorationStepConditionCode | Unmet['code'];
  rule: string;
  message: string;
  detail?: string;
}

export function restorationUnmet(code: RestorationStepConditionCode, detail?: string): RestorationUnmet {
  return { code, ...RESTORATION_STEP_CONDITIONS[code], ...(detail ? { detail } : {}) };
}

/** The statuses each step applies in. */
const STEP_STATUSES: Record<RestorationStep, readonly RestorationStatus[]> = {
  accept: ['submitted'],
  'not-accept': ['submitted'],
  verify: ['accepted'],
  approve: ['verified'],
  refuse: ['accepted', 'verified'],
  revoke: ['approved'],
};

/** The status a step leads to. */
export const STEP_RESULT: Record<RestorationStep, RestorationStatus> = {
  accept: 'accepted',
  'not-accept': 'not_accepted',
  verify: 'verified',
  approve: 'approved',
  refuse: 'refused',
  revoke: 'revoked',
};

export interface RestorationDates {
  submittedOn: IsoDate;
  acceptedOn: IsoDate | null;
  verifiedOn: IsoDate | null;
  decidedOn: IsoDate | null;
  revokedOn: IsoDate | null;
}

/** The latest date a step was recorded on: a new step may not be dated before it. */
export function lastStepOn(d: RestorationDates): IsoDate {
  return [d.submittedOn, d.acceptedOn, d.verifiedOn, d.decidedOn, d.revokedOn]
    .filter((x): x is IsoDate => typeof x === 'string')
    .sort()
    .at(-1) as IsoDate;
}

/**
 * Every unmet condition of a step on `on` (today: the app's China date) other than the eligibility, which
 * `approve` checks on top: the status, DATE_IN_FUTURE, DATE_BEFORE_PREVIOUS_STEP.
 */
export function checkRestorationStep(
  status: RestorationStatus,
  dates: RestorationDates,
  step: RestorationStep,
  on: IsoDate,
  today: IsoDate,
): RestorationUnmet[] {
  const out: RestorationUnmet[] = [];
  if (!STEP_STATUSES[step].includes(status))
    out.push(
      restorationUnmet('RESTORATION_WRONG_STATUS', `${step} does not apply to an application ${status}`),
    );
  if (on > today) out.push(unmet('DATE_IN_FUTURE', `${on} is after today (${today})`));
  const last = lastStepOn(dates);
  if (on < last) out.push(unmet('DATE_BEFORE_PREVIOUS_STEP', `${on} is before ${last}`));
  return out;
}

/** The eligibility conditions not met (an approval needs none). */
export function unmetConditions(eligibility: readonly EligibilityResult[]): EligibilityResult[] {
  return eligibility.filter((c) => !c.met);
}

/**
 * The minimum publicity before an early stop (CRM art. 6; PDR art. 14): the extended period (12 months) when
 * the power item's laws as of the decision include one of the setting's listed laws (food, drugs, special
 * equipment…), else the general one (6 months).
 */
export function minimumMonths(
  laws: readonly string[],
  setting: { general: number; extended: number; extendedLaws: readonly string[] },
): { months: number; extended: boolean; laws: string[] } {
  const matched = laws.filter((l) => setting.extendedLaws.includes(l));
  return matched.length > 0
    ? { months: setting.extended, extended: true, laws: matched }
    : { months: setting.general, extended: false, laws: [] };
}

/**
 * The state a revoked restoration puts the publication back in (the state before it was stopped): public
 * again, or expired if its period ended meanwhile (expiresOn before today).
 */
export function restoredPublicationState(expiresOn: IsoDate | null, today: IsoDate): 'published' | 'expired' {
  return expiresOn !== null && expiresOn < today ? 'expired' : 'published';
}

// ---------------------------------------------------------------------------------------------------
// Processing clocks

/** The processing periods of the setting credit_restoration.working_days. */
export interface RestorationWorkingDays {
  accept: number;
  decide: number;
  abnormalListRemoval: number;
}

/** A running clock with this many working days or fewer left is shown at risk (临期). */
export const RESTORATION_AT_RISK_WORKING_DAYS = 1;

export interface RestorationClock {
  name: 'acceptance' | 'decision';
  rule: { code: string; citation: string; description: string };
  start: IsoDate;
  days: number;
  unit: 'working';
  dueDate: IsoDate | null;
  state: ClockState;
  daysLeft: number | null;
  atRisk: boolean;
  overdue: boolean;
  provisional: boolean;
}

const CLOCK_RULES = {
  acceptance: {
    code: 'CREDIT_RESTORATION_ACCEPT',
    law: 'CRM' as const,
    article: 'setting credit_restoration.working_days (accept)',
    description: 'Accept or refuse to accept a credit restoration application (受理) after it is submitted',
  },
  decision: {
    code: 'CREDIT_RESTORATION_DECIDE',
    law: 'CRM' as const,
    article: 'setting credit_restoration.working_days (decide)',
    description: 'Decide a credit restoration application (准予或不予修复) after accepting it',
  },
  abnormalListRemoval: {
    code: 'CREDIT_RESTORATION_ABNORMAL_LIST_REMOVAL',
    law: 'CRM' as const,
    article: 'setting credit_restoration.working_days (abnormalListRemoval)',
    description:
      'Remove the entity from the abnormal-operation list (移出经营异常名录) after accepting the application',
  },
};

function clock(
  calendar: WorkingCalendar,
  name: RestorationClock['name'],
  rule: (typeof CLOCK_RULES)[keyof typeof CLOCK_RULES],
  days: number,
  start: IsoDate,
  today: IsoDate,
  completedOn: IsoDate | null,
): RestorationClock {
  const deadline = computeDeadline(calendar, { start, days, unit: 'working' });
  const base = {
    name,
    rule: { code: rule.code, citation: citation(rule), description: rule.description },
    start,
    days,
    unit: 'working' as const,
    dueDate: deadline.dueDate,
    provisional: deadline.provisional,
  };
  const status = clockStatus(calendar, deadline, today, completedOn ?? undefined);
  const atRisk =
    status.state === 'running' &&
    status.daysLeft !== null &&
    status.daysLeft <= RESTORATION_AT_RISK_WORKING_DAYS;
  return { ...base, state: status.state, daysLeft: status.daysLeft, atRisk, overdue: status.overdue };
}

export interface RestorationClockFacts extends RestorationDates {
  kind: RestorationKind;
  status: RestorationStatus;
}

/** The acceptance clock from submission, and the decision clock once accepted. */
export function restorationClocks(
  calendar: WorkingCalendar,
  r: RestorationClockFacts,
  days: RestorationWorkingDays,
  today: IsoDate,
): RestorationClock[] {
  const notAccepted = r.status === 'not_accepted';
  const clocks = [
    clock(
      calendar,
      'acceptance',
      CLOCK_RULES.acceptance,
      days.accept,
      r.submittedOn,
      today,
      r.acceptedOn ?? (notAccepted ? r.decidedOn : null),
    ),
  ];
  if (r.acceptedOn) {
    const abnormal = r.kind === 'abnormal_list_removal';
    clocks.push(
      clock(
        calendar,
        'decision',
        abnormal ? CLOCK_RULES.abnormalListRemoval : CLOCK_RULES.decision,
        abnormal ? days.abnormalListRemoval : days.decide,
        r.acceptedOn,
        today,
        r.decidedOn,
      ),
    );
  }
  return clocks;
}

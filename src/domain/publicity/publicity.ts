/**
 * Penalty publicity (行政处罚信息公示, RULES.md §4) and credit restoration (信用修复, §5): which decisions are
 * published, for how long, by when, what is masked, and whether a restoration application is eligible,
 * condition by condition. Pure: the services read the facts and settings and pass them in.
 */
import { addDays, daysInMonth, type IsoDate, isoDate } from '../calendar/dates';
import { type ClockState, clockStatus, type Deadline } from '../calendar/deadlines';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { addMonths } from '../cases/after-decision';
import { type PartyKind, PENALTY_TYPES, type PenaltyType, type ProposedPenalty } from '../cases/case-model';
import { type Thresholds, thresholdFor } from '../cases/case-rules';
import { type ConditionDefinition, type Unmet, unmet } from '../cases/conditions';
import { toFen } from '../cases/late-surcharge';
import { citation, PERIOD_RULES, type PeriodRule } from '../rules/period-rules';

/** Penalty kinds whose publicity never stops early (CRM art. 6; PDR art. 14). */
export const NO_EARLY_STOP_PENALTIES: readonly PenaltyType[] = [
  'suspend_business',
  'close_down',
  'revoke_licence',
  'lower_qualification',
  'restrict_business',
  'restrict_employment',
];

/**
 * Whether a decision is published (PDR art. 2): a general-procedure penalty decision, except a warning only.
 * No-penalty decisions, transfers and on-the-spot decisions are not.
 */
export function isPublishable(
  decision: { kind: string; penalties: readonly ProposedPenalty[] } | null,
): boolean {
  if (decision?.kind !== 'penalty' || decision.penalties.length === 0) return false;
  return decision.penalties.some((p) => p.type !== 'warning');
}

/** The low-fine threshold of the province (较低数额罚款), and whether a fine equal to it still counts as low. */
export interface LowFineRule extends Thresholds {
  inclusive: boolean;
}

/** PDR art. 13: the publicity periods, in months — short (通报批评 or a lower-amount fine) and general. */
export const PUBLICITY_MONTHS = { short: 3, general: 36 } as const;
/** CRM art. 7: early removal from the serious-violation list after this many months listed. */
export const SERIOUS_LIST_MIN_MONTHS = 12;

export interface PublicityPeriod {
  months: number;
  basis: 'three_months' | 'three_years' | 'restriction';
  detail: string;
}

/**
 * PDR art. 13: 3 months when the penalty is only 通报批评 and/or a lower-amount fine (a warning alongside does
 * not change it); otherwise 3 years; longer when a restriction (限制开展生产经营活动、限制从业) lasts longer.
 */
export function publicityPeriod(
  penalties: readonly ProposedPenalty[],
  partyKinds: readonly PartyKind[],
  low: LowFineRule,
  restrictionMonths: number | null = null,
): PublicityPeriod {
  const threshold = toFen(thresholdFor(partyKinds, low));
  const fine = penalties.filter((p) => p.type === 'fine').reduce((sum, p) => sum + toFen(p.amount ?? 0), 0);
  const lowFine = low.inclusive ? fine <= threshold : fine < threshold;
  const onlyLight = penalties.every((p) => ['warning', 'circulated_criticism', 'fine'].includes(p.type));
  if (onlyLight && lowFine)
    return {
      months: PUBLICITY_MONTHS.short,
      basis: 'three_months',
      detail: `通报批评 or a fine of ${(fine / 100).toFixed(2)} ${low.inclusive ? '≤' : '<'} ${(threshold / 100).toFixed(2)}`,
    };
  if (restrictionMonths !== null && restrictionMonths > PUBLICITY_MONTHS.general)
    return {
      months: restrictionMonths,
      basis: 'restriction',
      detail: `the restriction lasts ${restrictionMonths} months`,
    };
  return { months: PUBLICITY_MONTHS.general, basis: 'three_years', detail: 'other penalties: 3 years' };
}

/**
 * The last day of the publicity: the period counted from the publication date (that day included), so the day
 * before the same date `months` later; when that month is shorter, its last day (published 30 or 31 January,
 * one month ends 28 February, like 29 January: a later publication never ends earlier).
 */
export function publicityExpiresOn(publishedOn: IsoDate, months: number): IsoDate {
  const day = Number(publishedOn.slice(8, 10));
  const target = addMonths(`${publishedOn.slice(0, 8)}01`, months);
  if (day === 1) return addDays(target, -1);
  const [year, month] = [Number(target.slice(0, 4)), Number(target.slice(5, 7))];
  return isoDate(year, month, Math.min(day - 1, daysInMonth(year, month)));
}

/** The earliest day to apply to stop the publicity early: `months` after publication (CRM art. 6). */
export function earliestRestorationOn(publishedOn: IsoDate, months: number): IsoDate {
  return addMonths(publishedOn, months);
}

// ---------------------------------------------------------------------------------------------------
// Masking (PDR art. 7): ID numbers, home addresses, phone numbers, bank accounts, other people's names

/** 18-digit resident ID numbers (the last may be X) and 15-digit old ones. */
const RESIDENT_ID = /(?<![0-9A-Za-z])([1-9]\d{5})(\d{8}|\d{6})(\d{3}[0-9Xx]|\d{1})(?![0-9A-Za-z])/g;
/** Mobile numbers and landlines with an area code. */
const PHONE = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)|(?<!\d)(0\d{2,3})-?(\d{7,8})(?!\d)/g;
/** Bank card and account numbers: 12 to 30 digits, possibly grouped by spaces. */
const BANK_ACCOUNT = /(?<!\d)\d{4}(?:[ ]?\d{2,4}){2,6}(?!\d)/g;

export interface MaskingInput {
  text: string;
  /** Names of natural persons other than the party (witnesses, employees, complainants). */
  otherNames: readonly string[];
  /** Home addresses of natural persons (the party's included when a person). */
  homeAddresses: readonly string[];
}

/** The text with personal information masked; idempotent. */
export function maskPersonalInformation(input: MaskingInput): string {
  let text = input.text;
  for (const address of [...input.homeAddresses].filter(Boolean).sort((a, b) => b.length - a.length))
    text = text.split(address).join('【住址已隐去】');
  for (const name of [...input.otherNames].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length))
    text = text.split(name).join(`${name.slice(0, 1)}某`);
  text = text.replace(RESIDENT_ID, (id: string) => `${id.slice(0, 6)}********${id.slice(-4, -1)}*`);
  text = text.replace(PHONE, (phone: string) =>
    phone.startsWith('1') ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : `${phone.slice(0, 4)}********`,
  );
  text = text.replace(BANK_ACCOUNT, (n: string) => {
    const digits = n.replace(/ /g, '');
    return digits.length >= 12 ? `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}` : n;
  });
  return text;
}

/** Patterns a public text must not contain (tests scan every public output for them). */
export const UNMASKED_PATTERNS = {
  residentId:
    /(?<![0-9A-Za-z*])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9A-Za-z])/,
  mobile: /(?<![\d*])1[3-9]\d{9}(?!\d)/,
};

// ---------------------------------------------------------------------------------------------------
// Credit restoration eligibility (CRM arts. 5–7; PDR art. 14), condition by condition

export type RestorationKind = 'stop_publicity' | 'abnormal_list_removal' | 'serious_list_early_removal';

export const RESTORATION_CONDITIONS = {
  MIN_PERIOD_NOT_PASSED: {
    rule: 'CRM art. 6; PDR art. 14',
    message:
      'The publicity may stop early only after the minimum period (6 months; 12 for food, drug and special-equipment cases)',
  },
  DECISION_NOT_PERFORMED: {
    rule: 'CRM art. 6(1)',
    message: 'The decision must be performed (the fine fully paid)',
  },
  LATER_PENALTY_SAME_TYPE: {
    rule: 'CRM art. 6(3)',
    message: 'No further penalty for the same type of violation since the decision',
  },
  ON_ABNORMAL_LIST: {
    rule: 'CRM art. 6(4)',
    message: 'The party is on the abnormal-operation list (经营异常名录)',
  },
  ON_SERIOUS_LIST: {
    rule: 'CRM art. 6(4)',
    message: 'The party is on the serious-violation list (严重违法失信名单)',
  },
  EXCLUDED_PENALTY_TYPE: {
    rule: 'CRM art. 6; PDR art. 14',
    message:
      'Publicity of suspension, closure, licence revocation, grade lowering or a restriction never stops early',
  },
  PUBLICITY_NOT_RUNNING: {
    rule: 'PDR art. 14',
    message:
      'Only a publication now public (published, not expired, withdrawn or already stopped) can stop early',
  },
  SHORT_PUBLICITY: {
    rule: 'PDR art. 13',
    message: 'A 3-month publicity (通报批评 or a lower-amount fine) is not restored early: it ends by itself',
  },
  MATERIALS_MISSING: {
    rule: 'CRM art. 8',
    message:
      'The application (信用修复申请书), the pledge (守信承诺书) and the proof of performance are required',
  },
  NOT_LISTED: { rule: 'CRM arts. 5, 7', message: 'The entity is not (or no longer) on that list' },
  NOT_LISTING_AGENCY: {
    rule: 'CRM art. 4',
    message: 'Only the agency that listed the entity removes it (谁列入、谁移出)',
  },
  LISTED_LESS_THAN_A_YEAR: {
    rule: 'CRM art. 7',
    message: 'Early removal from the serious-violation list only after one year listed',
  },
  PENALTY_SINCE_LISTING: {
    rule: 'CRM art. 7',
    message: 'No administrative penalty against the entity since it was listed',
  },
} as const;
export type RestorationConditionCode = keyof typeof RESTORATION_CONDITIONS;

export interface EligibilityResult {
  code: RestorationConditionCode;
  met: boolean;
  rule: string;
  message: string;
  detail: string;
}

function check(code: RestorationConditionCode, met: boolean, detail: string): EligibilityResult {
  return { code, met, ...RESTORATION_CONDITIONS[code], detail };
}

export type MaterialKind =
  | 'application'
  | 'pledge'
  | 'proof_of_performance'
  | 'proof_of_correction'
  | 'other';
const REQUIRED_MATERIALS: Record<RestorationKind, readonly MaterialKind[]> = {
  stop_publicity: ['application', 'pledge', 'proof_of_performance'],
  abnormal_list_removal: ['application', 'proof_of_correction'],
  serious_list_early_removal: ['application', 'pledge', 'proof_of_performance'],
};

function materialsCheck(kind: RestorationKind, materials: readonly MaterialKind[]): EligibilityResult {
  const missing = REQUIRED_MATERIALS[kind].filter((k) => !materials.includes(k));
  return check(
    'MATERIALS_MISSING',
    missing.length === 0,
    missing.length ? `missing: ${missing.join(', ')}` : 'complete',
  );
}

export interface StopPublicityFacts {
  on: IsoDate;
  publication: {
    state: string;
    publishedOn: IsoDate | null;
    periodBasis: PublicityPeriod['basis'];
    expiresOn: IsoDate | null;
  };
  /** 6, or 12 for food, drug and special-equipment cases (a setting). */
  minMonths: number;
  penalties: readonly ProposedPenalty[];
  /** Fine and surcharge paid, or the decision otherwise performed; with the day it was. */
  performedOn: IsoDate | null;
  /** Later penalty decisions against the party for the same type of violation (their numbers). */
  laterSameType: readonly string[];
  abnormalListed: boolean;
  seriousListed: boolean;
  materials: readonly MaterialKind[];
}

/** Every condition of stopping a publication early, met or not, with why (CRM art. 6; PDR arts. 13–14). */
export function stopPublicityEligibility(f: StopPublicityFacts): EligibilityResult[] {
  const p = f.publication;
  const running =
    PUBLIC_STATES.includes(p.state as PublicationState) &&
    p.publishedOn !== null &&
    (p.expiresOn === null || f.on <= p.expiresOn);
  const earliest = p.publishedOn ? earliestRestorationOn(p.publishedOn, f.minMonths) : null;
  const excluded = f.penalties.filter((x) => NO_EARLY_STOP_PENALTIES.includes(x.type)).map((x) => x.type);
  return [
    check(
      'PUBLICITY_NOT_RUNNING',
      running,
      running ? `published ${p.publishedOn}, expires ${p.expiresOn}` : `state ${p.state}`,
    ),
    check('SHORT_PUBLICITY', p.periodBasis !== 'three_months', `publicity period: ${p.periodBasis}`),
    check(
      'MIN_PERIOD_NOT_PASSED',
      earliest !== null && f.on >= earliest,
      earliest ? `${f.minMonths} months after publication: from ${earliest}` : 'not published',
    ),
    check(
      'EXCLUDED_PENALTY_TYPE',
      excluded.length === 0,
      excluded.length ? excluded.join(', ') : 'none excluded',
    ),
    check(
      'DECISION_NOT_PERFORMED',
      f.performedOn !== null && f.performedOn <= f.on,
      f.performedOn ? `performed on ${f.performedOn}` : 'not performed',
    ),
    check(
      'LATER_PENALTY_SAME_TYPE',
      f.laterSameType.length === 0,
      f.laterSameType.length ? f.laterSameType.join(', ') : 'none',
    ),
    check('ON_ABNORMAL_LIST', !f.abnormalListed, f.abnormalListed ? 'listed' : 'not listed'),
    check('ON_SERIOUS_LIST', !f.seriousListed, f.seriousListed ? 'listed' : 'not listed'),
    materialsCheck('stop_publicity', f.materials),
  ];
}

export interface ListRemovalFacts {
  on: IsoDate;
  kind: Exclude<RestorationKind, 'stop_publicity'>;
  entry: {
    list: 'abnormal_operation' | 'serious_violation';
    listedOn: IsoDate;
    removedOn: IsoDate | null;
    ownListing: boolean;
  };
  /** Penalty decisions against the entity since it was listed (their numbers). */
  penaltiesSinceListing: readonly string[];
  materials: readonly MaterialKind[];
}

/** Every condition of removing a list entry (CRM arts. 5, 7). */
export function listRemovalEligibility(f: ListRemovalFacts): EligibilityResult[] {
  const wanted = f.kind === 'abnormal_list_removal' ? 'abnormal_operation' : 'serious_violation';
  const listed = f.entry.list === wanted && f.entry.removedOn === null;
  const out = [
    check(
      'NOT_LISTED',
      listed,
      listed
        ? `listed on ${f.entry.listedOn}`
        : f.entry.removedOn
          ? `removed ${f.entry.removedOn}`
          : `on the ${f.entry.list} list`,
    ),
    check(
      'NOT_LISTING_AGENCY',
      f.entry.ownListing,
      f.entry.ownListing ? 'listed by this agency' : 'listed by another authority',
    ),
  ];
  if (f.kind === 'serious_list_early_removal') {
    const year = addMonths(f.entry.listedOn, SERIOUS_LIST_MIN_MONTHS);
    out.push(check('LISTED_LESS_THAN_A_YEAR', f.on >= year, `one year listed on ${year}`));
    out.push(
      check(
        'PENALTY_SINCE_LISTING',
        f.penaltiesSinceListing.length === 0,
        f.penaltiesSinceListing.length ? f.penaltiesSinceListing.join(', ') : 'none',
      ),
    );
  }
  out.push(materialsCheck(f.kind, f.materials));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The publication's life: states, step guards and clocks (PDR arts. 9–13)

export const PUBLICATION_STATES = {
  pending: '待公示: created with the decision, to be published by its due date (PDR art. 9)',
  published: '已公示: public on the credit system until it expires',
  corrected: '已更正: published, the corrected information republished (PDR art. 12)',
  withdrawn:
    '已撤回: the decision was varied, revoked, confirmed illegal or void (PDR art. 11), or withdrawn otherwise',
  expired: '已到期: the publicity period ended (PDR art. 13)',
  restored: '已修复: stopped early by credit restoration (信用修复, PDR art. 14)',
} as const;
export type PublicationState = keyof typeof PUBLICATION_STATES;
export const PUBLICATION_STATE_CODES = Object.keys(PUBLICATION_STATES) as PublicationState[];
/** The states in which the information is public (until `expiresOn`). */
export const PUBLIC_STATES: readonly PublicationState[] = ['published', 'corrected'];

/**
 * The state shown on read: a public publication past its last day reads `expired` even before the
 * scheduled job moved it (the job only records it and tells the credit systems).
 */
export function effectiveState(state: string, expiresOn: IsoDate | null, today: IsoDate): PublicationState {
  if (PUBLIC_STATES.includes(state as PublicationState) && expiresOn !== null && expiresOn < today)
    return 'expired';
  return state as PublicationState;
}

export const PUBLICATION_CONDITIONS = {
  PUBLICATION_WRONG_STATE: condition(
    'PDR arts. 9–12',
    'The step does not apply to the publication in this state',
  ),
  CORRECTION_CANNOT_WITHDRAW: condition(
    'PDR art. 11',
    'The decision was revoked, confirmed illegal or void: its publication is withdrawn (撤回), not corrected',
  ),
} as const satisfies Record<string, ConditionDefinition>;
export type PublicationConditionCode = keyof typeof PUBLICATION_CONDITIONS;

function condition(rule: string, message: string): ConditionDefinition {
  return { rule, message };
}

/** An unmet condition of a publication step: its own codes or the case date codes. */
export interface PublicationUnmet {
  code: PublicationConditionCode | Unmet['code'];
  rule: string;
  message: string;
  detail?: string;
}

export function publicationUnmet(code: PublicationConditionCode, detail?: string): PublicationUnmet {
  const { rule, message } = PUBLICATION_CONDITIONS[code];
  return { code, rule, message, ...(detail ? { detail } : {}) };
}

export type PublicationStep = 'publish' | 'withdraw' | 'correct';

const STEP_STATES: Record<PublicationStep, readonly PublicationState[]> = {
  publish: ['pending'],
  withdraw: ['pending', 'published', 'corrected'],
  correct: ['published', 'corrected'],
};

export interface PublicationFacts {
  state: PublicationState;
  decidedOn: IsoDate;
  publishedOn: IsoDate | null;
  correctedOn: IsoDate | null;
  /** The decision's status that made a withdrawal due (varied, partially_revoked, revoked, …), if any. */
  withdrawalFor: string | null;
}

/** Statuses whose publication is corrected rather than withdrawn: some penalties remain in force. */
const CORRECTABLE_STATUSES = ['varied', 'partially_revoked'];

/** Every unmet condition of a step on `on` (today: the app's China date). */
export function checkPublicationStep(
  p: PublicationFacts,
  step: PublicationStep,
  on: IsoDate,
  today: IsoDate,
): PublicationUnmet[] {
  const out: PublicationUnmet[] = [];
  if (!STEP_STATES[step].includes(p.state))
    out.push(
      publicationUnmet('PUBLICATION_WRONG_STATE', `${step} does not apply to a publication ${p.state}`),
    );
  if (on > today) out.push(unmet('DATE_IN_FUTURE', `${on} is after today (${today})`));
  const previous = [p.decidedOn, p.publishedOn, p.correctedOn]
    .filter((d): d is IsoDate => d !== null)
    .sort()
    .at(-1) as IsoDate;
  if (on < previous) out.push(unmet('DATE_BEFORE_PREVIOUS_STEP', `${on} is before ${previous}`));
  if (step === 'correct' && p.withdrawalFor && !CORRECTABLE_STATUSES.includes(p.withdrawalFor))
    out.push(publicationUnmet('CORRECTION_CANNOT_WITHDRAW', `the decision is ${p.withdrawalFor}`));
  return out;
}

export type PublicationClockState = ClockState | 'lapsed';

export interface PublicationClock {
  name: 'publish' | 'withdrawal';
  rule: { code: string; citation: string; description: string };
  days: number;
  unit: 'working';
  dueDate: IsoDate;
  state: PublicationClockState;
  daysLeft: number | null;
  overdue: boolean;
}

function dueClock(
  calendar: WorkingCalendar,
  name: PublicationClock['name'],
  rule: PeriodRule,
  days: number,
  dueDate: IsoDate,
  today: IsoDate,
  done: { completedOn: IsoDate | null; lapsed: boolean },
): PublicationClock {
  const base = {
    name,
    rule: { code: rule.code, citation: citation(rule), description: rule.description },
    days,
    unit: 'working' as const,
    dueDate,
  };
  if (!done.completedOn && done.lapsed) return { ...base, state: 'lapsed', daysLeft: null, overdue: false };
  const deadline = { dueDate, unit: 'working', totalDays: days, countedDays: days } as Deadline;
  const status = clockStatus(calendar, deadline, today, done.completedOn ?? undefined);
  return { ...base, state: status.state, daysLeft: status.daysLeft, overdue: status.overdue };
}

export interface PublicationClockFacts {
  state: PublicationState;
  dueOn: IsoDate;
  dueWorkingDays: number;
  publishedOn: IsoDate | null;
  withdrawalDueOn: IsoDate | null;
  /** When the due withdrawal was done: withdrawn, or corrected after a variation (the status change says). */
  withdrawalDoneOn: IsoDate | null;
}

/**
 * The publish clock (PDR art. 9: within the configured WD of the decision; met by publishing, lapsed when
 * withdrawn first) and, once a review changed the decision, the withdrawal clock (PDR art. 11: 3 WD; met by
 * withdrawing or, for a varied decision, correcting; lapsed when the publicity ended otherwise).
 */
export function publicationClocks(
  calendar: WorkingCalendar,
  p: PublicationClockFacts,
  today: IsoDate,
): PublicationClock[] {
  const clocks = [
    dueClock(calendar, 'publish', PERIOD_RULES.PUBLICATION, p.dueWorkingDays, p.dueOn, today, {
      completedOn: p.publishedOn,
      lapsed: p.state !== 'pending',
    }),
  ];
  if (p.withdrawalDueOn) {
    clocks.push(
      dueClock(
        calendar,
        'withdrawal',
        PERIOD_RULES.PUBLICATION_WITHDRAWAL,
        PERIOD_RULES.PUBLICATION_WITHDRAWAL.days,
        p.withdrawalDueOn,
        today,
        { completedOn: p.withdrawalDoneOn, lapsed: p.state === 'expired' || p.state === 'restored' },
      ),
    );
  }
  return clocks;
}

// ---------------------------------------------------------------------------------------------------
// The published summary (公示内容)

function money(amount: number): string {
  return `人民币${amount.toFixed(2)}元`;
}

/** The penalties in Chinese, e.g. 警告，罚款人民币5000.00元. */
export function penaltyText(penalties: readonly ProposedPenalty[]): string {
  return penalties
    .map(
      (p) => `${PENALTY_TYPES[p.type]}${p.amount !== undefined && p.amount !== null ? money(p.amount) : ''}`,
    )
    .join('，');
}

/** The months of the restoration minimum: `extended` when the item's laws are among `extendedLaws`. */
export function restorationMinMonths(
  laws: readonly string[],
  setting: { general: number; extended: number; extendedLaws: readonly string[] },
): { months: number; extended: boolean } {
  const bare = (law: string) => law.replace(/[《》]/g, '').trim();
  const listed = new Set(setting.extendedLaws.map(bare));
  const extended = laws.some((l) => listed.has(bare(l)));
  return { months: extended ? setting.extended : setting.general, extended };
}

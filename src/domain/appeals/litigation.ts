/**
 * Administrative litigation (行政诉讼, RULES.md §7; ALL = 行政诉讼法) against one of the bureau's decisions, as
 * pure rules: the statuses of a suit, the judgment kinds and their outcomes, which judgments take effect at
 * once, the guard of every step (returning the unmet conditions), and the clocks — the defence and evidence
 * due 15 d after the complaint copy was received (ALL art. 67), and the appeal period of 15 d after a
 * judgment, 10 d after a ruling is served (ALL art. 85). Calendar-day periods whose last day is not a working
 * day end on the next working day (RULES.md §9). No I/O.
 */
import { chinaDate, type IsoDate } from '../calendar/dates';
import { clockStatus, computeDeadline } from '../calendar/deadlines';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { dated } from '../cases/case-guards';
import { citation, PERIOD_RULES, type PeriodRule } from '../rules/period-rules';
import { type AppealUnmet, appealUnmet } from './conditions';

export const LITIGATION_STATUSES = {
  pending: '审理中 (first or second instance)',
  judged: '一审已判决或裁定，上诉期内 (ALL art. 85)',
  effective: '已生效 (its effect on the decision applied)',
} as const;
export type LitigationStatus = keyof typeof LITIGATION_STATUSES;
export const LITIGATION_STATUS_CODES = Object.keys(LITIGATION_STATUSES) as LitigationStatus[];

/** A suit is pending until its judgment, ruling or mediation takes effect; the surcharge stays frozen meanwhile. */
export const PENDING_LITIGATION_STATUSES: readonly LitigationStatus[] = ['pending', 'judged'];
export const isPendingLitigation = (status: string) =>
  (PENDING_LITIGATION_STATUSES as readonly string[]).includes(status);

export const JUDGMENT_KINDS = { judgment: '判决', ruling: '裁定', mediation: '调解书' } as const;
export type JudgmentKind = keyof typeof JUDGMENT_KINDS;

/**
 * The outcomes of each kind (ALL arts. 69–78; 准许撤诉 art. 62; 驳回起诉 and 终结诉讼 by ruling). For a
 * second instance, the outcome is what the final judgment leaves on the decision: an appeal dismissed
 * (驳回上诉，维持原判) is recorded with the first-instance outcome.
 */
export const LITIGATION_OUTCOMES = {
  judgment: {
    claim_rejected: '驳回原告诉讼请求 (ALL art. 69)',
    revoked: '撤销或部分撤销，可判决重新作出行政行为 (ALL art. 70)',
    varied: '变更 (ALL art. 77; 不得加重原告的义务)',
    ordered_to_perform: '判决履行 (ALL art. 72)',
    confirmed_illegal: '确认违法 (ALL art. 74)',
    confirmed_void: '确认无效 (ALL art. 75)',
  },
  ruling: {
    complaint_dismissed: '裁定驳回起诉',
    withdrawn: '准许撤诉 (ALL art. 62)',
    terminated: '终结诉讼',
  },
  mediation: { mediated: '调解 (ALL art. 60)' },
} as const satisfies Record<JudgmentKind, Record<string, string>>;

export type LitigationOutcome = {
  [K in JudgmentKind]: keyof (typeof LITIGATION_OUTCOMES)[K];
}[JudgmentKind];
export const LITIGATION_OUTCOME_CODES = Object.values(LITIGATION_OUTCOMES).flatMap((o) =>
  Object.keys(o),
) as LitigationOutcome[];

export function outcomeFitsKind(kind: JudgmentKind, outcome: string): boolean {
  return Object.hasOwn(LITIGATION_OUTCOMES[kind], outcome);
}

/**
 * First-instance rulings no party can appeal, which take effect when served: permission to withdraw
 * (准许撤诉) and termination (终结诉讼). Only rulings refusing the case, dismissing the complaint or on
 * jurisdiction are appealable (ALL art. 85 with the SPC interpretation of ALL, art. 101).
 */
export const FINAL_FIRST_INSTANCE_RULINGS: readonly string[] = ['withdrawn', 'terminated'];

/**
 * Whether a judgment, ruling or mediation takes effect when served: a second instance is final (终审, ALL
 * art. 85), a mediation document takes effect on signature (ALL art. 60), and so does a final ruling.
 * Anything else waits for its appeal period to end.
 */
export function takesEffectAtOnce(
  instance: 'first' | 'second',
  kind: JudgmentKind,
  outcome: string,
): boolean {
  if (instance === 'second' || kind === 'mediation') return true;
  return kind === 'ruling' && FINAL_FIRST_INSTANCE_RULINGS.includes(outcome);
}

/** The period to appeal a first-instance judgment (15 d) or ruling (10 d), from its service. */
export function appealRule(kind: JudgmentKind): PeriodRule {
  return kind === 'ruling' ? PERIOD_RULES.LITIGATION_APPEAL_RULING : PERIOD_RULES.LITIGATION_APPEAL_JUDGMENT;
}

/** The last day to appeal, on the working calendar. */
export function appealDueOn(calendar: WorkingCalendar, kind: JudgmentKind, servedOn: IsoDate): IsoDate {
  const rule = appealRule(kind);
  return computeDeadline(calendar, { start: servedOn, days: rule.days, unit: rule.unit }).dueDate as IsoDate;
}

/** The last day to file the defence and evidence (答辩状及证据), ALL art. 67. */
export function defenceDueOn(calendar: WorkingCalendar, complaintReceivedOn: IsoDate): IsoDate {
  const rule = PERIOD_RULES.LITIGATION_DEFENCE;
  return computeDeadline(calendar, { start: complaintReceivedOn, days: rule.days, unit: rule.unit })
    .dueDate as IsoDate;
}

/** A suit as the rules see it. */
export interface LitigationSnapshot {
  status: LitigationStatus;
  instance: 'first' | 'second';
  filedOn: IsoDate;
  complaintReceivedOn: IsoDate;
  /** When the current instance began: the filing, or the appeal for the second instance. */
  instanceStartedOn: IsoDate;
  defenceFiledOn: IsoDate | null;
  /** The latest hearing of the current instance. */
  lastHearingOn: IsoDate | null;
  judgmentKind: JudgmentKind | null;
  judgmentOn: IsoDate | null;
  judgmentServedOn: IsoDate | null;
}

function statusIs(l: LitigationSnapshot, ...statuses: LitigationStatus[]): AppealUnmet[] {
  return statuses.includes(l.status)
    ? []
    : [appealUnmet('APPEAL_WRONG_STATUS', `the suit is ${l.status}; needs ${statuses.join(' or ')}`)];
}

const later = (a: IsoDate | null, b: IsoDate | null) => (a && b ? (a > b ? a : b) : (a ?? b));

// ---------------------------------------------------------------------------------------------------
// The steps

/**
 * Registering a suit: the court's filing (立案) after the decision, the complaint copy received after the
 * filing, neither in the future; not while the decision is already under reconsideration or before a court
 * (ALL art. 44).
 */
export function checkFiling(
  input: { filedOn: IsoDate; complaintReceivedOn: IsoDate; decidedOn: IsoDate; alreadyUnderReview: string[] },
  today: IsoDate,
): AppealUnmet[] {
  return [
    ...input.alreadyUnderReview.map((detail) => appealUnmet('ALREADY_UNDER_REVIEW', detail)),
    ...dated(input.filedOn, input.decidedOn, today, 'the decision'),
    ...dated(input.complaintReceivedOn, input.filedOn, today, 'the court’s filing'),
  ];
}

/** The defence and evidence (答辩状及证据), ALL art. 67: once; a late one is recorded (completed_late). */
export function checkDefence(l: LitigationSnapshot, input: { on: IsoDate }, today: IsoDate): AppealUnmet[] {
  const out = statusIs(l, 'pending');
  if (l.defenceFiledOn) out.push(appealUnmet('DEFENCE_ALREADY_FILED', `filed on ${l.defenceFiledOn}`));
  out.push(...dated(input.on, l.complaintReceivedOn, today, 'the complaint copy’s receipt'));
  return out;
}

/** A court hearing (庭审) of the current instance. */
export function checkHearing(l: LitigationSnapshot, input: { on: IsoDate }, today: IsoDate): AppealUnmet[] {
  return [
    ...statusIs(l, 'pending'),
    ...dated(input.on, l.instanceStartedOn, today, l.instance === 'second' ? 'the appeal' : 'the filing'),
  ];
}

/** The judgment, ruling or mediation (判决 / 裁定 / 调解) of the current instance, served on the bureau. */
export function checkJudgment(
  l: LitigationSnapshot,
  input: { on: IsoDate; servedOn: IsoDate },
  today: IsoDate,
): AppealUnmet[] {
  const after = later(l.instanceStartedOn, l.lastHearingOn);
  return [
    ...statusIs(l, 'pending'),
    ...dated(input.on, after, today, after === l.lastHearingOn ? 'the last hearing' : 'the filing'),
    ...dated(input.servedOn, input.on, today, 'the judgment'),
  ];
}

/**
 * An appeal (上诉), ALL art. 85: only against a first-instance judgment or appealable ruling, within 15 d
 * (judgment) or 10 d (ruling) of its service. `dueOn` is that period's last day on the working calendar.
 */
export function checkAppeal(
  l: LitigationSnapshot,
  input: { on: IsoDate; dueOn: IsoDate | null },
  today: IsoDate,
): AppealUnmet[] {
  if (l.status === 'effective')
    return [
      appealUnmet(
        'NOT_APPEALABLE',
        l.instance === 'second' ? 'the second-instance outcome is final' : 'the outcome took effect',
      ),
    ];
  const out = statusIs(l, 'judged');
  if (out.length > 0) return out;
  out.push(...dated(input.on, l.judgmentServedOn, today, 'the judgment’s service'));
  if (input.dueOn && input.on > input.dueOn)
    out.push(appealUnmet('APPEAL_PERIOD_ENDED', `appealed on ${input.on}; the period ended ${input.dueOn}`));
  return out;
}

/** A first-instance judgment or ruling takes effect once its appeal period ended without an appeal. */
export function checkTakeEffect(
  l: LitigationSnapshot,
  input: { on: IsoDate; dueOn: IsoDate | null },
  today: IsoDate,
): AppealUnmet[] {
  const out = statusIs(l, 'judged');
  if (out.length > 0) return out;
  out.push(...dated(input.on, l.judgmentServedOn, today, 'the judgment’s service'));
  if (input.dueOn && input.on <= input.dueOn)
    out.push(appealUnmet('APPEAL_PERIOD_RUNNING', `the period to appeal runs until ${input.dueOn}`));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Clocks

/**
 * A running clock with this many days left or fewer is at risk: three days leave time to gather the
 * evidence file and have the defence signed before it is due (local practice of the seed bureau's legal
 * unit; not a rule of law, so it changes nothing but the flag).
 */
export const AT_RISK_DAYS = 3;

/**
 * A clock of the suit, in the shape both appeal modules show (the AppealClock schema). The defence clock is
 * running, overdue, completed or completed_late; the appeal clock, an option that is never overdue, is
 * running, lapsed (ended unused) or completed (an appeal was lodged). `atRisk` flags a running clock with
 * AT_RISK_DAYS or fewer left.
 */
export interface LitigationClock {
  name: 'defence' | 'appeal';
  rule: { code: string; citation: string; description: string };
  start: IsoDate;
  days: number;
  totalDays: number;
  unit: 'working' | 'calendar';
  dueDate: IsoDate;
  state: 'running' | 'overdue' | 'completed' | 'completed_late' | 'lapsed';
  daysLeft: number | null;
  atRisk: boolean;
  overdue: boolean;
  provisional: boolean;
}

function dayClock(
  calendar: WorkingCalendar,
  name: LitigationClock['name'],
  rule: PeriodRule,
  start: IsoDate,
  today: IsoDate,
  completedOn: IsoDate | null,
): LitigationClock {
  const deadline = computeDeadline(calendar, { start, days: rule.days, unit: rule.unit });
  const status = clockStatus(calendar, deadline, today, completedOn ?? undefined);
  const running = status.state === 'running' || status.state === 'paused';
  return {
    name,
    rule: { code: rule.code, citation: citation(rule), description: rule.description },
    start,
    days: rule.days,
    totalDays: deadline.totalDays,
    unit: rule.unit,
    dueDate: deadline.dueDate as IsoDate,
    state: running ? 'running' : (status.state as LitigationClock['state']),
    daysLeft: status.daysLeft,
    atRisk: running && status.daysLeft !== null && status.daysLeft <= AT_RISK_DAYS,
    overdue: status.overdue,
    provisional: deadline.provisional,
  };
}

/**
 * The defence clock (答辩期), ALL art. 67: 15 d from the complaint copy's receipt. A suit that ended (took
 * effect) without a defence lapses: not overdue any more, nothing can be filed, but flagged `overdue` when it
 * ended after the due date (the defence was missed).
 */
export function defenceClock(
  calendar: WorkingCalendar,
  complaintReceivedOn: IsoDate,
  defenceFiledOn: IsoDate | null,
  today: IsoDate,
  endedOn: IsoDate | null = null,
): LitigationClock {
  const c = dayClock(
    calendar,
    'defence',
    PERIOD_RULES.LITIGATION_DEFENCE,
    complaintReceivedOn,
    today,
    defenceFiledOn,
  );
  if (defenceFiledOn || !endedOn) return c;
  return { ...c, state: 'lapsed', daysLeft: null, atRisk: false, overdue: endedOn > c.dueDate };
}

/**
 * The appeal clock (上诉期), ALL art. 85, from the service of a first-instance judgment or ruling. Appealing
 * is an option: a period that ends unused lapses (the outcome can take effect) rather than falls overdue.
 */
export function appealClock(
  calendar: WorkingCalendar,
  kind: JudgmentKind,
  servedOn: IsoDate,
  today: IsoDate,
  appealedOn: IsoDate | null = null,
): LitigationClock {
  const c = dayClock(calendar, 'appeal', appealRule(kind), servedOn, today, appealedOn);
  // Appealed: the option was used (completed, late or not — a late appeal is the court's to reject).
  if (appealedOn) return { ...c, state: 'completed', overdue: false };
  if (c.state === 'overdue') return { ...c, state: 'lapsed', daysLeft: null, overdue: false };
  return c;
}

/** What the suit's clocks need. */
export interface ClockFacts {
  complaintReceivedOn: IsoDate;
  defenceFiledOn: IsoDate | null;
  instance: 'first' | 'second';
  judgmentKind: JudgmentKind | null;
  outcome: string | null;
  judgmentServedOn: IsoDate | null;
  /** When the suit ended (its outcome took effect). */
  effectiveOn: IsoDate | null;
  /** The first-instance judgment, once appealed. */
  firstInstance: { kind: JudgmentKind; servedOn: IsoDate; appealedOn: IsoDate } | null;
}

/** The suit's clocks as GET /v1/litigations/{id} shows them. */
export function litigationClocks(calendar: WorkingCalendar, l: ClockFacts, now: Date): LitigationClock[] {
  const today = chinaDate(now);
  const clocks = [defenceClock(calendar, l.complaintReceivedOn, l.defenceFiledOn, today, l.effectiveOn)];
  if (l.firstInstance)
    clocks.push(
      appealClock(
        calendar,
        l.firstInstance.kind,
        l.firstInstance.servedOn,
        today,
        l.firstInstance.appealedOn,
      ),
    );
  else if (
    l.instance === 'first' &&
    l.judgmentKind &&
    l.outcome &&
    l.judgmentServedOn &&
    !takesEffectAtOnce('first', l.judgmentKind, l.outcome)
  )
    clocks.push(appealClock(calendar, l.judgmentKind, l.judgmentServedOn, today));
  return clocks;
}

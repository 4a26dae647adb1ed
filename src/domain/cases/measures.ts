/**
 * Measures on property during an investigation, as pure rules (no I/O):
 * - seal-up (查封) and seizure (扣押), administrative compulsory measures: the bureau head approves
 *   before the act, or in an emergency within 24 hours after it (ACL arts. 18–19); 30 days, extendable
 *   once by at most 30 days with the head's approval, testing time excluded (ACL art. 25); released
 *   (解除) when no longer needed (ACL art. 28);
 * - advance registration and preservation of evidence (先行登记保存): the head approves, and the bureau
 *   decides how to handle the evidence within 7 working days (APL art. 56).
 * Every measure is taken by at least two certified officers (APL art. 42; ACL art. 18) and, for a
 * seal-up or seizure, recorded on audio-video (全过程音像记录, APL art. 47): one recorded without it is
 * accepted but flagged, so supervision can report it (RULES.md §11).
 */
import type { IsoDate } from '../calendar/dates';
import type { Pause } from '../calendar/deadlines';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { PERIOD_RULES } from '../rules/period-rules';
import { type CaseClock, clock } from './case-clocks';
import { dated } from './case-guards';
import { type Unmet, unmet } from './conditions';
import { checkInvestigativeAct, type InvestigationCase } from './investigation';

export const MEASURE_KINDS = {
  seal_up: '查封 (ACL arts. 18–19, 25)',
  seizure: '扣押 (ACL arts. 18–19, 25)',
  advance_preservation: '先行登记保存 (APL art. 56)',
} as const;
export type MeasureKind = keyof typeof MEASURE_KINDS;

/** Administrative compulsory measures (行政强制措施) proper: the ACL's period, extension and release. */
export const COMPULSORY_KINDS: readonly MeasureKind[] = ['seal_up', 'seizure'];
export const isCompulsory = (kind: MeasureKind) => COMPULSORY_KINDS.includes(kind);

/** How the bureau head approved: before the act, or in an emergency (情况紧急) after it. */
export const APPROVAL_MODES = {
  prior: '事前批准 (ACL art. 18(1))',
  emergency: '情况紧急，当场实施后 24 小时内报告并补办批准手续 (ACL art. 19)',
} as const;
export type ApprovalMode = keyof typeof APPROVAL_MODES;

/** ACL art. 19: an emergency measure is reported and approved within 24 hours. */
export const EMERGENCY_APPROVAL_HOURS = 24;
/** ACL art. 25: one extension, of at most 30 days. */
export const MEASURE_EXTENSION_MAX_DAYS = 30;

/** Why a seal-up or seizure is released (解除), ACL art. 28 (and art. 19 for a refused approval). */
export const RELEASE_REASONS = {
  no_violation: '当事人没有违法行为 (ACL art. 28(1))',
  unrelated: '查封、扣押的场所、设施或者财物与违法行为无关 (ACL art. 28(2))',
  handled: '对违法行为已经作出处理决定，不再需要查封、扣押 (ACL art. 28(3))',
  period_expired: '查封、扣押期限已经届满 (ACL art. 28(4))',
  approval_refused: '行政机关负责人认为不应当采取，立即解除 (ACL art. 19)',
  other: '其他不再需要采取查封、扣押措施的情形 (ACL art. 28(5))',
} as const;
export type ReleaseReason = keyof typeof RELEASE_REASONS;

/** How preserved evidence is handled (处理决定) within 7 working days, APL art. 56. */
export const HANDLING_DECISIONS = {
  record_and_return: '记录、复制、拍照、录像等证据保全后退还',
  send_for_testing: '送交检测、检验、检疫、鉴定',
  seal_up_or_seize: '依法决定查封、扣押',
  release: '解除先行登记保存',
} as const;
export type HandlingDecision = keyof typeof HANDLING_DECISIONS;

/** What a measure's record is flagged for: accepted, but shown to supervision. */
export const MEASURE_FLAGS = {
  NO_AUDIO_VIDEO_RECORD: {
    rule: 'APL art. 47; State Council 2018 guideline',
    message: 'A seal-up or seizure must be recorded on audio-video throughout (全过程音像记录)',
  },
  EMERGENCY_APPROVAL_OVERDUE: {
    rule: 'ACL art. 19',
    message: 'An emergency measure was not approved by the bureau head within 24 hours of the act',
  },
  APPROVAL_REFUSED_NOT_RELEASED: {
    rule: 'ACL art. 19',
    message: 'The bureau head refused the approval: the measure must be released at once',
  },
} as const;
export type MeasureFlag = keyof typeof MEASURE_FLAGS;
export const MEASURE_FLAG_CODES = Object.keys(MEASURE_FLAGS) as MeasureFlag[];

/** A measure as the rules see it. */
export interface Measure {
  id: string;
  kind: MeasureKind;
  approval: ApprovalMode;
  /** When the bureau head decided (approved or refused); null while an emergency approval is pending. */
  decidedAt: Date | null;
  result: 'approved' | 'refused' | null;
  startedAt: Date;
  /** The China date of startedAt: the period counts from the next day. */
  startedOn: IsoDate;
  avRecorded: boolean;
  extendedDays: number;
  endedOn: IsoDate | null;
}

/** When an emergency measure's approval is due (24 h after the act); null for a prior approval. */
export function emergencyApprovalDueAt(m: Pick<Measure, 'approval' | 'startedAt'>): Date | null {
  if (m.approval !== 'emergency') return null;
  return new Date(m.startedAt.getTime() + EMERGENCY_APPROVAL_HOURS * 3_600_000);
}

/** The measure's flags at an instant (the 24-hour flag appears once the 24 hours have passed). */
export function measureFlags(m: Measure, now: Date): MeasureFlag[] {
  const flags: MeasureFlag[] = [];
  if (isCompulsory(m.kind) && !m.avRecorded) flags.push('NO_AUDIO_VIDEO_RECORD');
  const due = emergencyApprovalDueAt(m);
  if (due && (m.decidedAt ?? now).getTime() > due.getTime()) flags.push('EMERGENCY_APPROVAL_OVERDUE');
  if (m.result === 'refused' && m.endedOn === null) flags.push('APPROVAL_REFUSED_NOT_RELEASED');
  return flags;
}

/**
 * The measure's clock: for a seal-up or seizure 30 calendar days from the act plus the approved
 * extension, not counting the case's testing periods (ACL art. 25); for advance preservation the
 * handling decision within 7 working days (APL art. 56). Completed when released or handled.
 */
export function measureClock(
  calendar: WorkingCalendar,
  m: Pick<Measure, 'id' | 'kind' | 'startedOn' | 'extendedDays' | 'endedOn'>,
  testing: readonly Pause[],
  today: IsoDate,
): CaseClock {
  const compulsory = isCompulsory(m.kind);
  const c = compulsory
    ? clock(calendar, 'compulsory_measure', PERIOD_RULES.SEIZURE_PERIOD, m.startedOn, today, m.endedOn, {
        pauses: [...testing],
        ...(m.extendedDays > 0
          ? { extensions: [{ days: m.extendedDays, reason: 'approved extension (ACL art. 25)' }] }
          : {}),
      })
    : clock(
        calendar,
        'advance_preservation',
        PERIOD_RULES.ADVANCE_PRESERVATION,
        m.startedOn,
        today,
        m.endedOn,
      );
  return { ...c, subjectId: m.id };
}

// ---------------------------------------------------------------------------------------------------
// Guards: each returns the unmet conditions; empty means the step may be recorded.

export interface TakeMeasureInput {
  kind: MeasureKind;
  startedAt: Date;
  startedOn: IsoDate;
  officerIds: readonly string[];
  certifiedOfficerIds: readonly string[];
  approval: ApprovalMode;
  /** The approval given with the record, if any. */
  approver?: { isBureauHead: boolean; at: Date };
}

function notFuture(at: Date, now: Date, what: string): Unmet[] {
  return at.getTime() > now.getTime()
    ? [unmet('DATE_IN_FUTURE', `${what} ${at.toISOString()} is after now (${now.toISOString()})`)]
    : [];
}

/** Taking a measure: an investigative act (two certified officers, the case open, the date) plus its approval. */
export function checkTakeMeasure(
  c: InvestigationCase,
  input: TakeMeasureInput,
  now: Date,
  today: IsoDate,
): Unmet[] {
  const out = checkInvestigativeAct(
    c,
    { on: input.startedOn, officerIds: input.officerIds, certifiedOfficerIds: input.certifiedOfficerIds },
    today,
  );
  if (!out.some((u) => u.code === 'DATE_IN_FUTURE'))
    out.push(...notFuture(input.startedAt, now, 'the act at'));
  const a = input.approver;
  if (a) {
    if (!a.isBureauHead) out.push(unmet('MEASURE_APPROVER_NOT_BUREAU_HEAD'));
    if (input.approval === 'prior' && a.at.getTime() > input.startedAt.getTime()) {
      out.push(
        unmet(
          'MEASURE_APPROVAL_AFTER_START',
          `approved ${a.at.toISOString()}, after the act at ${input.startedAt.toISOString()}`,
        ),
      );
    }
    if (input.approval === 'emergency' && a.at.getTime() < input.startedAt.getTime()) {
      out.push(
        unmet(
          'DATE_BEFORE_PREVIOUS_STEP',
          `an emergency approval follows the act (${input.startedAt.toISOString()}); an earlier one is a prior approval`,
        ),
      );
    }
    out.push(...notFuture(a.at, now, 'the approval at'));
  }
  return out;
}

/** The bureau head's decision on an emergency measure (ACL art. 19). */
export function checkApproval(m: Measure, input: { isBureauHead: boolean; at: Date }, now: Date): Unmet[] {
  const out: Unmet[] = [];
  if (m.endedOn !== null) out.push(unmet('MEASURE_ENDED', `ended on ${m.endedOn}`));
  if (m.result !== null)
    out.push(unmet('MEASURE_APPROVAL_RECORDED', `${m.result} at ${m.decidedAt?.toISOString()}`));
  if (!input.isBureauHead) out.push(unmet('MEASURE_APPROVER_NOT_BUREAU_HEAD'));
  if (input.at.getTime() < m.startedAt.getTime()) {
    out.push(
      unmet(
        'DATE_BEFORE_PREVIOUS_STEP',
        `${input.at.toISOString()} is before the act (${m.startedAt.toISOString()})`,
      ),
    );
  }
  out.push(...notFuture(input.at, now, 'the approval at'));
  return out;
}

/**
 * Extending a seal-up or seizure (ACL art. 25): once, by at most 30 days, approved by the head on or
 * before the day the period ends. `dueDate` is the period's end before this extension (null while a
 * testing period stops the clock, so it has not ended).
 */
export function checkExtension(
  m: Measure,
  input: { on: IsoDate; days: number; isBureauHead: boolean; dueDate: IsoDate | null },
  today: IsoDate,
): Unmet[] {
  if (!isCompulsory(m.kind)) return [unmet('WRONG_MEASURE_KIND', 'advance preservation is not extended')];
  const out: Unmet[] = [];
  if (m.endedOn !== null) out.push(unmet('MEASURE_ENDED', `ended on ${m.endedOn}`));
  if (m.result !== 'approved') out.push(unmet('MEASURE_NOT_APPROVED', m.result ?? 'approval pending'));
  if (!input.isBureauHead) out.push(unmet('MEASURE_APPROVER_NOT_BUREAU_HEAD'));
  if (m.extendedDays > 0)
    out.push(unmet('MEASURE_EXTENSION_NOT_ALLOWED', `extended once already, by ${m.extendedDays} days`));
  if (input.days > MEASURE_EXTENSION_MAX_DAYS)
    out.push(unmet('MEASURE_EXTENSION_NOT_ALLOWED', `at most ${MEASURE_EXTENSION_MAX_DAYS} days`));
  if (input.dueDate !== null && input.on > input.dueDate)
    out.push(unmet('MEASURE_EXTENSION_NOT_ALLOWED', `the period ended on ${input.dueDate}`));
  out.push(...dated(input.on, m.startedOn, today, 'the measure'));
  return out;
}

/** Releasing a seal-up or seizure (解除, ACL art. 28). */
export function checkRelease(m: Measure, input: { on: IsoDate }, today: IsoDate): Unmet[] {
  if (!isCompulsory(m.kind))
    return [unmet('WRONG_MEASURE_KIND', 'advance preservation ends with a handling decision (handle)')];
  return [
    ...(m.endedOn !== null ? [unmet('MEASURE_ENDED', `ended on ${m.endedOn}`)] : []),
    ...dated(input.on, m.startedOn, today, 'the measure'),
  ];
}

/** The handling decision (处理决定) on preserved evidence (APL art. 56); a late one is recorded, and its clock shows it. */
export function checkHandling(m: Measure, input: { on: IsoDate }, today: IsoDate): Unmet[] {
  if (isCompulsory(m.kind))
    return [unmet('WRONG_MEASURE_KIND', 'a seal-up or seizure is released (release), not handled')];
  return [
    ...(m.endedOn !== null ? [unmet('MEASURE_ENDED', `ended on ${m.endedOn}`)] : []),
    ...dated(input.on, m.startedOn, today, 'the measure'),
  ];
}

/** The days of the case's testing periods (检测、检验、检疫、鉴定) a seizure's period does not count (ACL art. 25). */
export function testingPauses(pauses: readonly (Pause & { kind: string })[]): Pause[] {
  return pauses.filter((p) => p.kind === 'testing').map(({ kind: _kind, ...p }) => p);
}

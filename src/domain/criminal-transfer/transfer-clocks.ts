/**
 * The clocks of a criminal transfer (行刑衔接), RULES.md §3, each with its rule:
 * - decision (审批): the head decides within 3 days of the report (TR art. 5), calendar days;
 * - transfer (移送): within 24 hours of the approval (TR art. 6), counted in hours from the instant;
 * - review_request (提请复议): within 3 days of receiving the notice not to file (TR art. 9); an
 *   option, so a period that passes unused lapses rather than falls overdue;
 * - handover (移交涉案物品): within 3 days of the police filing (TR art. 12), when items were seized.
 * Calendar-day periods end on the next working day when their last day is not one (RULES.md §9).
 */
import { chinaDate, type IsoDate } from '../calendar/dates';
import { clockStatus, computeDeadline } from '../calendar/deadlines';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { citation, PERIOD_RULES, type PeriodRule } from '../rules/period-rules';
import type { TransferSnapshot } from './transfer-guards';

/** TR art. 6: an approved transfer goes to the police within 24 hours. */
export const TRANSFER_WITHIN_HOURS = {
  code: 'CRIMINAL_TRANSFER_SEND',
  law: 'TR',
  article: 'art. 6',
  hours: 24,
  description: 'Transfer the case to public security (移送公安机关) after the head approves',
} as const;

export type TransferClockName = 'decision' | 'transfer' | 'review_request' | 'handover';

export interface TransferClock {
  name: TransferClockName;
  rule: { code: string; citation: string; description: string };
  unit: 'calendar' | 'hours';
  /** Days, or hours for the transfer clock. */
  length: number;
  /** The triggering event: a date, or an instant for the hours clock. */
  start: string;
  /** The last day (calendar) or the instant (hours) by which the step is due. */
  due: string | null;
  /** Days (calendar) or hours, to the minute, left; negative when overdue; null once completed. */
  left: number | null;
  state: 'running' | 'overdue' | 'completed' | 'completed_late' | 'lapsed';
  overdue: boolean;
  /** The due date reaches into a year whose holiday notice is not loaded yet. */
  provisional: boolean;
}

const HOUR = 3_600_000;

/** The 24-hour transfer clock: from the approval instant; completed by the transfer. */
export function transferHoursClock(approvedAt: Date, transferredAt: Date | null, now: Date): TransferClock {
  const due = new Date(approvedAt.getTime() + TRANSFER_WITHIN_HOURS.hours * HOUR);
  const base = {
    name: 'transfer' as const,
    rule: {
      code: TRANSFER_WITHIN_HOURS.code,
      citation: `${TRANSFER_WITHIN_HOURS.law} ${TRANSFER_WITHIN_HOURS.article}`,
      description: TRANSFER_WITHIN_HOURS.description,
    },
    unit: 'hours' as const,
    length: TRANSFER_WITHIN_HOURS.hours,
    start: approvedAt.toISOString(),
    due: due.toISOString(),
    provisional: false,
  };
  if (transferredAt) {
    const late = transferredAt.getTime() > due.getTime();
    return { ...base, left: null, state: late ? 'completed_late' : 'completed', overdue: late };
  }
  // Hours to the minute: 1 minute left is 0.02 h.
  const left = Math.round((due.getTime() - now.getTime()) / 60_000) / 60;
  const overdue = now.getTime() > due.getTime();
  return { ...base, left: Math.round(left * 100) / 100, state: overdue ? 'overdue' : 'running', overdue };
}

/** A calendar-day clock of the transfer on the working calendar. */
export function dayClock(
  calendar: WorkingCalendar,
  name: TransferClockName,
  rule: PeriodRule,
  start: IsoDate,
  today: IsoDate,
  completedOn: IsoDate | null,
  options: { optional?: boolean } = {},
): TransferClock {
  const deadline = computeDeadline(calendar, { start, days: rule.days, unit: rule.unit });
  const status = clockStatus(calendar, deadline, today, completedOn ?? undefined);
  const lapsed = options.optional && status.state === 'overdue';
  return {
    name,
    rule: { code: rule.code, citation: citation(rule), description: rule.description },
    unit: 'calendar',
    length: rule.days,
    start,
    due: deadline.dueDate,
    left: lapsed ? null : status.daysLeft,
    state: lapsed ? 'lapsed' : status.state === 'paused' ? 'running' : status.state,
    overdue: lapsed ? false : status.overdue,
    provisional: deadline.provisional,
  };
}

/** Every clock the transfer has reached, as GET /v1/criminal-transfers/{id} shows them. */
export function transferClocks(
  calendar: WorkingCalendar,
  t: TransferSnapshot & { decisionResult: 'approved' | 'refused' | null; returnedOn: IsoDate | null },
  now: Date,
): TransferClock[] {
  const today = chinaDate(now);
  const clocks: TransferClock[] = [
    dayClock(
      calendar,
      'decision',
      PERIOD_RULES.CRIMINAL_TRANSFER_DECISION,
      t.reportedOn,
      today,
      t.decidedAt ? chinaDate(t.decidedAt) : null,
    ),
  ];
  if (t.decisionResult === 'approved' && t.decidedAt)
    clocks.push(transferHoursClock(t.decidedAt, t.transferredAt, now));
  if (t.policeDecision === 'not_filed' && t.policeNotifiedOn) {
    clocks.push(
      dayClock(
        calendar,
        'review_request',
        PERIOD_RULES.CRIMINAL_TRANSFER_REVIEW_REQUEST,
        t.policeNotifiedOn,
        today,
        t.reviewRequestedOn,
        { optional: true },
      ),
    );
  }
  if (t.policeFiledOn && t.hasSeizedItems) {
    // Sent back before the hand-over was due: nothing is left to hand over.
    const completed = t.handedOverOn ?? (t.returnedOn && !t.handedOverOn ? t.returnedOn : null);
    clocks.push(
      dayClock(calendar, 'handover', PERIOD_RULES.SEIZED_ITEMS_HANDOVER, t.policeFiledOn, today, completed),
    );
  }
  return clocks;
}

/** The date the review request is due by (the period's last day on the calendar), or null. */
export function reviewRequestDueOn(calendar: WorkingCalendar, notifiedOn: IsoDate): IsoDate | null {
  const rule = PERIOD_RULES.CRIMINAL_TRANSFER_REVIEW_REQUEST;
  return computeDeadline(calendar, { start: notifiedOn, days: rule.days, unit: rule.unit }).dueDate;
}

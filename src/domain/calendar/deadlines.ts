/**
 * Legal deadlines (期限) computed on a working calendar. Pure functions: the same calendar and
 * input always give the same answer, which is what lets a reviewer re-check a due date.
 *
 * Counting rules (RULES.md §9):
 * - A period starts counting on the day after the event.
 * - A working-day period counts only working days.
 * - A calendar-day period counts every day, but if its last day is not a working day the
 *   period ends on the next working day.
 * - Paused periods (suspension 中止, hearing 听证, testing 检测/检验/鉴定, public notice 公告) are not
 *   counted at all; approved extensions (延长) add days to the same clock.
 */
import { addDays, daysBetween, fromDayNumber, type IsoDate, toDayNumber } from './dates';
import type { DayReason, WorkingCalendar } from './working-calendar';

export type PeriodUnit = 'working' | 'calendar';

/** Days that are not counted, inclusive on both ends; an open pause (`to` absent) is still running. */
export interface Pause {
  from: IsoDate;
  to?: IsoDate;
  reason: string;
}

export interface Extension {
  days: number;
  reason: string;
  approvedBy?: string;
  approvedOn?: IsoDate;
}

export interface DeadlineInput {
  /** The date of the triggering event; day one is the next day. */
  start: IsoDate;
  days: number;
  unit: PeriodUnit;
  pauses?: readonly Pause[];
  extensions?: readonly Extension[];
}

export interface SkippedDay {
  date: IsoDate;
  reason: DayReason | 'paused';
  name?: string;
  /** `not_counted`: inside the period but not counted; `rolled_over`: a calendar-day period's
   * last day fell on a non-working day and the deadline moved past it. */
  effect: 'not_counted' | 'rolled_over';
}

export interface Deadline {
  start: IsoDate;
  unit: PeriodUnit;
  /** The period as set by law or setting. */
  days: number;
  /** `days` plus approved extensions. */
  totalDays: number;
  /** Null while an open pause stops the clock before the period ends. */
  dueDate: IsoDate | null;
  /** True when an open pause has stopped the clock. */
  paused: boolean;
  /** Days counted so far when paused; equals totalDays otherwise. */
  countedDays: number;
  skipped: SkippedDay[];
  /** True when any day consulted lies in a year whose holiday notice is not loaded. */
  provisional: boolean;
  calendarVersion: number;
}

/** A safety bound: no legal period Fazhi handles spans twenty years (10 years of working days fit). */
const MAX_SPAN_DAYS = 7320;

export function computeDeadline(calendar: WorkingCalendar, input: DeadlineInput): Deadline {
  const { start, unit } = input;
  if (!Number.isInteger(input.days) || input.days < 0)
    throw new RangeError('days must be a non-negative integer');
  const extensionDays = (input.extensions ?? []).reduce((sum, e) => {
    if (!Number.isInteger(e.days) || e.days <= 0)
      throw new RangeError('extension days must be a positive integer');
    return sum + e.days;
  }, 0);
  const totalDays = input.days + extensionDays;
  const pauses = (input.pauses ?? []).map((p) => ({
    from: toDayNumber(p.from),
    to: p.to === undefined ? Number.POSITIVE_INFINITY : toDayNumber(p.to),
  }));
  for (const p of pauses) if (p.to < p.from) throw new RangeError('a pause cannot end before it starts');
  const isPaused = (day: number) => pauses.some((p) => day >= p.from && day <= p.to);
  const isOpenPaused = (day: number) =>
    pauses.some((p) => p.to === Number.POSITIVE_INFINITY && day >= p.from);

  const skipped: SkippedDay[] = [];
  let provisional = false;
  const startDay = toDayNumber(start);
  let counted = 0;
  let day = startDay;
  const stopped = (): Deadline => ({
    start,
    unit,
    days: input.days,
    totalDays,
    dueDate: null,
    paused: true,
    countedDays: counted,
    skipped,
    provisional,
    calendarVersion: calendar.version,
  });

  while (counted < totalDays) {
    day += 1;
    if (day - startDay > MAX_SPAN_DAYS) throw new RangeError('deadline spans more than twenty years');
    const date = fromDayNumber(day);
    if (isPaused(day)) {
      if (isOpenPaused(day)) return stopped();
      skipped.push({ date, reason: 'paused', effect: 'not_counted' });
      continue;
    }
    if (unit === 'working') {
      const info = calendar.describe(date);
      provisional ||= info.provisional;
      if (!info.working) {
        skipped.push({
          date,
          reason: info.reason,
          ...(info.name ? { name: info.name } : {}),
          effect: 'not_counted',
        });
        continue;
      }
    }
    counted += 1;
  }

  // A calendar-day period ending on a day off ends on the next working day (RULES.md §9). The days
  // it rolls onto belong to the period, so a pause covering them is excluded too: the period ends on
  // the first working day that is not paused, and an open pause stops the clock.
  if (unit === 'calendar' && totalDays > 0) {
    for (;;) {
      if (isPaused(day)) {
        if (isOpenPaused(day)) return stopped();
        skipped.push({ date: fromDayNumber(day), reason: 'paused', effect: 'rolled_over' });
        day += 1;
        continue;
      }
      const info = calendar.describe(fromDayNumber(day));
      provisional ||= info.provisional;
      if (info.working) break;
      skipped.push({
        date: info.date,
        reason: info.reason,
        ...(info.name ? { name: info.name } : {}),
        effect: 'rolled_over',
      });
      day += 1;
    }
  }

  return {
    start,
    unit,
    days: input.days,
    totalDays,
    dueDate: fromDayNumber(day),
    paused: false,
    countedDays: counted,
    skipped,
    provisional,
    calendarVersion: calendar.version,
  };
}

export type ClockState = 'running' | 'paused' | 'overdue' | 'completed' | 'completed_late';

export interface ClockStatus {
  state: ClockState;
  /**
   * Days left until the due date, in the clock's unit (0 = due today). Negative when overdue:
   * calendar days past the due date. Null once completed. For a paused clock, the days still to
   * be counted when it resumes.
   */
  daysLeft: number | null;
  overdue: boolean;
}

/** Where a deadline stands on `today`, or when it was met on `completedOn`. */
export function clockStatus(
  calendar: WorkingCalendar,
  deadline: Deadline,
  today: IsoDate,
  completedOn?: IsoDate,
): ClockStatus {
  if (completedOn !== undefined) {
    const late = deadline.dueDate !== null && completedOn > deadline.dueDate;
    return { state: late ? 'completed_late' : 'completed', daysLeft: null, overdue: late };
  }
  if (deadline.dueDate === null) {
    return { state: 'paused', daysLeft: deadline.totalDays - deadline.countedDays, overdue: false };
  }
  if (today > deadline.dueDate) {
    return { state: 'overdue', daysLeft: -daysBetween(deadline.dueDate, today), overdue: true };
  }
  return {
    state: 'running',
    daysLeft: countUnits(calendar, deadline.unit, today, deadline.dueDate),
    overdue: false,
  };
}

/** Days after `from` up to and including `to`, counting only working days for a working-day clock. */
function countUnits(calendar: WorkingCalendar, unit: PeriodUnit, from: IsoDate, to: IsoDate): number {
  if (unit === 'calendar') return daysBetween(from, to);
  let n = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1))
    if (calendar.isWorkingDay(date)) n += 1;
  return n;
}

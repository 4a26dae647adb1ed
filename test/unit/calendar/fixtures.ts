/**
 * Calendars for unit tests, built from the State Council notices the way the calendar service
 * loads them: one national (`CN`) entry per day off and per make-up working day, the notice's
 * document number (or its title when the number is not confirmed) as the source, and the notice
 * years as the official years.
 */
import { STATE_COUNCIL_NOTICES } from '../../../src/domain/calendar/state-council-notices';
import {
  type CalendarData,
  type CalendarEntry,
  createWorkingCalendar,
  NATIONAL_SCOPE,
  type WorkingCalendar,
} from '../../../src/domain/calendar/working-calendar';

export const CALENDAR_VERSION = 3;
export const OFFICIAL_YEARS: readonly number[] = [2024, 2025, 2026];

/** Source strings the fixture entries carry, per notice year. */
export const NOTICE_SOURCE: Readonly<Record<number, string>> = Object.fromEntries(
  STATE_COUNCIL_NOTICES.map((n) => [n.year, n.documentNumber ?? n.title]),
);

/** The notices flattened into national calendar entries. */
export function noticeEntries(): CalendarEntry[] {
  return STATE_COUNCIL_NOTICES.flatMap((notice) => {
    const source = notice.documentNumber ?? notice.title;
    return [
      ...notice.holidays.map(
        ({ date, name }): CalendarEntry => ({ scope: NATIONAL_SCOPE, date, kind: 'holiday', name, source }),
      ),
      ...notice.workdays.map(
        ({ date, name }): CalendarEntry => ({ scope: NATIONAL_SCOPE, date, kind: 'workday', name, source }),
      ),
    ];
  });
}

export interface CalendarFixtureOptions {
  version?: number;
  /** Entries added after the national ones (regional overrides, for instance). */
  extraEntries?: readonly CalendarEntry[];
  officialYears?: readonly number[];
}

export function calendarData(options: CalendarFixtureOptions = {}): CalendarData {
  return {
    version: options.version ?? CALENDAR_VERSION,
    officialYears: options.officialYears ?? OFFICIAL_YEARS,
    entries: [...noticeEntries(), ...(options.extraEntries ?? [])],
  };
}

/** The working calendar of `region` (national when absent) on the 2024–2026 notices. */
export function buildCalendar(region?: string, options: CalendarFixtureOptions = {}): WorkingCalendar {
  return createWorkingCalendar(calendarData(options), region);
}

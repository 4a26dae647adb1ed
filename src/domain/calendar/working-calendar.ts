/**
 * The working-day calendar (工作日历): which dates count as working days for a legal period.
 *
 * Working days are Monday–Friday, minus the days off a holiday notice grants, plus the weekend
 * days it turns into make-up working days (调休上班). The national calendar comes from the State
 * Council's yearly notice; provinces and districts may add their own days (for example Qinghai's
 * minority holidays) as overrides. A year whose national notice is not loaded yet still has its
 * statutory holidays by law, but its make-up days are unknown, so its days are marked
 * provisional (RULES.md §9).
 */
import { LAWS } from '../rules/laws';
import { type IsoDate, isWeekend, yearOf } from './dates';
import { FIRST_STATUTORY_YEAR, LAST_STATUTORY_YEAR, statutoryHolidays } from './statutory-holidays';

/** `CN` for the national calendar, otherwise a six-digit administrative division code (GB/T 2260). */
export type CalendarScope = string;
export const NATIONAL_SCOPE: CalendarScope = 'CN';

export type CalendarDayKind = 'holiday' | 'workday';

/** One stored calendar entry: a day off or a make-up working day, in one scope. */
export interface CalendarEntry {
  scope: CalendarScope;
  date: IsoDate;
  kind: CalendarDayKind;
  name: string;
  /** Where the entry comes from, e.g. the notice's document number. */
  source: string;
}

export interface CalendarData {
  /** Changes with every edit of the stored calendar; recorded on every computed deadline. */
  version: number;
  /** Years whose national State Council notice is loaded. Other years are provisional. */
  officialYears: readonly number[];
  entries: readonly CalendarEntry[];
}

/** Why a date is, or is not, a working day. */
export type DayReason =
  | 'weekday'
  | 'weekend'
  | 'holiday'
  | 'makeup_workday'
  | 'statutory_holiday'
  | 'statutory_compensation';

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  reason: DayReason;
  /** Holiday or make-up day name, e.g. 春节 or 春节调休. */
  name?: string;
  /** Scope and source of the entry that decided the day, when one did. */
  scope?: CalendarScope;
  source?: string;
  /** True when the year's national notice is not loaded: the answer may still change. */
  provisional: boolean;
}

export interface WorkingCalendar {
  readonly version: number;
  /** The region the calendar was built for, or `CN`. */
  readonly region: CalendarScope;
  describe(date: IsoDate): DayInfo;
  isWorkingDay(date: IsoDate): boolean;
  isProvisional(date: IsoDate): boolean;
}

const REGION_CODE = /^\d{6}$/;

/** True for `CN` or a six-digit division code. */
export function isCalendarScope(value: string): boolean {
  return value === NATIONAL_SCOPE || REGION_CODE.test(value);
}

/**
 * The scopes whose entries apply to a region, from the widest to the narrowest: national,
 * province (`63` + `0000`), prefecture (`6301` + `00`), county (`630102`). A narrower scope
 * overrides a wider one on the same date.
 */
export function applicableScopes(region?: string): CalendarScope[] {
  if (!region || region === NATIONAL_SCOPE) return [NATIONAL_SCOPE];
  if (!REGION_CODE.test(region)) throw new RangeError(`not a six-digit region code: ${region}`);
  const scopes = [NATIONAL_SCOPE, `${region.slice(0, 2)}0000`, `${region.slice(0, 4)}00`, region];
  return [...new Set(scopes)];
}

/** Builds the calendar for one region from stored data. Pure: the same data gives the same answers. */
export function createWorkingCalendar(data: CalendarData, region?: string): WorkingCalendar {
  const scopes = applicableScopes(region);
  const rank = new Map(scopes.map((scope, index) => [scope, index]));
  const official = new Set(data.officialYears);

  // Narrower scopes win: keep, per date, the entry with the highest scope rank.
  const byDate = new Map<IsoDate, CalendarEntry>();
  for (const entry of data.entries) {
    const entryRank = rank.get(entry.scope);
    if (entryRank === undefined) continue;
    const current = byDate.get(entry.date);
    if (!current || (rank.get(current.scope) ?? -1) <= entryRank) byDate.set(entry.date, entry);
  }

  const statutoryByYear = new Map<number, Map<IsoDate, { name: string; compensation: boolean }>>();
  const statutoryDay = (date: IsoDate) => {
    const year = yearOf(date);
    let days = statutoryByYear.get(year);
    if (!days) {
      // Outside the years the lunar computation covers there is nothing to add; such dates stay provisional.
      const holidays =
        year >= FIRST_STATUTORY_YEAR && year <= LAST_STATUTORY_YEAR ? statutoryHolidays(year) : [];
      days = new Map(holidays.map((h) => [h.date, { name: h.name, compensation: h.compensation }]));
      statutoryByYear.set(year, days);
    }
    return days.get(date);
  };

  const describe = (date: IsoDate): DayInfo => {
    const provisional = !official.has(yearOf(date));
    const entry = byDate.get(date);
    if (entry) {
      return {
        date,
        working: entry.kind === 'workday',
        reason: entry.kind === 'workday' ? 'makeup_workday' : 'holiday',
        name: entry.name,
        scope: entry.scope,
        source: entry.source,
        provisional,
      };
    }
    if (provisional) {
      const statutory = statutoryDay(date);
      if (statutory) {
        return {
          date,
          working: false,
          reason: statutory.compensation ? 'statutory_compensation' : 'statutory_holiday',
          name: statutory.name,
          source: LAWS.HOL.name,
          provisional,
        };
      }
    }
    const weekend = isWeekend(date);
    return { date, working: !weekend, reason: weekend ? 'weekend' : 'weekday', provisional };
  };

  return {
    version: data.version,
    region: scopes[scopes.length - 1] ?? NATIONAL_SCOPE,
    describe,
    isWorkingDay: (date) => describe(date).working,
    isProvisional: (date) => !official.has(yearOf(date)),
  };
}

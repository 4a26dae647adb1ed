/**
 * Statutory holidays (法定节假日) as the law fixes them, for years whose State Council notice
 * (国务院办公厅关于XXXX年部分节假日安排的通知) is not loaded yet.
 *
 * Source: 全国年节及纪念日放假办法 (政务院 1949-12-23, revised by the State Council on 1999-09-18,
 * 2007-12-14, 2013-12-11 and 2024-11-10). Art. 2 lists the days off for all citizens; art. 6 says
 * such a day that falls on a Saturday or Sunday is compensated on a working day (补假); art. 7 (added
 * in 2024) lets the yearly notice rearrange days (调休). Only the notice decides where the
 * compensation and the make-up working days really go, so the compensation placed here is an
 * assumption, marked as such, and a notice always overrides this module.
 */
import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import { addDays, type IsoDate, isIsoDate, isoDate, isWeekend, toDayNumber } from './dates';

export type Festival =
  | 'new_year'
  | 'spring_festival'
  | 'qingming'
  | 'labour_day'
  | 'dragon_boat'
  | 'mid_autumn'
  | 'national_day';

export interface StatutoryHoliday {
  date: IsoDate;
  /** The festival's name, e.g. 春节; compensation days read e.g. 春节补假. */
  name: string;
  festival: Festival;
  /** True for a day off placed by this module under art. 6 (补假); the notice decides the real date. */
  compensation: boolean;
}

/** Names as art. 2 of the 2024 text spells them (the 2013 text said 新年 for 元旦). */
export const FESTIVAL_NAMES: Readonly<Record<Festival, string>> = {
  new_year: '元旦',
  spring_festival: '春节',
  qingming: '清明节',
  labour_day: '劳动节',
  dragon_boat: '端午节',
  mid_autumn: '中秋节',
  national_day: '国庆节',
};

/** The 办法 dates from 1949-12-23; chinese-days' lunar table and solar-term formula end in 2099. */
export const FIRST_STATUTORY_YEAR = 1950;
export const LAST_STATUTORY_YEAR = 2099;

type FestivalDay = readonly [Festival, IsoDate];

/** Festivals whose date follows the lunar calendar or a solar term. */
const MOVABLE: ReadonlySet<Festival> = new Set(['spring_festival', 'qingming', 'dragon_boat', 'mid_autumn']);

/** One text of art. 2, in force from `from` until the next version's `from`. */
interface RuleVersion {
  from: IsoDate;
  days(year: number): FestivalDay[];
}

/**
 * The versions of art. 2. A version starts on the day its text entered into force, which is not
 * always 1 January (the 1999 text took effect on publication, so May Day 1999 was still one day and
 * National Day 1999 already three).
 */
const RULE_VERSIONS: readonly RuleVersion[] = [
  {
    // 政务院 1949-12-23: 春节 初一–初三, 劳动节 1 day, 国庆 2 days.
    from: '1949-12-23',
    days: (year) => [
      newYear(year),
      ...springFestival(year, 0, 3),
      ['labour_day', isoDate(year, 5, 1)],
      ['national_day', isoDate(year, 10, 1)],
      ['national_day', isoDate(year, 10, 2)],
    ],
  },
  {
    // Revision of 1999-09-18, in force on publication: 劳动节 and 国庆节 3 days each.
    from: '1999-09-18',
    days: (year) => [
      newYear(year),
      ...springFestival(year, 0, 3),
      ...fixedRun('labour_day', year, 5, 1, 3),
      ...fixedRun('national_day', year, 10, 1, 3),
    ],
  },
  {
    // Revision of 2007-12-14: 除夕 in, 初三 out; 清明, 端午 and 中秋 added; 劳动节 back to 1 day.
    from: '2008-01-01',
    days: (year) => [
      newYear(year),
      ...springFestival(year, -1, 3),
      qingming(year),
      ['labour_day', isoDate(year, 5, 1)],
      lunarFestival('dragon_boat', year, 5, 5),
      lunarFestival('mid_autumn', year, 8, 15),
      ...fixedRun('national_day', year, 10, 1, 3),
    ],
  },
  {
    // Revision of 2013-12-11: 春节 back to 初一–初三 (no 除夕).
    from: '2014-01-01',
    days: (year) => [
      newYear(year),
      ...springFestival(year, 0, 3),
      qingming(year),
      ['labour_day', isoDate(year, 5, 1)],
      lunarFestival('dragon_boat', year, 5, 5),
      lunarFestival('mid_autumn', year, 8, 15),
      ...fixedRun('national_day', year, 10, 1, 3),
    ],
  },
  {
    // Revision of 2024-11-10: 春节 4 days (除夕, 初一–初三), 劳动节 2 days (May 1–2).
    from: '2025-01-01',
    days: (year) => [
      newYear(year),
      ...springFestival(year, -1, 4),
      qingming(year),
      ...fixedRun('labour_day', year, 5, 1, 2),
      lunarFestival('dragon_boat', year, 5, 5),
      lunarFestival('mid_autumn', year, 8, 15),
      ...fixedRun('national_day', year, 10, 1, 3),
    ],
  },
];

/**
 * The statutory days off of `year` under the art. 2 text in force on each date, plus the art. 6
 * compensation days, sorted by date, one entry per date.
 *
 * Assumptions where the law leaves the placement to the yearly notice:
 * - A statutory day on a Saturday or Sunday is compensated on the next Monday–Friday that is not
 *   already a statutory or compensation day.
 * - When two festivals fall on the same date (中秋 on 1–3 October, as in 2020), the date is listed
 *   under the fixed-date festival and the lunar one gets a compensation day the same way; the 2020
 *   notice gave 国庆节、中秋节 eight days off (four statutory days) for exactly this reason.
 * - Weekends are Saturday and Sunday for every year. Before 1995-05-01 Saturday was a working day,
 *   so compensation for a Saturday holiday before then is anachronistic.
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  if (!Number.isInteger(year) || year < FIRST_STATUTORY_YEAR || year > LAST_STATUTORY_YEAR) {
    throw new RangeError(
      `statutory holidays are computed for ${FIRST_STATUTORY_YEAR}–${LAST_STATUTORY_YEAR}, not ${year}`,
    );
  }

  // On a shared date the fixed-date festival keeps the date and the lunar one is compensated.
  const claims = statutoryDays(year).sort(
    ([festivalA, a], [festivalB, b]) =>
      toDayNumber(a) - toDayNumber(b) || Number(MOVABLE.has(festivalA)) - Number(MOVABLE.has(festivalB)),
  );
  const byDate = new Map<IsoDate, StatutoryHoliday>();
  const toCompensate: FestivalDay[] = [];
  for (const claim of claims) {
    const [festival, date] = claim;
    if (byDate.has(date)) {
      toCompensate.push(claim);
      continue;
    }
    byDate.set(date, { date, name: FESTIVAL_NAMES[festival], festival, compensation: false });
    if (isWeekend(date)) toCompensate.push(claim);
  }

  // Compensation days claim the earliest free weekday in the order of the days they make up for.
  toCompensate.sort(([, a], [, b]) => toDayNumber(a) - toDayNumber(b));
  for (const [festival, date] of toCompensate) {
    let day = addDays(date, 1);
    while (isWeekend(day) || byDate.has(day)) day = addDays(day, 1);
    byDate.set(day, { date: day, name: `${FESTIVAL_NAMES[festival]}补假`, festival, compensation: true });
  }

  return [...byDate.values()].sort((a, b) => toDayNumber(a.date) - toDayNumber(b.date));
}

/** Every (festival, date) pair that art. 2 grants in `year`, each under the version in force that day. */
function statutoryDays(year: number): FestivalDay[] {
  const out: FestivalDay[] = [];
  RULE_VERSIONS.forEach((version, index) => {
    const start = toDayNumber(version.from);
    const next = RULE_VERSIONS[index + 1];
    const end = next ? toDayNumber(next.from) : Number.POSITIVE_INFINITY;
    if (toDayNumber(isoDate(year, 12, 31)) < start || toDayNumber(isoDate(year, 1, 1)) >= end) return;
    for (const day of version.days(year)) {
      const dayNumber = toDayNumber(day[1]);
      if (dayNumber >= start && dayNumber < end) out.push(day);
    }
  });
  return out;
}

function newYear(year: number): FestivalDay {
  return ['new_year', isoDate(year, 1, 1)];
}

function fixedRun(
  festival: Festival,
  year: number,
  month: number,
  firstDay: number,
  count: number,
): FestivalDay[] {
  return Array.from({ length: count }, (_, i) => [festival, isoDate(year, month, firstDay + i)] as const);
}

/**
 * `count` days from `offset` days after 正月初一. 除夕 is the day before 初一 (offset −1), which
 * covers lunar month 12 having 29 or 30 days without asking which.
 */
function springFestival(year: number, offset: number, count: number): FestivalDay[] {
  const firstDay = lunarToSolar(year, 1, 1);
  return Array.from({ length: count }, (_, i) => ['spring_festival', addDays(firstDay, offset + i)] as const);
}

function lunarFestival(festival: Festival, year: number, month: number, day: number): FestivalDay {
  return [festival, lunarToSolar(year, month, day)];
}

/** 清明节 is the day of the 清明 solar term (art. 2: 农历清明当日). */
function qingming(year: number): FestivalDay {
  return ['qingming', solarTermDate(year, 4, 'pure_brightness')];
}

// --- chinese-days adapter: the only two calls into the package, so it can be swapped out. ---

type SolarTermKey = Parameters<typeof getSolarTermDate>[2];

/**
 * Gregorian date of day `day` of the ordinary (not leap) lunar month `month` of lunar year
 * `lunarYear`. Festivals fall in the ordinary month even in a year that repeats it.
 *
 * chinese-days reads the lunar year, month and day with local-time getters, so a string argument
 * (parsed as UTC midnight) shifts by a day west of UTC; a local-time Date keeps it exact everywhere.
 */
function lunarToSolar(lunarYear: number, month: number, day: number): IsoDate {
  const lunar = new Date(lunarYear, month - 1, day);
  if (lunar.getMonth() !== month - 1 || day > 30) throw new RangeError(`no lunar day ${month}/${day}`);
  const { date } = getSolarDateFromLunar(lunar);
  if (!isIsoDate(date)) throw new Error(`chinese-days gave no date for lunar ${lunarYear}-${month}-${day}`);
  return date;
}

/**
 * Gregorian date of a solar term in `year` (`month` is the month it falls in).
 *
 * chinese-days builds the date at UTC midnight and formats it with local-time getters, so west of
 * UTC it reports the day before. Undo that: if UTC midnight of the reported date is not that same
 * date in local time, the process runs west of UTC and the real date is the next day.
 */
function solarTermDate(year: number, month: number, term: SolarTermKey): IsoDate {
  const reported = getSolarTermDate(year, month, term);
  if (!isIsoDate(reported)) throw new Error(`chinese-days gave no date for ${term} ${year}`);
  const local = new Date(toDayNumber(reported) * 86_400_000);
  const sameDay = isoDate(local.getFullYear(), local.getMonth() + 1, local.getDate()) === reported;
  return sameDay ? reported : addDays(reported, 1);
}

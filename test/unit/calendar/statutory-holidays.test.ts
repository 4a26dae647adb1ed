import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { getLunarDate, isWorkday, monthDays } from 'chinese-days';
import {
  addDays,
  datesInRange,
  type IsoDate,
  isoWeekday,
  isWeekend,
} from '../../../src/domain/calendar/dates';
import {
  type Festival,
  FIRST_STATUTORY_YEAR,
  LAST_STATUTORY_YEAR,
  type StatutoryHoliday,
  statutoryHolidays,
} from '../../../src/domain/calendar/statutory-holidays';

const MODULE = path.resolve(__dirname, '../../../src/domain/calendar/statutory-holidays.ts');

function datesOf(year: number, festival: Festival, compensation = false): IsoDate[] {
  return statutoryHolidays(year)
    .filter((h) => h.festival === festival && h.compensation === compensation)
    .map((h) => h.date);
}

function compact(holidays: StatutoryHoliday[]): string[] {
  return holidays.map((h) => `${h.date} ${h.name}${h.compensation ? ' (compensation)' : ''}`);
}

/** chinese-days reads a local-time Date correctly in every time zone (strings shift west of UTC). */
function localDate(date: IsoDate): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day);
}

describe('statutoryHolidays: lunar and solar-term dates', () => {
  it('puts 除夕 on the last day of lunar month 12', () => {
    expect(datesOf(2025, 'spring_festival')[0]).toBe('2025-01-28');
    expect(datesOf(2026, 'spring_festival')[0]).toBe('2026-02-16');
    expect(datesOf(2027, 'spring_festival')).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
    ]);
  });

  it('finds 除夕 whether lunar month 12 has 29 days (2025–2029) or 30 (2030)', () => {
    expect(monthDays(2024, 12)).toBe(29);
    expect(getLunarDate('2025-01-28')).toMatchObject({ lunarYear: 2024, lunarMon: 12, lunarDay: 29 });
    expect(monthDays(2029, 12)).toBe(30);
    expect(datesOf(2030, 'spring_festival')[0]).toBe('2030-02-02');
    expect(getLunarDate('2030-02-02')).toMatchObject({ lunarYear: 2029, lunarMon: 12, lunarDay: 30 });

    const lengths = new Set<number>();
    for (let year = 2025; year <= LAST_STATUTORY_YEAR; year++) {
      const [eve, firstDay] = datesOf(year, 'spring_festival') as [IsoDate, IsoDate];
      const lunarEve = getLunarDate(eve);
      lengths.add(lunarEve.lunarDay);
      expect(lunarEve).toMatchObject({ lunarYear: year - 1, lunarMon: 12, isLeap: false });
      expect(lunarEve.lunarDay).toBe(monthDays(year - 1, 12));
      expect(getLunarDate(firstDay)).toMatchObject({
        lunarYear: year,
        lunarMon: 1,
        lunarDay: 1,
        isLeap: false,
      });
    }
    expect([...lengths].sort()).toEqual([29, 30]);
  });

  it('knows the 2027 dates', () => {
    expect(datesOf(2027, 'qingming')).toEqual(['2027-04-05']);
    expect(datesOf(2027, 'dragon_boat')).toEqual(['2027-06-09']);
    expect(datesOf(2027, 'mid_autumn')).toEqual(['2027-09-15']);
  });

  it('agrees with the solar-to-lunar direction of the calendar for 端午 and 中秋, 2008–2099', () => {
    for (let year = 2008; year <= LAST_STATUTORY_YEAR; year++) {
      const days = statutoryHolidays(year).filter((h) => !h.compensation);
      for (const [festival, month, day] of [
        ['dragon_boat', 5, 5],
        ['mid_autumn', 8, 15],
      ] as const) {
        const found = days.filter((h) => isLunar(h.date, year, month, day));
        // A date shared with 国庆节 is listed under 国庆节.
        expect(found.map((h) => h.festival)).toEqual([
          sharesNationalDay(year) && festival === 'mid_autumn' ? 'national_day' : festival,
        ]);
      }
    }
  });
});

describe('statutoryHolidays: which text of art. 2 applies', () => {
  it('uses the 2024 revision from 2025: 除夕 + 初一–初三, May 1–2', () => {
    expect(compact(statutoryHolidays(2025).filter((h) => !h.compensation))).toEqual([
      '2025-01-01 元旦',
      '2025-01-28 春节',
      '2025-01-29 春节',
      '2025-01-30 春节',
      '2025-01-31 春节',
      '2025-04-04 清明节',
      '2025-05-01 劳动节',
      '2025-05-02 劳动节',
      '2025-05-31 端午节',
      '2025-10-01 国庆节',
      '2025-10-02 国庆节',
      '2025-10-03 国庆节',
      '2025-10-06 中秋节',
    ]);
  });

  it('uses the 2013 text for 2014–2024: 初一–初三 without 除夕, May 1 only', () => {
    expect(datesOf(2024, 'spring_festival')).toEqual(['2024-02-10', '2024-02-11', '2024-02-12']);
    expect(datesOf(2024, 'labour_day')).toEqual(['2024-05-01']);
    for (let year = 2014; year <= 2024; year++) {
      const days = statutoryHolidays(year).filter((h) => !h.compensation);
      expect(days.length + Number(sharesNationalDay(year))).toBe(11); // 2020: 中秋 on 1 October.
    }
    for (let year = 2025; year <= 2099; year++) {
      const days = statutoryHolidays(year).filter((h) => !h.compensation);
      // 13 days, except when 中秋 falls on 1–3 October and the date is listed once.
      expect(days.length + Number(sharesNationalDay(year))).toBe(13);
    }
  });

  it('uses the 2007 text for 2008–2013 (除夕, 初一, 初二) and the 1999 text before', () => {
    expect(datesOf(2013, 'spring_festival')).toEqual(['2013-02-09', '2013-02-10', '2013-02-11']);
    expect(datesOf(2008, 'qingming')).toEqual(['2008-04-04']);
    expect(datesOf(2007, 'qingming')).toEqual([]);
    expect(datesOf(2007, 'labour_day')).toEqual(['2007-05-01', '2007-05-02', '2007-05-03']);
    expect(datesOf(2007, 'spring_festival')).toEqual(['2007-02-18', '2007-02-19', '2007-02-20']);
  });

  it('switches texts on the day they entered into force, even mid-year (1999-09-18)', () => {
    expect(datesOf(1999, 'labour_day')).toEqual(['1999-05-01']);
    expect(datesOf(1999, 'national_day')).toEqual(['1999-10-01', '1999-10-02', '1999-10-03']);
    expect(datesOf(1998, 'national_day')).toEqual(['1998-10-01', '1998-10-02']);
  });

  it('gives every statutory day off in the years chinese-days has notices for (2004–2026)', () => {
    const notOff: string[] = [];
    for (let year = 2004; year <= 2026; year++) {
      for (const h of statutoryHolidays(year)) {
        if (!h.compensation && isWorkday(localDate(h.date))) notOff.push(h.date);
      }
    }
    expect(notOff).toEqual([]);
  });

  it('matches the net weekday days off of every clean notice year 2008–2026 (art. 6 counting)', () => {
    // Left out: 2011/2012 (2012 元旦's make-up day fell on 2011-12-31), 2015 (extra day off for the
    // 70th anniversary of victory, 3 September), 2020 (Spring Festival extended for COVID-19).
    const skipped = new Set([2011, 2012, 2015, 2020]);
    for (let year = 2008; year <= 2026; year++) {
      if (skipped.has(year)) continue;
      let net = 0;
      for (const date of datesInRange(`${year}-01-01`, `${year}-12-31`)) {
        const working = isWorkday(localDate(date));
        if (!isWeekend(date) && !working) net++;
        if (isWeekend(date) && working) net--;
      }
      const byLaw = statutoryHolidays(year).filter((h) => !isWeekend(h.date)).length;
      expect({ year, net }).toEqual({ year, net: byLaw });
    }
  });
});

function isLunar(date: IsoDate, year: number, month: number, day: number): boolean {
  const lunar = getLunarDate(date);
  return lunar.lunarYear === year && lunar.lunarMon === month && lunar.lunarDay === day && !lunar.isLeap;
}

/** Whether 中秋 falls on 1–3 October, found from the solar-to-lunar direction. */
function sharesNationalDay(year: number): boolean {
  return year >= 2008 && datesInRange(`${year}-10-01`, `${year}-10-03`).some((d) => isLunar(d, year, 8, 15));
}

describe('statutoryHolidays: art. 6 compensation (补假)', () => {
  it('gives 2027 six compensation days on the first free weekdays', () => {
    expect(compact(statutoryHolidays(2027))).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节',
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-02-09 春节补假 (compensation)',
      '2027-02-10 春节补假 (compensation)',
      '2027-04-05 清明节',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-05-03 劳动节补假 (compensation)',
      '2027-05-04 劳动节补假 (compensation)',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
      '2027-10-04 国庆节补假 (compensation)',
      '2027-10-05 国庆节补假 (compensation)',
    ]);
    expect(isoWeekday('2027-10-02')).toBe(6);
    expect(isoWeekday('2027-10-03')).toBe(7);
  });

  it('makes 2027-01-01 a day off, which chinese-days cannot know before the 2027 notice', () => {
    expect(statutoryHolidays(2027)[0]).toEqual({
      date: '2027-01-01',
      name: '元旦',
      festival: 'new_year',
      compensation: false,
    });
  });

  it('compensates a weekend festival day on the next weekday (2025 端午, 2026 清明)', () => {
    expect(datesOf(2025, 'dragon_boat', true)).toEqual(['2025-06-02']);
    expect(datesOf(2026, 'qingming', true)).toEqual(['2026-04-06']);
  });

  it('compensates 中秋 on 国庆节 (2020-10-01) like a weekend day', () => {
    expect(sharesNationalDay(2020)).toBe(true);
    expect(compact(statutoryHolidays(2020).filter((h) => h.date >= '2020-10-01'))).toEqual([
      '2020-10-01 国庆节',
      '2020-10-02 国庆节',
      '2020-10-03 国庆节',
      '2020-10-05 中秋节补假 (compensation)',
      '2020-10-06 国庆节补假 (compensation)',
    ]);
  });

  it('compensates exactly the weekend and shared days, on weekdays that are otherwise free', () => {
    for (let year = FIRST_STATUTORY_YEAR; year <= LAST_STATUTORY_YEAR; year++) {
      const holidays = statutoryHolidays(year);
      const compensations = holidays.filter((h) => h.compensation);
      expect(compensations.filter((h) => isWeekend(h.date))).toEqual([]);
      const weekendDays = holidays.filter((h) => !h.compensation && isWeekend(h.date)).length;
      expect(compensations.length).toBe(weekendDays + Number(sharesNationalDay(year)));
      for (const c of compensations) {
        // Every weekday between the festival block and the compensation day is already off.
        const before = addDays(c.date, -1);
        expect(holidays.some((h) => h.date === before) || isWeekend(before)).toBe(true);
      }
    }
  });
});

describe('statutoryHolidays: shape and range', () => {
  it('returns dates sorted and unique, for every supported year', () => {
    for (let year = FIRST_STATUTORY_YEAR; year <= LAST_STATUTORY_YEAR; year++) {
      const dates = statutoryHolidays(year).map((h) => h.date);
      expect(dates).toEqual([...new Set(dates)].sort());
      expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
    }
  });

  it('throws RangeError outside 1950–2099 and for non-integer years', () => {
    expect(() => statutoryHolidays(1949)).toThrow(RangeError);
    expect(() => statutoryHolidays(2100)).toThrow(RangeError);
    expect(() => statutoryHolidays(2024.5)).toThrow(RangeError);
    expect(() => statutoryHolidays(Number.NaN)).toThrow(RangeError);
  });

  it('gives the same answer in every process time zone', () => {
    const here = JSON.stringify(
      Array.from({ length: LAST_STATUTORY_YEAR - FIRST_STATUTORY_YEAR + 1 }, (_, i) =>
        statutoryHolidays(FIRST_STATUTORY_YEAR + i),
      ),
    );
    const script = `const { statutoryHolidays } = require(${JSON.stringify(MODULE)});
      const years = Array.from({ length: ${LAST_STATUTORY_YEAR - FIRST_STATUTORY_YEAR + 1} }, (_, i) => ${FIRST_STATUTORY_YEAR} + i);
      process.stdout.write(JSON.stringify(years.map((y) => statutoryHolidays(y))));`;
    for (const tz of ['America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
      const there = execFileSync(process.execPath, [require.resolve('tsx/cli'), '-e', script], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      expect({ tz, same: there === here }).toEqual({ tz, same: true });
    }
  });
});

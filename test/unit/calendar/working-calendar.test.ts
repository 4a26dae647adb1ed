import { datesInRange, type IsoDate, isoWeekday } from '../../../src/domain/calendar/dates';
import {
  applicableScopes,
  type CalendarEntry,
  createWorkingCalendar,
  isCalendarScope,
} from '../../../src/domain/calendar/working-calendar';
import { buildCalendar, CALENDAR_VERSION, calendarData, NOTICE_SOURCE } from './fixtures';

const national = buildCalendar();

/** Test-only regional entries; the source names no real document. */
function regional(scope: string, date: IsoDate, kind: CalendarEntry['kind'], name: string): CalendarEntry {
  return { scope, date, kind, name, source: `test data for ${scope}` };
}

describe('createWorkingCalendar: make-up working days (调休上班) from the notices', () => {
  // Every one of these is a Saturday or Sunday that the notice turns into a working day.
  const makeupDays: [IsoDate, number, string][] = [
    ['2024-02-04', 7, '春节调休'],
    ['2024-02-18', 7, '春节调休'],
    ['2024-09-29', 7, '国庆节调休'],
    ['2024-10-12', 6, '国庆节调休'],
    ['2025-01-26', 7, '春节调休'],
    ['2025-02-08', 6, '春节调休'],
    ['2025-09-28', 7, '国庆节、中秋节调休'],
    ['2025-10-11', 6, '国庆节、中秋节调休'],
    ['2026-01-04', 7, '元旦调休'],
    ['2026-02-14', 6, '春节调休'],
    ['2026-02-28', 6, '春节调休'],
    ['2026-09-20', 7, '国庆节调休'],
    ['2026-10-10', 6, '国庆节调休'],
  ];

  it.each(makeupDays)('%s (ISO weekday %i) is a working day named %s', (date, weekday, name) => {
    expect(isoWeekday(date)).toBe(weekday);
    expect(national.isWorkingDay(date)).toBe(true);
    expect(national.describe(date)).toEqual({
      date,
      working: true,
      reason: 'makeup_workday',
      name,
      scope: 'CN',
      source: NOTICE_SOURCE[Number(date.slice(0, 4))],
      provisional: false,
    });
  });

  it('cites the notice document number, or the title where the number is not confirmed', () => {
    expect(national.describe('2024-02-04').source).toBe('国办发明电〔2023〕7号');
    expect(national.describe('2025-01-26').source).toBe('国办发明电〔2024〕12号');
    expect(national.describe('2026-02-14').source).toBe('国务院办公厅关于2026年部分节假日安排的通知');
  });
});

describe('createWorkingCalendar: days off from the notices', () => {
  // Only the Monday–Friday days of each break: they would be working days without the notice.
  const holidayWeekdays: [string, IsoDate, IsoDate, string][] = [
    ['2024 春节', '2024-02-12', '2024-02-16', '春节'],
    ['2024 国庆节', '2024-10-01', '2024-10-04', '国庆节'],
    ['2025 春节 (除夕 Tue to 初七 Tue)', '2025-01-28', '2025-01-31', '春节'],
    ['2025 春节, second week', '2025-02-03', '2025-02-04', '春节'],
    ['2025 国庆节 before 中秋', '2025-10-01', '2025-10-03', '国庆节'],
    ['2025 国庆节 after 中秋', '2025-10-07', '2025-10-08', '国庆节'],
    ['2026 春节', '2026-02-16', '2026-02-20', '春节'],
    ['2026 国庆节', '2026-10-01', '2026-10-02', '国庆节'],
    ['2026 国庆节, second week', '2026-10-05', '2026-10-07', '国庆节'],
  ];

  it.each(holidayWeekdays)('%s: %s..%s are weekdays off', (_label, from, to, name) => {
    for (const date of datesInRange(from, to)) {
      expect(isoWeekday(date)).toBeLessThanOrEqual(5);
      expect(national.isWorkingDay(date)).toBe(false);
      expect(national.describe(date)).toMatchObject({ working: false, reason: 'holiday', name, scope: 'CN' });
    }
  });

  it('names 2025-10-06 (Monday, 中秋 = 八月十五) 中秋节 inside the 国庆节 break', () => {
    expect(national.describe('2025-10-06')).toMatchObject({
      working: false,
      reason: 'holiday',
      name: '中秋节',
    });
  });

  it('treats 2024-10-07 and 2026-02-23 (Mondays ending a break) as days off', () => {
    expect(national.describe('2024-10-07')).toMatchObject({
      working: false,
      reason: 'holiday',
      name: '国庆节',
    });
    expect(national.describe('2026-02-23')).toMatchObject({
      working: false,
      reason: 'holiday',
      name: '春节',
    });
  });

  it('reports a weekend day inside a break as holiday, not weekend', () => {
    // 2024-02-10 is a Saturday and the first day of the 春节 break.
    expect(national.describe('2024-02-10')).toMatchObject({
      working: false,
      reason: 'holiday',
      name: '春节',
    });
    // 2026-02-15 is a Sunday, 腊月二十八, first day of the 2026 break.
    expect(national.describe('2026-02-15')).toMatchObject({
      working: false,
      reason: 'holiday',
      name: '春节',
    });
  });

  it('keeps 2024-02-09 (除夕, Friday) a working day: the 2024 notice starts the break on Feb 10', () => {
    expect(isoWeekday('2024-02-09')).toBe(5);
    expect(national.describe('2024-02-09')).toEqual({
      date: '2024-02-09',
      working: true,
      reason: 'weekday',
      provisional: false,
    });
  });

  it('makes 2025-01-28 (除夕 under the 2024 revision) a day off', () => {
    expect(national.isWorkingDay('2025-01-28')).toBe(false);
  });
});

describe('createWorkingCalendar: ordinary days', () => {
  it('counts an ordinary weekday as working, with no name, scope or source', () => {
    // 2024-03-05 is a Tuesday with no notice entry.
    expect(national.describe('2024-03-05')).toEqual({
      date: '2024-03-05',
      working: true,
      reason: 'weekday',
      provisional: false,
    });
  });

  it('does not count an ordinary Saturday or Sunday', () => {
    expect(national.describe('2024-03-09')).toEqual({
      date: '2024-03-09',
      working: false,
      reason: 'weekend',
      provisional: false,
    });
    expect(national.describe('2025-06-08')).toMatchObject({ working: false, reason: 'weekend' });
  });

  it('gives 251, 248 and 248 working days in 2024, 2025 and 2026', () => {
    // 2024: 262 weekdays − 19 weekdays off + 8 make-up days; 2025: 261 − 18 + 5; 2026: 261 − 19 + 6.
    const count = (year: number) =>
      datesInRange(`${year}-01-01`, `${year}-12-31`).filter((d) => national.isWorkingDay(d)).length;
    expect([count(2024), count(2025), count(2026)]).toEqual([251, 248, 248]);
  });

  it('rejects a date that does not exist', () => {
    expect(() => national.describe('2025-02-29')).toThrow(RangeError);
    expect(() => national.isWorkingDay('2024-13-01')).toThrow(RangeError);
  });

  it('echoes the data version and reports the national region', () => {
    expect(national.version).toBe(CALENDAR_VERSION);
    expect(national.region).toBe('CN');
    expect(buildCalendar(undefined, { version: 42 }).version).toBe(42);
  });
});

describe('createWorkingCalendar: years without a loaded notice', () => {
  it('is provisional exactly outside the official years', () => {
    for (const date of ['2024-01-01', '2025-06-15', '2026-12-31']) {
      expect(national.isProvisional(date)).toBe(false);
      expect(national.describe(date).provisional).toBe(false);
    }
    for (const date of ['2023-12-31', '2027-01-01', '2027-06-15']) {
      expect(national.isProvisional(date)).toBe(true);
      expect(national.describe(date).provisional).toBe(true);
    }
  });

  it('still gives 2027-01-01 (元旦, Friday) off by law', () => {
    expect(isoWeekday('2027-01-01')).toBe(5);
    expect(national.describe('2027-01-01')).toEqual({
      date: '2027-01-01',
      working: false,
      reason: 'statutory_holiday',
      name: '元旦',
      source: '全国年节及纪念日放假办法',
      provisional: true,
    });
  });

  it('reports the 2027 春节 compensation days as statutory_compensation', () => {
    // 2027 春节: 除夕 Feb 5 (Fri), 初一–初三 Feb 6–8 (Sat–Mon): Sat and Sun are compensated on
    // the next free weekdays, Feb 9 (Tue) and Feb 10 (Wed).
    for (const date of ['2027-02-09', '2027-02-10']) {
      expect(national.describe(date)).toEqual({
        date,
        working: false,
        reason: 'statutory_compensation',
        name: '春节补假',
        source: '全国年节及纪念日放假办法',
        provisional: true,
      });
    }
    // The festival days themselves, even on the weekend, are statutory holidays.
    expect(national.describe('2027-02-06')).toMatchObject({ working: false, reason: 'statutory_holiday' });
    // Feb 11 (Thu) is back to work; the make-up weekend days of 2027 are unknown.
    expect(national.describe('2027-02-11')).toMatchObject({
      working: true,
      reason: 'weekday',
      provisional: true,
    });
  });

  it('treats an ordinary 2027 weekday and weekend as such, provisionally', () => {
    expect(national.describe('2027-01-04')).toEqual({
      date: '2027-01-04',
      working: true,
      reason: 'weekday',
      provisional: true,
    });
    expect(national.describe('2027-01-02')).toMatchObject({
      working: false,
      reason: 'weekend',
      provisional: true,
    });
  });

  it('lets stored entries decide before the statute in a year not marked official', () => {
    // The statute alone would give 2026-01-01 (Thu) only; the notice adds Jan 2 (Fri) and makes
    // Jan 4 (Sun) a working day. Without 2026 in the official years those notice entries are still
    // stored entries and still win, but the days become provisional.
    const without2026 = buildCalendar(undefined, { officialYears: [2024, 2025] });
    expect(without2026.describe('2026-01-02')).toMatchObject({
      working: false,
      reason: 'holiday',
      provisional: true,
    });
    expect(without2026.describe('2026-01-04')).toMatchObject({
      working: true,
      reason: 'makeup_workday',
      provisional: true,
    });
  });
});

describe('createWorkingCalendar: regional overrides', () => {
  // A Qinghai (630000) minority holiday on a Monday that is an ordinary national working day.
  const QINGHAI_HOLIDAY = regional('630000', '2024-06-17', 'holiday', '古尔邦节');

  it('applies a province entry to its counties and prefectures', () => {
    for (const region of ['630102', '630100', '630000']) {
      const calendar = buildCalendar(region, { extraEntries: [QINGHAI_HOLIDAY] });
      expect(calendar.describe('2024-06-17')).toEqual({
        date: '2024-06-17',
        working: false,
        reason: 'holiday',
        name: '古尔邦节',
        scope: '630000',
        source: 'test data for 630000',
        provisional: false,
      });
    }
  });

  it('ignores a province entry elsewhere and nationally', () => {
    expect(isoWeekday('2024-06-17')).toBe(1);
    for (const region of ['110101', undefined, 'CN']) {
      const calendar = buildCalendar(region, { extraEntries: [QINGHAI_HOLIDAY] });
      expect(calendar.describe('2024-06-17')).toMatchObject({ working: true, reason: 'weekday' });
    }
  });

  it('lets a county entry override a province entry on the same date, in either order', () => {
    const county = regional('630102', '2024-06-17', 'workday', '城中区调整上班');
    for (const extraEntries of [
      [QINGHAI_HOLIDAY, county],
      [county, QINGHAI_HOLIDAY],
    ]) {
      expect(buildCalendar('630102', { extraEntries }).describe('2024-06-17')).toMatchObject({
        working: true,
        reason: 'makeup_workday',
        name: '城中区调整上班',
        scope: '630102',
      });
      // Another county of Xining only sees the province entry.
      expect(buildCalendar('630103', { extraEntries }).describe('2024-06-17')).toMatchObject({
        working: false,
        reason: 'holiday',
        scope: '630000',
      });
    }
  });

  it('lets a prefecture entry override a province entry for its counties', () => {
    const prefecture = regional('630100', '2024-06-17', 'workday', '西宁市调整上班');
    const extraEntries = [prefecture, QINGHAI_HOLIDAY];
    expect(buildCalendar('630102', { extraEntries }).describe('2024-06-17')).toMatchObject({
      working: true,
      scope: '630100',
    });
    // Haidong (630200) is in Qinghai but not in Xining.
    expect(buildCalendar('630202', { extraEntries }).describe('2024-06-17')).toMatchObject({
      working: false,
      scope: '630000',
    });
  });

  it('lets a regional workday override a national holiday', () => {
    const extraEntries = [regional('630000', '2024-10-07', 'workday', '青海调整上班')];
    expect(buildCalendar('630102', { extraEntries }).describe('2024-10-07')).toMatchObject({
      working: true,
      reason: 'makeup_workday',
      name: '青海调整上班',
      scope: '630000',
    });
    expect(buildCalendar(undefined, { extraEntries }).describe('2024-10-07')).toMatchObject({
      working: false,
      reason: 'holiday',
      scope: 'CN',
    });
  });

  it('lets a regional entry decide a provisional-year day before the statute', () => {
    // 2027-01-01 is statutory 元旦; a (hypothetical) regional workday entry decides it.
    const extraEntries = [regional('630000', '2027-01-01', 'workday', '测试上班')];
    expect(buildCalendar('630102', { extraEntries }).describe('2027-01-01')).toMatchObject({
      working: true,
      reason: 'makeup_workday',
      provisional: true,
    });
  });

  it('reports the narrowest scope as the calendar region', () => {
    expect(buildCalendar('630102').region).toBe('630102');
    expect(buildCalendar('630100').region).toBe('630100');
    expect(buildCalendar('630000').region).toBe('630000');
  });

  it('rejects a malformed region code', () => {
    expect(() => createWorkingCalendar(calendarData(), '6301')).toThrow(RangeError);
  });
});

describe('applicableScopes', () => {
  it('is national only without a region', () => {
    expect(applicableScopes()).toEqual(['CN']);
    expect(applicableScopes('CN')).toEqual(['CN']);
  });

  it('lists national, province, prefecture and county, widest first, without duplicates', () => {
    expect(applicableScopes('630102')).toEqual(['CN', '630000', '630100', '630102']);
    expect(applicableScopes('630100')).toEqual(['CN', '630000', '630100']);
    expect(applicableScopes('630000')).toEqual(['CN', '630000']);
    expect(applicableScopes('110101')).toEqual(['CN', '110000', '110100', '110101']);
  });

  it.each(['63010', '6301020', 'abcdef', 'cn', '63-102', ' 630102'])('throws RangeError on %j', (code) => {
    expect(() => applicableScopes(code)).toThrow(RangeError);
  });

  it('agrees with isCalendarScope', () => {
    expect(isCalendarScope('CN')).toBe(true);
    expect(isCalendarScope('630102')).toBe(true);
    expect(isCalendarScope('63010')).toBe(false);
    expect(isCalendarScope('cn')).toBe(false);
  });
});

import { isHoliday, isWorkday } from 'chinese-days';
import {
  datesInRange,
  type IsoDate,
  isIsoDate,
  isWeekend,
  toDayNumber,
  yearOf,
} from '../../../src/domain/calendar/dates';
import { STATE_COUNCIL_NOTICES } from '../../../src/domain/calendar/state-council-notices';
import { statutoryHolidays } from '../../../src/domain/calendar/statutory-holidays';

/**
 * chinese-days parses date strings as UTC midnight but reads them with local-time getters; a
 * local-time Date is read correctly in every time zone.
 */
function localDate(date: IsoDate): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day);
}

const holidayNames = new Map<IsoDate, string>();
const workdayNames = new Map<IsoDate, string>();
for (const notice of STATE_COUNCIL_NOTICES) {
  for (const { date, name } of notice.holidays) holidayNames.set(date, name);
  for (const { date, name } of notice.workdays) workdayNames.set(date, name);
}

/** The notices' answer, by the same rule the working calendar applies. */
function noticeSaysWorking(date: IsoDate): boolean {
  if (holidayNames.has(date)) return false;
  if (workdayNames.has(date)) return true;
  return !isWeekend(date);
}

describe('STATE_COUNCIL_NOTICES', () => {
  it('holds the notices for 2024, 2025 and 2026, in order, with their official titles', () => {
    expect(STATE_COUNCIL_NOTICES.map((n) => n.year)).toEqual([2024, 2025, 2026]);
    for (const notice of STATE_COUNCIL_NOTICES) {
      expect(notice.title).toBe(`国务院办公厅关于${notice.year}年部分节假日安排的通知`);
      if (notice.publishedOn !== undefined) {
        expect(isIsoDate(notice.publishedOn)).toBe(true);
        expect(yearOf(notice.publishedOn)).toBe(notice.year - 1);
      }
    }
  });

  it('cites the document numbers confirmed from the published notices', () => {
    expect(STATE_COUNCIL_NOTICES.map((n) => [n.year, n.documentNumber, n.publishedOn])).toEqual([
      [2024, '国办发明电〔2023〕7号', '2023-10-25'],
      [2025, '国办发明电〔2024〕12号', '2024-11-12'],
      [2026, undefined, '2025-11-04'],
    ]);
  });

  it('classifies every day of 2024–2026 exactly as the chinese-days data does', () => {
    const disagreements: string[] = [];
    for (const date of datesInRange('2024-01-01', '2026-12-31')) {
      const theirs = isWorkday(localDate(date));
      expect(isHoliday(localDate(date))).toBe(!theirs);
      if (noticeSaysWorking(date) !== theirs) disagreements.push(date);
    }
    expect(disagreements).toEqual([]);
  });

  it('lists no date twice, within or across notices, and only real dates of the notice year', () => {
    const all = STATE_COUNCIL_NOTICES.flatMap((n) => [...n.holidays, ...n.workdays].map((d) => d.date));
    expect(new Set(all).size).toBe(all.length);
    for (const notice of STATE_COUNCIL_NOTICES) {
      for (const { date } of [...notice.holidays, ...notice.workdays]) {
        expect(isIsoDate(date)).toBe(true);
        expect(yearOf(date)).toBe(notice.year);
      }
    }
  });

  it('lists entries in date order', () => {
    for (const notice of STATE_COUNCIL_NOTICES) {
      for (const list of [notice.holidays, notice.workdays]) {
        const days = list.map((d) => toDayNumber(d.date));
        expect(days).toEqual([...days].sort((a, b) => a - b));
      }
    }
  });

  it('puts every make-up working day on a Saturday or Sunday', () => {
    const weekdays = STATE_COUNCIL_NOTICES.flatMap((n) => n.workdays).filter((d) => !isWeekend(d.date));
    expect(weekdays).toEqual([]);
  });

  it('names every entry after its festival', () => {
    const festivals = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];
    for (const notice of STATE_COUNCIL_NOTICES) {
      for (const { name } of notice.holidays) expect(festivals).toContain(name);
      for (const { name } of notice.workdays)
        expect(name).toMatch(/^(元旦|春节|清明节|劳动节|国庆节、中秋节|国庆节|中秋节)调休$/);
    }
  });

  it('gives the statutory days of each year off, under the same festival name', () => {
    for (const notice of STATE_COUNCIL_NOTICES) {
      const given = new Map(notice.holidays.map((d) => [d.date, d.name]));
      const statutory = statutoryHolidays(notice.year).filter((h) => !h.compensation);
      const missing = statutory.filter((h) => given.get(h.date) !== h.name);
      expect(missing).toEqual([]);
    }
  });

  it('grants, net of make-up days, as many weekday days off as the law plus art. 6 compensation', () => {
    for (const notice of STATE_COUNCIL_NOTICES) {
      const weekdaysOff = notice.holidays.filter((d) => !isWeekend(d.date)).length;
      const byLaw = statutoryHolidays(notice.year).filter((h) => !isWeekend(h.date)).length;
      expect(weekdaysOff - notice.workdays.length).toBe(byLaw);
    }
  });

  it('spells out the breaks that differ from the weekday rule, as the notices state them', () => {
    const notice2025 = STATE_COUNCIL_NOTICES.find((n) => n.year === 2025);
    expect(
      notice2025?.holidays.filter((d) => d.date >= '2025-10-01').map((d) => `${d.date} ${d.name}`),
    ).toEqual([
      '2025-10-01 国庆节',
      '2025-10-02 国庆节',
      '2025-10-03 国庆节',
      '2025-10-04 国庆节',
      '2025-10-05 国庆节',
      '2025-10-06 中秋节',
      '2025-10-07 国庆节',
      '2025-10-08 国庆节',
    ]);
    expect(noticeSaysWorking('2024-02-09')).toBe(true); // 2024 除夕 was not a day off, only recommended.
    expect(noticeSaysWorking('2025-01-28')).toBe(false); // 2025 除夕 is statutory.
    expect(noticeSaysWorking('2026-01-04')).toBe(true); // Sunday, 元旦调休.
    expect(noticeSaysWorking('2026-02-15')).toBe(false); // Sunday 腊月二十八, start of the nine-day break.
  });
});

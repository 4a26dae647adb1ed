/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`) and day numbers.
 *
 * Legal periods are counted in whole days of the Chinese civil calendar, so the engine never
 * touches time zones: a date is a label, and arithmetic happens on day numbers (days since
 * 1970-01-01, proleptic Gregorian), which are exact and cheap.
 */

/** An ISO 8601 calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True when `value` is a real calendar date written as `YYYY-MM-DD` (no 2025-02-29). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not. */
function utcMillis(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMillis(year, month, 0)).getUTCDate();
}

/** Day number of an ISO date; throws on anything that is not a real date. */
export function toDayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO calendar date: ${JSON.stringify(date)}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return utcMillis(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(date: IsoDate): boolean {
  return isoWeekday(date) >= 6;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every date from `from` to `to`, both included. */
export function datesInRange(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = toDayNumber(from), end = toDayNumber(to); d <= end; d++) out.push(fromDayNumber(d));
  return out;
}

const CHINA_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The civil date in China (UTC+8, no daylight saving) at the given instant. */
export function chinaDate(instant: Date): IsoDate {
  return CHINA_DATE.format(instant);
}

/**
 * The late-payment surcharge (加处罚款), APL arts. 72–73: when a fine is not paid by its due date,
 * 3 % of the unpaid fine is added for every day late, never more in total than the fine itself;
 * days during which a reconsideration (行政复议) or a lawsuit (行政诉讼) is pending are not counted.
 *
 * Pure: computed on read from the fine, the payment schedule (one due date, or the instalments /
 * deferral the bureau approved, APL art. 66), the payments and the frozen periods. Amounts are in
 * fen (分, integers) so that no rounding happens until the end.
 *
 * Counting: a day d is late for the part of the fine due before d and not paid before d. A payment
 * made on the day after the due date is one day late (3 %); one made on the due date is on time.
 * Payments settle the earliest instalment first.
 */
import { addDays, daysBetween, type IsoDate } from '../calendar/dates';

/** APL art. 72(1): 每日按罚款数额的百分之三加处罚款. */
export const DAILY_SURCHARGE_PERCENT = 3;

export interface Instalment {
  dueOn: IsoDate;
  /** Fen. */
  amount: number;
}

export interface Payment {
  on: IsoDate;
  /** Fen. */
  amount: number;
}

/** A period (inclusive) in which the surcharge does not accrue; `to` absent while still pending. */
export interface FrozenPeriod {
  from: IsoDate;
  to?: IsoDate;
  reason: string;
}

export interface SurchargeInput {
  /** The fine, fen. */
  fine: number;
  /** The approved schedule: a single instalment of the whole fine unless deferred or split. */
  schedule: readonly Instalment[];
  payments: readonly Payment[];
  frozen: readonly FrozenPeriod[];
  /** The day to compute for (today): days up to and including it are counted. */
  asOf: IsoDate;
}

/** A run of consecutive late days with the same unpaid amount. */
export interface SurchargeSegment {
  from: IsoDate;
  to: IsoDate;
  days: number;
  /** Unpaid overdue fine on those days, fen. */
  base: number;
}

export interface Surcharge {
  /** Total surcharge, fen, rounded half up, capped at the fine. */
  amount: number;
  /** Before the cap. */
  uncapped: number;
  capped: boolean;
  lateDays: number;
  /** Late days not counted because a reconsideration or lawsuit was pending. */
  frozenDays: number;
  segments: SurchargeSegment[];
  /** Fine still unpaid on asOf (payments settle the fine first), fen. */
  unpaidFine: number;
  /** Paid beyond the fine, counted against the surcharge, fen. */
  paidTowardsSurcharge: number;
}

function assertFen(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${what} must be a non-negative integer (fen)`);
}

export function validateSchedule(fine: number, schedule: readonly Instalment[]): void {
  assertFen(fine, 'fine');
  if (schedule.length === 0) throw new RangeError('the schedule needs at least one instalment');
  let total = 0;
  for (let i = 0; i < schedule.length; i++) {
    const it = schedule[i] as Instalment;
    assertFen(it.amount, 'an instalment');
    if (i > 0 && it.dueOn <= (schedule[i - 1] as Instalment).dueOn)
      throw new RangeError('instalments must be in increasing due-date order');
    total += it.amount;
  }
  if (total !== fine) throw new RangeError(`the instalments add up to ${total}, not the fine ${fine}`);
}

function isFrozen(day: IsoDate, frozen: readonly FrozenPeriod[]): boolean {
  return frozen.some((f) => day >= f.from && (f.to === undefined || day <= f.to));
}

export function computeSurcharge(input: SurchargeInput): Surcharge {
  const { fine, schedule, payments, frozen, asOf } = input;
  validateSchedule(fine, schedule);
  for (const p of payments) assertFen(p.amount, 'a payment');
  const paidTotal = (before: IsoDate, inclusive: boolean) =>
    payments.reduce((sum, p) => ((inclusive ? p.on <= before : p.on < before) ? sum + p.amount : sum), 0);
  const dueTotal = (before: IsoDate) =>
    schedule.reduce((sum, it) => (it.dueOn < before ? sum + it.amount : sum), 0);

  const segments: SurchargeSegment[] = [];
  let numerator = 0; // Σ base × percent, in fen × 100
  let lateDays = 0;
  let frozenDays = 0;
  const first = (schedule[0] as Instalment).dueOn;
  const span = first < asOf ? daysBetween(first, asOf) : 0;
  for (let i = 1; i <= span; i++) {
    const day = addDays(first, i);
    const base = Math.max(0, dueTotal(day) - paidTotal(day, false));
    if (base === 0) continue;
    if (isFrozen(day, frozen)) {
      frozenDays += 1;
      continue;
    }
    lateDays += 1;
    numerator += base * DAILY_SURCHARGE_PERCENT;
    const last = segments[segments.length - 1];
    if (last && last.base === base && addDays(last.to, 1) === day) {
      last.to = day;
      last.days += 1;
    } else {
      segments.push({ from: day, to: day, days: 1, base });
    }
  }
  const uncapped = Math.floor((numerator + 50) / 100);
  const amount = Math.min(uncapped, fine);
  const paid = paidTotal(asOf, true);
  return {
    amount,
    uncapped,
    capped: uncapped > fine,
    lateDays,
    frozenDays,
    segments,
    unpaidFine: Math.max(0, fine - paid),
    paidTowardsSurcharge: Math.max(0, Math.min(paid - fine, amount)),
  };
}

/** CNY (as the API carries amounts, up to two decimals) to fen, refusing fractions of a fen. */
export function toFen(cny: number): number {
  const fen = Math.round(cny * 100);
  if (Math.abs(fen - cny * 100) > 1e-6) throw new RangeError(`${cny} has more than two decimals`);
  return fen;
}

export function toCny(fen: number): number {
  return fen / 100;
}

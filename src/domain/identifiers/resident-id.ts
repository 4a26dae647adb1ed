/**
 * Citizen identity number (公民身份号码), GB 11643-1999.
 *
 * Layout of the 18 characters:
 *   1–6    address code (GB/T 2260 division where the number was issued; 8x for the residence permits of
 *          Hong Kong, Macao and Taiwan residents)
 *   7–14   birth date, YYYYMMDD
 *   15–17  sequence code (odd for men, even for women)
 *   18     check character, ISO 7064 MOD 11-2: a digit or X (standing for 10)
 *
 * The 15-digit numbers of the first generation are not accepted: they expired in 2013.
 */

import type { IdentifierCheck, IdentifierProblem } from './unified-social-credit-code';

/** Options of {@link checkResidentId}. */
export interface ResidentIdOptions {
  /**
   * Today's date as `YYYY-MM-DD`: birth dates after it are rejected. Omitted, no future check is made,
   * because the domain layer does not read the clock; the caller decides what "today" is (and in which
   * time zone).
   */
  today?: string;
}

const STANDARD = 'GB 11643-1999';
const LENGTH = 18;

/** Weights of positions 1–17: 2^(18−i) mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Check character indexed by Σ value×weight mod 11. */
const CHECK_CHARS = '10X98765432';

/** No one alive was born before this; earlier dates are typos. */
const EARLIEST_BIRTH_DATE = '1900-01-01';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function fail(reason: IdentifierProblem, message: string): IdentifierCheck {
  return { valid: false, reason, message };
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] ?? 0);
}

function isIsoDateString(value: string): boolean {
  const match = ISO_DATE.exec(value);
  return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** `YYYYMMDD` (positions 7–14) as `YYYY-MM-DD`, or undefined when it is not a calendar date. */
function birthDateOf(digits: string): string | undefined {
  const year = Number(digits.slice(6, 10));
  const month = Number(digits.slice(10, 12));
  const day = Number(digits.slice(12, 14));
  if (!isRealDate(year, month, day)) return undefined;
  return `${digits.slice(6, 10)}-${digits.slice(10, 12)}-${digits.slice(12, 14)}`;
}

/**
 * The check character (position 18) for the first 17 digits: "10X98765432"[Σ value×weight mod 11].
 * Throws a RangeError unless `first17` is 17 digits, because anything else is a programming error.
 */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError(`expected 17 digits, got ${JSON.stringify(first17)}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  }
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * Trims surrounding whitespace and upper-cases a final x. The validator itself accepts a lower-case x
 * (it is how the number is often typed) but not whitespace.
 */
export function normalizeResidentId(input: string): string {
  return input.trim().toUpperCase();
}

/**
 * Checks a resident identity number. Strict except for the check character, where a lower-case x is
 * accepted; `value` always carries an upper-case X.
 */
export function checkResidentId(input: string, options: ResidentIdOptions = {}): IdentifierCheck {
  const { today } = options;
  if (today !== undefined && !isIsoDateString(today)) {
    // A bad `today` is the caller's bug, not the user's: do not report it as a problem with the number.
    throw new RangeError(`options.today should be a YYYY-MM-DD date, got ${JSON.stringify(today)}`);
  }
  if (input.length === 15 && /^\d{15}$/.test(input)) {
    return fail(
      'LENGTH',
      `15-digit first-generation numbers are no longer valid; use the 18-character number (${STANDARD})`,
    );
  }
  if (input.length !== LENGTH) {
    return fail('LENGTH', `should be ${LENGTH} characters, not ${input.length} (${STANDARD})`);
  }
  if (!/^\d{17}[\dXx]$/.test(input)) {
    return fail('CHARACTERS', `should be 17 digits followed by a digit or X (${STANDARD})`);
  }
  const value = input.toUpperCase();
  const first = value.charAt(0);
  if (first < '1' || first > '8') {
    return fail('DIVISION_CODE', `address code should start with 1–8, not '${first}' (${STANDARD})`);
  }
  const birthDate = birthDateOf(value);
  if (birthDate === undefined) {
    return fail('BIRTH_DATE', `digits 7–14 should be a real birth date YYYYMMDD (${STANDARD})`);
  }
  if (birthDate < EARLIEST_BIRTH_DATE) {
    return fail('BIRTH_DATE', `birth date ${birthDate} is before ${EARLIEST_BIRTH_DATE} (${STANDARD})`);
  }
  if (today !== undefined && birthDate > today) {
    return fail('BIRTH_DATE', `birth date ${birthDate} is in the future (${STANDARD})`);
  }
  const expected = residentIdCheckChar(value.slice(0, 17));
  if (value.charAt(17) !== expected) {
    return fail('CHECK_DIGIT', `check character should be '${expected}' (${STANDARD})`);
  }
  return { valid: true, value };
}

export function isResidentId(input: string, options: ResidentIdOptions = {}): boolean {
  return checkResidentId(input, options).valid;
}

/**
 * The birth date (`YYYY-MM-DD`) encoded in a valid resident identity number. Throws a RangeError when the
 * number is not valid, because a date read from a wrong number would be silently wrong.
 */
export function birthDateOfResidentId(id: string): string {
  const check = checkResidentId(id);
  if (!check.valid) throw new RangeError(`not a resident identity number: ${check.message}`);
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/**
 * Masks a resident identity number for display and logs: the first 4 and last 4 characters stay (province
 * and city, end of sequence and check), everything else, the birth date included, becomes `*`. The number
 * is not validated, so that rejected input can be logged too; but a string that is not 18 characters long
 * is masked completely, since we cannot know which of its parts are safe to show.
 */
export function maskResidentId(id: string): string {
  if (id.length !== LENGTH) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(LENGTH - 8)}${id.slice(-4).toUpperCase()}`;
}

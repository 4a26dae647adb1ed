/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * Layout of the 18 characters:
 *   1      registration-authority code (登记管理部门码)
 *   2      entity-type code (机构类别码)
 *   3–8    administrative division code of the registering authority (GB/T 2260), digits only
 *   9–17   organisation code (主体标识码, GB 11714)
 *   18     check character over positions 1–17
 *
 * The registration-authority / entity-type pairs are deliberately checked only against the alphabet:
 * the standard's table has been extended by later notices (e.g. 3 司法行政, A 军队, N 农业), and rejecting a
 * real code because our copy of the table is out of date would be worse than letting a typo through, which
 * the check character catches anyway.
 */

/** Why an identifier was rejected; shared by every validator in this folder. */
export type IdentifierProblem = 'LENGTH' | 'CHARACTERS' | 'DIVISION_CODE' | 'BIRTH_DATE' | 'CHECK_DIGIT';

/**
 * Outcome of checking an identifier. A result rather than a boolean so that an API can tell the user what
 * is wrong; `value` is the normalised form to store.
 */
export type IdentifierCheck =
  | { valid: true; value: string }
  | { valid: false; reason: IdentifierProblem; message: string };

const STANDARD = 'GB 32100-2015';
const LENGTH = 18;

/** The 31 code characters: digits and upper-case letters without I, O, S, V, Z (too easily misread). */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of positions 1–17: 3^(i−1) mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const BODY = /^[0-9A-HJ-NP-RTUWXY]{17}$/;

function fail(reason: IdentifierProblem, message: string): IdentifierCheck {
  return { valid: false, reason, message };
}

/**
 * The check character (position 18) for the first 17 characters of a code: (31 − Σ value×weight mod 31)
 * mod 31, mapped back to the alphabet. Throws a RangeError unless `first17` is 17 code characters, because
 * computing a check character for anything else is a programming error.
 */
export function unifiedSocialCreditCodeCheckChar(first17: string): string {
  if (!BODY.test(first17)) {
    throw new RangeError(`expected 17 characters of ${STANDARD}'s alphabet, got ${JSON.stringify(first17)}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += ALPHABET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Trims surrounding whitespace and upper-cases letters, which is how people commonly mistype a code that is
 * otherwise right. Kept apart from the validator so that the validator stays strict about what it is given.
 */
export function normalizeUnifiedSocialCreditCode(input: string): string {
  return input.trim().toUpperCase();
}

/** Checks a unified social credit code strictly (no trimming, no case folding; see the normaliser). */
export function checkUnifiedSocialCreditCode(input: string): IdentifierCheck {
  if (input.length !== LENGTH) {
    return fail('LENGTH', `should be ${LENGTH} characters, not ${input.length} (${STANDARD})`);
  }
  for (let i = 0; i < LENGTH; i++) {
    const char = input.charAt(i);
    if (ALPHABET.includes(char)) continue;
    const position = i + 1;
    if (/^[iosvz]$/i.test(char)) {
      return fail(
        'CHARACTERS',
        `letter '${char}' at position ${position} is not used: no I, O, S, V, Z (${STANDARD})`,
      );
    }
    if (/^[a-z]$/.test(char)) {
      return fail(
        'CHARACTERS',
        `letters should be upper-case: '${char}' at position ${position} (${STANDARD})`,
      );
    }
    return fail('CHARACTERS', `character '${char}' at position ${position} is not allowed (${STANDARD})`);
  }
  if (!/^\d{6}$/.test(input.slice(2, 8))) {
    return fail('DIVISION_CODE', `characters 3–8 (division code) should be digits (${STANDARD})`);
  }
  const expected = unifiedSocialCreditCodeCheckChar(input.slice(0, 17));
  if (input.charAt(17) !== expected) {
    return fail('CHECK_DIGIT', `check character should be '${expected}' (${STANDARD})`);
  }
  return { valid: true, value: input };
}

export function isUnifiedSocialCreditCode(input: string): boolean {
  return checkUnifiedSocialCreditCode(input).valid;
}

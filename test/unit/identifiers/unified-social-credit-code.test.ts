import {
  checkUnifiedSocialCreditCode,
  type IdentifierCheck,
  isUnifiedSocialCreditCode,
  normalizeUnifiedSocialCreditCode,
  unifiedSocialCreditCodeCheckChar,
} from '../../../src/domain/identifiers';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const FORBIDDEN = ['I', 'O', 'S', 'V', 'Z'];

/** Samples given in the rulebook. */
const RULEBOOK_SAMPLES = ['91350100M000100Y43', '91630102MA7N3Q2K4H'];
/** Further codes as published by enterprises (all 91 = company registered with market regulation). */
const PUBLISHED_SAMPLES = [
  '91440300708461136T',
  '91330100716105852F',
  '9144030071526726XG',
  '91110108551385082Q',
];
const BASES = [...RULEBOOK_SAMPLES, ...PUBLISHED_SAMPLES].map((code) => code.slice(0, 17));

function withCheck(first17: string): string {
  return first17 + unifiedSocialCreditCodeCheckChar(first17);
}

function replaceAt(code: string, index: number, char: string): string {
  return code.slice(0, index) + char + code.slice(index + 1);
}

function reasonOf(result: IdentifierCheck): string | undefined {
  return result.valid ? undefined : result.reason;
}

/** Independent re-statement of GB 32100-2015's check so the implementation is not only tested by itself. */
function referenceCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17.charAt(i)) * (3 ** i % 31);
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

describe('unifiedSocialCreditCodeCheckChar', () => {
  it.each(RULEBOOK_SAMPLES.concat(PUBLISHED_SAMPLES))('gives the check character of %s', (code) => {
    expect(unifiedSocialCreditCodeCheckChar(code.slice(0, 17))).toBe(code.charAt(17));
  });

  it('agrees with a reference implementation on generated bodies', () => {
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const seen = new Set<string>();
    for (let n = 0; n < 500; n++) {
      let body = '';
      for (let i = 0; i < 17; i++) {
        body += i >= 2 && i < 8 ? String(next() % 10) : ALPHABET.charAt(next() % 31);
      }
      const check = unifiedSocialCreditCodeCheckChar(body);
      expect(check).toBe(referenceCheckChar(body));
      seen.add(check);
    }
    // 500 random bodies should hit (nearly) every one of the 31 check characters, '0' included.
    expect(seen.size).toBeGreaterThan(25);
  });

  it('can be 0 when the weighted sum is a multiple of 31', () => {
    expect(unifiedSocialCreditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it.each([
    '',
    '9135010',
    '91350100M000100Y4X',
    '91350100m000100Y4',
    '91350100I000100Y4',
    '91350100M000100Y ',
  ])('throws on a body that is not 17 code characters: %j', (body) => {
    expect(() => unifiedSocialCreditCodeCheckChar(body)).toThrow(RangeError);
  });
});

describe('checkUnifiedSocialCreditCode', () => {
  it.each(RULEBOOK_SAMPLES.concat(PUBLISHED_SAMPLES))('accepts %s', (code) => {
    expect(checkUnifiedSocialCreditCode(code)).toEqual({ valid: true, value: code });
    expect(isUnifiedSocialCreditCode(code)).toBe(true);
  });

  it.each([
    ['11110000000013141', 'government body (机构编制, 机关)'],
    ['52110000500021676', 'social organisation (民政, 民办非企业单位)'],
    ['92350102MA2XYY123', 'individual business (工商, 个体工商户)'],
    ['93630102MA7N3Q2K4', 'farmers’ co-operative (工商, 农民专业合作社)'],
    ['Y1110000000000000', 'other authorities'],
    ['31110000400000448', 'law firm (司法行政)'],
    ['A1110000MB0000001', 'army institution'],
    ['N2110108MF0000001', 'village collective (农业)'],
  ])('accepts the generated code %s for a %s', (body) => {
    const code = withCheck(body);
    expect(checkUnifiedSocialCreditCode(code)).toEqual({ valid: true, value: code });
  });

  describe('LENGTH', () => {
    it.each([
      '',
      '9',
      '91350100M000100Y4',
      '91350100M000100Y433',
      '91350100M000100Y43 ',
      ' 91350100M000100Y43',
    ])('rejects %j', (code) => {
      const result = checkUnifiedSocialCreditCode(code);
      expect(result).toEqual({ valid: false, reason: 'LENGTH', message: expect.any(String) });
      expect(isUnifiedSocialCreditCode(code)).toBe(false);
    });

    it('says how long the code should be and cites the standard', () => {
      expect(checkUnifiedSocialCreditCode('91350100M000100Y4')).toEqual({
        valid: false,
        reason: 'LENGTH',
        message: 'should be 18 characters, not 17 (GB 32100-2015)',
      });
    });
  });

  describe('CHARACTERS', () => {
    it.each(FORBIDDEN)('rejects the letter %s anywhere in the code', (letter) => {
      const code = '91630102MA7N3Q2K4H';
      for (const index of [0, 1, 8, 9, 12, 16, 17]) {
        const result = checkUnifiedSocialCreditCode(replaceAt(code, index, letter));
        expect(result).toEqual({
          valid: false,
          reason: 'CHARACTERS',
          message: `letter '${letter}' at position ${index + 1} is not used: no I, O, S, V, Z (GB 32100-2015)`,
        });
      }
    });

    it('rejects a forbidden letter even in the division code', () => {
      expect(reasonOf(checkUnifiedSocialCreditCode(replaceAt('91630102MA7N3Q2K4H', 4, 'O')))).toBe(
        'CHARACTERS',
      );
    });

    it.each([
      ['91630102ma7n3q2k4h', 9],
      ['91630102MA7N3Q2K4h', 18],
      ['91630102Ma7N3Q2K4H', 10],
    ])('rejects lower-case letters in %s', (code, position) => {
      const result = checkUnifiedSocialCreditCode(code);
      expect(result).toEqual({ valid: false, reason: 'CHARACTERS', message: expect.any(String) });
      expect(result.valid ? '' : result.message).toContain(`position ${position}`);
      expect(result.valid ? '' : result.message).toContain('upper-case');
    });

    it.each([
      ['full-width digit', replaceAt('91350100M000100Y43', 2, '３')],
      ['hyphen', replaceAt('91350100M000100Y43', 8, '-')],
      ['inner space', replaceAt('91350100M000100Y43', 10, ' ')],
      ['Chinese character', replaceAt('91350100M000100Y43', 17, '三')],
    ])('rejects a %s', (_what, code) => {
      expect(reasonOf(checkUnifiedSocialCreditCode(code))).toBe('CHARACTERS');
    });
  });

  describe('DIVISION_CODE', () => {
    it.each([3, 4, 5, 6, 7, 8])(
      'rejects a letter at position %i even with a matching check character',
      (position) => {
        const body = replaceAt('91630102MA7N3Q2K4', position - 1, 'A');
        const code = withCheck(body);
        expect(checkUnifiedSocialCreditCode(code)).toEqual({
          valid: false,
          reason: 'DIVISION_CODE',
          message: 'characters 3–8 (division code) should be digits (GB 32100-2015)',
        });
      },
    );

    it('accepts letters right outside the division code', () => {
      expect(isUnifiedSocialCreditCode(withCheck('YA630102AA7N3Q2K4'))).toBe(true);
    });
  });

  describe('CHECK_DIGIT', () => {
    it.each(BASES)('rejects every other check character after %s', (body) => {
      const right = unifiedSocialCreditCodeCheckChar(body);
      for (const wrong of ALPHABET) {
        if (wrong === right) continue;
        expect(checkUnifiedSocialCreditCode(body + wrong)).toEqual({
          valid: false,
          reason: 'CHECK_DIGIT',
          message: `check character should be '${right}' (GB 32100-2015)`,
        });
      }
    });

    it.each(BASES)('notices any single changed character in %s', (body) => {
      const code = withCheck(body);
      for (let index = 0; index < 17; index++) {
        const isDivision = index >= 2 && index < 8;
        for (const char of isDivision ? '0123456789' : ALPHABET) {
          if (char === code.charAt(index)) continue;
          expect(reasonOf(checkUnifiedSocialCreditCode(replaceAt(code, index, char)))).toBe('CHECK_DIGIT');
        }
      }
    });

    it.each(BASES)('notices any swap of two different adjacent characters in %s', (body) => {
      const code = withCheck(body);
      for (let index = 0; index < 16; index++) {
        const [a, b] = [code.charAt(index), code.charAt(index + 1)];
        if (a === b) continue;
        const swapped = code.slice(0, index) + b + a + code.slice(index + 2);
        expect(isUnifiedSocialCreditCode(swapped)).toBe(false);
      }
    });

    it('names the expected character for the known sample with its last character changed', () => {
      expect(checkUnifiedSocialCreditCode('91350100M000100Y44')).toEqual({
        valid: false,
        reason: 'CHECK_DIGIT',
        message: "check character should be '3' (GB 32100-2015)",
      });
    });
  });
});

describe('normalizeUnifiedSocialCreditCode', () => {
  it.each([
    ['91630102ma7n3q2k4h', '91630102MA7N3Q2K4H'],
    ['  91350100M000100Y43\n', '91350100M000100Y43'],
    ['\t91350100m000100y43 ', '91350100M000100Y43'],
  ])('turns %j into a valid code', (input, expected) => {
    expect(isUnifiedSocialCreditCode(input)).toBe(false);
    const normalized = normalizeUnifiedSocialCreditCode(input);
    expect(normalized).toBe(expected);
    expect(checkUnifiedSocialCreditCode(normalized)).toEqual({ valid: true, value: expected });
  });

  it('does not repair what is really wrong', () => {
    expect(
      reasonOf(checkUnifiedSocialCreditCode(normalizeUnifiedSocialCreditCode(' 91350100m000100y44 '))),
    ).toBe('CHECK_DIGIT');
    expect(
      reasonOf(checkUnifiedSocialCreditCode(normalizeUnifiedSocialCreditCode('91350100m000100i43'))),
    ).toBe('CHARACTERS');
  });
});

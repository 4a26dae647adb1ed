import {
  birthDateOfResidentId,
  checkResidentId,
  type IdentifierCheck,
  isResidentId,
  maskResidentId,
  normalizeResidentId,
  residentIdCheckChar,
} from '../../../src/domain/identifiers';

const RULEBOOK_SAMPLES = ['11010519491231002X', '630102199001011235'];
const CHECK_CHARS = '0123456789X';

/** Builds a number from address code, birth date (YYYYMMDD) and sequence, with the right check character. */
function makeId(address: string, birth: string, sequence = '123'): string {
  const first17 = address + birth + sequence;
  return first17 + residentIdCheckChar(first17);
}

function replaceAt(id: string, index: number, char: string): string {
  return id.slice(0, index) + char + id.slice(index + 1);
}

function reasonOf(result: IdentifierCheck): string | undefined {
  return result.valid ? undefined : result.reason;
}

/** Independent re-statement of ISO 7064 MOD 11-2 as GB 11643-1999 uses it: Σ a_i·2^(18−i) + check ≡ 1. */
function referenceCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (2 ** (17 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** Independent calendar check through Date, for the exhaustive mutation test. */
function isRealDate(yyyymmdd: string): boolean {
  const [year, month, day] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)].map(
    Number,
  ) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const GENERATED = [
  makeId('110101', '19000101', '001'),
  makeId('310115', '20000229', '002'),
  makeId('440305', '19841118', '457'),
  makeId('540102', '20231231', '999'),
  makeId('810000', '19970701', '000'),
  makeId('820000', '19991220', '011'),
  makeId('830000', '19491001', '050'),
];

describe('residentIdCheckChar', () => {
  it.each(RULEBOOK_SAMPLES)('gives the check character of %s', (id) => {
    expect(residentIdCheckChar(id.slice(0, 17))).toBe(id.charAt(17));
  });

  it('reproduces the example of GB 11643-1999 (440524188001010014)', () => {
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
  });

  it('agrees with a reference implementation and produces every check character', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 2000; n++) {
      const first17 =
        String(100000000000 + n * 7919).padStart(12, '0') +
        String(n * 31337)
          .padStart(5, '0')
          .slice(-5);
      const check = residentIdCheckChar(first17);
      expect(check).toBe(referenceCheckChar(first17));
      seen.add(check);
    }
    expect([...seen].sort().join('')).toBe(CHECK_CHARS);
  });

  it.each(['', '1101051949123100', '110105194912310021', '1101051949123100X', '11010519491231 02'])(
    'throws on %j, which is not 17 digits',
    (first17) => {
      expect(() => residentIdCheckChar(first17)).toThrow(RangeError);
    },
  );
});

describe('checkResidentId', () => {
  it.each(RULEBOOK_SAMPLES)('accepts %s', (id) => {
    expect(checkResidentId(id)).toEqual({ valid: true, value: id });
    expect(isResidentId(id)).toBe(true);
  });

  it.each(GENERATED)('accepts the generated number %s', (id) => {
    expect(checkResidentId(id)).toEqual({ valid: true, value: id });
  });

  it('accepts a lower-case x and returns the number with an upper-case X', () => {
    expect(checkResidentId('11010519491231002x')).toEqual({ valid: true, value: '11010519491231002X' });
    expect(isResidentId('11010519491231002x')).toBe(true);
  });

  describe('LENGTH', () => {
    it.each([
      '',
      '6301021990010112',
      '63010219900101123',
      '6301021990010112355',
      ' 630102199001011235',
      '630102199001011235\n',
    ])('rejects %j', (id) => {
      expect(checkResidentId(id)).toEqual({ valid: false, reason: 'LENGTH', message: expect.any(String) });
      expect(isResidentId(id)).toBe(false);
    });

    it('names the expected length and the standard', () => {
      expect(checkResidentId('63010219900101123')).toEqual({
        valid: false,
        reason: 'LENGTH',
        message: 'should be 18 characters, not 17 (GB 11643-1999)',
      });
    });

    it('explains that 15-digit first-generation numbers are no longer valid', () => {
      const result = checkResidentId('110105491231002');
      expect(reasonOf(result)).toBe('LENGTH');
      expect(result.valid ? '' : result.message).toContain('15-digit');
    });
  });

  describe('CHARACTERS', () => {
    it.each([
      ['X before the end', '1101051949123100X2'],
      ['a letter in the body', '11010519491231A02X'],
      ['a check letter other than X', '11010519491231002Y'],
      ['a full-width digit', '１10105194912310020'],
      ['an inner space', '110105 9491231002X'],
      ['a minus sign', '-10105194912310020'],
    ])('rejects %s', (_what, id) => {
      expect(checkResidentId(id)).toEqual({
        valid: false,
        reason: 'CHARACTERS',
        message: 'should be 17 digits followed by a digit or X (GB 11643-1999)',
      });
    });
  });

  describe('DIVISION_CODE', () => {
    it.each(['0', '9'])(
      'rejects an address code starting with %s even with a matching check character',
      (digit) => {
        const id = makeId(`${digit}10105`, '19491231', '002');
        expect(checkResidentId(id)).toEqual({
          valid: false,
          reason: 'DIVISION_CODE',
          message: `address code should start with 1–8, not '${digit}' (GB 11643-1999)`,
        });
      },
    );

    it.each(['1', '2', '3', '4', '5', '6', '7', '8'])('accepts an address code starting with %s', (digit) => {
      expect(isResidentId(makeId(`${digit}10105`, '19491231', '002'))).toBe(true);
    });
  });

  describe('BIRTH_DATE', () => {
    it.each(['20000229', '20040229', '19960229', '20240229', '19000228'])(
      'accepts Feb 29 or 28 of %s',
      (birth) => {
        expect(isResidentId(makeId('630102', birth))).toBe(true);
      },
    );

    it.each([
      ['Feb 29 in 1900 (divisible by 100, not leap)', '19000229'],
      ['Feb 29 in 2001', '20010229'],
      ['Feb 29 in 2023', '20230229'],
      ['Feb 30 in a leap year', '20000230'],
      ['Apr 31', '19900431'],
      ['Jun 31', '19900631'],
      ['Jan 32', '19900132'],
      ['month 13', '19901301'],
      ['month 00', '19900001'],
      ['day 00', '19900100'],
    ])('rejects %s even with a matching check character', (_what, birth) => {
      expect(checkResidentId(makeId('630102', birth))).toEqual({
        valid: false,
        reason: 'BIRTH_DATE',
        message: 'digits 7–14 should be a real birth date YYYYMMDD (GB 11643-1999)',
      });
    });

    it('rejects dates before 1900, such as the example of GB 11643-1999 itself', () => {
      expect(checkResidentId('440524188001010014')).toEqual({
        valid: false,
        reason: 'BIRTH_DATE',
        message: 'birth date 1880-01-01 is before 1900-01-01 (GB 11643-1999)',
      });
      expect(reasonOf(checkResidentId(makeId('630102', '18991231')))).toBe('BIRTH_DATE');
      expect(isResidentId(makeId('630102', '19000101'))).toBe(true);
    });

    it('rejects a birth date after `today` but accepts one on it', () => {
      const today = '2024-06-01';
      expect(isResidentId(makeId('630102', '20240601'), { today })).toBe(true);
      expect(isResidentId(makeId('630102', '20240531'), { today })).toBe(true);
      expect(checkResidentId(makeId('630102', '20240602'), { today })).toEqual({
        valid: false,
        reason: 'BIRTH_DATE',
        message: 'birth date 2024-06-02 is in the future (GB 11643-1999)',
      });
      expect(reasonOf(checkResidentId(makeId('630102', '20250101'), { today }))).toBe('BIRTH_DATE');
    });

    it('makes no future check without `today`', () => {
      const future = makeId('630102', '20960229');
      expect(isResidentId(future)).toBe(true);
      expect(isResidentId(future, {})).toBe(true);
      expect(isResidentId(future, { today: '2096-02-28' })).toBe(false);
      expect(isResidentId(future, { today: '2096-02-29' })).toBe(true);
    });

    it.each(['2024-6-1', '20240601', '2023-02-29', '', 'today'])(
      'throws on an invalid `today` %j',
      (today) => {
        expect(() => checkResidentId(RULEBOOK_SAMPLES[0] ?? '', { today })).toThrow(RangeError);
        expect(() => isResidentId(RULEBOOK_SAMPLES[0] ?? '', { today })).toThrow(RangeError);
      },
    );
  });

  describe('CHECK_DIGIT', () => {
    it.each([...RULEBOOK_SAMPLES, ...GENERATED])('rejects every other check character after %s', (valid) => {
      const right = valid.charAt(17);
      for (const wrong of `${CHECK_CHARS}x`) {
        if (wrong.toUpperCase() === right) continue;
        expect(checkResidentId(valid.slice(0, 17) + wrong)).toEqual({
          valid: false,
          reason: 'CHECK_DIGIT',
          message: `check character should be '${right}' (GB 11643-1999)`,
        });
      }
    });

    it.each(RULEBOOK_SAMPLES)('notices any single changed digit in %s', (valid) => {
      let checked = 0;
      for (let index = 0; index < 17; index++) {
        for (const digit of '0123456789') {
          if (digit === valid.charAt(index)) continue;
          const changed = replaceAt(valid, index, digit);
          const result = checkResidentId(changed);
          expect(result.valid).toBe(false);
          const birthOk = isRealDate(changed.slice(6, 14)) && changed.slice(6, 10) >= '1900';
          const divisionOk = changed.charAt(0) >= '1' && changed.charAt(0) <= '8';
          if (divisionOk && birthOk) {
            expect(reasonOf(result)).toBe('CHECK_DIGIT');
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(100);
    });

    it.each(RULEBOOK_SAMPLES)('notices any swap of two different adjacent digits in %s', (valid) => {
      for (let index = 0; index < 16; index++) {
        const [a, b] = [valid.charAt(index), valid.charAt(index + 1)];
        if (a === b) continue;
        expect(isResidentId(valid.slice(0, index) + b + a + valid.slice(index + 2))).toBe(false);
      }
    });

    it('names the expected character for the known sample with its last digit changed', () => {
      expect(checkResidentId('630102199001011234')).toEqual({
        valid: false,
        reason: 'CHECK_DIGIT',
        message: "check character should be '5' (GB 11643-1999)",
      });
    });
  });
});

describe('normalizeResidentId', () => {
  it('trims whitespace and upper-cases x', () => {
    expect(normalizeResidentId(' 11010519491231002x\t')).toBe('11010519491231002X');
    expect(isResidentId(normalizeResidentId('  630102199001011235 '))).toBe(true);
  });
});

describe('birthDateOfResidentId', () => {
  it.each([
    ['11010519491231002X', '1949-12-31'],
    ['11010519491231002x', '1949-12-31'],
    ['630102199001011235', '1990-01-01'],
    [makeId('310115', '20000229'), '2000-02-29'],
  ])('reads the birth date of %s', (id, date) => {
    expect(birthDateOfResidentId(id)).toBe(date);
  });

  it.each(['630102199001011234', '63010219900101123', makeId('630102', '19900230'), ' 630102199001011235'])(
    'throws on the invalid number %j',
    (id) => {
      expect(() => birthDateOfResidentId(id)).toThrow(RangeError);
    },
  );
});

describe('maskResidentId', () => {
  it('keeps the first 4 and last 4 characters', () => {
    expect(maskResidentId('630102199001011235')).toBe('6301**********1235');
    expect(maskResidentId('11010519491231002X')).toBe('1101**********002X');
  });

  it('upper-cases a final x', () => {
    expect(maskResidentId('11010519491231002x')).toBe('1101**********002X');
  });

  it('hides the birth date', () => {
    const masked = maskResidentId(makeId('440305', '19841118', '457'));
    expect(masked).toHaveLength(18);
    expect(masked).not.toContain('1984');
    expect(masked).not.toContain('1118');
  });

  it('masks an invalid number of the right length the same way, so rejected input can be logged', () => {
    expect(maskResidentId('630102199001011234')).toBe('6301**********1234');
  });

  it.each(['', '1234', '110105491231002', '6301021990010112355'])('masks %j completely', (id) => {
    expect(maskResidentId(id)).toBe('*'.repeat(id.length));
  });
});

/** The pure rules of the power list: content, units, succession of versions, search text. */
import {
  type BenchmarkContent,
  containsPattern,
  contentRefusals,
  coversDate,
  type ItemContent,
  lawsOf,
  searchTextOf,
  successionRefusal,
  unitRefusals,
} from '../../../src/domain/power-list/versions';

const benchmark = (overrides: Partial<BenchmarkContent> = {}): BenchmarkContent => ({
  id: 'B1',
  legalRange: { min: 10, max: 20 },
  tiers: [
    { tier: 'lenient', min: 10, max: 13 },
    { tier: 'normal', min: 13, max: 17 },
    { tier: 'heavy', min: 17, max: 20 },
  ],
  ...overrides,
});

const item = (overrides: Partial<ItemContent> = {}): ItemContent => ({
  name: '对生产经营不符合食品安全标准的食品的处罚',
  category: 'penalty',
  legalBasis: [{ law: '中华人民共和国食品安全法', article: '第一百二十四条' }],
  benchmarks: [benchmark()],
  ...overrides,
});

const reasons = (content: ItemContent) => contentRefusals(content).map((r) => `${r.pointer} ${r.reason}`);

describe('contentRefusals', () => {
  it('accepts a penalty item whose tiers lie within the statutory range, edges included', () => {
    expect(contentRefusals(item())).toEqual([]);
    expect(
      contentRefusals(item({ benchmarks: [benchmark({ tiers: [{ tier: 'normal', min: 10, max: 20 }] })] })),
    ).toEqual([]);
  });

  it('accepts items without benchmarks in any category', () => {
    for (const category of ['licensing', 'inspection', 'compulsion', 'supervision', 'penalty']) {
      expect(contentRefusals(item({ category, benchmarks: [] }))).toEqual([]);
      expect(contentRefusals({ ...item({ category }), benchmarks: undefined })).toEqual([]);
    }
  });

  it('refuses benchmarks on items other than penalty items', () => {
    expect(reasons(item({ category: 'compulsion' }))).toEqual(['/benchmarks BENCHMARKS_NOT_ALLOWED']);
  });

  it.each([
    [{ tier: 'lenient', min: 9, max: 12 }, '/benchmarks/0/tiers/0 TIER_OUTSIDE_LEGAL_RANGE'],
    [{ tier: 'heavy', min: 17, max: 20.01 }, '/benchmarks/0/tiers/0 TIER_OUTSIDE_LEGAL_RANGE'],
    [{ tier: 'normal', min: 15, max: 14 }, '/benchmarks/0/tiers/0 RANGE_INVERTED'],
  ])('refuses the tier %o', (tier, expected) => {
    expect(reasons(item({ benchmarks: [benchmark({ tiers: [tier] })] }))).toEqual([expected]);
  });

  it('refuses an inverted statutory range without judging tiers against it', () => {
    expect(reasons(item({ benchmarks: [benchmark({ legalRange: { min: 20, max: 10 } })] }))).toEqual([
      '/benchmarks/0/legalRange RANGE_INVERTED',
    ]);
  });

  it('refuses an inverted small-value range', () => {
    const b = benchmark({ smallValue: { below: 10000, min: 100000, max: 50000 } });
    expect(reasons(item({ benchmarks: [b] }))).toEqual(['/benchmarks/0/smallValue RANGE_INVERTED']);
  });

  it('refuses repeated benchmark ids and repeated tiers', () => {
    const twice = benchmark({
      tiers: [
        { tier: 'normal', min: 10, max: 15 },
        { tier: 'normal', min: 15, max: 20 },
      ],
    });
    expect(reasons(item({ benchmarks: [benchmark(), twice] }))).toEqual([
      '/benchmarks/1/id BENCHMARK_REPEATED',
      '/benchmarks/1/tiers/1/tier TIER_REPEATED',
    ]);
  });

  it('lists every refusal, not just the first', () => {
    const b = benchmark({
      tiers: [
        { tier: 'lenient', min: 0, max: 5 },
        { tier: 'heavy', min: 30, max: 25 },
      ],
    });
    expect(reasons(item({ category: 'inspection', benchmarks: [b] }))).toEqual([
      '/benchmarks BENCHMARKS_NOT_ALLOWED',
      '/benchmarks/0/tiers/0 TIER_OUTSIDE_LEGAL_RANGE',
      '/benchmarks/0/tiers/1 RANGE_INVERTED',
    ]);
  });
});

describe('unitRefusals', () => {
  const units = new Map([
    ['u-active', { status: 'active' as const, dissolvedOn: null }],
    ['u-gone', { status: 'dissolved' as const, dissolvedOn: '2024-07-01' }],
  ]);

  it('accepts the agency’s active units and units dissolved after the effective date', () => {
    expect(unitRefusals(['u-active'], units, '2024-03-01')).toEqual([]);
    expect(unitRefusals(['u-active', 'u-gone'], units, '2024-06-30')).toEqual([]);
  });

  it('refuses unknown units and units dissolved on or before the effective date', () => {
    expect(
      unitRefusals(['u-active', 'u-other', 'u-gone'], units, '2024-07-01').map(
        (r) => `${r.pointer} ${r.reason}`,
      ),
    ).toEqual(['/exercisingUnitIds/1 UNKNOWN_UNIT', '/exercisingUnitIds/2 UNIT_DISSOLVED']);
  });
});

describe('successionRefusal', () => {
  const open = { validFrom: '2024-03-01', validTo: null, status: 'in_force' as const };

  it('lets a change follow an open version in force from the same day or later', () => {
    expect(successionRefusal(open, '2024-03-01')).toBeNull();
    expect(successionRefusal(open, '2025-01-01')).toBeNull();
  });

  it('refuses a missing item, a cancelled one, a closed version and an earlier date', () => {
    expect(successionRefusal(undefined, '2024-03-01')?.reason).toBe('ITEM_NOT_FOUND');
    expect(successionRefusal({ ...open, status: 'cancelled' }, '2024-09-01')?.reason).toBe(
      'ITEM_NOT_IN_FORCE',
    );
    expect(successionRefusal({ ...open, validTo: '2024-06-01' }, '2024-09-01')?.reason).toBe(
      'ITEM_NOT_IN_FORCE',
    );
    expect(successionRefusal(open, '2024-02-29')?.reason).toBe('ADJUSTMENT_OUT_OF_ORDER');
  });
});

describe('coversDate', () => {
  it('includes validFrom and excludes validTo', () => {
    const version = { validFrom: '2024-03-01', validTo: '2024-09-01' };
    expect(coversDate(version, '2024-02-29')).toBe(false);
    expect(coversDate(version, '2024-03-01')).toBe(true);
    expect(coversDate(version, '2024-08-31')).toBe(true);
    expect(coversDate(version, '2024-09-01')).toBe(false);
    expect(coversDate({ validFrom: '2024-03-01', validTo: null }, '2099-12-31')).toBe(true);
  });

  it('never covers a version closed on the day it opened', () => {
    expect(coversDate({ validFrom: '2024-03-01', validTo: '2024-03-01' }, '2024-03-01')).toBe(false);
  });
});

describe('search text and laws', () => {
  const content = item({
    subItems: ['对生产经营不符合食品安全标准的食品添加剂的处罚'],
    legalBasis: [
      { law: '中华人民共和国食品安全法', article: '第一百二十四条', text: '生产经营致病性微生物……' },
      { law: '中华人民共和国食品安全法', article: '第一百二十五条' },
      { law: '食品安全法实施条例' },
    ],
  });

  it('joins name, sub-items and every law, article and provision text', () => {
    const text = searchTextOf(content);
    for (const part of ['食品的处罚', '食品添加剂', '第一百二十五条', '致病性微生物', '实施条例']) {
      expect(text).toContain(part);
    }
  });

  it('lists the distinct laws in the order first cited', () => {
    expect(lawsOf(content)).toEqual(['中华人民共和国食品安全法', '食品安全法实施条例']);
  });

  it('escapes LIKE wildcards and the escape character', () => {
    expect(containsPattern('食品')).toBe('%食品%');
    expect(containsPattern('100%_\\')).toBe('%100\\%\\_\\\\%');
  });
});

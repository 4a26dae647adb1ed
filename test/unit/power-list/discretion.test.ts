import {
  AGE_OF_FULL_PENALTY_RESPONSIBILITY,
  AGE_OF_PENALTY_RESPONSIBILITY,
  AGGRAVATING_FACT_NAMES,
  type AggravatingFact,
  type Assessment,
  AssessmentError,
  type AssessmentInput,
  assessPenalty,
  type Benchmark,
  DISCRETION_RULES,
  FIRST_VIOLATION_WINDOW_YEARS,
  HARM_LEVELS,
  MITIGATING_FACT_NAMES,
  type MitigatingFact,
} from '../../../src/domain/power-list/discretion';

/** A fixed-amount benchmark with every tier and no list. */
const FIXED: Benchmark = {
  id: 'B1',
  violation: '未按规定公示营业执照',
  basis: 'fixed',
  legalRange: { min: 5_000, max: 50_000 },
  tiers: [
    { tier: 'lenient', min: 5_000, max: 15_000, conditions: ['违法情节较轻'] },
    { tier: 'normal', min: 15_000, max: 35_000, conditions: [] },
    { tier: 'heavy', min: 35_000, max: 50_000, conditions: ['有从重情节'] },
  ],
};

/** The same benchmark on all four lists. */
const LISTED: Benchmark = {
  ...FIXED,
  id: 'B2',
  noPenalty: { conditions: ['首次违法，危害后果轻微并及时改正'] },
  lighter: { conditions: ['违法所得较少'] },
  mitigated: { conditions: ['积极配合调查并主动退赔'] },
  noCompulsoryMeasure: { conditions: ['涉案物品不存在灭失风险'] },
};

/** Multiples of illegal gains (违法所得一倍以上五倍以下). */
const GAINS: Benchmark = {
  id: 'G1',
  violation: '虚假宣传',
  basis: 'illegal_gains_multiple',
  legalRange: { min: 1, max: 5 },
  tiers: [
    { tier: 'lenient', min: 1, max: 2, conditions: [] },
    { tier: 'normal', min: 2, max: 4, conditions: [] },
    { tier: 'heavy', min: 4, max: 5, conditions: [] },
  ],
  mitigated: { conditions: ['主动退赔消费者损失'] },
};

/**
 * Food Safety Law art. 124: 货值金额不足一万元的，并处五万元以上十万元以下罚款；货值金额一万元以上的，并处
 * 货值金额十倍以上二十倍以下罚款.
 */
const FOOD_124: Benchmark = {
  id: 'F124',
  violation: '生产经营超范围、超限量使用食品添加剂的食品',
  basis: 'goods_value_multiple',
  legalRange: { min: 10, max: 20 },
  tiers: [
    { tier: 'lenient', min: 10, max: 13, conditions: [] },
    { tier: 'normal', min: 13, max: 17, conditions: [] },
    { tier: 'heavy', min: 17, max: 20, conditions: [] },
  ],
  smallValue: { below: 10_000, min: 50_000, max: 100_000 },
  mitigated: { conditions: ['货值金额较小且已全部召回'] },
};

/** An ordinary case: an organisation, not a first violation, some harm, not corrected. */
const ORDINARY: AssessmentInput = {
  partyType: 'organisation',
  firstViolation: false,
  harm: 'serious',
  promptlyCorrected: false,
  mitigating: [],
  aggravating: [],
};
const PERSON: AssessmentInput = { ...ORDINARY, partyType: 'natural_person' };

const assess = (benchmark: Benchmark, input: Partial<AssessmentInput>, legalBasis?: string) =>
  assessPenalty(benchmark, { ...ORDINARY, ...input }, { legalBasis });
const codes = (a: Assessment) => a.reasons.map((r) => r.code);
const reasonFor = (a: Assessment, code: string) => {
  const found = a.reasons.find((r) => r.code === code);
  if (!found) throw new Error(`no ${code} among ${codes(a).join(', ')}`);
  return found;
};
const cny = (min: number, max: number) => ({ min, max, currency: 'CNY' });

function refusal(run: () => unknown): AssessmentError {
  try {
    run();
  } catch (error) {
    if (error instanceof AssessmentError) return error;
    throw error;
  }
  throw new Error('expected an AssessmentError');
}

describe('no penalty by law (不予处罚)', () => {
  it('APL 33(1): no harm and promptly corrected → no penalty, no tier, no range, educate the party', () => {
    const a = assess(FIXED, { harm: 'none', promptlyCorrected: true, minorViolation: true });
    expect(a).toMatchObject({ outcome: 'no_penalty', tier: null, range: null, benchmarkId: 'B1' });
    expect(codes(a)).toEqual(['NO_PENALTY_MINOR_CORRECTED', 'NO_PENALTY_EDUCATION']);
    expect(reasonFor(a, 'NO_PENALTY_MINOR_CORRECTED').rule).toBe('APL art. 33(1)');
    expect(reasonFor(a, 'NO_PENALTY_EDUCATION').rule).toBe('APL art. 33(3)');
  });

  it('APL 33(1) needs no base even for a multiple-based fine', () => {
    const a = assess(GAINS, { harm: 'none', promptlyCorrected: true, minorViolation: true });
    expect(a.outcome).toBe('no_penalty');
  });

  it('APL 33(1) needs the officer’s finding that the violation is minor: no harm alone is not enough', () => {
    const a = assess(GAINS, { harm: 'none', promptlyCorrected: true, illegalGains: 5_000_000 });
    expect(a.outcome).toBe('penalty');
    expect(codes(a)).not.toContain('NO_PENALTY_MINOR_CORRECTED');
  });

  it('APL 33(1) does not apply when not corrected, or when harm resulted', () => {
    expect(assess(FIXED, { harm: 'none', promptlyCorrected: false }).outcome).toBe('penalty');
    expect(assess(FIXED, { harm: 'minor', promptlyCorrected: true }).outcome).toBe('penalty');
  });

  it('APL 33(1): an aggravating fact makes the violation more than minor → heavy tier, and says why', () => {
    const a = assess(FIXED, { harm: 'none', promptlyCorrected: true, aggravating: ['obstruction'] });
    expect(a).toMatchObject({ outcome: 'penalty', tier: 'heavy', range: cny(35_000, 50_000) });
    expect(codes(a)).toContain('NO_PENALTY_EXCLUDED');
  });

  it('APL 33(2): proven absence of fault → no penalty, whatever the harm or aggravating facts', () => {
    const a = assess(GAINS, { noFault: true, aggravating: ['repeat_violation'] });
    expect(a).toMatchObject({ outcome: 'no_penalty', tier: null, range: null });
    expect(reasonFor(a, 'NO_PENALTY_NO_FAULT')).toMatchObject({ rule: 'APL art. 33(2)' });
    expect(reasonFor(a, 'NO_PENALTY_NO_FAULT').detail).toContain('另有规定');
  });

  it(`APL 30: under ${AGE_OF_PENALTY_RESPONSIBILITY} → no penalty; the guardian disciplines`, () => {
    const a = assess(FIXED, { ...PERSON, ageAtViolation: AGE_OF_PENALTY_RESPONSIBILITY - 1 });
    expect(a).toMatchObject({ outcome: 'no_penalty', tier: null, range: null });
    expect(reasonFor(a, 'NO_PENALTY_UNDER_AGE')).toMatchObject({ rule: 'APL art. 30' });
    expect(reasonFor(a, 'NO_PENALTY_UNDER_AGE').detail).toContain('监护人');
  });

  it('APL 31: unable to recognise or control the conduct → no penalty', () => {
    const a = assess(FIXED, { ...PERSON, mentalCapacity: 'none' });
    expect(a.outcome).toBe('no_penalty');
    expect(reasonFor(a, 'NO_PENALTY_NO_CAPACITY').rule).toBe('APL art. 31');
  });

  it('cites every mandatory ground that holds', () => {
    const a = assess(FIXED, {
      ...PERSON,
      ageAtViolation: 12,
      noFault: true,
      harm: 'none',
      promptlyCorrected: true,
      minorViolation: true,
    });
    expect(codes(a)).toEqual([
      'NO_PENALTY_UNDER_AGE',
      'NO_PENALTY_NO_FAULT',
      'NO_PENALTY_MINOR_CORRECTED',
      'NO_PENALTY_EDUCATION',
    ]);
  });
});

describe('first violation (首违不罚): the officer may decide on no penalty', () => {
  const first = { firstViolation: true, harm: 'minor' as const, promptlyCorrected: true };

  it('on the no-penalty list: no_penalty_possible, with the tier and range should the officer penalise', () => {
    const a = assess(LISTED, first);
    expect(a).toMatchObject({ outcome: 'no_penalty_possible', tier: 'normal', range: cny(15_000, 35_000) });
    const r = reasonFor(a, 'FIRST_VIOLATION');
    expect(r.rule).toBe('APL art. 33(1)');
    expect(r.detail).toContain(`${FIRST_VIOLATION_WINDOW_YEARS} years`);
    expect(r.detail).toContain('首次违法，危害后果轻微并及时改正');
    expect(codes(a)).toContain('NO_PENALTY_EDUCATION');
  });

  it('not on the no-penalty list: a penalty, and the reason says so', () => {
    const a = assess(FIXED, first);
    expect(a).toMatchObject({ outcome: 'penalty', tier: 'normal' });
    expect(reasonFor(a, 'FIRST_VIOLATION_NOT_LISTED').rule).toBe('APL art. 33(1)');
  });

  it('names the unmet conditions: harm more than minor, not corrected', () => {
    const a = assess(LISTED, { ...first, harm: 'serious', promptlyCorrected: false });
    expect(a.outcome).toBe('penalty');
    expect(reasonFor(a, 'FIRST_VIOLATION_CONDITIONS_UNMET').detail).toBe(
      'First violation, but the harm is more than minor and not promptly corrected',
    );
  });

  it('an aggravating fact excludes it', () => {
    const a = assess(LISTED, { ...first, aggravating: ['harmed_vulnerable'] });
    expect(a).toMatchObject({ outcome: 'penalty', tier: 'heavy' });
    expect(codes(a)).toContain('FIRST_VIOLATION_EXCLUDED');
  });

  it('the base is still required, since the officer may penalise', () => {
    const listedGains = { ...GAINS, noPenalty: { conditions: ['首违'] } };
    expect(refusal(() => assess(listedGains, first)).reason).toBe('BASE_REQUIRED');
    const a = assess(listedGains, { ...first, illegalGains: 1_000 });
    expect(a).toMatchObject({ outcome: 'no_penalty_possible', range: cny(2_000, 4_000) });
  });

  it('the officer may find the no-penalty list’s own conditions met, unless aggravating facts exclude it', () => {
    const a = assess(LISTED, { listConditionsMet: ['no_penalty'] });
    expect(a.outcome).toBe('no_penalty_possible');
    expect(reasonFor(a, 'NO_PENALTY_LIST').rule).toBe('APL art. 33(1), art. 34');
    const excluded = assess(LISTED, { listConditionsMet: ['no_penalty'], aggravating: ['obstruction'] });
    expect(excluded.outcome).toBe('penalty');
    expect(codes(excluded)).toContain('NO_PENALTY_LIST_EXCLUDED');
  });
});

describe('tiers', () => {
  it('normal: nothing special → the normal tier with its reason and range', () => {
    const a = assess(FIXED, {});
    expect(a).toMatchObject({ outcome: 'penalty', tier: 'normal', range: cny(15_000, 35_000) });
    expect(codes(a)).toEqual(['NORMAL_TIER', 'TIER_RANGE']);
    expect(reasonFor(a, 'TIER_RANGE').rule).toBe('APL art. 34 (benchmark B1)');
  });

  it('the range reason cites the item’s legal basis when given', () => {
    const a = assess(FIXED, {}, '中华人民共和国某法 第十条');
    expect(reasonFor(a, 'TIER_RANGE').rule).toBe('APL art. 34 (benchmark B1; 中华人民共和国某法 第十条)');
  });

  it.each(
    MITIGATING_FACT_NAMES.map((fact, i) => [fact, `APL art. 32(${i + 1})`] as [MitigatingFact, string]),
  )('APL 32 ground %s → the lenient tier, citing %s, and 减轻 noted as lawful', (fact, rule) => {
    const a = assess(FIXED, { mitigating: [fact] });
    expect(a).toMatchObject({ outcome: 'penalty', tier: 'lenient', range: cny(5_000, 15_000) });
    expect(a.reasons[0]).toMatchObject({ rule });
    expect(reasonFor(a, 'MITIGATION_PERMITTED').detail).toContain('below CNY 5,000');
  });

  it('APL 32 grounds in order: (1) removed harm … (4) meritorious, (5) other statutory grounds', () => {
    expect(MITIGATING_FACT_NAMES).toEqual([
      'removed_harm',
      'coerced',
      'confessed',
      'meritorious',
      'other_statutory',
    ]);
    const a = assess(FIXED, { mitigating: ['other_statutory'] });
    expect(a).toMatchObject({ outcome: 'penalty', tier: 'lenient' });
    expect(reasonFor(a, 'OTHER_STATUTORY_MITIGATION').rule).toBe('APL art. 32(5)');
  });

  it('a mitigated range lies strictly below the minimum, and says so when the minimum is zero', () => {
    const listed = assess(LISTED, { mitigating: ['confessed'], listConditionsMet: ['mitigated'] });
    expect(listed).toMatchObject({ tier: 'mitigated', range: { min: 0, max: 5_000, exclusive: true } });
    const zeroMinimum = {
      ...LISTED,
      legalRange: { min: 0, max: LISTED.legalRange.max },
      tiers: [{ tier: 'normal' as const, min: 0, max: 50_000, conditions: [] }],
    };
    const a = assess(zeroMinimum, { mitigating: ['confessed'], listConditionsMet: ['mitigated'] });
    expect(a).toMatchObject({ tier: 'mitigated', range: { min: 0, max: 0, exclusive: true } });
    expect(reasonFor(a, 'MITIGATED_RANGE').detail).toContain('lighter kind of penalty');
  });

  it.each([AGE_OF_PENALTY_RESPONSIBILITY, AGE_OF_FULL_PENALTY_RESPONSIBILITY - 1])(
    'APL 30: aged %i → the lenient tier (应当从轻或者减轻)',
    (age) => {
      const a = assess(FIXED, { ...PERSON, ageAtViolation: age });
      expect(a).toMatchObject({ outcome: 'penalty', tier: 'lenient' });
      expect(reasonFor(a, 'MINOR_AGE').rule).toBe('APL art. 30');
    },
  );

  it(`APL 30: aged ${AGE_OF_FULL_PENALTY_RESPONSIBILITY} → an adult, the normal tier`, () => {
    expect(assess(FIXED, { ...PERSON, ageAtViolation: AGE_OF_FULL_PENALTY_RESPONSIBILITY }).tier).toBe(
      'normal',
    );
  });

  it('APL 31: limited capacity → lenient (discretionary), 减轻 noted as lawful', () => {
    const a = assess(FIXED, { ...PERSON, mentalCapacity: 'limited' });
    expect(a.tier).toBe('lenient');
    expect(codes(a)).toEqual(['LIMITED_CAPACITY', 'TIER_RANGE', 'MITIGATION_PERMITTED']);
  });

  it('lighter list confirmed → lenient, echoing the list’s conditions', () => {
    const a = assess(LISTED, { listConditionsMet: ['lighter'] });
    expect(a.tier).toBe('lenient');
    expect(reasonFor(a, 'LIGHTER_LIST').detail).toContain('违法所得较少');
    expect(codes(a)).not.toContain('MITIGATION_PERMITTED');
  });

  it.each(AGGRAVATING_FACT_NAMES.map((f) => [f] as [AggravatingFact]))(
    'aggravating fact %s → the heavy tier',
    (fact) => {
      const a = assess(FIXED, { aggravating: [fact] });
      expect(a).toMatchObject({ outcome: 'penalty', tier: 'heavy', range: cny(35_000, 50_000) });
      const r = a.reasons[0];
      expect(r?.rule).toBe(fact === 'during_emergency' ? 'APL art. 49' : 'SAMR 国市监法规〔2022〕2号');
    },
  );

  it('statutory mitigation prevails over aggravating facts: lenient, not below the minimum', () => {
    const a = assess(LISTED, {
      mitigating: ['confessed'],
      aggravating: ['repeat_violation'],
      listConditionsMet: ['mitigated'],
    });
    expect(a).toMatchObject({ tier: 'lenient', range: cny(5_000, 15_000) });
    expect(codes(a)).toEqual([
      'CONFESSED',
      'AGGRAVATING',
      'STATUTORY_LENIENCY_PREVAILS',
      'TIER_RANGE',
      'NO_COMPULSORY_MEASURE_EXCLUDED',
    ]);
  });

  it('discretionary leniency yields to aggravating facts: heavy', () => {
    const a = assess(LISTED, {
      ...PERSON,
      mentalCapacity: 'limited',
      listConditionsMet: ['lighter', 'mitigated'],
      aggravating: ['destroyed_evidence'],
    });
    expect(a.tier).toBe('heavy');
    expect(reasonFor(a, 'DISCRETIONARY_LENIENCY_EXCLUDED').detail).toBe(
      'LIMITED_CAPACITY, LIGHTER_LIST, MITIGATED_LIST yield to the aggravating facts',
    );
  });

  it('a tier the benchmark lacks falls back to the statutory range, and says so', () => {
    const normalOnly: Benchmark = {
      ...FIXED,
      tiers: [{ tier: 'normal', min: 10_000, max: 30_000, conditions: [] }],
    };
    const a = assess(normalOnly, { aggravating: ['obstruction'] });
    expect(a).toMatchObject({ tier: 'heavy', range: cny(5_000, 50_000) });
    expect(codes(a)).toContain('TIER_NOT_IN_BENCHMARK');
  });

  it('repeated facts count once', () => {
    const a = assess(FIXED, { mitigating: ['coerced', 'coerced'], aggravating: [] });
    expect(codes(a).filter((c) => c === 'COERCED')).toHaveLength(1);
  });
});

describe('mitigated (减轻): below the statutory minimum', () => {
  it('a statutory ground and the mitigated list → from zero up to the statutory minimum', () => {
    const a = assess(LISTED, { mitigating: ['removed_harm'], listConditionsMet: ['mitigated'] });
    expect(a).toMatchObject({ outcome: 'penalty', tier: 'mitigated', range: cny(0, 5_000) });
    expect(codes(a)).toEqual([
      'REMOVED_HARM',
      'MITIGATED_LIST',
      'MITIGATED_RANGE',
      'NO_COMPULSORY_MEASURE_EXCLUDED',
    ]);
    expect(reasonFor(a, 'MITIGATED_RANGE').detail).toContain('below the statutory minimum of CNY 5,000');
    expect(reasonFor(a, 'MITIGATED_LIST').detail).toContain('积极配合调查并主动退赔');
  });

  it('the mitigated list alone, confirmed by the officer', () => {
    expect(assess(LISTED, { listConditionsMet: ['mitigated'] }).tier).toBe('mitigated');
  });

  it('for multiples: up to the statutory minimum multiple of the base', () => {
    const a = assess(GAINS, { illegalGains: 8_000, listConditionsMet: ['mitigated'] });
    expect(a).toMatchObject({ tier: 'mitigated', range: cny(0, 8_000) });
  });

  it('under the small-value rule: up to the fixed minimum', () => {
    const a = assess(FOOD_124, { goodsValue: 3_000, listConditionsMet: ['mitigated'] });
    expect(a).toMatchObject({ tier: 'mitigated', range: cny(0, 50_000) });
  });

  it('a benchmark not on the mitigated list: the officer cannot confirm its conditions', () => {
    const error = refusal(() => assess(FIXED, { listConditionsMet: ['mitigated'] }));
    expect(error).toMatchObject({ reason: 'NOT_ON_LIST', pointer: '/listConditionsMet' });
  });
});

describe('multiple-based fines', () => {
  it('illegal gains: tier multiples × the gains', () => {
    const a = assess(GAINS, { illegalGains: 10_000 });
    expect(a).toMatchObject({ tier: 'normal', range: cny(20_000, 40_000) });
    expect(reasonFor(a, 'MULTIPLE_OF_BASE').detail).toBe(
      '1–5 × the illegal gains (违法所得) of CNY 10,000 = CNY 10,000–CNY 50,000',
    );
    expect(reasonFor(a, 'TIER_RANGE').detail).toBe(
      'normal tier (一般): CNY 20,000–CNY 40,000 (2–4 × CNY 10,000)',
    );
  });

  it('rounds to the fen', () => {
    expect(assess(GAINS, { illegalGains: 0.1, aggravating: ['obstruction'] }).range).toEqual(cny(0.4, 0.5));
    expect(assess(GAINS, { illegalGains: 333.33 }).range).toEqual(cny(666.66, 1333.32));
  });

  it('the base is required: BASE_REQUIRED pointing at the missing amount', () => {
    expect(refusal(() => assess(GAINS, {}))).toMatchObject({
      reason: 'BASE_REQUIRED',
      pointer: '/illegalGains',
    });
    // The other base does not stand in for it.
    expect(refusal(() => assess(GAINS, { goodsValue: 5_000 })).reason).toBe('BASE_REQUIRED');
    expect(refusal(() => assess(FOOD_124, { illegalGains: 5_000 }))).toMatchObject({
      reason: 'BASE_REQUIRED',
      pointer: '/goodsValue',
    });
  });

  it('a fixed benchmark ignores the bases', () => {
    expect(assess(FIXED, { illegalGains: 1_000_000 }).range).toEqual(cny(15_000, 35_000));
  });

  it('goods value at the threshold: multiples (货值金额一万元以上 … 十倍以上二十倍以下)', () => {
    const a = assess(FOOD_124, { goodsValue: 10_000 });
    expect(a).toMatchObject({ tier: 'normal', range: cny(130_000, 170_000) });
    expect(codes(a)).toContain('MULTIPLE_OF_BASE');
    expect(codes(a)).not.toContain('SMALL_VALUE');
  });

  it('goods value just below the threshold: the fixed range, tiers in proportion (不足一万元 … 五万元以上十万元以下)', () => {
    const normal = assess(FOOD_124, { goodsValue: 9_999.99 });
    expect(normal).toMatchObject({ tier: 'normal', range: cny(65_000, 85_000) });
    expect(reasonFor(normal, 'SMALL_VALUE').detail).toContain('below CNY 10,000');
    expect(assess(FOOD_124, { goodsValue: 0, mitigating: ['coerced'] }).range).toEqual(cny(50_000, 65_000));
    expect(assess(FOOD_124, { goodsValue: 9_999.99, aggravating: ['obstruction'] }).range).toEqual(
      cny(85_000, 100_000),
    );
  });

  it('without a small-value rule a zero base gives a zero range', () => {
    expect(assess(GAINS, { illegalGains: 0 }).range).toEqual(cny(0, 0));
  });
});

describe('no compulsory measure (免予行政强制)', () => {
  it('on the list, harm at most minor, no aggravating fact → may be waived, on the list’s conditions', () => {
    const a = assess(LISTED, { harm: 'minor' });
    expect(a.noCompulsoryMeasure).toBe(true);
    const r = reasonFor(a, 'NO_COMPULSORY_MEASURE');
    expect(r.rule).toBe('ACL art. 16(2)');
    expect(r.detail).toContain('涉案物品不存在灭失风险');
  });

  it('reported with a no-penalty outcome too', () => {
    const a = assess(LISTED, { harm: 'none', promptlyCorrected: true, minorViolation: true });
    expect(a).toMatchObject({ outcome: 'no_penalty', noCompulsoryMeasure: true });
  });

  it('serious harm or an aggravating fact excludes the waiver', () => {
    const serious = assess(LISTED, { harm: 'serious' });
    expect(serious.noCompulsoryMeasure).toBe(false);
    expect(reasonFor(serious, 'NO_COMPULSORY_MEASURE_EXCLUDED').detail).toContain('more than minor');
    expect(assess(LISTED, { harm: 'minor', aggravating: ['obstruction'] }).noCompulsoryMeasure).toBe(false);
  });

  it('not on the list → false, with no reason about it', () => {
    const a = assess(FIXED, { harm: 'minor' });
    expect(a.noCompulsoryMeasure).toBe(false);
    expect(codes(a).some((c) => c.startsWith('NO_COMPULSORY'))).toBe(false);
  });
});

describe('inconsistent circumstances', () => {
  it.each<[string, Partial<AssessmentInput>, string]>([
    ['an organisation’s age', { ageAtViolation: 30 }, '/ageAtViolation'],
    ['an organisation’s mental capacity', { mentalCapacity: 'limited' }, '/mentalCapacity'],
    [
      'corrected yet refusing correction',
      { promptlyCorrected: true, aggravating: ['refused_correction'] },
      '/aggravating',
    ],
    [
      'grave consequences with minor harm',
      { harm: 'minor', aggravating: ['grave_consequences'] },
      '/aggravating',
    ],
  ])('refuses %s', (_name, input, pointer) => {
    expect(refusal(() => assess(FIXED, input))).toMatchObject({
      reason: 'INCONSISTENT_CIRCUMSTANCES',
      pointer,
    });
  });
});

describe('invariants over every combination of circumstances', () => {
  const combinations: Partial<AssessmentInput>[] = [];
  for (const harm of HARM_LEVELS)
    for (const firstViolation of [false, true])
      for (const promptlyCorrected of [false, true])
        for (const mitigating of [[], ['confessed']] as MitigatingFact[][])
          for (const aggravating of [[], ['obstruction']] as AggravatingFact[][])
            for (const age of [undefined, 13, 16, 40])
              for (const lists of [[], ['lighter'], ['mitigated'], ['no_penalty']] as const)
                combinations.push({
                  partyType: 'natural_person',
                  harm,
                  firstViolation,
                  promptlyCorrected,
                  mitigating,
                  aggravating,
                  ageAtViolation: age,
                  listConditionsMet: lists,
                  goodsValue: 12_345,
                });

  it(`holds for ${combinations.length} cases on every benchmark`, () => {
    for (const benchmark of [LISTED, { ...FOOD_124, ...listsOf(LISTED) }]) {
      for (const input of combinations) {
        const a = assess(benchmark, input);
        const where = JSON.stringify(input);
        expect({ where, explained: a.reasons.length > 0 }).toEqual({ where, explained: true });
        for (const r of a.reasons) expect(r.rule.startsWith(DISCRETION_RULES[r.code].citation)).toBe(true);
        if (a.outcome === 'no_penalty')
          expect({ where, tier: a.tier, range: a.range }).toEqual({ where, tier: null, range: null });
        else {
          expect(a.tier).not.toBeNull();
          expect(a.range?.min).toBeLessThanOrEqual(a.range?.max ?? -1);
        }
        if (a.tier === 'heavy') expect(input.aggravating).not.toEqual([]);
        if (a.tier === 'mitigated') expect(input.aggravating).toEqual([]);
      }
    }
  });
});

function listsOf(b: Benchmark): Partial<Benchmark> {
  const { noPenalty, lighter, mitigated, noCompulsoryMeasure } = b;
  return { noPenalty, lighter, mitigated, noCompulsoryMeasure };
}

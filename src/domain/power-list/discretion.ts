/**
 * Discretion assessment (行政处罚裁量): given a penalty item's discretion benchmark (裁量基准, APL art. 34)
 * and the circumstances of a case, whether a penalty may be imposed at all and, if so, the tier and the
 * fine range the benchmark sets, each step explained by a reason that cites its rule.
 *
 * The order follows the law:
 * 1. No penalty by law (不予处罚, mandatory): under 14 (APL 30), no capacity (APL 31), no fault (APL 33(2)),
 *    minor violation promptly corrected without harm (APL 33(1), first sentence).
 * 2. No penalty possible (可以不予处罚, the officer decides): first violation with minor harm, promptly
 *    corrected (首违不罚, APL 33(1), second sentence), only where the benchmark is on the no-penalty list;
 *    or the officer finds the list's own conditions met.
 * 3. Otherwise the tier: statutory mitigation (应当从轻或者减轻: aged 14–18, APL 32 grounds) prevails over
 *    aggravating facts; discretionary leniency (APL 31 limited capacity, the lighter and mitigated lists)
 *    yields to them; aggravating facts alone give the heavy tier; nothing special, the normal tier.
 * 4. The range: fixed CNY amounts, or multiples of illegal gains / goods value (the base must be given),
 *    replaced by the benchmark's fixed small-value range when the base is below its threshold.
 *
 * Mitigation (减轻) means below the statutory minimum. The assessment settles on it only when the officer
 * finds the conditions of the benchmark's mitigated list (减轻处罚清单) met and no aggravating fact exists;
 * a statutory ground alone gives the lenient tier, with a reason saying that 减轻 is lawful too. The
 * mitigated range runs from zero (exclusive: a zero fine is no penalty) up to the statutory minimum; a
 * benchmark states no mitigated floor of its own, so zero is the floor.
 *
 * Pure: no I/O, no clock. The case decision module attaches the Assessment and asks for a recorded reason
 * when the decided fine falls outside `range`.
 */

// ---------------------------------------------------------------------------------------------------
// The law as named constants

/** APL art. 30: 不满十四周岁的未成年人有违法行为的，不予行政处罚. */
export const AGE_OF_PENALTY_RESPONSIBILITY = 14;
/** APL art. 30: 已满十四周岁不满十八周岁的未成年人有违法行为的，应当从轻或者减轻行政处罚. */
export const AGE_OF_FULL_PENALTY_RESPONSIBILITY = 18;
/** RULES.md §8 (首违不罚): no violation of the same type within this many years before. */
export const FIRST_VIOLATION_WINDOW_YEARS = 2;
/** Fines are computed to the fen (分). */
const FEN_PER_YUAN = 100;

/**
 * Sources cited besides the statutes in laws.ts: the SAMR guidance on discretion names the aggravating
 * circumstances (从重情形) that benchmarks implement in their heavy tier.
 */
export const SAMR_DISCRETION_GUIDANCE = 'SAMR 国市监法规〔2022〕2号';

/** Every rule an assessment may cite: its citation and what it says. Stable codes; clients branch on them. */
export const DISCRETION_RULES = {
  NO_PENALTY_UNDER_AGE: {
    citation: 'APL art. 30',
    description: `Under ${AGE_OF_PENALTY_RESPONSIBILITY} at the violation: no penalty (不予行政处罚); the guardian is ordered to discipline them`,
  },
  NO_PENALTY_NO_CAPACITY: {
    citation: 'APL art. 31',
    description:
      'Mentally ill or intellectually disabled, unable to recognise or control the conduct at the time: no penalty',
  },
  NO_PENALTY_NO_FAULT: {
    citation: 'APL art. 33(2)',
    description: 'Evidence sufficient to prove no subjective fault (没有主观过错): no penalty',
  },
  NO_PENALTY_MINOR_CORRECTED: {
    citation: 'APL art. 33(1)',
    description: '违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚',
  },
  NO_PENALTY_EXCLUDED: {
    citation: 'APL art. 33(1)',
    description:
      'No harm and promptly corrected, but aggravating facts mean the violation is not minor (轻微)',
  },
  NO_PENALTY_EDUCATION: {
    citation: 'APL art. 33(3)',
    description: 'Where no penalty is imposed, the party is educated (应当对当事人进行教育)',
  },
  FIRST_VIOLATION: {
    citation: 'APL art. 33(1)',
    description: '初次违法且危害后果轻微并及时改正的，可以不予行政处罚 (首违不罚): the officer decides',
  },
  FIRST_VIOLATION_NOT_LISTED: {
    citation: 'APL art. 33(1)',
    description: 'First-violation facts hold, but the benchmark is not on the no-penalty list (不予处罚清单)',
  },
  FIRST_VIOLATION_CONDITIONS_UNMET: {
    citation: 'APL art. 33(1)',
    description: 'A first violation, but not every condition of 首违不罚 holds',
  },
  FIRST_VIOLATION_EXCLUDED: {
    citation: 'APL art. 33(1)',
    description:
      'First-violation facts hold, but aggravating facts mean the harm is not minor (危害后果轻微)',
  },
  NO_PENALTY_LIST: {
    citation: 'APL art. 33(1), art. 34',
    description:
      'The officer finds the conditions of the benchmark’s no-penalty list met: no penalty may be imposed',
  },
  NO_PENALTY_LIST_EXCLUDED: {
    citation: 'APL art. 33(1), art. 34',
    description: 'The no-penalty list’s conditions are said to be met, but aggravating facts exclude it',
  },
  MINOR_AGE: {
    citation: 'APL art. 30',
    description: `Aged ${AGE_OF_PENALTY_RESPONSIBILITY}–${AGE_OF_FULL_PENALTY_RESPONSIBILITY - 1} at the violation: 应当从轻或者减轻`,
  },
  LIMITED_CAPACITY: {
    citation: 'APL art. 31',
    description: '尚未完全丧失辨认或者控制自己行为能力: 可以从轻或者减轻 (discretionary)',
  },
  REMOVED_HARM: {
    citation: 'APL art. 32(1)',
    description: '主动消除或者减轻违法行为危害后果: 应当从轻或者减轻',
  },
  COERCED: { citation: 'APL art. 32(2)', description: '受他人胁迫或者诱骗实施违法行为: 应当从轻或者减轻' },
  CONFESSED: {
    citation: 'APL art. 32(3)',
    description: '主动供述行政机关尚未掌握的违法行为: 应当从轻或者减轻',
  },
  MERITORIOUS: {
    citation: 'APL art. 32(4)',
    description: '配合行政机关查处违法行为有立功表现: 应当从轻或者减轻',
  },
  OTHER_STATUTORY_MITIGATION: {
    citation: 'APL art. 32(5)',
    description: '法律、法规、规章规定其他应当从轻或者减轻行政处罚的: 应当从轻或者减轻',
  },
  LIGHTER_LIST: {
    citation: 'APL art. 34',
    description: 'The officer finds the conditions of the benchmark’s lighter list (从轻处罚清单) met',
  },
  MITIGATED_LIST: {
    citation: 'APL art. 34',
    description: 'The officer finds the conditions of the benchmark’s mitigated list (减轻处罚清单) met',
  },
  MITIGATION_PERMITTED: {
    citation: 'APL art. 30–32',
    description:
      'The statute also allows 减轻 below the statutory minimum; the benchmark does not list it, so a mitigated fine needs a recorded reason',
  },
  STATUTORY_LENIENCY_PREVAILS: {
    citation: 'APL art. 30, art. 32',
    description:
      'Statutory mitigation (应当从轻或者减轻) prevails over aggravating facts: the lenient tier, not below the minimum',
  },
  DISCRETIONARY_LENIENCY_EXCLUDED: {
    citation: 'APL art. 34',
    description: 'Discretionary leniency yields to aggravating facts',
  },
  AGGRAVATING: {
    citation: SAMR_DISCRETION_GUIDANCE,
    description: 'An aggravating circumstance (从重情节): the heavy tier',
  },
  AGGRAVATING_EMERGENCY: {
    citation: 'APL art. 49',
    description: '突发事件期间违反突发事件应对措施的，依法快速、从重处罚',
  },
  NORMAL_TIER: {
    citation: 'APL art. 34',
    description: 'No mitigating ground and no aggravating fact: the normal tier (一般)',
  },
  TIER_RANGE: { citation: 'APL art. 34', description: 'The benchmark’s range for the tier' },
  TIER_NOT_IN_BENCHMARK: {
    citation: 'APL art. 34',
    description: 'The benchmark does not define this tier: the statutory range applies',
  },
  MITIGATED_RANGE: {
    citation: 'APL art. 30–32',
    description: '减轻: above zero and below the statutory minimum (法定最低限以下)',
  },
  MULTIPLE_OF_BASE: {
    citation: 'APL art. 34',
    description: 'The fine is a multiple of the illegal gains (违法所得) or the goods value (货值金额)',
  },
  SMALL_VALUE: {
    citation: 'APL art. 34',
    description: 'The base is below the threshold: the fixed small-value range applies instead of multiples',
  },
  NO_COMPULSORY_MEASURE: {
    citation: 'ACL art. 16(2)',
    description:
      '违法行为情节显著轻微或者没有明显社会危害的，可以不采取行政强制措施 (免予行政强制清单), on the list’s conditions',
  },
  NO_COMPULSORY_MEASURE_EXCLUDED: {
    citation: 'ACL art. 16(2)',
    description:
      'On the no-compulsory-measure list, but serious harm or aggravating facts exclude the waiver',
  },
} as const satisfies Record<string, { citation: string; description: string }>;

export type ReasonCode = keyof typeof DISCRETION_RULES;

// ---------------------------------------------------------------------------------------------------
// Facts

export const PARTY_TYPES = ['natural_person', 'organisation'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];

/** The harm caused (危害后果): none, minor (轻微), or more than minor. */
export const HARM_LEVELS = ['none', 'minor', 'serious'] as const;
export type Harm = (typeof HARM_LEVELS)[number];

/** APL art. 31: a natural person's capacity to recognise or control the conduct at the violation. */
export const MENTAL_CAPACITIES = ['full', 'limited', 'none'] as const;
export type MentalCapacity = (typeof MENTAL_CAPACITIES)[number];

/** The statutory mitigating grounds of APL art. 32 (应当从轻或者减轻) and the rule each cites. */
export const MITIGATING_FACTS = {
  removed_harm: 'REMOVED_HARM',
  coerced: 'COERCED',
  confessed: 'CONFESSED',
  meritorious: 'MERITORIOUS',
  other_statutory: 'OTHER_STATUTORY_MITIGATION',
} as const satisfies Record<string, ReasonCode>;
export type MitigatingFact = keyof typeof MITIGATING_FACTS;
export const MITIGATING_FACT_NAMES = Object.keys(MITIGATING_FACTS) as MitigatingFact[];

/** Aggravating circumstances (从重情节), after the SAMR guidance; emergencies after APL art. 49. */
export const AGGRAVATING_FACTS = {
  repeat_violation: '再次实施同一性质的违法行为 (屡查屡犯)',
  grave_consequences: '造成人身伤亡、重大财产损失等严重危害后果',
  harmed_vulnerable: '侵害未成年人、老年人、残疾人、孕妇等群体的合法权益',
  refused_correction: '责令改正拒不改正',
  obstruction: '妨碍、阻挠或者抗拒执法人员依法调查处理',
  destroyed_evidence: '伪造、隐匿、毁灭证据',
  retaliation: '对举报人、投诉人、证人打击报复',
  instigated_others: '教唆、胁迫、诱骗他人实施违法行为',
  during_emergency: '突发事件期间违反突发事件应对措施',
} as const;
export type AggravatingFact = keyof typeof AGGRAVATING_FACTS;
export const AGGRAVATING_FACT_NAMES = Object.keys(AGGRAVATING_FACTS) as AggravatingFact[];

/** Lists whose free-text conditions only the officer can judge, so the officer states they are met. */
export const CONFIRMABLE_LISTS = {
  no_penalty: '不予处罚清单',
  lighter: '从轻处罚清单',
  mitigated: '减轻处罚清单',
} as const;
export type ConfirmableList = keyof typeof CONFIRMABLE_LISTS;
export const CONFIRMABLE_LIST_NAMES = Object.keys(CONFIRMABLE_LISTS) as ConfirmableList[];

export interface AssessmentInput {
  partyType: PartyType;
  /** No violation of the same type within FIRST_VIOLATION_WINDOW_YEARS (初次违法). */
  firstViolation: boolean;
  harm: Harm;
  promptlyCorrected: boolean;
  /**
   * The officer finds the violation minor (违法行为轻微), APL art. 33(1) sentence 1. A finding, not an
   * inference: absence of harm alone does not make a large-scale violation minor. Default false.
   */
  minorViolation?: boolean;
  /** Evidence sufficient to prove no subjective fault (APL art. 33(2)). */
  noFault?: boolean;
  /** 违法所得, CNY: the base of an illegal_gains_multiple benchmark. */
  illegalGains?: number;
  /** 货值金额, CNY: the base of a goods_value_multiple benchmark. */
  goodsValue?: number;
  /** Natural persons: full years of age (周岁) at the violation. */
  ageAtViolation?: number;
  /** Natural persons: capacity at the violation (APL art. 31); default full. */
  mentalCapacity?: MentalCapacity;
  mitigating: readonly MitigatingFact[];
  aggravating: readonly AggravatingFact[];
  /** Lists of the benchmark whose conditions the officer finds met. */
  listConditionsMet?: readonly ConfirmableList[];
}

// ---------------------------------------------------------------------------------------------------
// The benchmark (structurally a DiscretionBenchmark of power-item.schemas.ts)

export type TierName = 'lenient' | 'normal' | 'heavy';
export const TIER_NAMES: Record<TierName | 'mitigated', string> = {
  lenient: '从轻',
  normal: '一般',
  heavy: '从重',
  mitigated: '减轻',
};

interface Range {
  min: number;
  max: number;
}
interface ListMembership {
  conditions: readonly string[];
}

export interface Benchmark {
  id: string;
  violation: string;
  basis: 'fixed' | 'illegal_gains_multiple' | 'goods_value_multiple';
  legalRange: Range;
  tiers: readonly (Range & { tier: TierName; conditions: readonly string[] })[];
  smallValue?: Range & { below: number };
  noPenalty?: ListMembership;
  lighter?: ListMembership;
  mitigated?: ListMembership;
  noCompulsoryMeasure?: ListMembership;
}

// ---------------------------------------------------------------------------------------------------
// The result

export type Outcome = 'no_penalty' | 'no_penalty_possible' | 'penalty';
export type AssessedTier = TierName | 'mitigated';

export interface FineRange {
  min: number;
  max: number;
  currency: 'CNY';
  /** True for a mitigated range: strictly above min and strictly below max (减轻 is below the minimum). */
  exclusive?: boolean;
}

export interface Reason {
  code: ReasonCode;
  /** The citation, e.g. `APL art. 33(1)`. */
  rule: string;
  /** How the rule applies to these circumstances. */
  detail: string;
}

export interface Assessment {
  benchmarkId: string;
  outcome: Outcome;
  /** Null when no penalty may be imposed by law; for `no_penalty_possible`, the tier should the officer penalise. */
  tier: AssessedTier | null;
  range: FineRange | null;
  /** Whether compulsory measures may be waived (免予行政强制). */
  noCompulsoryMeasure: boolean;
  reasons: Reason[];
}

/** Why circumstances cannot be assessed. Stable codes; the route answers 422 with them. */
export const ASSESSMENT_REFUSALS = {
  BASE_REQUIRED: 'The fine is a multiple of illegal gains or goods value, which the circumstances must give',
  INCONSISTENT_CIRCUMSTANCES: 'The circumstances contradict each other',
  NOT_ON_LIST: 'The benchmark is not on that list, so its conditions cannot be met',
} as const;
export type AssessmentRefusal = keyof typeof ASSESSMENT_REFUSALS;

export class AssessmentError extends Error {
  constructor(
    readonly reason: AssessmentRefusal,
    message: string,
    /** JSON pointer into the input's circumstances, e.g. `/illegalGains`. */
    readonly pointer?: string,
  ) {
    super(message);
    this.name = 'AssessmentError';
  }
}

export interface AssessmentContext {
  /** The item's legal basis as cited, e.g. `中华人民共和国食品安全法 第一百二十四条`; cited for the ranges. */
  legalBasis?: string;
}

// ---------------------------------------------------------------------------------------------------
// The assessment

export function assessPenalty(
  benchmark: Benchmark,
  input: AssessmentInput,
  context: AssessmentContext = {},
): Assessment {
  checkConsistency(benchmark, input);
  const facts = {
    ...input,
    mitigating: [...new Set(input.mitigating)],
    aggravating: [...new Set(input.aggravating)],
    confirmed: new Set(input.listConditionsMet ?? []),
  };
  const compulsory = compulsoryMeasureWaiver(benchmark, facts);

  const exemptions = mandatoryExemptions(facts);
  if (exemptions.length > 0) {
    return {
      benchmarkId: benchmark.id,
      outcome: 'no_penalty',
      tier: null,
      range: null,
      noCompulsoryMeasure: compulsory.waived,
      reasons: [
        ...exemptions,
        education('Educate the party (批评教育) and record it'),
        ...compulsory.reasons,
      ],
    };
  }

  const noPenalty = discretionaryExemption(benchmark, facts);
  const tier = chooseTier(benchmark, facts);
  const fine = fineRange(benchmark, facts, tier.tier, tier.mitigationPermitted, context);
  return {
    benchmarkId: benchmark.id,
    outcome: noPenalty.possible ? 'no_penalty_possible' : 'penalty',
    tier: tier.tier,
    range: fine.range,
    noCompulsoryMeasure: compulsory.waived,
    reasons: [
      ...noPenalty.reasons,
      ...(noPenalty.possible
        ? [education('If no penalty is imposed, educate the party (批评教育) and record it')]
        : []),
      ...tier.reasons,
      ...fine.reasons,
      ...compulsory.reasons,
    ],
  };
}

type Facts = Omit<AssessmentInput, 'mitigating' | 'aggravating'> & {
  mitigating: MitigatingFact[];
  aggravating: AggravatingFact[];
  confirmed: Set<ConfirmableList>;
};

function reason(code: ReasonCode, detail: string): Reason {
  return { code, rule: DISCRETION_RULES[code].citation, detail };
}

function checkConsistency(benchmark: Benchmark, input: AssessmentInput): void {
  const inconsistent = (pointer: string, message: string) =>
    new AssessmentError('INCONSISTENT_CIRCUMSTANCES', message, pointer);
  if (input.partyType === 'organisation' && input.ageAtViolation !== undefined)
    throw inconsistent('/ageAtViolation', 'Age applies to natural persons only (APL art. 30)');
  if (input.partyType === 'organisation' && input.mentalCapacity !== undefined)
    throw inconsistent('/mentalCapacity', 'Mental capacity applies to natural persons only (APL art. 31)');
  if (input.promptlyCorrected && input.aggravating.includes('refused_correction'))
    throw inconsistent('/aggravating', 'refused_correction contradicts promptlyCorrected');
  if (input.harm !== 'serious' && input.aggravating.includes('grave_consequences'))
    throw inconsistent('/aggravating', `grave_consequences contradicts harm "${input.harm}"`);
  for (const list of input.listConditionsMet ?? []) {
    const membership = {
      no_penalty: benchmark.noPenalty,
      lighter: benchmark.lighter,
      mitigated: benchmark.mitigated,
    }[list];
    if (!membership)
      throw new AssessmentError(
        'NOT_ON_LIST',
        `Benchmark ${benchmark.id} is not on the ${list} list (${CONFIRMABLE_LISTS[list]})`,
        '/listConditionsMet',
      );
  }
}

/** APL arts. 30, 31, 33: when the law forbids a penalty. */
function mandatoryExemptions(facts: Facts): Reason[] {
  const reasons: Reason[] = [];
  if (facts.ageAtViolation !== undefined && facts.ageAtViolation < AGE_OF_PENALTY_RESPONSIBILITY)
    reasons.push(
      reason(
        'NO_PENALTY_UNDER_AGE',
        `Aged ${facts.ageAtViolation} at the violation, under ${AGE_OF_PENALTY_RESPONSIBILITY}: no penalty; ` +
          'order the guardian to discipline them (责令监护人加以管教)',
      ),
    );
  if (facts.mentalCapacity === 'none')
    reasons.push(
      reason(
        'NO_PENALTY_NO_CAPACITY',
        'Unable to recognise or control the conduct at the violation: no penalty; order the guardian to keep ' +
          'them under care and treatment (责令监护人严加看管和治疗)',
      ),
    );
  if (facts.noFault)
    reasons.push(
      reason(
        'NO_PENALTY_NO_FAULT',
        'The party proved no subjective fault: no penalty, unless a law or administrative regulation ' +
          'provides otherwise for this violation (法律、行政法规另有规定的，从其规定)',
      ),
    );
  // The officer's finding that the violation is minor is required; aggravating facts rule it out
  // (discretionaryExemption says so).
  if (
    facts.minorViolation &&
    facts.harm === 'none' &&
    facts.promptlyCorrected &&
    facts.aggravating.length === 0
  )
    reasons.push(
      reason(
        'NO_PENALTY_MINOR_CORRECTED',
        'A minor violation (违法行为轻微, as found by the officer), no harm resulted and it was promptly ' +
          'corrected, with no aggravating fact: no penalty',
      ),
    );
  return reasons;
}

/** APL art. 33(1), second sentence (首违不罚), and the no-penalty list: the officer may decide on no penalty. */
function discretionaryExemption(
  benchmark: Benchmark,
  facts: Facts,
): { possible: boolean; reasons: Reason[] } {
  const reasons: Reason[] = [];
  if (facts.harm === 'none' && facts.promptlyCorrected && facts.aggravating.length > 0)
    reasons.push(
      reason(
        'NO_PENALTY_EXCLUDED',
        `No harm and promptly corrected, but ${listFacts(facts.aggravating)}: not a minor violation`,
      ),
    );
  let possible = false;
  const conditions = benchmark.noPenalty
    ? `; the list’s conditions: ${benchmark.noPenalty.conditions.join('；')}`
    : '';

  if (facts.firstViolation) {
    const unmet = [
      ...(facts.harm === 'serious' ? ['the harm is more than minor'] : []),
      ...(facts.promptlyCorrected ? [] : ['not promptly corrected']),
    ];
    if (unmet.length > 0)
      reasons.push(reason('FIRST_VIOLATION_CONDITIONS_UNMET', `First violation, but ${unmet.join(' and ')}`));
    else if (facts.aggravating.length > 0)
      reasons.push(
        reason(
          'FIRST_VIOLATION_EXCLUDED',
          `First violation, harm at most minor, corrected, but ${listFacts(facts.aggravating)}`,
        ),
      );
    else if (!benchmark.noPenalty)
      reasons.push(
        reason(
          'FIRST_VIOLATION_NOT_LISTED',
          `First violation, harm at most minor, corrected, but benchmark ${benchmark.id} is not on the no-penalty ` +
            'list (首违不罚清单): a penalty applies',
        ),
      );
    else {
      possible = true;
      reasons.push(
        reason(
          'FIRST_VIOLATION',
          `No same-type violation within ${FIRST_VIOLATION_WINDOW_YEARS} years, minor harm, promptly corrected, ` +
            `and benchmark ${benchmark.id} is on the no-penalty list: the officer may decide on no penalty${conditions}`,
        ),
      );
    }
  }

  if (facts.confirmed.has('no_penalty')) {
    if (facts.aggravating.length > 0)
      reasons.push(
        reason(
          'NO_PENALTY_LIST_EXCLUDED',
          `The list’s conditions are said to be met, but ${listFacts(facts.aggravating)}`,
        ),
      );
    else if (!possible) {
      possible = true;
      reasons.push(
        reason('NO_PENALTY_LIST', `The officer finds the no-penalty list’s conditions met${conditions}`),
      );
    }
  }
  return { possible, reasons };
}

function education(detail: string): Reason {
  return reason('NO_PENALTY_EDUCATION', detail);
}

interface TierChoice {
  tier: AssessedTier;
  /** A ground of APL arts. 30–32 allows 减轻 though the assessment settles on 从轻. */
  mitigationPermitted: boolean;
  reasons: Reason[];
}

/** The tier: statutory mitigation, then aggravating facts, then discretionary leniency, else normal. */
function chooseTier(benchmark: Benchmark, facts: Facts): TierChoice {
  const statutory: Reason[] = [];
  if (
    facts.ageAtViolation !== undefined &&
    facts.ageAtViolation >= AGE_OF_PENALTY_RESPONSIBILITY &&
    facts.ageAtViolation < AGE_OF_FULL_PENALTY_RESPONSIBILITY
  )
    statutory.push(reason('MINOR_AGE', `Aged ${facts.ageAtViolation} at the violation: 应当从轻或者减轻`));
  for (const fact of facts.mitigating) {
    const code = MITIGATING_FACTS[fact];
    statutory.push(reason(code, DISCRETION_RULES[code].description));
  }

  const discretionary: Reason[] = [];
  if (facts.mentalCapacity === 'limited')
    discretionary.push(reason('LIMITED_CAPACITY', 'Limited capacity at the violation: 可以从轻或者减轻'));
  if (facts.confirmed.has('lighter') && benchmark.lighter)
    discretionary.push(
      reason(
        'LIGHTER_LIST',
        `The lighter list’s conditions are met: ${benchmark.lighter.conditions.join('；')}`,
      ),
    );
  const mitigatedList =
    facts.confirmed.has('mitigated') && benchmark.mitigated
      ? reason(
          'MITIGATED_LIST',
          `The mitigated list’s conditions are met: ${benchmark.mitigated.conditions.join('；')}`,
        )
      : undefined;

  const aggravating = facts.aggravating.map((fact) =>
    reason(
      fact === 'during_emergency' ? 'AGGRAVATING_EMERGENCY' : 'AGGRAVATING',
      `${fact}: ${AGGRAVATING_FACTS[fact]}`,
    ),
  );
  const excluded = [...discretionary, ...(mitigatedList ? [mitigatedList] : [])];

  if (statutory.length > 0 && aggravating.length > 0)
    return {
      tier: 'lenient',
      mitigationPermitted: false,
      reasons: [
        ...statutory,
        ...aggravating,
        reason(
          'STATUTORY_LENIENCY_PREVAILS',
          'The statute makes 从轻或者减轻 mandatory; the aggravating facts are weighed within the lenient tier and ' +
            'bar a fine below the statutory minimum',
        ),
      ],
    };
  if (aggravating.length > 0)
    return {
      tier: 'heavy',
      mitigationPermitted: false,
      reasons: [
        ...aggravating,
        ...(excluded.length > 0
          ? [
              reason(
                'DISCRETIONARY_LENIENCY_EXCLUDED',
                `${excluded.map((r) => r.code).join(', ')} yield to the aggravating facts`,
              ),
            ]
          : []),
      ],
    };
  if (mitigatedList)
    return {
      tier: 'mitigated',
      mitigationPermitted: true,
      reasons: [...statutory, ...discretionary, mitigatedList],
    };
  if (statutory.length > 0 || discretionary.length > 0)
    return {
      tier: 'lenient',
      mitigationPermitted: statutory.length > 0 || facts.mentalCapacity === 'limited',
      reasons: [...statutory, ...discretionary],
    };
  return {
    tier: 'normal',
    mitigationPermitted: false,
    reasons: [reason('NORMAL_TIER', 'No mitigating ground, no list applies and no aggravating fact')],
  };
}

/** The base of a multiple-based fine (null for fixed amounts); refuses a missing one. */
function baseOf(benchmark: Benchmark, facts: Facts): { base: number; label: string } | null {
  if (benchmark.basis === 'fixed') return null;
  const [field, label] =
    benchmark.basis === 'illegal_gains_multiple'
      ? (['illegalGains', 'illegal gains (违法所得)'] as const)
      : (['goodsValue', 'goods value (货值金额)'] as const);
  const base = facts[field];
  if (base === undefined)
    throw new AssessmentError(
      'BASE_REQUIRED',
      `Benchmark ${benchmark.id} sets the fine as multiples of the ${label}: give circumstances.${field}`,
      `/${field}`,
    );
  return { base, label };
}

function fineRange(
  benchmark: Benchmark,
  facts: Facts,
  tier: AssessedTier,
  mitigationPermitted: boolean,
  context: AssessmentContext,
): { range: FineRange; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const legal = benchmark.legalRange;
  const base = baseOf(benchmark, facts);
  const cite = (code: ReasonCode, detail: string): Reason => ({
    ...reason(code, detail),
    rule: `${DISCRETION_RULES[code].citation} (benchmark ${benchmark.id}${context.legalBasis ? `; ${context.legalBasis}` : ''})`,
  });

  // Maps an amount of the benchmark (CNY or a multiple) to CNY.
  let toCny: (amount: number) => number = (amount) => amount;
  // How a tier's own figures read next to the CNY range: multiples only when they were multiplied.
  let figures = (_range: Range) => '';
  if (base && benchmark.smallValue && base.base < benchmark.smallValue.below) {
    const small = benchmark.smallValue;
    const span = legal.max - legal.min;
    // The tiers split the multiples; the same proportions split the fixed range.
    toCny = (amount) =>
      span === 0 ? small.min : small.min + ((amount - legal.min) / span) * (small.max - small.min);
    reasons.push(
      cite(
        'SMALL_VALUE',
        `The ${base.label} of ${cny(base.base)} is below ${cny(small.below)}: the fixed range ${cny(small.min)}–` +
          `${cny(small.max)} applies instead of ${legal.min}–${legal.max} ×; the tiers keep their proportions`,
      ),
    );
  } else if (base) {
    toCny = (amount) => amount * base.base;
    figures = (r) => ` (${r.min}–${r.max} × ${cny(base.base)})`;
    reasons.push(
      cite(
        'MULTIPLE_OF_BASE',
        `${legal.min}–${legal.max} × the ${base.label} of ${cny(base.base)} = ` +
          `${cny(toCny(legal.min))}–${cny(toCny(legal.max))}${
            benchmark.smallValue
              ? ` (not below the small-value threshold ${cny(benchmark.smallValue.below)})`
              : ''
          }`,
      ),
    );
  }
  const statutoryMinimum = roundFen(toCny(legal.min));

  if (tier === 'mitigated') {
    reasons.push(
      cite(
        'MITIGATED_RANGE',
        statutoryMinimum > 0
          ? `Above zero (a zero fine is no penalty) and below the statutory minimum of ${cny(statutoryMinimum)}`
          : 'The statutory minimum is zero: no fine lies below it, so mitigation means a lighter kind of penalty ' +
              '(e.g. a warning) rather than a smaller fine',
      ),
    );
    return { range: { min: 0, max: statutoryMinimum, currency: 'CNY', exclusive: true }, reasons };
  }

  const defined = benchmark.tiers.find((t) => t.tier === tier);
  const source = defined ?? legal;
  const range: FineRange = {
    min: roundFen(toCny(source.min)),
    max: roundFen(toCny(source.max)),
    currency: 'CNY',
  };
  const amounts = figures(source);
  if (defined)
    reasons.push(
      cite(
        'TIER_RANGE',
        `${tier} tier (${TIER_NAMES[tier]}): ${cny(range.min)}–${cny(range.max)}${amounts}` +
          (defined.conditions.length > 0 ? `; its conditions: ${defined.conditions.join('；')}` : ''),
      ),
    );
  else
    reasons.push(
      cite(
        'TIER_NOT_IN_BENCHMARK',
        `No ${tier} tier (${TIER_NAMES[tier]}) in the benchmark: the statutory range ${cny(range.min)}–` +
          `${cny(range.max)}${amounts}`,
      ),
    );
  if (mitigationPermitted)
    reasons.push(
      reason(
        'MITIGATION_PERMITTED',
        `A fine above zero and below ${cny(statutoryMinimum)} (减轻) is also lawful on this ground, but ${
          benchmark.mitigated
            ? 'the mitigated list’s conditions are not confirmed'
            : 'the benchmark does not list this violation for mitigation'
        }: record the reason for one`,
      ),
    );
  return { range, reasons };
}

/** ACL art. 16(2) and the benchmark's no-compulsory-measure list (免予行政强制清单). */
function compulsoryMeasureWaiver(benchmark: Benchmark, facts: Facts): { waived: boolean; reasons: Reason[] } {
  const list = benchmark.noCompulsoryMeasure;
  if (!list) return { waived: false, reasons: [] };
  const obstacles = [
    ...(facts.harm === 'serious' ? ['the harm is more than minor'] : []),
    ...(facts.aggravating.length > 0 ? [listFacts(facts.aggravating)] : []),
  ];
  if (obstacles.length > 0)
    return {
      waived: false,
      reasons: [reason('NO_COMPULSORY_MEASURE_EXCLUDED', `On the list, but ${obstacles.join(' and ')}`)],
    };
  return {
    waived: true,
    reasons: [
      reason(
        'NO_COMPULSORY_MEASURE',
        `Compulsory measures may be waived if the list’s conditions hold: ${list.conditions.join('；')}`,
      ),
    ],
  };
}

function listFacts(facts: readonly AggravatingFact[]): string {
  return `aggravating: ${facts.map((f) => `${f} (${AGGRAVATING_FACTS[f]})`).join(', ')}`;
}

function roundFen(amount: number): number {
  return Math.round(amount * FEN_PER_YUAN) / FEN_PER_YUAN;
}

function cny(amount: number): string {
  return `CNY ${roundFen(amount).toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
}

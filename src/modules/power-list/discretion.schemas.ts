import { type Static, Type } from 'typebox';
import {
  AGE_OF_FULL_PENALTY_RESPONSIBILITY,
  AGE_OF_PENALTY_RESPONSIBILITY,
  AGGRAVATING_FACT_NAMES,
  AGGRAVATING_FACTS,
  CONFIRMABLE_LIST_NAMES,
  CONFIRMABLE_LISTS,
  DISCRETION_RULES,
  FIRST_VIOLATION_WINDOW_YEARS,
  HARM_LEVELS,
  MENTAL_CAPACITIES,
  MITIGATING_FACT_NAMES,
  MITIGATING_FACTS,
  PARTY_TYPES,
  type ReasonCode,
} from '../../domain/power-list/discretion';
import { IsoDate, StrictObject, Uuid } from '../../http/schemas';

/** Up to a trillion yuan: more than any goods value or illegal gains a bureau will see. */
const Cny = (description: string) => Type.Number({ minimum: 0, maximum: 1e12, description });
const described = (entries: Record<string, string>) =>
  Object.entries(entries)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');

export const CircumstancesSchema = StrictObject(
  {
    firstViolation: Type.Boolean({
      description: `初次违法: no violation of the same type within ${FIRST_VIOLATION_WINDOW_YEARS} years before`,
    }),
    harm: Type.Enum([...HARM_LEVELS], {
      description:
        'Harm caused (危害后果): none 没有造成危害后果, minor 危害后果轻微, serious more than minor',
    }),
    promptlyCorrected: Type.Boolean({ description: 'Promptly corrected (及时改正)' }),
    minorViolation: Type.Optional(
      Type.Boolean({
        default: false,
        description:
          'The officer finds the violation minor (违法行为轻微), APL art. 33(1): required, with no harm and prompt ' +
          'correction, for the mandatory no penalty. Absence of harm alone is not enough.',
      }),
    ),
    noFault: Type.Optional(
      Type.Boolean({
        description:
          'The party has evidence sufficient to prove no subjective fault (没有主观过错), APL art. 33(2)',
      }),
    ),
    illegalGains: Type.Optional(
      Cny('Illegal gains (违法所得), CNY; required when the benchmark fines multiples of them'),
    ),
    goodsValue: Type.Optional(
      Cny('Goods value (货值金额), CNY; required when the benchmark fines multiples of it'),
    ),
    ageAtViolation: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 150,
        description:
          `Natural persons: full years of age (周岁) at the violation; under ${AGE_OF_PENALTY_RESPONSIBILITY} no ` +
          `penalty, under ${AGE_OF_FULL_PENALTY_RESPONSIBILITY} 从轻或者减轻 (APL art. 30)`,
      }),
    ),
    mentalCapacity: Type.Optional(
      Type.Enum([...MENTAL_CAPACITIES], {
        description:
          'Natural persons, APL art. 31: full (default); limited 尚未完全丧失辨认或者控制能力 (可以从轻或者减轻); ' +
          'none 不能辨认或者不能控制 (不予处罚)',
      }),
    ),
    mitigating: Type.Array(Type.Enum(MITIGATING_FACT_NAMES), {
      uniqueItems: true,
      default: [],
      description: `Statutory mitigating grounds (应当从轻或者减轻): ${described(
        Object.fromEntries(
          Object.entries(MITIGATING_FACTS).map(([fact, code]) => [
            fact,
            `${DISCRETION_RULES[code].citation} ${DISCRETION_RULES[code].description}`,
          ]),
        ),
      )}`,
    }),
    aggravating: Type.Array(Type.Enum(AGGRAVATING_FACT_NAMES), {
      uniqueItems: true,
      default: [],
      description: `Aggravating circumstances (从重情节): ${described(AGGRAVATING_FACTS)}`,
    }),
    listConditionsMet: Type.Array(Type.Enum(CONFIRMABLE_LIST_NAMES), {
      uniqueItems: true,
      default: [],
      description:
        'Lists of the benchmark whose conditions (情形) the officer finds met; only the officer can judge ' +
        `their text: ${described(CONFIRMABLE_LISTS)}`,
    }),
  },
  { $id: 'DiscretionCircumstances', description: 'The circumstances of the case (违法情节)' },
);

export const DiscretionAssessRequestSchema = StrictObject(
  {
    itemId: { ...Uuid, description: 'The penalty item (行政处罚事项) of the power list' },
    benchmarkId: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9_-]{1,40}$',
        description: 'The benchmark within the item; required when the item has several',
      }),
    ),
    date: Type.Optional({
      ...IsoDate,
      description: 'The date whose list and benchmarks apply (default: today, China time)',
    }),
    partyType: Type.Enum([...PARTY_TYPES], {
      description: 'natural_person 自然人, or organisation 法人或者其他组织',
    }),
    circumstances: Type.Unsafe<Static<typeof CircumstancesSchema>>({ $ref: 'DiscretionCircumstances' }),
  },
  { $id: 'DiscretionAssessRequest' },
);
export type DiscretionAssessRequest = Static<typeof DiscretionAssessRequestSchema>;

const ReasonSchema = Type.Object(
  {
    code: Type.Enum(Object.keys(DISCRETION_RULES) as ReasonCode[], { description: 'Stable reason code' }),
    rule: Type.String({ description: 'The rule applied, e.g. APL art. 33(1)' }),
    detail: Type.String({ description: 'How the rule applies to these circumstances' }),
  },
  { additionalProperties: false },
);

export const DiscretionAssessmentSchema = Type.Object(
  {
    itemId: Uuid,
    itemCode: Type.String(),
    benchmarkId: Type.String(),
    date: { ...IsoDate, description: 'The date whose list and benchmarks were applied' },
    outcome: Type.Enum(['no_penalty', 'no_penalty_possible', 'penalty'], {
      description:
        'no_penalty 不予处罚 (by law); no_penalty_possible 可以不予处罚 (e.g. 首违不罚: the officer decides; ' +
        'tier and range apply should they penalise); penalty',
    }),
    tier: Type.Union([Type.Enum(['lenient', 'normal', 'heavy', 'mitigated']), Type.Null()], {
      description:
        'lenient 从轻, normal 一般, heavy 从重, mitigated 减轻 (below the statutory minimum); null: no penalty',
    }),
    range: Type.Union(
      [
        Type.Object(
          {
            min: Type.Number(),
            max: Type.Number(),
            currency: Type.Literal('CNY'),
            exclusive: Type.Optional(
              Type.Boolean({
                description: 'Both bounds excluded (a mitigated range lies strictly below the minimum)',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ],
      {
        description:
          'The fine range (罚款幅度) of the tier, in CNY; for mitigated, from zero (exclusive) to the statutory minimum',
      },
    ),
    noCompulsoryMeasure: Type.Boolean({
      description: 'Compulsory measures may be waived (免予行政强制), on the conditions the reasons list',
    }),
    reasons: Type.Array(ReasonSchema, { description: 'Every rule that led to the outcome, in order' }),
  },
  {
    $id: 'DiscretionAssessment',
    additionalProperties: false,
    description: 'A penalty assessed against the discretion benchmark (行政处罚裁量), with its reasons',
  },
);
export type DiscretionAssessment = Static<typeof DiscretionAssessmentSchema>;

export const discretionSchemas = [
  CircumstancesSchema,
  DiscretionAssessRequestSchema,
  DiscretionAssessmentSchema,
];

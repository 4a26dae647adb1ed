/**
 * The content of a power-list item (权责清单事项) as it is versioned: everything an adjustment may
 * change. Shared by the item API, adjustments, import/export and the discretion assessment.
 */
import { type Static, Type } from 'typebox';
import {
  POWER_CATEGORIES,
  POWER_CATEGORY_CODES,
  POWER_LEVELS,
  RESPONSIBILITY_STAGES,
} from '../../domain/power-list/categories';
import { StrictObject, Text, Uuid } from '../../http/schemas';

export const PowerCategorySchema = Type.Enum([...POWER_CATEGORY_CODES], {
  $id: 'PowerCategory',
  description: `Category (权力类别): ${Object.entries(POWER_CATEGORIES)
    .map(([code, name]) => `${code} ${name}`)
    .join(', ')}`,
});

export const LegalBasisSchema = StrictObject(
  {
    law: Text(200, 'The law, regulation or rule, e.g. 中华人民共和国食品安全法'),
    article: Type.Optional(Text(100, 'Article, e.g. 第一百二十二条')),
    text: Type.Optional(Text(4000, 'The provision’s text')),
  },
  { $id: 'LegalBasis', description: 'A legal basis (设定依据 / 实施依据)' },
);
export type LegalBasis = Static<typeof LegalBasisSchema>;

const Amount = Type.Number({
  minimum: 0,
  description: 'CNY, or a multiple of the base for multiple-based fines',
});

export const TierSchema = StrictObject(
  {
    tier: Type.Enum(['lenient', 'normal', 'heavy'], { description: 'lenient 从轻, normal 一般, heavy 从重' }),
    min: Amount,
    max: Amount,
    conditions: Type.Array(Text(500), { description: 'When the tier applies (情形)' }),
  },
  { $id: 'DiscretionTier' },
);

const ListMembership = (description: string) =>
  Type.Optional(StrictObject({ conditions: Type.Array(Text(500), { minItems: 1 }) }, { description }));

export const DiscretionBenchmarkSchema = StrictObject(
  {
    id: Type.String({
      pattern: '^[A-Za-z0-9_-]{1,40}$',
      description: 'Key of the benchmark within its item, e.g. B1',
    }),
    violation: Text(1000, 'The violation (违法行为) the benchmark is for'),
    basis: Type.Enum(['fixed', 'illegal_gains_multiple', 'goods_value_multiple'], {
      description:
        'fixed: amounts in CNY; illegal_gains_multiple: multiples of the illegal gains (违法所得); ' +
        'goods_value_multiple: multiples of the goods value (货值金额)',
    }),
    legalRange: StrictObject({ min: Amount, max: Amount }, { description: 'The statutory range (法定幅度)' }),
    tiers: Type.Array(Type.Unsafe<Static<typeof TierSchema>>({ $ref: 'DiscretionTier' }), {
      minItems: 1,
      maxItems: 3,
      description: 'The range split into lenient / normal / heavy tiers (裁量阶次)',
    }),
    smallValue: Type.Optional(
      StrictObject(
        {
          below: Amount,
          min: Amount,
          max: Amount,
        },
        {
          description:
            'For multiple-based fines: the fixed range (CNY) that applies when the base is below `below`, e.g. ' +
            '货值金额不足一万元的，并处五万元以上十万元以下罚款',
        },
      ),
    ),
    noPenalty: ListMembership(
      'On the no-penalty list (不予处罚清单), incl. first violation (首违不罚): conditions',
    ),
    lighter: ListMembership('On the lighter-penalty list (从轻处罚清单): conditions'),
    mitigated: ListMembership('On the mitigated-penalty list (减轻处罚清单): conditions'),
    noCompulsoryMeasure: ListMembership('On the no-compulsory-measure list (免予行政强制清单): conditions'),
  },
  { $id: 'DiscretionBenchmark', description: 'A discretion benchmark (行政处罚裁量基准), APL art. 34' },
);
export type DiscretionBenchmark = Static<typeof DiscretionBenchmarkSchema>;

const stage = (key: keyof typeof RESPONSIBILITY_STAGES) =>
  Type.Optional(Type.Array(Text(1000), { description: `${RESPONSIBILITY_STAGES[key]} stage` }));
const stages = {
  filing: stage('filing'),
  investigation: stage('investigation'),
  review: stage('review'),
  notice: stage('notice'),
  decision: stage('decision'),
  service: stage('service'),
  enforcement: stage('enforcement'),
  other: stage('other'),
};

export const PowerItemDataSchema = StrictObject(
  {
    code: Type.String({
      pattern: '^[A-Za-z0-9._-]{1,60}$',
      description: 'Item code (事项编码), unique within the agency, e.g. 630102-CF-0001',
    }),
    name: Text(500, 'Item name (事项名称)'),
    subItems: Type.Array(Text(500), { description: 'Sub-items (子项)', default: [] }),
    category: Type.Unsafe<Static<typeof PowerCategorySchema>>({ $ref: 'PowerCategory' }),
    legalBasis: Type.Array(Type.Unsafe<LegalBasis>({ $ref: 'LegalBasis' }), { minItems: 1, maxItems: 50 }),
    exercisingUnitIds: Type.Array(Uuid, {
      description: 'Units that exercise the power (实施科室 / 所)',
      default: [],
    }),
    level: Type.Enum(Object.keys(POWER_LEVELS) as (keyof typeof POWER_LEVELS)[], {
      description: `Exercising level (行使层级): ${Object.entries(POWER_LEVELS)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    }),
    responsibilities: StrictObject(stages, {
      description:
        'Responsibility items per stage (责任事项): 立案 → 调查 → 审查 → 告知 → 决定 → 送达 → 执行',
      default: {},
    }),
    accountability: Type.Array(Text(1000), { description: 'Accountability cases (追责情形)', default: [] }),
    benchmarks: Type.Array(Type.Unsafe<DiscretionBenchmark>({ $ref: 'DiscretionBenchmark' }), {
      description: 'Discretion benchmarks (裁量基准); penalty items only',
      default: [],
    }),
    internalNotes: Type.Optional(
      Type.String({ maxLength: 4000, description: 'Internal notes; never published' }),
    ),
  },
  { $id: 'PowerItemData', description: 'The content of a power-list item (权责清单事项)' },
);
export type PowerItemData = Static<typeof PowerItemDataSchema>;

export const powerItemDataSchemas = [
  PowerCategorySchema,
  LegalBasisSchema,
  TierSchema,
  DiscretionBenchmarkSchema,
  PowerItemDataSchema,
];
